// Issue 21: analytics without a third party. The docs' example page (demo/after-signing/, shown in
// docs/analytics.md and docs/elements/petition-form.md) served as `npm start` serves it: its journey after
// signing, and the recipe (analytics.js) that forwards Agir's events to the page's own Matomo (`_paq`) and
// tag manager (`dataLayer`) — here the page's stand-ins, arrays the test reads as a fake collector. Nothing is
// forwarded before the reader consents, everything after, nothing after they take it back; nothing personal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, startReferenceServer, type ReferenceServer } from './harness.js';

describe('the analytics recipe on the after-signing example page', () => {
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

  /** What the page's collectors hold: Matomo's command queue and the tag manager's data layer. */
  const collected = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { _paq: unknown[]; dataLayer: unknown[] };
      return { paq: JSON.parse(JSON.stringify(w._paq)) as unknown[], dataLayer: JSON.parse(JSON.stringify(w.dataLayer)) as unknown[] };
    });

  async function step(page: Page, title: string): Promise<void> {
    await page.waitForFunction((text) => {
      const root = document.querySelector('petition-form')?.shadowRoot;
      return (
        root?.querySelector('#title')?.textContent?.trim() === text &&
        root.querySelector('.root > [role="status"]')?.textContent?.includes(text)
      );
    }, title);
  }
  const press = (page: Page, name: string) => page.locator('petition-form').getByRole('button', { name, exact: true }).click();

  test('nothing is forwarded before consent, each step after it, nothing after it is taken back; nothing personal', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).origin));
    const response = await page.goto(`${server.origin}/after-signing/`);
    assert.equal(response?.status(), 200);
    await page.waitForFunction(() => customElements.get('petition-form') && customElements.get('donation-calculator'));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));

    const form = page.locator('petition-form');
    await form.locator('#givenName').fill('Ada');
    await form.locator('#familyName').fill('Lovelace');
    await form.locator('#email').fill('ada.analytics@example.org');
    await form.locator('button[type="submit"]').click();
    await step(page, 'Merci pour votre signature\u202f!');
    assert.deepEqual(
      await collected(page),
      { paq: [], dataLayer: [] },
      'before consent: the signature and the first step are not forwarded',
    );

    await page.getByRole('button', { name: 'Accepter', exact: true }).click();
    assert.equal(await page.locator('#consent-status').textContent(), 'Merci : mesure d’audience acceptée.');
    await press(page, 'Continuer');
    await step(page, 'Faites passer le mot');
    await press(page, 'Pas maintenant');
    await step(page, 'Soutenez la campagne');
    const calculator = form.locator('donation-calculator');
    assert.ok(await calculator.isVisible(), 'the page’s calculator shows at the donation step');
    assert.ok((await calculator.locator('output').textContent())!.replace(/\s/g, ' ').includes('5,10 €'));
    const granted = await collected(page);
    assert.deepEqual(granted.dataLayer, [
      { event: 'agir-journey-step', agir: { petition: 'xinjiang', step: 'share', index: 1, skipped: false } },
      { event: 'agir-journey-step', agir: { petition: 'xinjiang', step: 'donate', index: 2, skipped: true } },
    ]);
    assert.deepEqual(granted.paq, [
      ['trackEvent', 'Agir', 'agir-journey-step', 'xinjiang / share / 1 / false'],
      ['trackEvent', 'Agir', 'agir-journey-step', 'xinjiang / donate / 2 / true'],
    ]);

    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    await press(page, 'Pas maintenant');
    await step(page, 'Merci de votre soutien');
    assert.deepEqual(await collected(page), granted, 'after the reader took consent back: nothing more');

    const all = JSON.stringify(await collected(page));
    for (const personal of ['Ada', 'Lovelace', 'ada.analytics@example.org'])
      assert.ok(!all.includes(personal), `no "${personal}" forwarded`);
    assert.deepEqual([...new Set(requests)], [server.origin], 'no request to any other host');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
