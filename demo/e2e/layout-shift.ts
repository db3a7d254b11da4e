/**
 * Layout shift of a page that embeds every Agir element, as a stranger's page does: on another origin,
 * with no CSS of its own, the CDN and the API slowed down (each response held back `delayMs`), the
 * stylesheet and loader the getting-started guide gives. Used by start-command.test.ts against the server
 * `npm start` starts (issue 16).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A proxy in front of `target` that holds every response back `delayMs` (streams included). */
export function delayingProxy(target: string, delayMs: number): Promise<{ origin: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    setTimeout(() => {
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', () => response.writeHead(502).end());
      request.pipe(forward);
    }, delayMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** The page: every element, no CSS of the page's (or `css`, a theme's), in the order a campaign page has them. */
export function embeddingPage(cdn: string, api: string, css = ''): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Section locale</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="agir:endpoint" content="${api}">${css ? `\n<style>${css}</style>` : ''}
<link rel="stylesheet" href="${cdn}/cdn/agir.css">
<script type="module" src="${cdn}/cdn/agir.js"></script></head><body>
<h1>Ouïghours : <signature-counter petition="xinjiang" layout="inline"></signature-counter> personnes exigent leur libération</h1>
<p>Un paragraphe sous le titre, qui bougerait si le compteur changeait de taille.</p>
<signature-counter petition="xinjiang" show-countries></signature-counter>
<petition-form petition="xinjiang" fields="postal-code" consent-text="Je souhaite recevoir les actualités." consent-version="e2e-cls"
  privacy-href="https://www.example.org/confidentialite"></petition-form>
<p>Un paragraphe sous le formulaire.</p>
<case-card case="akber"></case-card>
<p>Un paragraphe sous la carte.</p>
<donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly"></donation-calculator>
<p>Un paragraphe sous le calculateur.</p>
<case-card-list tag="xinjiang"></case-card-list>
</body></html>`;
}

export interface ShiftReport {
  total: number;
  /** Each shift: its value, ms since navigation, and the nodes that moved. */
  shifts: Array<{ value: number; at: number; sources: string[] }>;
  /** Each element's height ("tag#n": px) as first painted, before it was defined, and at the end. */
  before: Record<string, number>;
  after: Record<string, number>;
}

/** Serves `html` on a new localhost origin; returns its origin. */
export function servePageOnOwnOrigin(html: string): Promise<{ origin: string; close(): Promise<void> }> {
  const site = http.createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    site.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
        close: () => new Promise((done) => site.close(() => done())),
      }),
    ),
  );
}

export const elementTags = ['signature-counter', 'petition-form', 'case-card', 'donation-calculator', 'case-card-list'];

/** In the page: every element is defined and none is loading. */
export const allShown = `${JSON.stringify(elementTags)}.every((tag) => [...document.querySelectorAll(tag)].every((el) => el.matches(':defined') && !el.matches(':state(loading)')))`;

// In the page from its first script on: layout shifts (with what moved), and each element's height while undefined.
const observe = `
  window.__shifts = [];
  window.__before = {};
  const describe = (node) => {
    if (!node) return '?';
    if (node.nodeType !== 1) return (node.parentElement ? node.parentElement.localName + ' > ' : '') + '#text';
    const root = node.getRootNode();
    return root && root.host ? root.host.localName + '::' + node.localName : node.localName;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: (entry.sources || []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const measure = () => {
    for (const tag of ${JSON.stringify(elementTags)})
      document.querySelectorAll(tag).forEach((el, i) => {
        const key = tag + '#' + i;
        if (!el.matches(':defined') && !(key in window.__before)) window.__before[key] = Math.round(el.getBoundingClientRect().height * 10) / 10;
      });
    if (document.readyState === 'loading' || ${JSON.stringify(elementTags)}.some((tag) => document.querySelector(tag + ':not(:defined)'))) requestAnimationFrame(measure);
  };
  requestAnimationFrame(measure);`;

/**
 * Opens `url` in a new context at `viewport`, waits until `ready` holds in the page, then `quietMs` more, and
 * reports its layout shifts and the elements' heights. The page stays open (to go on with it); close the context.
 */
export async function recordShifts(
  browser: Browser,
  url: string,
  ready: string,
  viewport = { width: 1280, height: 900 },
  quietMs = 1500,
): Promise<{ report: ShiftReport; page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(observe);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { timeout: 60_000 });
  await page.waitForTimeout(quietMs);
  const report = await page.evaluate((tags) => {
    const w = window as unknown as { __shifts: ShiftReport['shifts']; __before: Record<string, number> };
    const after: Record<string, number> = {};
    for (const tag of tags)
      document.querySelectorAll(tag).forEach((el, i) => (after[`${tag}#${i}`] = Math.round(el.getBoundingClientRect().height * 10) / 10));
    return { total: w.__shifts.reduce((sum, shift) => sum + shift.value, 0), shifts: w.__shifts, before: w.__before, after };
  }, elementTags);
  return { report, page, context };
}
