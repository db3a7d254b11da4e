// Issue 21: <consent-video> on a page of another origin, loaded by agir.js from the server as `npm start`
// serves it, under a strict CSP with Trusted Types and the documented `frame-src` addition. Before consent the
// page's network log has no request to any provider host; after the click exactly the privacy-enhanced player
// address is requested (the provider is stubbed: no network here); a remembered choice loads the player at once
// on the next visit; forgetting it brings the notice back. axe in French and Arabic; no layout shift.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

const pageOrigin = 'http://blog.example';
const providerHosts = /(^|\.)(youtube\.com|youtube-nocookie\.com|ytimg\.com|ggpht\.com|googlevideo\.com|vimeo\.com|vimeocdn\.com)$/;
const player = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ';

describe('consent-video on a page of another origin', () => {
  let server: ReferenceServer;
  let browser: Browser;
  before(async () => {
    server = await startReferenceServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /**
   * axe-core's violations, after checking that the page has had no error so far. axe-core, evaluated by the test,
   * adds a \`<style>\` that the page's CSP refuses: that report is the test's own, and is dropped.
   */
  async function axe(page: Page, problems: string[]) {
    assert.deepEqual(problems, [], 'no error, no CSP or Trusted Types violation');
    const violations = await axeViolations(page);
    problems.length = 0;
    return violations;
  }

  /** A page with the video, its CSP, and every request to a provider host recorded and stubbed. */
  async function open(context: BrowserContext, lang: 'fr' | 'ar') {
    const csp = [
      "default-src 'none'",
      `script-src ${server.origin}`,
      `style-src ${server.origin}`,
      "img-src 'self' data:",
      'frame-src https://www.youtube-nocookie.com',
      `connect-src ${server.origin}`,
      "require-trusted-types-for 'script'",
    ].join('; ');
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Témoignage</title>
      <link rel="icon" href="data:,"><link rel="stylesheet" href="${server.origin}/cdn/agir.css">
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main>
      <h1>Abduweli Ayup</h1>
      <consent-video provider="youtube" video="dQw4w9WgXcQ" video-title="Abduweli Ayup : « Je n’ai plus peur de m’exprimer »" poster="/poster.svg"></consent-video>
      <p id="after">La suite de la page.</p></main></body></html>`;
    await servePage(context, `${pageOrigin}/temoignage`, html, { 'content-security-policy': csp });
    await context.route(`${pageOrigin}/poster.svg`, (route) =>
      route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#336"/></svg>',
      }),
    );
    const provider: string[] = [];
    await context.route(
      (url) => providerHosts.test(url.hostname),
      (route) => {
        provider.push(route.request().url());
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Player</title><p>Player</p>' });
      },
    );
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(`${message.text()} (${message.location().url})`));
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${pageOrigin}/temoignage`);
    return { page, provider, problems };
  }

  for (const lang of ['fr', 'ar'] as const) {
    test(`${lang}: nothing from the provider before the click, then exactly its privacy-enhanced player; remembered, then forgotten`, async () => {
      const context = await browser.newContext();
      try {
        const { page, provider, problems } = await open(context, lang);
        const play = page.getByRole('button', { name: lang === 'fr' ? 'Lire la vidéo (YouTube)' : 'تشغيل الفيديو (YouTube)' });
        await play.waitFor();
        assert.equal(await page.locator('consent-video').evaluate((el) => el.matches(':state(notice)')), true);
        const violations = await axe(page, problems);
        assert.deepEqual(violations, [], describeViolations(violations));
        await page.waitForTimeout(300);
        assert.deepEqual(provider, [], 'no request to a provider before consent');
        const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
        assert.ok(shifts < 0.001, `no layout shift while loading (${shifts})`);

        await page.getByRole('checkbox').check();
        await play.click();
        await page.frameLocator('consent-video iframe').getByText('Player').waitFor();
        assert.deepEqual(provider, [`${player}?autoplay=1&cc_load_policy=1&cc_lang_pref=${lang}&hl=${lang}`]);
        const playing = await axe(page, problems);
        assert.deepEqual(playing, [], describeViolations(playing));
        assert.ok(
          (await page.evaluate(() => (window as unknown as { shifts: number }).shifts)) < 0.001,
          'the player takes the poster’s frame',
        );

        // The next visit: the player loads at once, not playing; forgetting brings the notice back.
        provider.length = 0;
        await page.reload();
        await page.frameLocator('consent-video iframe').getByText('Player').waitFor();
        assert.deepEqual(provider, [`${player}?cc_load_policy=1&cc_lang_pref=${lang}&hl=${lang}`]);
        await page.getByRole('button', { name: lang === 'fr' ? 'Oublier mon choix pour YouTube' : 'انسَ اختياري لـ YouTube' }).click();
        await play.waitFor();
        assert.equal(await page.locator('consent-video').evaluate((el) => el.matches(':state(notice)')), true);
        provider.length = 0;
        await page.reload();
        await play.waitFor();
        await page.waitForTimeout(300);
        assert.deepEqual(provider, [], 'forgotten: nothing from the provider on the next visit');
        assert.deepEqual(problems, [], 'no error, no CSP or Trusted Types violation');
      } finally {
        await context.close();
      }
    });
  }
});
