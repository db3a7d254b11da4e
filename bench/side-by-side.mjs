// Issue 17, "Fast where readers are": each Agir element (and all four on one page) side by side, in the same
// run, with a hand-written Lit form with petition-form's fields (the floor, bench/anchors/lit-form.ts) and the
// same form made of Shoelace components from npm (bench/anchors/shoelace-form.ts), both built here with Vite.
// For each page, cold cache, the median of AGIR_BENCH_RUNS runs (5; CI: 1):
// - bytes: every script and style sheet the page fetched until it rendered and the network went idle, gzip -9
//   and brotli 11 (as the CDN serves them precompressed);
// - main-thread CPU until first render (CDP Performance.getMetrics TaskDuration, read as soon as the page
//   shows the element), at 1× and at 4× CPU throttling (Emulation.setCPUThrottlingRate);
// - wall time from navigation to rendered at 4×;
// - sequential round trips until rendered with 150 ms added to every response (the page is 1);
// - cumulative layout shift until 500 ms after rendered, without and with agir.css (each element's
//   place before it is defined, as getting-started links it).
//   node bench/side-by-side.mjs   (or `pnpm bench side-by-side`)
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumFlags, writeSection } from '../scripts/bench-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const shoelaceTheme = path.join(root, 'node_modules/@shoelace-style/shoelace/dist/themes/light.css');
const latencyMs = 150;

export const title = 'Side by side: Agir, a hand-written Lit form, a Shoelace form';
export const writesOwnSection = true;
export const description =
  'Each page is a French page with one element (Agir through `agir.js`, served as the CDN build) or the hand-written Lit form (the floor: `bench/anchors/lit-form.ts`, the same fields, no catalog, no validation, no submission code) or the same form in Shoelace 2 components with its light theme (`bench/anchors/shoelace-form.ts`), both built with Vite in the bench. Cold cache each load. **Bytes**: every script and style sheet fetched until the page rendered and the network went idle (gzip -9 / brotli 11, as precompressed). **CPU**: main-thread task time (CDP `Performance.getMetrics` TaskDuration) from navigation until the element first shows its content, at 1× and 4× CPU throttling. **Wall**: navigation to rendered at 4×. **Round trips**: the longest chain of requests each started after the previous finished (Resource Timing; the page is 1), with 150 ms added to every response. **CLS**: layout shifts until 500 ms after rendered, without and with `agir.css` linked in the head, as getting-started gives it (each element’s place before it is defined). The counter and the card take their data from attributes (no endpoint); the form has no endpoint (it renders its fields without one). `node bench/side-by-side.mjs` or `pnpm bench side-by-side`; `AGIR_BENCH_RUNS=n` (5).';

const counter = '<signature-counter count="323832" goal="500000"></signature-counter>';
const form = '<petition-form petition="xinjiang"></petition-form>';
const card =
  '<case-card name="Akber" country="CN" status="detained" status-since="2018" no-share><p slot="summary">Akber est détenu.</p></case-card>';
const calculator =
  '<donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly" donate-href="https://don.example.org/?a={amount}"></donation-calculator>';
const agirScript = '<script type="module" src="/cdn/agir.js"></script>';
// The reservation getting-started gives: agir.css, each element's place before it is defined (issue 16).
const reserve = `<link rel="stylesheet" href="/cdn/agir.css">`;

const shadowText = (tag, pattern) => `${pattern}.test(document.querySelector('${tag}')?.shadowRoot?.textContent ?? '')`;
const subjects = {
  'petition-form': { head: agirScript, body: form, ready: shadowText('petition-form', '/Prénom/') },
  'signature-counter': { head: agirScript, body: counter, ready: shadowText('signature-counter', '/323\\u202f832/') },
  'case-card': { head: agirScript, body: card, ready: shadowText('case-card', '/Akber/') },
  'donation-calculator': { head: agirScript, body: calculator, ready: shadowText('donation-calculator', '/5,10/') },
  'all four': {
    head: agirScript,
    body: counter + form + card + calculator,
    ready: [
      shadowText('petition-form', '/Prénom/'),
      shadowText('signature-counter', '/323\\u202f832/'),
      shadowText('case-card', '/Akber/'),
      shadowText('donation-calculator', '/5,10/'),
    ].join(' && '),
  },
  // What the harness itself costs (a page with nothing to render): subtracted from the CPU figures.
  'empty page': { head: '', body: '', ready: 'true' },
  'hand-written Lit form': {
    head: '<script type="module" src="/anchors/lit-form.js"></script>',
    body: '<lit-form></lit-form>',
    ready: `!!document.querySelector('lit-form')?.shadowRoot?.querySelector('button')`,
  },
  'Shoelace form': {
    head: '<link rel="stylesheet" href="/anchors/light.css"><script type="module" src="/anchors/shoelace-form.js"></script>',
    body: '<shoelace-form></shoelace-form>',
    ready: `(() => { const r = document.querySelector('shoelace-form')?.shadowRoot; const parts = r ? [...r.querySelectorAll('sl-input, sl-select, sl-checkbox, sl-button')] : []; return parts.length === 6 && parts.every((p) => p.shadowRoot?.childElementCount > 0) && r.querySelectorAll('sl-option').length > 200; })()`,
  },
};

function page({ head, body }, reserved) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Bench</title>${reserved ? reserve : ''}${head}</head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 1rem; max-inline-size: 40rem"><main><h1>Libérez-les</h1><p>Un paragraphe avant l'élément.</p>${body}<p>Un paragraphe après l'élément, qui bougerait si l'élément poussait la page.</p></main></body></html>`;
}

// In the page from its first script: when `ready` first holds (checked every frame), and the layout shifts.
const recorder = (ready) => `(() => {
  window.__cls = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  (function check() { try { if (${ready}) { window.__rendered = performance.now(); performance.mark('agir-rendered'); return; } } catch {} requestAnimationFrame(check); })();
})();`;

const roundTrips = () => {
  const until = window.__rendered;
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd, depth: 1 }))
    .filter((e) => e.end > 0 && e.end <= until)
    .sort((x, y) => x.start - y.start);
  for (const t of entries) for (const q of entries) if (q.end <= t.start) t.depth = Math.max(t.depth, q.depth + 1);
  if (window.__debugTrips) console.log(JSON.stringify(entries.map((e) => [e.depth, e.url])));
  return Math.max(0, ...entries.map((e) => e.depth));
};

async function buildAnchors(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(root, 'bench/anchors'),
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      lib: {
        entry: {
          'lit-form': path.join(root, 'bench/anchors/lit-form.ts'),
          'shoelace-form': path.join(root, 'bench/anchors/shoelace-form.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
}

function startStatic(anchorsDir, pages, served) {
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname.startsWith('/page/')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(pages.get(url.pathname));
    }
    let file;
    if (url.pathname.startsWith('/cdn/')) file = path.join(cdnDir, url.pathname.slice(5));
    else if (url.pathname === '/anchors/light.css') file = shoelaceTheme;
    else if (url.pathname.startsWith('/anchors/')) file = path.join(anchorsDir, url.pathname.slice(9));
    const inside = file && [cdnDir, anchorsDir, shoelaceTheme].some((dir) => path.resolve(file).startsWith(dir));
    if (!inside || !existsSync(file)) {
      response.writeHead(404);
      return response.end();
    }
    served.push(file);
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

const compressed = new Map();
function sizes(file) {
  if (!compressed.has(file)) {
    const raw = readFileSync(file);
    compressed.set(file, {
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } })
        .length,
    });
  }
  return compressed.get(file);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * From a trace: the renderer main thread's top-level tasks that started before the page's `agir-rendered`
 * mark, as { thread: CPU time (tdur: what the thread itself ran, robust to other load on the machine), wall:
 * their duration (dur: what CPU throttling stretches) } in ms.
 */
function mainThreadUntilRendered({ traceEvents: events }) {
  const mark = events.find((e) => e.name === 'agir-rendered' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'b' || e.ph === 'n'));
  if (!mark) throw new Error('no agir-rendered mark in the trace');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? mark.tid;
  let thread = 0;
  let wall = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || e.pid !== mark.pid || e.tid !== tid || e.ts > mark.ts) continue;
    thread += e.tdur ?? e.dur ?? 0;
    wall += e.dur ?? 0;
  }
  return { thread: thread / 1000, wall: wall / 1000 };
}

/** One cold load of a subject: { rendered ms, cpu ms, cls, depth, files }. */
async function load(browser, origin, name, { throttle = 1, latency = 0, reserved = false }, served) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  if (latency)
    await context.route(
      () => true,
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, latency));
        await route.fallback();
      },
    );
  await context.addInitScript(recorder(subjects[name].ready));
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const traced = !latency && !reserved;
  if (traced)
    await browser.startTracing(tab, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'],
    });
  served.length = 0;
  await tab.goto(`${origin}/page/${encodeURIComponent(name)}${reserved ? '-reserved' : ''}`);
  await tab.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 60_000, polling: 20 });
  const cpu = traced ? mainThreadUntilRendered(JSON.parse((await browser.stopTracing()).toString('utf8'))) : undefined;
  const rendered = await tab.evaluate(() => window.__rendered);
  const depth = await tab.evaluate(roundTrips);
  await tab.waitForTimeout(500);
  const cls = await tab.evaluate(() => window.__cls);
  if (!latency && throttle === 1 && !reserved) await tab.waitForLoadState('networkidle');
  const files = [...new Set(served)];
  await context.close();
  return { rendered, cpu, cls, depth, files };
}

export async function measure({ runs = Number(process.env.AGIR_BENCH_RUNS ?? 5), names = Object.keys(subjects) } = {}) {
  if (!existsSync(path.join(cdnDir, 'agir.js'))) throw new Error('No CDN build: run `pnpm build` first.');
  const anchorsDir = mkdtempSync(path.join(os.tmpdir(), 'agir-anchors-'));
  await buildAnchors(anchorsDir);
  const pages = new Map();
  for (const name of names) {
    pages.set(`/page/${encodeURIComponent(name)}`, page(subjects[name], false));
    pages.set(`/page/${encodeURIComponent(name)}-reserved`, page(subjects[name], true));
  }
  const served = [];
  const { server, origin } = await startStatic(anchorsDir, pages, served);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumFlags });
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  try {
    for (let run = 0; run < runs; run++) {
      // Interleaved: every subject once per run, so load on the machine falls on all of them alike.
      for (const name of names) {
        const base = await load(browser, origin, name, {}, served);
        const slow = await load(browser, origin, name, { throttle: 4 }, served);
        const far = await load(browser, origin, name, { latency: latencyMs }, served);
        const reserved = await load(browser, origin, name, { reserved: true }, served);
        const bytes = base.files.reduce((sum, f) => ({ gzip: sum.gzip + sizes(f).gzip, brotli: sum.brotli + sizes(f).brotli }), {
          gzip: 0,
          brotli: 0,
        });
        samples[name].push({
          files: base.files.length,
          gzip: bytes.gzip,
          brotli: bytes.brotli,
          cpu1: base.cpu.thread,
          cpu4: slow.cpu.wall,
          wall4: slow.rendered,
          trips: far.depth,
          cls: base.cls,
          clsReserved: reserved.cls,
        });
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(anchorsDir, { recursive: true, force: true });
  }
  const results = {};
  for (const [name, list] of Object.entries(samples)) {
    results[name] = Object.fromEntries(Object.keys(list[0]).map((key) => [key, median(list.map((s) => s[key]))]));
  }
  // CPU net of the harness: each page's median less the empty page's.
  const empty = results['empty page'];
  if (empty) {
    for (const r of Object.values(results)) {
      r.cpu1 = Math.max(0, r.cpu1 - empty.cpu1);
      r.cpu4 = Math.max(0, r.cpu4 - empty.cpu4);
    }
  }
  return {
    runs,
    results,
    emptyCpu: samples['empty page']
      ? { x1: median(samples['empty page'].map((s) => s.cpu1)), x4: median(samples['empty page'].map((s) => s.cpu4)) }
      : undefined,
  };
}

/** Issue 17's goals, checked on the medians: [goal, figure, met]. */
export function goals({ results }) {
  const floor = results['hand-written Lit form'];
  const shoelace = results['Shoelace form'];
  const elements = ['petition-form', 'signature-counter', 'case-card', 'donation-calculator'].filter((n) => results[n]);
  const rows = [];
  const bytes = { 'petition-form': 24000, 'signature-counter': 10000, 'case-card': 12000, 'donation-calculator': 16000, 'all four': 45000 };
  for (const name of [...elements, 'all four'].filter((n) => results[n])) {
    const r = results[name];
    if (floor) {
      const ratio = r.cpu1 / floor.cpu1;
      rows.push([
        `${name}: CPU to first render ≤ 2× the hand-written form's (1×)`,
        `${r.cpu1.toFixed(0)} ms ÷ ${floor.cpu1.toFixed(0)} ms = ${ratio.toFixed(2)}×`,
        ratio <= 2,
      ]);
    }
    if (shoelace)
      rows.push([
        `${name}: wall time to rendered at 4× below the Shoelace form's`,
        `${r.wall4.toFixed(0)} ms vs ${shoelace.wall4.toFixed(0)} ms`,
        r.wall4 < shoelace.wall4,
      ]);
    rows.push([`${name}: ≤ 3 round trips at ${latencyMs} ms`, `${r.trips}`, r.trips <= 3]);
    rows.push([`${name}: ≤ ${bytes[name]} B gzip`, `${r.gzip} B in ${r.files} files`, r.gzip <= bytes[name]]);
    if (name !== 'all four') rows.push([`${name}: CLS 0 with agir.css`, r.clsReserved.toFixed(4), r.clsReserved === 0]);
  }
  return rows;
}

export function goalsTable(measured) {
  return [
    '| goal | figure | met |',
    '|---|---|:-:|',
    ...goals(measured).map(([goal, figure, met]) => `| ${goal} | ${figure} | ${met ? '✓' : '✗'} |`),
  ].join('\n');
}

export function table({ runs, results, emptyCpu }) {
  const floor = results['hand-written Lit form'];
  const lines = [
    '| page | files | gzip B | brotli B | CPU to render 1× ms | ÷ hand-written | CPU 4× ms | wall to rendered 4× ms | round trips at 150 ms | CLS | CLS reserved |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, r] of Object.entries(results)) {
    const ratio = floor ? (r.cpu1 / floor.cpu1).toFixed(2) : '—';
    lines.push(
      `| ${name} | ${r.files} | ${r.gzip} | ${r.brotli} | ${r.cpu1.toFixed(0)} | ${ratio} | ${r.cpu4.toFixed(0)} | ${r.wall4.toFixed(0)} | ${r.trips} | ${r.cls.toFixed(4)} | ${r.clsReserved.toFixed(4)} |`,
    );
  }
  const harness = emptyCpu
    ? ` CPU figures are net of the empty page's (${emptyCpu.x1.toFixed(0)} ms at 1×, ${emptyCpu.x4.toFixed(0)} ms at 4×: the browser's own work for a page).`
    : '';
  return `${lines.join('\n')}\n\nMedians of ${runs} run${runs === 1 ? '' : 's'}.${harness}`;
}

export default async function bench() {
  const measured = await measure();
  const rows = [];
  for (const [name, r] of Object.entries(measured.results)) {
    rows.push(
      { name: `${name}: gzip`, value: r.gzip, unit: 'bytes' },
      { name: `${name}: brotli`, value: r.brotli, unit: 'bytes' },
      { name: `${name}: main-thread CPU to first render 1×`, value: Math.round(r.cpu1), unit: 'ms' },
      { name: `${name}: main-thread CPU to first render 4×`, value: Math.round(r.cpu4), unit: 'ms' },
      { name: `${name}: wall time to rendered 4×`, value: Math.round(r.wall4), unit: 'ms' },
      { name: `${name}: round trips at ${latencyMs} ms`, value: r.trips, unit: 'round trips' },
      { name: `${name}: CLS`, value: Number(r.cls.toFixed(4)), unit: 'CLS' },
      { name: `${name}: CLS with reserved space`, value: Number(r.clsReserved.toFixed(4)), unit: 'CLS' },
    );
  }
  const date = new Date().toISOString().slice(0, 10);
  const load = os.loadavg()[0].toFixed(1);
  const body = `## ${title}\n\n${description}\n\nMeasured ${date} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} (load average ${load} when the run started; other work on the machine slows every column alike, which is why the pages are measured interleaved in one run and compared by ratio).\n\n${table(measured)}\n\n### Issue 17's goals\n\n${goalsTable(measured)}`;
  console.log(body);
  if (!process.env.AGIR_BENCH_NO_WRITE) writeSection('bench-side-by-side', body);
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const measured = await measure({ runs: Number(process.env.AGIR_BENCH_RUNS ?? 5) });
  console.log(table(measured));
  console.log(goalsTable(measured));
}
