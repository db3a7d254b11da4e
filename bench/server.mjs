// Load figures of the reference server (@agir/server), on PGlite and on PostgreSQL: signatures a second
// and count reads a second (fresh 200s, and 304s for clients sending If-None-Match), p50/p99 latency.
// The server runs as `agir-server start` in a child process; autocannon drives it over loopback for a
// bounded time per measure (AGIR_BENCH_SECONDS, default 5). The figures go into docs/benchmarks.md
// between the server-bench markers.
//   node bench/server.mjs        or        pnpm bench server
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import * as prettier from 'prettier';
import { startPostgres } from '../scripts/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverBin = path.join(root, 'packages/server/bin/agir-server.mjs');
const docFile = path.join(root, 'docs/benchmarks.md');
const seconds = Number(process.env.AGIR_BENCH_SECONDS ?? 5);
const PETITION = 'xinjiang';
const CONNECTIONS = 16;

export const title = 'Reference server';
/** scripts/bench.mjs: this bench writes its own section of docs/benchmarks.md. */
export const writesOwnSection = true;

/** Starts the CLI server on a random port; resolves with its URL and a stop(). */
async function startServer(database) {
  const args = ['start', '--port', '0', '--seed', '--rate-limit', 'off', '--quiet', '--no-demo'];
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (database.dataDir) args.push('--data-dir', database.dataDir);
  else env.DATABASE_URL = database.databaseUrl;
  const child = spawn(process.execPath, [serverBin, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^agir-server listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`agir-server exited with ${code} before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: seconds, connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function signatureBody() {
  const now = Date.now();
  const id = randomUUID();
  return JSON.stringify({
    idempotencyKey: id,
    person: { givenName: 'Bench', familyName: 'Signer', email: `bench-${id}@example.org`, country: 'FR' },
    consents: [{ id: 'newsletter', granted: false, text: 'Je veux recevoir les nouvelles de la campagne.', version: '2026-11' }],
    locale: 'fr',
    source: { url: 'https://example.org/bench' },
    client: { startedAt: new Date(now - 30_000).toISOString(), submittedAt: new Date(now).toISOString(), trap: '' },
  });
}

async function readPetition(url) {
  const response = await fetch(`${url}/api/v1/petitions/${PETITION}`);
  return { petition: await response.json(), etag: response.headers.get('etag') };
}

function summarise(result) {
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result['2xx'] + (result['3xx'] ?? 0),
    failures,
  };
}

/** The three measures against one running server. */
async function measure(url) {
  const before = (await readPetition(url)).petition.signatureCount;
  const signing = await load({
    url: `${url}/api/v1/petitions/${PETITION}/signatures`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: signatureBody() }) }],
  });
  const { petition, etag } = await readPetition(url);
  const signatures = summarise(signing);
  if (signatures.failures > 0) throw new Error(`${signatures.failures} signature requests failed`);
  // autocannon stops with up to one request in flight per connection: those are stored, not counted by it.
  const rose = petition.signatureCount - before;
  if (rose < signing['2xx'] || rose > signing['2xx'] + CONNECTIONS) {
    throw new Error(`the count rose by ${rose} for ${signing['2xx']} accepted signatures`);
  }
  const fresh = summarise(await load({ url: `${url}/api/v1/petitions/${PETITION}` }));
  const revalidated = summarise(await load({ url: `${url}/api/v1/petitions/${PETITION}`, headers: { 'if-none-match': etag } }));
  if (fresh.failures > 0) throw new Error(`${fresh.failures} count reads failed`);
  return { signatures, fresh, revalidated };
}

/** Writes this bench's section of docs/benchmarks.md, formatted as `prettier --check` wants it. */
async function writeSection(body) {
  const start = '<!-- server-bench:start -->';
  const end = '<!-- server-bench:end -->';
  let doc = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '# Benchmarks\n\nRun `pnpm bench` to reproduce every figure here.\n';
  const options = { ...(await prettier.resolveConfig(docFile)), parser: 'markdown' };
  const block = `${start}\n\n${(await prettier.format(body, options)).trim()}\n\n${end}`;
  doc = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docFile, doc);
}

export default async function bench() {
  const load = os.loadavg()[0].toFixed(1); // other work on the machine skews the figures: say how much there was
  const runs = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agir-bench-'));
  try {
    const server = await startServer({ dataDir: path.join(dir, 'pglite') });
    try {
      runs.push({ database: 'PGlite', ...(await measure(server.url)) });
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await startPostgres();
  try {
    const server = await startServer({ databaseUrl: postgres.url });
    try {
      runs.push({ database: 'PostgreSQL', ...(await measure(server.url)) });
    } finally {
      await server.stop();
    }
  } finally {
    await postgres.stop();
  }

  const results = [];
  const rows = [];
  for (const run of runs) {
    for (const [key, label] of [
      ['signatures', 'signatures (POST, new signer each)'],
      ['fresh', 'count reads (GET, 200)'],
      ['revalidated', 'count reads (GET + If-None-Match, 304)'],
    ]) {
      const figures = run[key];
      results.push(
        { name: `${run.database}: ${label}`, value: figures.perSecond, unit: 'req/s' },
        { name: `${run.database}: ${label} p50`, value: figures.p50, unit: 'ms' },
        { name: `${run.database}: ${label} p99`, value: figures.p99, unit: 'ms' },
      );
      rows.push(`| ${run.database} | ${label} | ${figures.perSecond} | ${figures.p50} | ${figures.p99} | ${figures.total} |`);
    }
  }
  const cpu = os.cpus();
  await writeSection(`## Reference server (@agir/server)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${os.type()} ${os.release()}
(load average ${load} when the run started: other work on the machine lowers these figures).
Each line is ${seconds} s of [autocannon](https://github.com/mcollina/autocannon) with ${CONNECTIONS} connections over loopback against
\`agir-server start --seed --rate-limit off --quiet\` running in its own process (autocannon shares the two cores with it).
Signatures are all new signers (a new idempotency key and email each), the seed petition's count is checked to rise by exactly
the number of 201s (give or take the requests still in flight when autocannon stops). Count reads hit \`GET /api/v1/petitions/xinjiang\`; the 304 line sends the current ETag, as browsers and
CDNs revalidating after \`max-age=5\` do. PostgreSQL is a local PostgreSQL ${'15'} cluster started by scripts/postgres.mjs with
default (durable) settings; PGlite writes to a temporary folder.

| database | measure | req/s | p50 ms | p99 ms | requests |
|---|---|---:|---:|---:|---:|
${rows.join('\n')}

Reproduce: \`node bench/server.mjs\` (or \`pnpm bench server\`); \`AGIR_BENCH_SECONDS=10\` for longer runs.
What bounds each figure: a signature is one transaction that locks its petition's row (signatures of one petition are
serialised, which keeps the counters exact); PGlite is a single connection, so its transactions run one at a time, and it
runs on the server's main thread (in a CPU profile of the PGlite signature load, about two thirds of the server's time is
inside PGlite). On PostgreSQL, a petition's signatures wait for each other's commit (the row lock): that bounds one petition, while
signatures to different petitions proceed in parallel and the HTTP work can spread over several server processes.
Count reads come from a 1-second in-process cache of the petition row (dropped at once by local writes), so they measure the
HTTP layer more than the database.`);
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await bench();
  console.log(['| measure | value | unit |', '|---|---:|---|', ...results.map((r) => `| ${r.name} | ${r.value} | ${r.unit} |`)].join('\n'));
}
