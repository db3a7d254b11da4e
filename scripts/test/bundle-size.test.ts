// The CDN build stays within each element's gzip budget (the same figures `pnpm bench` reports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: plain ESM helper without types
import { budgets, entrySizes } from '../sizes.mjs';

const rows: Array<{ name: string; totalGzip: number; budget?: number }> = entrySizes();

for (const [name, budget] of Object.entries(budgets as Record<string, number>)) {
  const row = rows.find((r) => r.name === name);
  test(`CDN entry ${name} is within ${budget} bytes gzip`, { skip: row ? false : `${name} is not built yet` }, () => {
    assert.ok(row!.totalGzip <= budget, `${name}: ${row!.totalGzip} bytes gzip > budget ${budget}`);
  });
}
