// Issue 16: a case card written as light DOM (docs/elements/case-card.md, "Without JavaScript") reads well with
// JavaScript off: name heading, status, summary and link to act, by role, in document order. With JavaScript on,
// the real CDN build upgrades it in place; the layout shift it causes is measured (Chromium's layout-shift entries).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, root, servePage } from './harness.js';

const docs = readFileSync(path.join(root, 'docs/elements/case-card.md'), 'utf8');
const section = docs.slice(docs.indexOf('### Without JavaScript'));
const snippet = /```html\n([\s\S]*?)```/.exec(section)![1]!;
// A 4:3 image where the docs put a photo URL (no network here); its width and height attributes stay.
const photo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#336"/></svg>')}`;
const cdnDir = path.join(root, 'packages/elements/dist/cdn');
const card = snippet.replace(/src="https:\/\/www\.example\.org\/photos\/[^"]+"/, `src="${photo}"`);

const page = (head: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Blog</title>
  <link rel="stylesheet" href="/cdn/agir.css">${head}<style>main { inline-size: 400px }</style></head>
  <body><main><h2>Nos cas</h2>${card}<p id="after">La suite de la page.</p></main></body></html>`;

describe('case-card written as light DOM', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /** Serves the CDN build under the page's origin (http://blog.test/cdn/…). */
  async function serveCdn(context: BrowserContext): Promise<void> {
    await context.route('http://blog.test/cdn/**', (route) => {
      const file = path.join(cdnDir, new URL(route.request().url()).pathname.slice('/cdn/'.length));
      if (!file.startsWith(cdnDir) || !existsSync(file)) return route.fulfill({ status: 404 });
      const contentType = file.endsWith('.css') ? 'text/css' : 'text/javascript';
      return route.fulfill({ status: 200, contentType, body: readFileSync(file) });
    });
  }

  test('the docs’ snippet reads with JavaScript disabled: name heading, status, summary, link, in that order', async () => {
    assert.match(snippet, /slot="name"/, 'the docs have the light-DOM snippet');
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await servePage(context, 'http://blog.test/cas', page('<script type="module" src="/cdn/case-card.js"></script>'));
      await serveCdn(context);
      const tab = await context.newPage();
      await tab.goto('http://blog.test/cas');
      assert.equal(await tab.evaluate(() => 1).catch(() => 'no script'), 1, 'playwright still evaluates (utility world)');
      const cardBox = tab.locator('case-card');
      const heading = cardBox.getByRole('heading', { name: 'Akber', level: 3 });
      const status = cardBox.getByRole('paragraph').filter({ hasText: 'En détention depuis 2018' });
      const summary = cardBox.getByRole('paragraph').filter({ hasText: 'Akber fait partie de ces milliers' });
      const link = cardBox.getByRole('link', { name: 'Agir pour Akber' });
      const image = cardBox.getByRole('img', { name: 'Akber, souriant, devant une porte bleue' });
      for (const locator of [heading, status, summary, link, image]) assert.equal(await locator.count(), 1);
      assert.equal(await link.getAttribute('href'), 'https://www.example.org/agir/akber');
      // Not upgraded: the light DOM is all there is, in reading order, on screen.
      assert.equal(await cardBox.evaluate((el) => el.shadowRoot), null);
      const tops = await Promise.all([image, heading, status, summary, link].map(async (l) => (await l.boundingBox())!.y));
      assert.deepEqual(
        [...tops].sort((a, b) => a - b),
        tops,
        `top to bottom: ${tops.join(', ')}`,
      );
      // The photo keeps to its column (agir.css, as the docs say), at its aspect ratio.
      const box = (await image.boundingBox())!;
      assert.equal(Math.round(box.width), 400);
      assert.equal(Math.round(box.height), 300);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript, the same markup upgrades in place; the layout shift is measured', async () => {
    const context = await browser.newContext();
    try {
      // The script comes once the light DOM has been painted, as on a slow connection.
      await servePage(
        context,
        'http://blog.test/cas',
        page(`<script>
          window.__shifts = [];
          new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__shifts.push(entry.value); })
            .observe({ type: 'layout-shift', buffered: true });
        </script>`),
      );
      await serveCdn(context);
      const tab: Page = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await tab.goto('http://blog.test/cas', { waitUntil: 'domcontentloaded' });
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const next = () => tab.locator('#after').evaluate((el) => el.getBoundingClientRect().top);
      const before = await next();
      await tab.addScriptTag({ url: '/cdn/case-card.js', type: 'module' });
      await tab.waitForFunction(() => document.querySelector('case-card')?.matches(':state(ready)'));
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const afterTop = await next();
      const shift = await tab.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));
      // A figure for the report, not a threshold (fonts and engines differ): how far the text after the card moves.
      console.log(
        `light-DOM card, 400 px column: the text after it moves ${(afterTop - before).toFixed(0)} px (${before.toFixed(0)} → ${afterTop.toFixed(0)}); layout shift score ${shift.toFixed(4)}`,
      );
      // Upgraded: one heading, the card's Share button, the slotted link as its call to action.
      const cardBox = tab.locator('case-card');
      assert.equal(await cardBox.getByRole('heading').count(), 1);
      assert.equal(await cardBox.getByRole('button', { name: 'Partager' }).count(), 1);
      assert.equal(await cardBox.getByRole('link', { name: 'Agir pour Akber' }).count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
