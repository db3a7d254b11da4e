// Issue 8: each element's docs page renders its live example (the real CDN build) and its API table
// from custom-elements.json; the embed builder previews the element and gives a snippet to copy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, root, serveDirectory } from './harness.js';

const dist = path.join(root, 'docs/.vitepress/dist');
const pages: Array<[string, string, RegExp]> = [
  ['elements/petition-form.html', 'petition-form', /Prénom/],
  ['elements/signature-counter.html', 'signature-counter', /323\u202f832/],
  ['elements/case-card.html', 'case-card', /Akber/],
  ['elements/donation-calculator.html', 'donation-calculator', /5,10/],
  ['elements/consent-video.html', 'consent-video', /Lire la vidéo/],
];

describe('docs site', () => {
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  before(async () => {
    // scripts/test/docs.test.ts (the meta suite, which runs first) builds the site.
    assert.ok(existsSync(path.join(dist, 'index.html')), 'the docs are built (pnpm docs:build)');
    site = await serveDirectory(dist);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const [page, tag, expected] of pages) {
    test(`${page} renders its live example and its API table`, async () => {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(site.url + page);
      await tab.waitForFunction(
        ([name, source]) =>
          new RegExp(source, 'u').test(document.querySelector(`[data-live-example] ${name}`)?.shadowRoot?.textContent ?? ''),
        [tag, expected.source] as const,
      );
      const rows = await tab.locator(`[data-api-table="${tag}"] tbody tr`).count();
      assert.ok(rows >= 3, `the API table of <${tag}> lists its attributes (${rows} rows)`);
      assert.deepEqual(errors, []);
      await tab.close();
    });
  }

  test('the security page publishes the Subresource Integrity hash of every CDN file', async () => {
    const tab = await browser.newPage();
    await tab.goto(site.url + 'security.html');
    const rows = await tab.locator('[data-sri-table] tbody tr').allTextContents();
    assert.ok(
      rows.some((row) => /^agir\.js\s*sha384-[A-Za-z0-9+/]{64}$/.test(row.trim())),
      `agir.js has its hash: ${rows.slice(0, 3).join(' | ')}`,
    );
    assert.ok(rows.length >= 10, `${rows.length} files`);
    await tab.close();
  });

  test('the embed builder previews the element and gives the snippet', async () => {
    const tab = await browser.newPage();
    await tab.goto(site.url + 'embed-builder.html');
    await tab.getByLabel('Element', { exact: true }).selectOption('donation-calculator');
    await tab.waitForFunction(() =>
      /5,10/.test(document.querySelector('[data-builder-preview] donation-calculator')?.shadowRoot?.textContent ?? ''),
    );
    await tab.getByLabel('Language').selectOption('en');
    const snippet = await tab.locator('[data-builder-snippet]').inputValue();
    assert.match(
      snippet,
      /<link rel="stylesheet" href="[^"]+\/cdn\/agir\.css">\n<script type="module" src="[^"]+\/cdn\/agir\.js"><\/script>/,
    );
    assert.match(snippet, /<donation-calculator country="FR" lang="en"/);
    // Every language the elements speak.
    assert.deepEqual(await tab.getByLabel('Language').locator('option').allTextContents(), [
      'fr',
      'en',
      'es',
      'de',
      'it',
      'nl',
      'pt',
      'ar',
      'ug',
      'zh-Hans',
    ]);
    await tab.waitForFunction(() => document.querySelector('[data-builder-preview] donation-calculator')?.getAttribute('lang') === 'en');
    await tab.close();
  });

  test('the embed builder offers consent-video: its notice in the preview, no provider contacted, a snippet without endpoint', async () => {
    const tab = await browser.newPage();
    const hosts: string[] = [];
    tab.on('request', (request) => hosts.push(new URL(request.url()).hostname));
    await tab.goto(site.url + 'embed-builder.html');
    await tab.getByLabel('Element', { exact: true }).selectOption('consent-video');
    await tab.waitForFunction(() =>
      /Lire la vidéo/.test(document.querySelector('[data-builder-preview] consent-video')?.shadowRoot?.textContent ?? ''),
    );
    const snippet = await tab.locator('[data-builder-snippet]').inputValue();
    assert.match(snippet, /<consent-video provider="peertube" host="video\.example\.org" video="abc123" video-title="Abduweli Ayup/);
    assert.doesNotMatch(snippet, /agir:endpoint/, 'the video reads nothing from the endpoint');
    assert.deepEqual(
      hosts.filter((host) => host === 'video.example.org'),
      [],
      'the preview did not contact the provider before a press on play',
    );
    await tab.close();
  });
});
