// Issue 8: the demo pages (French, English, Arabic; issue 19: Uyghur) served by the reference server render every element
// with live data and have no axe violation. Issue 4: a page of counters records no layout shift.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

const tags = ['signature-counter', 'petition-form', 'case-card', 'donation-calculator'];

async function settled(page: Page): Promise<void> {
  await page.waitForFunction((names) => names.every((tag) => customElements.get(tag)), tags);
  // Live data in: the counters show digits, the cards a name, the calculator a figure.
  // (No named inner functions here: the page cannot see the test runner's helpers.)
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('signature-counter')).every((el) => /\d/.test(el.shadowRoot?.textContent ?? '')) &&
      Array.from(document.querySelectorAll('case-card')).every((el) => /Akber|Mamat|أكبر|مامات/.test(el.shadowRoot?.textContent ?? '')) &&
      Array.from(document.querySelectorAll('donation-calculator')).every((el) => /\d/.test(el.shadowRoot?.textContent ?? '')) &&
      Array.from(document.querySelectorAll('petition-form')).every((el) => (el.shadowRoot?.textContent ?? '').length > 0),
  );
}

describe('demo pages', () => {
  let server: ReferenceServer;
  let browser: Browser;
  before(async () => {
    server = await startReferenceServer({ corsOrigins: 'http://counters.example' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('the seed page after New Year (clock at 2027-01-02): "5,10 € par mois" with the 2026 rules, said in the disclosure', async () => {
    const context = await browser.newContext();
    await context.clock.setFixedTime(new Date('2027-01-02T12:00:00'));
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() =>
      /5,10/.test(document.querySelector('donation-calculator')?.shadowRoot?.querySelector('output')?.textContent ?? ''),
    );
    const details = await page.evaluate(
      () => document.querySelector('donation-calculator')!.shadowRoot!.querySelector('details')!.textContent,
    );
    assert.match(details ?? '', /Année fiscale 2027, calcul selon les règles fiscales 2026/);
    await context.close();
  });

  for (const [path, lang, dir] of [
    ['/', 'fr', 'ltr'],
    ['/en/', 'en', 'ltr'],
    ['/ar/', 'ar', 'rtl'],
    ['/ug/', 'ug', 'rtl'],
  ] as const) {
    test(`${path} (${lang}): every element renders live data, no axe violation, no console error`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      const response = await page.goto(`${server.origin}${path}`);
      assert.equal(response?.status(), 200);
      assert.match(
        response?.headers()['content-security-policy'] ?? '',
        /require-trusted-types-for 'script'/,
        'served under a strict CSP with Trusted Types',
      );
      await settled(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('petition-form')!).direction), dir);
      // Every element laid out (the calculator in the form's journey waits, not rendered, for its step after a
      // signature: demo/e2e/journey.test.ts checks its direction there).
      const directions = await page.evaluate(
        (names) =>
          names.flatMap((tag) =>
            Array.from(document.querySelectorAll(tag))
              .filter((el) => el.checkVisibility())
              .map((el) => `${tag}: ${getComputedStyle(el).direction}`),
          ),
        tags,
      );
      assert.deepEqual(
        directions.filter((entry) => !entry.endsWith(dir)),
        [],
        `every element lays out ${dir}`,
      );
      const headline = await page.evaluate(
        () => document.querySelector('h1')!.textContent + ' ' + document.querySelector('h1 signature-counter')!.shadowRoot!.textContent,
      );
      assert.match(
        headline,
        new RegExp(new Intl.NumberFormat(lang).format(323832).replace(/\s/g, '\\s')),
        'the headline carries the live count',
      );
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  test('/ug/ speaks Uyghur: each element’s own words come from its ug catalog', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/ug/`);
    await settled(page);
    const words = await page.evaluate(() => ({
      submit: document.querySelector('petition-form')!.shadowRoot!.querySelector('button[type="submit"]')?.textContent?.trim(),
      counter: document.querySelector('signature-counter[show-countries]')!.shadowRoot!.textContent,
      card: document.querySelector('case-card')!.shadowRoot!.textContent,
      calculator: document.querySelector('donation-calculator')!.shadowRoot!.textContent,
      nav: Array.from(document.querySelectorAll('nav a'), (a) => a.getAttribute('href')),
    }));
    assert.equal(words.submit, 'ئىلتىماسقا ئىمزا قويۇش');
    assert.match(words.counter ?? '', /ئىمزا/);
    assert.match(words.counter ?? '', /دۆلەت ۋە رايوندىن/);
    assert.match(words.card ?? '', /ھەمبەھىرلەش/);
    assert.match(words.calculator ?? '', /ئايلىق ئىئانە/);
    assert.deepEqual(words.nav, ['/', '/en/', '/ar/', '/ug/']);
    await page.close();
  });

  test('a page of counters records no layout shift while the data arrives', async () => {
    const context = await browser.newContext();
    // The page follows docs/getting-started.md: agir.css holds the counters' place before the script has run
    // (an undefined custom element is empty until then).
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Compteurs</title>
      <link rel="stylesheet" href="${server.origin}/cdn/agir.css">
      <script>
        window.__shiftTotal = 0; window.__shiftAfterDefined = 0; window.__defined = false;
        new PerformanceObserver((list) => { for (const entry of list.getEntries()) { window.__shiftTotal += entry.value; if (window.__defined) window.__shiftAfterDefined += entry.value; } }).observe({ type: 'layout-shift', buffered: true });
        // From the first rendering of the loading state on (the upgrade itself is the page CSS's business).
        customElements.whenDefined('signature-counter')
          .then(() => Promise.all(Array.from(document.querySelectorAll('signature-counter'), (el) => el.updateComplete)))
          .then(() => requestAnimationFrame(() => requestAnimationFrame(() => { window.__defined = true; })));
      </script>
      <script type="module" src="${server.origin}/cdn/agir.js"></script>
      <meta name="agir:endpoint" content="${server.api}"></head><body>
      <h1>Ouïghours, Kazakhs, et autres minorités musulmanes : <signature-counter petition="xinjiang" layout="inline"></signature-counter> personnes exigent leur libération</h1>
      <p>Texte après le titre, qui bougerait si le compteur changeait de taille.</p>
      <signature-counter petition="xinjiang" show-countries></signature-counter>
      <p>Encore du texte sous le compteur.</p></body></html>`;
    await servePage(context, 'http://counters.example/', html);
    // The API is slowed down so that the loading state is painted first, then the data arrives.
    await context.route(`${server.api}/petitions/xinjiang`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto('http://counters.example/');
    await page.waitForFunction(() => (window as unknown as { __defined: boolean }).__defined);
    assert.equal(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('signature-counter')).some((el) => /323/.test(el.shadowRoot?.textContent ?? '')),
      ),
      false,
      'the loading state is on screen before the data arrives',
    );
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('signature-counter')).every((el) => /323/.test(el.shadowRoot?.textContent ?? '')),
    );
    await page.waitForTimeout(1200); // the count-up animation runs its course
    const shifts = await page.evaluate(() => ({
      total: (window as unknown as { __shiftTotal: number }).__shiftTotal,
      afterDefined: (window as unknown as { __shiftAfterDefined: number }).__shiftAfterDefined,
    }));
    assert.equal(shifts.afterDefined, 0, 'no layout shift from the rendered loading state to the data');
    assert.ok(shifts.total < 0.001, `cumulative layout shift of the whole page load ${shifts.total} < 0.001`);
    await context.close();
  });
});
