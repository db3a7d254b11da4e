// Issue 8: a plain HTML page on another origin with only the script tag and the four tags works through
// CORS; elements added later are upgraded; an element never on the page is never downloaded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

const pageOrigin = 'http://campaign.example';

describe('the CDN loader on a page of another origin', () => {
  let server: ReferenceServer;
  let browser: Browser;
  before(async () => {
    server = await startReferenceServer({ corsOrigins: pageOrigin });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('one script tag and the four tags: every element renders live data', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script>
      <meta name="agir:endpoint" content="${server.api}"></head><body><main>
      <h1><signature-counter petition="xinjiang" layout="inline"></signature-counter> personnes exigent leur libération</h1>
      <petition-form petition="xinjiang"></petition-form>
      <case-card case="akber"></case-card>
      <donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly" donate-href="https://don.example.org/?amount={amount}&frequency={frequency}"></donation-calculator>
      </main></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/`, html);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() =>
      ['signature-counter', 'petition-form', 'case-card', 'donation-calculator'].every((tag) => customElements.get(tag)),
    );
    // The counter shows the seeded figure in French (narrow no-break space), fetched across origins.
    await page.waitForFunction(
      () =>
        (document.querySelector('h1')?.textContent ?? '').length > 0 &&
        /323\u202f832/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''),
    );
    // The case card shows Akber's name from the server.
    await page.waitForFunction(() => /Akber/.test(document.querySelector('case-card')?.shadowRoot?.textContent ?? ''));
    // The form renders its fields; the calculator its net cost.
    assert.ok(await page.evaluate(() => !!document.querySelector('petition-form')?.shadowRoot?.querySelector('input[type="email"]')));
    await page.waitForFunction(() => /5,10/.test(document.querySelector('donation-calculator')?.shadowRoot?.textContent ?? ''));
    assert.ok(
      requested.some((url) => url.startsWith(`${server.api}/petitions/xinjiang`)),
      'the API was called cross-origin',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  // Issue 13: pages set no tax-year, so on 1 January the calendar moves past the last modelled rules.
  for (const day of ['2027-01-02', '2027-04-05', '2030-06-01']) {
    test(`with the clock at ${day}, the calculator still shows 5,10 € and names the rules' year`, async () => {
      const context = await browser.newContext();
      await context.clock.setFixedTime(new Date(`${day}T12:00:00`));
      const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title>
        <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main>
        <donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly"></donation-calculator>
        </main></body></html>`;
      await servePage(context, `${pageOrigin}/don`, html);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${pageOrigin}/don`);
      await page.waitForFunction(() =>
        /5,10/.test(document.querySelector('donation-calculator')?.shadowRoot?.querySelector('output')?.textContent ?? ''),
      );
      const details = await page.evaluate(
        () => document.querySelector('donation-calculator')!.shadowRoot!.querySelector('details')!.textContent,
      );
      assert.match(details ?? '', new RegExp(`Année fiscale ${day.slice(0, 4)}, calcul selon les règles fiscales 2026`));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('an element added later is upgraded; an element never on the page is never downloaded', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main id="main"><p>Static text.</p></main></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/blog`, html);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/blog`);
    await page.waitForFunction(() => 'Agir' in window);
    assert.equal(
      requested.filter((url) => /case-card|petition-form|signature-counter|donation-calculator/.test(url)).length,
      0,
      'nothing but the loader before any element appears',
    );

    await page.evaluate(() => {
      const counter = document.createElement('signature-counter');
      counter.setAttribute('count', '1234');
      counter.setAttribute('lang', 'en');
      document.getElementById('main')!.append(counter);
    });
    await page.waitForFunction(() => /1,234/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    const loaded = requested.filter((url) => url.startsWith(`${server.origin}/cdn/`)).map((url) => new URL(url).pathname);
    assert.ok(loaded.includes('/cdn/signature-counter.js'), `counter chunk loaded: ${loaded.join(', ')}`);
    for (const never of ['petition-form', 'case-card', 'donation-calculator']) {
      assert.ok(!loaded.some((path) => path.includes(never)), `${never} was never downloaded: ${loaded.join(', ')}`);
    }
    await context.close();
  });

  test('Agir.define renames a tag, lazily', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Renamed</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body>
      <script type="module">window.Agir.define('x-counter', 'signature-counter');</script>
      <x-counter count="42"></x-counter></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/renamed`, html);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/renamed`);
    await page.waitForFunction(() => /42/.test(document.querySelector('x-counter')?.shadowRoot?.textContent ?? ''));
    assert.equal(await page.evaluate(() => customElements.get('signature-counter') === undefined), true, 'the default tag stays free');
    assert.ok(!requested.some((url) => url.endsWith('/cdn/signature-counter.js')), 'the class was loaded without its define module');
    await context.close();
  });

  test('the classic script works where type="module" cannot be used, with Agir.configure queued', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CMS</title>
      <script src="${server.origin}/cdn/agir.classic.js"></script>
      <script>Agir.configure({ endpoint: '${server.api}' });</script></head><body>
      <signature-counter petition="xinjiang"></signature-counter></body></html>`;
    await servePage(context, `${pageOrigin}/cms`, html);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/cms`);
    await page.waitForFunction(() => /323\u202f832/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await context.close();
  });
});
