// The CDN build stays within each element's gzip budget (the same figures `pnpm bench` reports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: plain ESM helper without types
import { budgets, entrySizes, staticModules } from '../sizes.mjs';

const rows: Array<{ name: string; totalGzip: number; budget?: number }> = entrySizes();

for (const [name, budget] of Object.entries(budgets as Record<string, number>)) {
  const row = rows.find((r) => r.name === name);
  test(`CDN entry ${name} is within ${budget} bytes gzip`, { skip: row ? false : `${name} is not built yet` }, () => {
    assert.ok(row!.totalGzip <= budget, `${name}: ${row!.totalGzip} bytes gzip > budget ${budget}`);
  });
}

// petition-form's budget holds Lit and zod/mini (issue 5): they are in the files the entry loads before it
// renders (static imports), not in a chunk loaded afterwards.
test('the petition-form entry counts Lit (lit-html) and zod/mini, with the contract person schema, the element and its submission controller', () => {
  const modules: string[] = staticModules('petition-form');
  for (const expected of [
    /lit-html\/lit-html\.js$/,
    /zod\/v4\/core\/schemas\.js$/,
    /zod\/v4\/mini\/schemas\.js$/,
    /core\/src\/schemas\/person\.ts$/,
    /petition-form\/petition-form\.ts$/,
    /petition-form\/submission\.ts$/,
  ])
    assert.ok(
      modules.some((id) => expected.test(id)),
      `${expected} is among the modules the petition-form entry loads before rendering`,
    );
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
