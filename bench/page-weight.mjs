// What a page with only one element really downloads: a page on another origin with the loader and one
// element (with the reference server as its endpoint), loaded in Chromium until the element has rendered
// its data; the files it fetched from the CDN (the loader, agir.css, which the loader links into a page that
// did not, every chunk and catalog) are summed as gzip -9 bytes. Unlike the static budget check
// (scripts/sizes.mjs: an element's entry, its static imports and its largest catalog, without the loader or
// agir.css), this counts chunks loaded on demand right after the first render (the HTTP client, the form's
// submission code, a country's tax rules). The side-by-side bench counts the same files for a page without an
// endpoint.
//   node bench/page-weight.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumFlags, startSeededServer } from '../scripts/bench-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const origin = 'http://campaign.example';
export const title = 'What a page with one element downloads';
export const description =
  'A page on another origin with `agir.js` and one element (French, the reference server as endpoint), loaded in Chromium until the element shows its data and the network is idle. Every file fetched from /cdn/ (the loader, `agir.css`, chunks, catalogs), as gzip -9 bytes; the page itself and the API answers are not counted.';

const pages = {
  'signature-counter': { html: '<signature-counter petition="xinjiang"></signature-counter>', ready: /323\u202f832/ },
  'petition-form': { html: '<petition-form petition="xinjiang"></petition-form>', ready: /Prénom/ },
  'case-card (endpoint)': { html: '<case-card case="akber"></case-card>', ready: /Akber/ },
  'case-card (inline)': {
    html: '<case-card name="Akber" country="CN" status="detained" status-since="2018" no-share><p slot="summary">Akber est détenu.</p></case-card>',
    ready: /Akber/,
  },
  'donation-calculator': {
    html: '<donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly" donate-href="https://don.example.org/?a={amount}"></donation-calculator>',
    ready: /5,10/,
  },
};

/** { element: { files, gzip } } */
export async function measure() {
  const server = await startSeededServer(['--cors-origins', origin, '--quiet']);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumFlags,
      '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks',
    ],
  });
  const results = {};
  try {
    for (const [name, { html, ready }] of Object.entries(pages)) {
      const context = await browser.newContext();
      const fetched = new Set();
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/cdn/') && /\.(js|css)$/.test(url.pathname)) fetched.add(url.pathname.slice('/cdn/'.length));
      });
      await context.route(`${origin}/`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title><meta name="agir:endpoint" content="${server.url}/api/v1"><script type="module" src="${server.url}/cdn/agir.js"></script></head><body>${html}</body></html>`,
        }),
      );
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const tag = html.slice(1, html.indexOf(' '));
      await page.waitForFunction(
        ([t, source]) => new RegExp(source, 'u').test(document.querySelector(t)?.shadowRoot?.textContent ?? ''),
        [tag, ready.source],
        { timeout: 30_000 },
      );
      await page.waitForLoadState('networkidle');
      const files = [...fetched].sort();
      results[name] = {
        files,
        gzip: files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(cdnDir, file)), { level: 9 }).length, 0),
      };
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return results;
}

export default async function bench() {
  return Object.entries(await measure()).map(([name, { files, gzip }]) => ({
    name: `${name} (${files.length} files)`,
    value: gzip,
    unit: 'bytes gzip',
  }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, { files, gzip }] of Object.entries(await measure())) console.log(name, gzip, files.join(' '));
}
