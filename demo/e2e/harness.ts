/**
 * End-to-end harness: the real reference server (its CLI, as a child process, on a throwaway PGlite
 * folder) and Debian's Chromium driven by playwright-core. Tests serve fixture pages from other origins
 * through request interception, so cross-origin embedding (CORS) is exercised for real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'packages/server/bin/agir-server.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ReferenceServer {
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  /** e.g. http://127.0.0.1:PORT/api/v1 */
  readonly api: string;
  readonly port: number;
  readonly dataDir: string;
  readonly output: string[];
  /** Stops the server process (SIGTERM, or the signal given) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Runs another CLI command against the same data folder (the server must be stopped for PGlite). */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Stops and removes the data folder. */
  dispose(): Promise<void>;
}

export interface ServerOptions {
  corsOrigins?: string;
  extraArgs?: string[];
  env?: Record<string, string>;
}

export async function startReferenceServer(options: ServerOptions = {}): Promise<ReferenceServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agir-e2e-'));
  const port = await freePort();
  const output: string[] = [];
  let child: ChildProcess | undefined;

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const args = [
        cli,
        'start',
        '--seed',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--data-dir',
        dataDir,
        '--rate-limit',
        'off',
        '--min-fill-ms',
        '0',
      ];
      if (options.corsOrigins) args.push('--cors-origins', options.corsOrigins);
      args.push(...(options.extraArgs ?? []));
      const proc = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      // A guard against a hang, not a measure: PGlite's first start (initdb, migrations, seed) is CPU work that
      // took over 60 s on a shared 2-core machine with two e2e files running. Not started in time: stopped, so
      // that its pipes do not keep the test file running after the failure.
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`server did not start in 120 s:\n${output.join('')}`));
      }, 120_000);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        output.push(text);
        if (/agir-server listening on http/.test(text)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      proc.on('exit', (code) => {
        clearTimeout(timer);
        if (child === proc) child = undefined;
        reject(new Error(`server exited with ${code} before listening:\n${output.join('')}`));
      });
    });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc) return;
    child = undefined;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
  };

  await launch();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    api: `${origin}/api/v1`,
    port,
    dataDir,
    output,
    stop,
    start: launch,
    cli: (args) =>
      new Promise((resolve) => {
        const proc = spawn(process.execPath, [cli, ...args, '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        proc.stdout.on('data', (c) => (stdout += c));
        proc.stderr.on('data', (c) => (stderr += c));
        proc.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      }),
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.keys`, { recursive: true, force: true }); // the data key and person keys, beside the folder
    },
  };
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Fixture pages are served on made-up public origins while the server is on loopback: Chromium's
  // Private/Local Network Access would block that, which a real public site calling a public API never meets.
  '--disable-features=Translate,MediaRouter,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

/**
 * Serves `html` at `pageUrl` (any origin, e.g. http://campaign.test/) through interception; every other
 * request goes to the network (the reference server on loopback). Returns the URLs requested.
 */
export async function servePage(
  context: BrowserContext,
  pageUrl: string,
  html: string,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  const target = new URL(pageUrl);
  await context.route(
    (url) => url.origin === target.origin,
    (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === target.pathname)
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers });
      return route.fulfill({ status: 404, body: 'not found' });
    },
  );
  return requested;
}

const requireFromHere = createRequire(import.meta.url);
let axeSource: string | undefined;

/** Runs axe-core in the page (shadow roots included); returns the violations. */
export async function axeViolations(
  page: Page,
  options: Record<string, unknown> = {},
): Promise<Array<{ id: string; impact: string; nodes: unknown[]; help: string }>> {
  axeSource ??= readFileSync(requireFromHere.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated over the DevTools protocol: not blocked by the page's CSP or Trusted Types.
  await page.evaluate(axeSource);
  return page.evaluate(async (opts) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], ...opts });
    return result.violations as Array<{ id: string; impact: string; nodes: unknown[]; help: string }>;
  }, options);
}

/** A readable summary of axe violations for assertion messages. */
export function describeViolations(violations: Array<{ id: string; help: string; nodes: unknown[] }>): string {
  return violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`).join('\n');
}

/** Fetches JSON from the reference server. */
export async function getJson<T = unknown>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A static file server for a built site (loopback only). */
export function serveDirectory(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}
