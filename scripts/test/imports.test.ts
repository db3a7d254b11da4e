// Issue 15: no circular import anywhere in the packages' sources. Rolldown (the bundler Vite runs on) walks the
// import graph of every source module of core, elements and server, and reports each cycle it finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rolldown } from 'rolldown';

const root = path.resolve(import.meta.dirname, '../..');

/** Every TypeScript source module under `dir` (no declarations). */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ts$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => path.join(dir, name));
}

/** The cycles among `inputs` and what they import (packages outside the workspace are left out). */
async function cycles(inputs: string[]): Promise<string[]> {
  const found: string[] = [];
  const bundle = await rolldown({
    input: inputs,
    platform: 'node',
    checks: { circularDependency: true },
    external: (id) => /^(node:|[a-z]|@(?!agir\/))/.test(id),
    onwarn(warning) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') found.push(warning.message);
    },
  });
  await bundle.generate({ format: 'esm' });
  await bundle.close();
  return found;
}

test('the check finds a cycle when there is one', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'agir-cycle-'));
  try {
    writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b();\n");
    writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
    const found = await cycles([path.join(dir, 'a.ts')]);
    assert.equal(found.length, 1, found.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const name of ['core', 'elements', 'server']) {
  test(`no circular import in packages/${name}/src`, async () => {
    const inputs = sources(path.join(root, 'packages', name, 'src'));
    assert.ok(inputs.length > 5, `packages/${name}/src has its modules`);
    assert.deepEqual(await cycles(inputs), []);
  });
}
