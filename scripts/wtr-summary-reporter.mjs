// A web-test-runner reporter that counts passed and failed tests across every browser and group, counts a
// test file that failed to load (or a Lit dev-mode warning) as a failure, writes the counts as JSON, and
// prints each failing test's name and `browser tests: N passed, N failed` last.
import { writeFileSync } from 'node:fs';

// Lit's informational dev-mode notices; any other "Lit …" warning fails the run.
const LIT_NOTICE = /Lit is in dev mode|Multiple versions of Lit/;

/** wtr labels WebKitGTK by its MiniBrowser shell; say which engine it is. */
function engineName(label = 'browser') {
  if (/minibrowser|webkit|safari/i.test(label)) return 'WebKit';
  if (/firefox/i.test(label)) return 'Firefox';
  if (/chrom/i.test(label)) return 'Chromium';
  return label;
}

function walk(suite, counts, names = [], failures = []) {
  if (!suite) return failures;
  const path = suite.name ? [...names, suite.name] : names;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      failures.push(
        `${[...path, test.name].join(' > ')}: ${String(test.error?.message ?? 'failed')
          .split('\n')[0]
          .slice(0, 200)}`,
      );
    }
  }
  for (const child of suite.suites ?? []) walk(child, counts, path, failures);
  return failures;
}

export function agirSummaryReporter({ file } = {}) {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [], loadErrors: [], litWarnings: [], byBrowser: {} };
      for (const session of sessions) {
        const counts = { passed: 0, failed: 0, skipped: 0 };
        const browser = engineName(session.browser?.name);
        for (const failure of walk(session.testResults, counts)) totals.failures.push(`${session.testFile} [${browser}]: ${failure}`);
        // A file that failed to import, or errored outside any test, reports no failing test by itself.
        if (!session.passed && counts.failed === 0) {
          counts.failed += 1;
          const why = (session.errors ?? []).map((error) => error.message).join('; ') || 'failed to run';
          totals.loadErrors.push(`${session.testFile} [${browser}]: ${why}`);
        }
        for (const log of session.logs ?? []) {
          const text = (Array.isArray(log) ? log : [log]).map(String).join(' ');
          if (/\bLit\b/.test(text) && /dev mode|warning|change-in-update/i.test(text) && !LIT_NOTICE.test(text)) {
            counts.failed += 1;
            totals.litWarnings.push(`${session.testFile} [${browser}]: ${text.slice(0, 300)}`);
          }
        }
        const entry = (totals.byBrowser[browser] ??= { passed: 0, failed: 0, skipped: 0 });
        for (const key of ['passed', 'failed', 'skipped']) {
          entry[key] += counts[key];
          totals[key] += counts[key];
        }
      }
      for (const line of totals.failures) console.log(`[agir] failed: ${line}`);
      for (const line of totals.loadErrors) console.log(`[agir] test file failed to run: ${line}`);
      for (const line of totals.litWarnings) console.log(`[agir] Lit warning counted as a failure: ${line}`);
      for (const [browser, c] of Object.entries(totals.byBrowser)) console.log(`[agir] ${browser}: ${c.passed} passed, ${c.failed} failed`);
      console.log(`browser tests: ${totals.passed} passed, ${totals.failed} failed`);
      if (file) writeFileSync(file, JSON.stringify(totals, null, 2));
    },
  };
}
