// Browser tests: every packages/elements/test/*.test.ts file in real Chromium (one group per element).
// Set AGIR_BROWSERS=chromium,firefox,webkit to pick engines (see docs/browser-support.md).
import { readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { agirSummaryReporter } from './scripts/wtr-summary-reporter.mjs';

const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate,MediaRouter',
];

const testDir = 'packages/elements/test';
const groups = readdirSync(testDir)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => ({ name: name.replace(/\.test\.ts$/, ''), files: `${testDir}/${name}` }));

export default {
  groups,
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: chromeArgs },
    }),
  ],
  coverageConfig: { include: ['packages/elements/src/**', 'packages/core/src/**'] },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), agirSummaryReporter({ file: process.env.AGIR_WTR_SUMMARY })],
};
