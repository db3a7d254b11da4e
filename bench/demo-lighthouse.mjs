// Lighthouse on the demo pages (French, English, Arabic) served by the reference server: performance,
// accessibility, best practices and SEO scores, plus the page's cumulative layout shift and total bytes.
// Run by `pnpm bench` (figures into docs/benchmarks.md) and by the e2e suite, which holds accessibility and
// best practices to ≥ 95 and layout shift to Lighthouse's "good" (performance is a timed figure: reported, not held).
//   node bench/demo-lighthouse.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, startSeededServer } from '../scripts/bench-lib.mjs';

export const title = 'Demo pages: Lighthouse';
export const description =
  "Lighthouse 13 (mobile emulation, simulated throttling) on the demo pages served by `npm start`'s reference server, in Debian Chromium on this 2-core machine: the median of 3 runs a page. Scores are 0–100.";
export const pages = ['/', '/en/', '/ar/'];

/** Runs per page: Lighthouse's own advice is the median of several runs, as scores vary with machine load. */
export const runsPerPage = Number(process.env.AGIR_LIGHTHOUSE_RUNS ?? 3);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Audits each demo page `runs` times; returns one result per page with the median of each figure over its
 * runs, the best performance score, and each run's performance, total blocking time and CPU benchmark index.
 */
export async function audit({ runs: runCount = runsPerPage } = {}) {
  const server = await startSeededServer([]);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...chromiumFlags],
  });
  try {
    const results = [];
    for (const page of pages) {
      const url = new URL(page, server.url).href;
      const runs = [];
      for (let run = 0; run < runCount; run++) {
        const runnerResult = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const { categories, audits } = runnerResult.lhr;
        const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
        runs.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          cls: audits['cumulative-layout-shift']?.numericValue ?? 0,
          lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
          tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
          benchmarkIndex: Math.round(runnerResult.lhr.environment?.benchmarkIndex ?? 0),
          totalBytes: audits['total-byte-weight']?.numericValue ?? 0,
          failing: Object.values(audits)
            .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
            .map((a) => a.id),
        });
      }
      const figure = (key) => median(runs.map((run) => run[key]));
      results.push({
        page,
        runs: runs.length,
        performance: figure('performance'),
        performanceRuns: runs.map((run) => run.performance),
        performanceBest: Math.max(...runs.map((run) => run.performance)),
        tbtRuns: runs.map((run) => run.tbtMs),
        tbtMs: figure('tbtMs'),
        benchmarkIndexes: runs.map((run) => run.benchmarkIndex),
        accessibility: figure('accessibility'),
        bestPractices: figure('bestPractices'),
        seo: figure('seo'),
        cls: figure('cls'),
        lcpMs: figure('lcpMs'),
        totalBytes: figure('totalBytes'),
        failing: [...new Set(runs.flatMap((run) => run.failing))],
      });
    }
    return results;
  } finally {
    await chrome.kill();
    await server.stop();
  }
}

/** `pnpm bench`: one row per page and measure. */
export default async function bench() {
  const rows = [];
  for (const result of await audit()) {
    rows.push({ name: `${result.page} performance`, value: result.performance, unit: 'score' });
    rows.push({ name: `${result.page} total blocking time (simulated mobile)`, value: result.tbtMs, unit: 'ms' });
    rows.push({ name: `${result.page} accessibility`, value: result.accessibility, unit: 'score' });
    rows.push({ name: `${result.page} best practices`, value: result.bestPractices, unit: 'score' });
    rows.push({ name: `${result.page} SEO`, value: result.seo, unit: 'score' });
    rows.push({ name: `${result.page} cumulative layout shift`, value: Number((result.cls ?? 0).toFixed(4)), unit: 'CLS' });
    rows.push({ name: `${result.page} largest contentful paint (simulated mobile)`, value: result.lcpMs, unit: 'ms' });
    rows.push({ name: `${result.page} total transfer`, value: result.totalBytes, unit: 'bytes' });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await audit(), null, 2));
}
