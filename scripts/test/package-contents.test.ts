// The packed npm tarballs hold what a user needs and nothing of the build's own reports (issue 16): every file the
// published exports point to is in the tarball; the bundle visualiser's report and compressed source maps are not.
// And every published module imports in Node, as a server-rendering framework (Next.js, Astro) imports it, from
// the packed tarballs installed side by side: it throws nothing and defines nothing.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { root } from '../lib.mjs';
import { packedApp } from '../packed-app.js';

interface PackFile {
  readonly path: string;
}

/** The files `npm pack` would put in a package's tarball. */
function packed(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
  return (JSON.parse(out) as { files: PackFile[] }[])[0]!.files.map((file) => file.path);
}

/** Every file path named by an exports map (conditions flattened), without wildcards. */
function targets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports && typeof exports === 'object') return Object.values(exports).flatMap(targets);
  return [];
}

for (const name of ['core', 'elements']) {
  describe(`@agir/${name}: the packed tarball`, () => {
    const dir = path.join(root, 'packages', name);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      exports: unknown;
      publishConfig?: { exports?: unknown };
    };
    const files = packed(dir);

    test('holds every file its published exports point to', () => {
      const wanted = targets(manifest.publishConfig?.exports ?? manifest.exports)
        .filter((target) => !target.includes('*'))
        .map((target) => path.posix.normalize(target));
      assert.ok(wanted.length > 0);
      const missing = wanted.filter((target) => !files.includes(target));
      assert.deepEqual(missing, [], `not in the tarball: ${missing.join(', ')}`);
    });

    test('holds no build report and no compressed source map', () => {
      const reports = files.filter((file) => /(^|\/)stats\.(html|json)$|\.map\.(br|gz)$|\.tsbuildinfo$/.test(file));
      assert.deepEqual(reports, []);
    });
  });
}

test(
  'every published module of the packed packages imports in Node (as during server rendering) and defines nothing',
  { timeout: 120_000 },
  (t) => {
    // The packed tarballs with their dependencies, as a package manager would install them (from this workspace: no network in tests).
    const { dir: app, remove } = packedApp('ssr');
    t.after(remove);
    const specifiers: string[] = [];
    for (const name of ['core', 'elements']) {
      const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/@agir', name, 'package.json'), 'utf8')) as {
        exports: Record<string, unknown>;
      };
      for (const [key, target] of Object.entries(manifest.exports)) {
        const file = typeof target === 'string' ? target : (target as { default?: string }).default;
        if (file?.endsWith('.js') && !key.includes('*')) specifiers.push(`@agir/${name}${key.slice(1)}`);
      }
    }
    assert.ok(specifiers.length >= 12, `published modules: ${specifiers.join(', ')}`);
    const script = `const failed = [];
    for (const specifier of ${JSON.stringify(specifiers)}) {
      try { await import(specifier); } catch (error) { failed.push(specifier + ': ' + error.message); }
    }
    if (typeof customElements !== 'undefined' || typeof HTMLElement !== 'undefined') failed.push('a DOM global was defined');
    console.log(JSON.stringify(failed));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').at(-1)!), [], `modules that do not import in Node`);
  },
);
