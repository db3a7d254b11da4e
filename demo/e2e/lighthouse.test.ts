// Issue 8: Lighthouse on each demo page (the same audit `pnpm bench` records in docs/benchmarks.md).
//
// Held here: accessibility and best practices ≥ 95, and no layout shift beyond Lighthouse's "good" (0.1).
// They do not depend on how fast the machine is. The performance score is printed, not held: it is mostly
// total blocking time, which is wall-clock time on whatever machine runs the suite, multiplied by four. The
// house rule is that performance is measured by benchmarks beside a reference in the same run, never by timed
// tests, and this one showed why: on CI's 2-core machine one build gave `/` a total blocking time from 173
// to 702 ms over ten runs (CPU index 2 574 to 2 959), so whether one run in ten reached 95 was a draw. The
// page's main-thread cost is measured by `bench/side-by-side.mjs` (main-thread CPU beside a hand-written Lit
// form and a Shoelace form, in the same run) and its bytes are held by `bench/page-weight.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: plain ESM bench module without types
import { audit } from '../../bench/demo-lighthouse.mjs';

test(
  'Lighthouse ≥ 95 in accessibility and best practices, and a "good" layout shift, on the fr, en and ar demo pages',
  { timeout: 600_000 },
  async () => {
    const results: Array<{
      page: string;
      performance: number;
      accessibility: number;
      bestPractices: number;
      seo: number;
      cls: number;
      tbtRuns: number[];
      benchmarkIndexes: number[];
      failing: string[];
    }> = await audit({ runs: 1 });
    assert.deepEqual(
      results.map((r) => r.page),
      ['/', '/en/', '/ar/'],
    );
    for (const result of results) {
      console.log(
        `lighthouse ${result.page}: performance ${result.performance} (TBT ${result.tbtRuns.join(', ')} ms, CPU index ${result.benchmarkIndexes.join(', ')}), accessibility ${result.accessibility}, best practices ${result.bestPractices}, SEO ${result.seo}, CLS ${result.cls}`,
      );
      for (const category of ['accessibility', 'bestPractices'] as const) {
        assert.ok(
          result[category] >= 95,
          `${result.page} ${category} ${result[category]} < 95 (failing audits: ${result.failing.join(', ')})`,
        );
      }
      assert.ok(result.cls < 0.1, `${result.page} cumulative layout shift ${result.cls} is not "good" (< 0.1)`);
    }
  },
);
