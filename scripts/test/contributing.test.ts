// CONTRIBUTING.md is the newcomer's map: its links and the paths it names exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const text = readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');

test('every relative link of CONTRIBUTING.md resolves', () => {
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((link) => !/^[a-z]+:/.test(link));
  assert.ok(links.length > 0);
  for (const link of links) assert.ok(existsSync(path.join(root, link)), `CONTRIBUTING.md links to ${link}, which does not exist`);
});

test('every repository path CONTRIBUTING.md names exists', () => {
  const paths = [...text.matchAll(/`((?:packages|scripts|demo|docs)\/[^`<>*{}\s]*)`/g)].map((match) => match[1]!);
  assert.ok(paths.length > 5);
  for (const name of paths) assert.ok(existsSync(path.join(root, name)), `CONTRIBUTING.md names ${name}, which does not exist`);
});
