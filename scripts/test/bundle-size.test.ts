// The CDN build stays within each element's gzip budget (the same figures `pnpm bench` reports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: plain ESM helper without types
import { budgets, cdnDir, entrySizes, staticModules } from '../sizes.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const rows: Array<{ name: string; totalGzip: number; budget?: number }> = entrySizes();

for (const [name, budget] of Object.entries(budgets as Record<string, number>)) {
  const row = rows.find((r) => r.name === name);
  test(`CDN entry ${name} is within ${budget} bytes gzip`, { skip: row ? false : `${name} is not built yet` }, () => {
    assert.ok(row!.totalGzip <= budget, `${name}: ${row!.totalGzip} bytes gzip > budget ${budget}`);
  });
}

// petition-form's budget holds Lit (issue 5) and the readers it checks fields with: they are in the files the
// entry loads before it renders (static imports), not in a chunk loaded afterwards. No zod reaches the browser
// (issue 17): the form's checks are core's zod-free readers, held to the schemas by core's parity test.
test('the petition-form entry counts Lit (lit-html), the person readers, the element and its submission controller; no zod', () => {
  const modules: string[] = staticModules('petition-form');
  for (const expected of [
    /lit-html\/lit-html\.js$/,
    /core\/src\/read\/person\.ts$/,
    /petition-form\/petition-form\.ts$/,
    /petition-form\/submission\.ts$/,
  ])
    assert.ok(
      modules.some((id) => expected.test(id)),
      `${expected} is among the modules the petition-form entry loads before rendering`,
    );
  assert.ok(!modules.some((id) => /node_modules\/.*zod\/v4\/(core\/schemas|mini\/schemas|core\/core)\.js$/.test(id)), 'no zod schema code');
  // …and nothing of the sending machinery, which its submission controller (submission.ts, in the entry) loads
  // once the element connects: the controller's code, the notices, the page-form wiring, the queue, the client.
  for (const lazy of [
    /petition-form\/submission-code\.ts$/,
    /petition-form\/notices\.ts$/,
    /petition-form\/page-form\.ts$/,
    /petition-form\/page-queue\.ts$/,
    /core\/src\/queue\.ts$/,
    /core\/src\/client\.ts$/,
  ])
    assert.ok(!modules.some((id) => lazy.test(id)), `${lazy} is loaded on demand`);
});

// Readers of the contract in the browser are zod-free (core's read/, held to the schemas by core's parity test):
// zod/mini costs about 5 kB gzip before the first schema. Only a pattern of zod's (the email one) is shared.
test('no file of the CDN build carries zod’s schema code', () => {
  const stats = JSON.parse(readFileSync(path.join(cdnDir, 'stats.json'), 'utf8')) as {
    nodeMetas: Record<string, { id: string; moduleParts: Record<string, string> }>;
  };
  const carried = Object.values(stats.nodeMetas)
    .filter((meta) => /zod\/v4\/(core\/(schemas|core|parse|checks)|mini\/schemas)\.js$/.test(meta.id))
    .flatMap((meta) => Object.keys(meta.moduleParts).map((file) => `${file}: ${meta.id}`));
  assert.deepEqual(carried, []);
});
