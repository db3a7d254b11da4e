// Browser tests: every packages/elements/test/*.test.ts file (one group per element) in real engines.
// AGIR_BROWSERS picks them: "chromium" (default when run by hand), or "chromium,firefox,webkit" (what
// `npm test` runs): Chromium through the chrome launcher, Firefox ESR through puppeteer (WebDriver BiDi),
// WebKitGTK through WebKitWebDriver (run under xvfb-run). See docs/browser-support.md.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import net from 'node:net';
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

const wanted = new Set((process.env.AGIR_BROWSERS ?? 'chromium').split(',').map((name) => name.trim().toLowerCase()));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs = 10_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on port ${port}`);
}

const browsers = [];
if (wanted.has('chromium')) {
  browsers.push(
    chromeLauncher({ launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: chromeArgs } }),
  );
}
if (wanted.has('firefox')) {
  const { puppeteerLauncher } = await import('@web/test-runner-puppeteer');
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true },
    }),
  );
}
if (wanted.has('webkit')) {
  const { webdriverLauncher } = await import('@web/test-runner-webdriver');
  const port = await freePort();
  const driver = spawn(process.env.WEBKIT_DRIVER_PATH ?? 'WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  process.on('exit', () => driver.kill());
  await waitForPort(port);
  browsers.push(
    webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          args: ['--automation'],
          binary: process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        },
        'wdio:enforceWebDriverClassic': true,
      },
    }),
  );
}

// The reference server (PGlite) under /agir-api/ of the test server: same HTTP/1.1 host as the code under
// test, started on the first request (see packages/server/test/wtr-api.ts).
let referenceApi;
async function referenceServer(ctx, next) {
  if (!ctx.path.startsWith('/agir-api/')) return next();
  referenceApi ??= (async () => {
    const { register } = await import('tsx/esm/api');
    register();
    const { referenceApi: start } = await import('./packages/server/test/wtr-api.ts');
    return start('/agir-api');
  })();
  const handle = await referenceApi;
  ctx.respond = false;
  await handle(ctx.req, ctx.res);
}

const testDir = 'packages/elements/test';
const groups = readdirSync(testDir)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => ({ name: name.replace(/\.test\.ts$/, ''), files: `${testDir}/${name}` }));

export default {
  groups,
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [referenceServer],
  plugins: [esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname, target: 'es2022' })],
  browsers,
  coverageConfig: { include: ['packages/elements/src/**', 'packages/core/src/**'] },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), agirSummaryReporter({ file: process.env.AGIR_WTR_SUMMARY })],
};
