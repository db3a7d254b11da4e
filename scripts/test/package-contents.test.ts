// The packed npm tarballs hold what a user needs and nothing of the build's own reports (issue 16): every file the
// published exports point to is in the tarball; the bundle visualiser's report and compressed source maps are not.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { root } from '../lib.mjs';

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
