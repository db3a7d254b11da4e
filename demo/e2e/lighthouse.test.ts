// Issue 8: Lighthouse performance, accessibility and best practices ≥ 95 on each demo page (the same
// audit `pnpm bench` records in docs/benchmarks.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: plain ESM bench module without types
import { audit } from '../../bench/demo-lighthouse.mjs';

test('Lighthouse ≥ 95 in performance, accessibility and best practices on the fr, en and ar demo pages', { timeout: 600_000 }, async () => {
  const results: Array<{
    page: string;
    performance: number;
    accessibility: number;
    bestPractices: number;
    seo: number;
    performanceRuns: number[];
    failing: string[];
  }> = await audit();
  assert.deepEqual(
    results.map((r) => r.page),
    ['/', '/en/', '/ar/'],
  );
  for (const result of results) {
    console.log(
      `lighthouse ${result.page}: performance ${result.performance} (median of ${result.performanceRuns.join(', ')}), accessibility ${result.accessibility}, best practices ${result.bestPractices}, SEO ${result.seo}`,
    );
    for (const category of ['performance', 'accessibility', 'bestPractices'] as const) {
      assert.ok(
        result[category] >= 95,
        `${result.page} ${category} ${result[category]} < 95 (failing audits: ${result.failing.join(', ')})`,
      );
    }
  }
});
