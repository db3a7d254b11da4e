// Render cost of case-card in Debian Chromium, from the built CDN file (packages/elements/dist/cdn):
// a case-card-list of 100 cases against a list of 1 (one request each, end to end: fetch, schema,
// render, layout), and the memory and DOM nodes one card costs.
//   node bench/case-card.mjs            (after `pnpm build`; `pnpm bench` builds and runs every bench)
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const title = 'case-card: 100 cards against 1';
export const description =
  'A `case-card-list` of 100 cases and one of 1 case, each from one request to a local endpoint, timed from insertion until every card is ready and laid out (forced layout; paint excluded) (median of 15 runs each, after a warm-up that loads the lazy chunks). Memory and DOM nodes per card: difference between the two lists after garbage collection, divided by 99. Debian Chromium, headless, built CDN files.';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const RUNS = 15;

const types = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.map': 'application/json',
};
// A 1×1 PNG, so photos load without leaving the machine.
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function generatedCase(index, origin) {
  return {
    id: `case-${index}`,
    name: `Personne ${index}`,
    isGroup: false,
    photo: {
      src: `${origin}/photo.png?${index}`,
      alt: `Portrait de la personne ${index}`,
      credit: '© Amnesty International',
      width: 800,
      height: 600,
    },
    country: 'CN',
    region: 'Xinjiang',
    category: ['arbitrary-detention'],
    status: { kind: index % 3 === 0 ? 'imprisoned' : 'detained', since: '2018' },
    summary: `La personne ${index} fait partie de ces milliers de personnes détenues dans la région autonome ouïghoure du Xinjiang. Agissez pour exiger sa libération !`,
    story: ['Arrêtée en 2018 sans explication, elle a été envoyée dans un camp d’internement.', 'Sa famille n’a plus de nouvelles depuis.'],
    quote: { text: 'Je ne serai plus jamais heureuse tant qu’il sera enfermé.', author: 'Sa fille' },
    action: { label: 'Agir', url: `https://www.example.org/agir/case-${index}` },
    tags: ['xinjiang'],
    updatedAt: '2026-11-01T10:00:00Z',
    locale: 'fr',
  };
}

const page = (origin) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>case-card bench</title>
<script type="module" src="/case-card-list.js"></script></head>
<body><main id="main" style="width: 1200px"></main>
<script type="module">
  const endpoint = ${JSON.stringify(`${origin}/api/v1`)};
  // Yields to the event loop without the 4 ms clamp of nested timers (finer than a frame).
  const turn = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  window.show = async (tag) => {
    const main = document.getElementById('main');
    main.replaceChildren();
    await customElements.whenDefined('case-card-list');
    const start = performance.now();
    const list = document.createElement('case-card-list');
    list.setAttribute('endpoint', endpoint);
    list.setAttribute('tag', tag);
    main.append(list);
    for (;;) {
      const cards = list.shadowRoot ? Array.from(list.shadowRoot.querySelectorAll('case-card')) : [];
      if (list.matches(':state(ready)') && cards.length && cards.every((card) => card.matches(':state(ready)'))) break;
      if (list.matches(':state(error)')) throw new Error('the list failed to load');
      await turn();
    }
    list.getBoundingClientRect();
    return performance.now() - start;
  };
  window.nodesPerCard = () => {
    const cards = Array.from(document.querySelector('case-card-list').shadowRoot.querySelectorAll('case-card'));
    const count = (node) => {
      let total = 1;
      if (node.shadowRoot) total += count(node.shadowRoot);
      for (const child of node.childNodes) total += count(child);
      return total;
    };
    return cards.reduce((sum, card) => sum + count(card), 0) / cards.length;
  };
</script></body></html>`;

function startServer() {
  const requests = { list: 0 };
  const server = createServer((request, response) => {
    const origin = `http://${request.headers.host}`;
    const url = new URL(request.url, origin);
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': types['.html'] });
      response.end(page(origin));
      return;
    }
    if (url.pathname === '/photo.png') {
      response.writeHead(200, { 'content-type': types['.png'], 'cache-control': 'max-age=3600' });
      response.end(photo);
      return;
    }
    if (url.pathname === '/api/v1/cases') {
      requests.list += 1;
      const count = url.searchParams.get('tag') === 'one' ? 1 : 100;
      response.writeHead(200, { 'content-type': types['.json'] });
      response.end(JSON.stringify({ items: Array.from({ length: count }, (_, index) => generatedCase(index, origin)) }));
      return;
    }
    const file = path.join(cdnDir, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(cdnDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, requests, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

export default async function bench() {
  if (!existsSync(path.join(cdnDir, 'case-card-list.js'))) throw new Error(`No CDN build at ${cdnDir}: run \`pnpm build\` first.`);
  const { server, requests, origin } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error));
    await tab.goto(`${origin}/`);
    const cdp = await context.newCDPSession(tab);
    const metrics = async () => {
      for (let i = 0; i < 4; i++) {
        await tab.evaluate(() => window.gc());
        await cdp.send('HeapProfiler.collectGarbage');
        await tab.waitForTimeout(50);
      }
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
    };

    // Warm-up: loads the lazy chunks (client, French catalog) and lets the JIT settle.
    await tab.evaluate(() => window.show('one'));
    await tab.evaluate(() => window.show('xinjiang'));
    const before = requests.list;
    const one = [];
    const hundred = [];
    for (let run = 0; run < RUNS; run++) {
      hundred.push(await tab.evaluate(() => window.show('xinjiang')));
      one.push(await tab.evaluate(() => window.show('one')));
    }
    const requestsPerList = (requests.list - before) / (RUNS * 2);

    // Memory on a fresh page, so no garbage of the timed runs is counted.
    await tab.goto(`${origin}/`);
    await cdp.send('Performance.enable');
    await tab.evaluate(() => window.show('one'));
    const single = await metrics();
    await tab.evaluate(() => window.show('xinjiang'));
    const nodesPerCard = await tab.evaluate(() => window.nodesPerCard());
    const full = await metrics();
    if (errors.length) throw errors[0];

    const perCardHeap = (full.JSHeapUsedSize - single.JSHeapUsedSize) / 99;
    const perCardNodes = (full.Nodes - single.Nodes) / 99;
    return [
      { name: 'render a list of 1 card (median)', value: round(median(one)), unit: 'ms' },
      { name: 'render a list of 100 cards (median)', value: round(median(hundred)), unit: 'ms' },
      { name: '100 cards ÷ 1 card', value: round(median(hundred) / median(one), 2), unit: '×' },
      { name: 'requests per list', value: requestsPerList, unit: 'requests' },
      { name: 'JS heap per card', value: round(perCardHeap / 1000, 1), unit: 'kB' },
      { name: 'DOM nodes per card (renderer count)', value: round(perCardNodes, 1), unit: 'nodes' },
      { name: 'DOM nodes per card (shadow tree walk)', value: round(nodesPerCard, 1), unit: 'nodes' },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const results = await bench();
  console.log(`${title}\n`);
  console.table(results);
}
