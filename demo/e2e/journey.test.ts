// Issue 21: the journey after signing on the built demo, served as `npm start` serves it (the reference server's
// CLI, its seed, the CDN build): sign → thank-you → share → the donation step with the page's calculator, which
// says 5,10 € for 15 € a month (French relief: 66 %) → done. A second run skips every step it can ("Pas
// maintenant"). axe is clean at each step, in French and Arabic; the page hears agir-* events in order, with
// nothing personal in them; focus lands on each step's heading and the step is announced.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, startReferenceServer, type ReferenceServer } from './harness.js';

interface Heard {
  type: string;
  keys: string[];
  step?: string;
  index?: number;
  skipped?: boolean;
}

const words = {
  fr: {
    path: '/',
    /** What the calculator says 15 € a month costs after the relief, as it writes it in this language. */
    net: '5,10 €',
    next: 'Continuer',
    skip: 'Pas maintenant',
    titles: ['Merci pour votre signature\u202f!', 'Faites passer le mot', 'Soutenez la campagne', 'Merci de votre soutien'],
    step: (index: string, count: string, title: string) => `Étape ${index} sur ${count}\u00a0: ${title}`,
  },
  ar: {
    path: '/ar/',
    net: '5.10 €',
    next: 'متابعة',
    skip: 'ليس الآن',
    titles: ['شكرًا لتوقيعك!', 'انشر الخبر', 'ادعم الحملة', 'شكرًا لدعمك'],
    step: (index: string, count: string, title: string) => `الخطوة ${index} من ${count}: ${title}`,
  },
} as const;

describe('the journey after signing on the demo (fr, ar)', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let signer = 0;
  before(async () => {
    server = await startReferenceServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** The demo page in a fresh context (nothing remembered), every agir-* event the page hears recorded. */
  async function open(lang: 'fr' | 'ar'): Promise<{ page: Page; problems: string[]; digits: string[]; close(): Promise<void> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      for (const type of ['agir-submit', 'agir-signed', 'agir-queued', 'agir-error', 'agir-journey-step'])
        document.addEventListener(type, (event) => {
          const { step, index, skipped } = event as unknown as { step?: string; index?: number; skipped?: boolean };
          heard.push({ type, keys: Object.keys(event).filter((key) => key !== 'isTrusted'), step, index, skipped });
        });
    });
    const response = await page.goto(`${server.origin}${words[lang].path}`);
    assert.equal(response?.status(), 200);
    await page.waitForFunction(() => customElements.get('petition-form') && customElements.get('donation-calculator'));
    // The step numbers as the page's language writes them (Arabic may use its own digits).
    const digits = await page.evaluate(() => [1, 2, 3, 4].map((n) => new Intl.NumberFormat(document.documentElement.lang).format(n)));
    return { page, problems, digits, close: () => context.close() };
  }

  async function sign(page: Page): Promise<string> {
    signer += 1;
    const email = `journey-${signer}@example.org`;
    const form = page.locator('petition-form');
    await form.locator('#givenName').fill('Ada');
    await form.locator('#familyName').fill('Lovelace');
    await form.locator('#email').fill(email);
    await form.locator('button[type="submit"]').click();
    return email;
  }

  /** The step now shown: its heading, what has focus, what the status region says. */
  async function shown(page: Page, title: string) {
    // The heading shows the step, and the status region has announced it (the journey's chunk is in).
    await page.waitForFunction((text) => {
      const root = document.querySelector('petition-form')?.shadowRoot;
      return (
        root?.querySelector('#title')?.textContent?.trim() === text &&
        root.querySelector('.root > [role="status"]')?.textContent?.includes(text)
      );
    }, title);
    return page.evaluate(() => {
      const root = document.querySelector('petition-form')!.shadowRoot!;
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return {
        focused: active?.id === 'title' ? active.textContent!.trim() : `${active?.localName}#${active?.id}`,
        status: root.querySelector('.root > [role="status"]')!.textContent!.trim(),
        buttons: Array.from(root.querySelectorAll('section .steps button'), (button) => button.textContent!.trim()),
      };
    });
  }

  async function axeClean(page: Page, problems: string[], where: string): Promise<void> {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${where}: ${describeViolations(violations)}`);
    assert.deepEqual(problems, [], `${where}: no error in the console`);
  }

  const press = (page: Page, name: string) => page.locator('petition-form').getByRole('button', { name, exact: true }).click();

  for (const lang of ['fr', 'ar'] as const) {
    const { next, skip, titles, step, net } = words[lang];

    test(`${lang}: sign → thanks → share → the calculator's donation step → done; axe clean at each step; events in order`, async () => {
      const { page, problems, digits, close } = await open(lang);
      const email = await sign(page);
      for (const [index, title] of titles.entries()) {
        const now = await shown(page, title);
        assert.equal(now.focused, title, `focus on the heading of step ${index + 1}`);
        assert.equal(now.status, step(digits[index]!, digits[3]!, title), `step ${index + 1} announced`);
        if (index === 1)
          assert.ok(await page.locator('petition-form [part="share"]').isVisible(), 'the share actions show at the share step');
        if (index === 2) {
          const calculator = page.locator('petition-form > donation-calculator');
          assert.ok(await calculator.isVisible(), 'the page’s calculator shows at the donation step');
          const output = (await calculator.locator('output').textContent())!.replace(/\s/g, ' ');
          assert.ok(output.includes(net), `15 € a month costs ${net} after 66 % relief (got "${output}")`);
          if (lang === 'ar') assert.equal(await calculator.evaluate((el) => getComputedStyle(el).direction), 'rtl');
        } else assert.equal(await page.locator('petition-form > donation-calculator').isVisible(), false);
        assert.deepEqual(now.buttons, index === 3 ? [] : index === 0 ? [next] : [next, skip]);
        await axeClean(page, problems, `step ${index + 1} (${title})`);
        if (index < 3) await press(page, next);
      }
      const heard = await page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
      assert.deepEqual(
        heard.map((event) =>
          event.type === 'agir-journey-step' ? `${event.type} ${event.index} ${event.step} ${event.skipped}` : event.type,
        ),
        [
          'agir-submit',
          'agir-signed',
          'agir-journey-step 0 thanks false',
          'agir-journey-step 1 share false',
          'agir-journey-step 2 donate false',
          'agir-journey-step 3 done false',
        ],
      );
      for (const event of heard.filter((each) => each.type === 'agir-journey-step'))
        assert.deepEqual(event.keys.sort(), ['index', 'petition', 'skipped', 'step'], 'nothing personal in a step');
      assert.doesNotMatch(JSON.stringify(heard), new RegExp(email), 'no email in what the page heard');
      await close();
    });

    test(`${lang}: every step the reader can skip is skipped; the page hears which`, async () => {
      const { page, problems, digits, close } = await open(lang);
      await sign(page);
      await shown(page, titles[0]);
      await press(page, next);
      await shown(page, titles[1]);
      await press(page, skip);
      const donation = await shown(page, titles[2]);
      assert.equal(donation.focused, titles[2]);
      await press(page, skip);
      const done = await shown(page, titles[3]);
      assert.equal(done.focused, titles[3]);
      assert.equal(done.status, step(digits[3]!, digits[3]!, titles[3]));
      await axeClean(page, problems, 'done after skipping');
      const heard = await page.evaluate(() =>
        (window as unknown as { heard: Heard[] }).heard.filter((event) => event.type === 'agir-journey-step'),
      );
      assert.deepEqual(
        heard.map((event) => `${event.index} ${event.step} ${event.skipped}`),
        ['0 thanks false', '1 share false', '2 donate true', '3 done true'],
      );
      await close();
    });
  }
});
