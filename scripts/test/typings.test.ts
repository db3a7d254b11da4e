// The published typings (packages/elements/dist/npm, written by `tsc -p tsconfig.build.json` with
// `stripInternal`) list only documented members: a member marked `@internal` in the source is not in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const elements = path.resolve(import.meta.dirname, '../../packages/elements');
const dist = path.join(elements, 'dist/npm');

function* files(dir: string, ext: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full, ext);
    else if (entry.name.endsWith(ext) && !entry.name.endsWith(`.test${ext}`)) yield full;
  }
}

const built = existsSync(dist);

test('no @internal member is in the published typings', { skip: built ? false : 'packages/elements is not built yet' }, () => {
  const internal =
    /\/\*\*(?:(?!\*\/)[\s\S])*@internal(?:(?!\*\/)[\s\S])*\*\/\s*(?:(?:readonly|declare|static|get|set|async|override|protected)\s+)*(\w+)/g;
  let checked = 0;
  for (const source of files(path.join(elements, 'src'), '.ts')) {
    const names = [...readFileSync(source, 'utf8').matchAll(internal)].map((match) => match[1]!);
    if (!names.length) continue;
    const typings = path.join(dist, path.relative(path.join(elements, 'src'), source)).replace(/\.ts$/, '.d.ts');
    if (!existsSync(typings)) continue;
    const text = readFileSync(typings, 'utf8');
    assert.doesNotMatch(text, /@internal/, `${path.relative(elements, typings)} mentions @internal`);
    for (const name of names) {
      checked++;
      assert.doesNotMatch(
        text,
        new RegExp(`^\\s+(?:(?:readonly|static|get|set|protected)\\s+)*${name}\\b[?(:<]`, 'm'),
        `${name} is @internal in ${path.relative(elements, source)} but listed in ${path.relative(elements, typings)}`,
      );
    }
  }
  assert.ok(checked > 20, `expected the source's @internal members to be checked (found ${checked})`);
});
