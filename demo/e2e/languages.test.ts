// Issue 19: the built demo in the reader's language, content included. /en/ shows the English words of Akber
// and Mamat (name, summary, status), /ar/ the Arabic ones right to left, /ug/ every element right to left
// with axe clean and the countries named in Uyghur (none chosen for the signer), and no French sentence of the
// seed shows on /en/ (the language menu's "Français" aside: it is marked lang="fr"; and "Agir", the product's
// name, is no sentence: the call to action is checked instead).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchChromium, startReferenceServer, type ReferenceServer } from './harness.js';

const tags = ['signature-counter', 'petition-form', 'case-card', 'donation-calculator'];

/** What the seed says in French (packages/server/seed/xinjiang.json, demo/index.html): none of it may show on /en/. */
const FRENCH = [
  'Interné dans un camp',
  'fait partie de ces milliers',
  'Agissez pour exiger sa libération',
  'Liberté pour les détenus',
  'Signez',
  'pétition',
  'Ouïghours',
  'minorités musulmanes',
  'détenus',
  'libération',
  'Faire un don',
  'par mois',
  'Détenu',
  'Chine',
];

/** The page once every element is defined and shows its data (each card `:state(ready)`). */
async function open(browser: Browser, url: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale }); // the browser's Accept-Language
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((names) => names.every((tag) => customElements.get(tag)), tags);
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('case-card')).every((el) => el.matches(':state(ready)')) &&
      Array.from(document.querySelectorAll('signature-counter')).every((el) => /\d/.test(el.shadowRoot?.textContent ?? '')) &&
      Array.from(document.querySelectorAll('donation-calculator')).every((el) => /\d/.test(el.shadowRoot?.textContent ?? '')),
  );
  return page;
}

/** Each case card's name, summary and status as shown, with the language and direction each is marked with. */
async function cards(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('case-card'), (card) => {
      // (No named inner functions: the page cannot see the helpers tsx adds for them.)
      const [name, summary, status, action] = ['.name', '.summary', '[part="status"]', '[part="action"]'].map((selector) => {
        const node = card.shadowRoot!.querySelector<HTMLElement>(selector)!;
        return {
          text: node.textContent!.trim(),
          lang: node.closest('[lang]')!.getAttribute('lang'),
          direction: getComputedStyle(node).direction,
        };
      });
      return { id: card.getAttribute('case'), name: name!, summary: summary!, status: status!, action: action! };
    }),
  );
}

describe('the demo in the reader’s language (issue 19)', () => {
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

  test('/en/ shows Akber and Mamat in English: name, summary, status and call to action, unmarked', async () => {
    // A French browser still gets the English page's words: the card asks for its own language.
    const page = await open(browser, `${server.origin}/en/`, 'fr-FR');
    const shown = await cards(page);
    assert.deepEqual(
      shown.map((card) => [card.id, card.name.text, card.status.text, card.action.text]),
      [
        ['akber', 'Akber', 'Held in an internment camp', 'Act now'],
        ['mamat', 'Mamat', 'Held in an internment camp', 'Act now'],
      ],
    );
    for (const card of shown) {
      const name = card.name.text;
      assert.equal(
        card.summary.text,
        `${name} is one of the thousands of people detained in the Xinjiang Uyghur Autonomous Region. Act to demand his release!`,
      );
      for (const part of [card.name, card.summary, card.status]) assert.deepEqual([part.lang, part.direction], ['en', 'ltr']);
    }
    await page.context().close();
  });

  test('/ar/ shows Akber and Mamat in Arabic, right to left', async () => {
    const page = await open(browser, `${server.origin}/ar/`);
    const shown = await cards(page);
    assert.deepEqual(
      shown.map((card) => [card.id, card.name.text, card.status.text, card.action.text]),
      [
        ['akber', 'أكبر', 'محتجز في معسكر اعتقال', 'تحرّكوا'],
        ['mamat', 'مامات', 'محتجز في معسكر اعتقال', 'تحرّكوا'],
      ],
    );
    for (const card of shown) {
      assert.equal(
        card.summary.text,
        `${card.name.text} واحد من آلاف الأشخاص المحتجزين في منطقة شينجيانغ الأويغورية ذاتية الحكم. تحرّكوا للمطالبة بالإفراج عنه!`,
      );
      for (const part of [card.name, card.summary, card.status, card.action]) assert.deepEqual([part.lang, part.direction], ['ar', 'rtl']);
    }
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.context().close();
  });

  test('/ug/ renders every element right to left with no axe violation; a case without Uyghur words is marked with its own language', async () => {
    const page = await open(browser, `${server.origin}/ug/`, 'ar');
    const directions = await page.evaluate(
      (names) => names.flatMap((tag) => Array.from(document.querySelectorAll(tag), (el) => `${tag}: ${getComputedStyle(el).direction}`)),
      tags,
    );
    assert.ok(directions.length >= 5);
    assert.deepEqual(
      directions.filter((entry) => !entry.endsWith('rtl')),
      [],
    );
    // No Uyghur words in the seed: the browser's Arabic (Accept-Language), marked ar, in an element speaking Uyghur.
    for (const card of await cards(page)) {
      assert.deepEqual([card.name.lang, card.name.direction], ['ar', 'rtl']);
      assert.equal(card.status.lang, 'ug', 'the status is the Uyghur catalog’s phrase, not the Arabic label');
    }
    // Chromium's Intl has no Uyghur: the country names come from core's CLDR table, and no country is chosen for
    // the signer (a default of China would record a diaspora signer as being there).
    const places = await page.evaluate(() =>
      Array.from(document.querySelectorAll('case-card'), (card) => card.shadowRoot!.querySelector('.place')!.textContent),
    );
    assert.ok(places.length > 0 && places.every((place) => place!.endsWith('، جۇڭگو')), places.join(' | '));
    const select = page.locator('petition-form select');
    assert.equal(await select.inputValue(), '');
    await select.focus();
    const options = await select.evaluate((element: HTMLSelectElement) =>
      Array.from(element.options, (option) => [option.value, option.text]),
    );
    assert.ok(options.length > 240, `${options.length} options`);
    assert.deepEqual(options[0], ['', 'تاللاڭ…']);
    assert.deepEqual(
      options.find(([code]) => code === 'CN'),
      ['CN', 'جۇڭگو'],
    );
    assert.deepEqual(
      options.filter(([code, name]) => code !== name && /[A-Za-z]/.test(name!)),
      [],
      'every name in Arabic script',
    );
    assert.equal(await select.inputValue(), '', 'still none chosen once listed');
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.context().close();
  });

  test('no French sentence or word of the seed on /en/ (text in shadow roots included; the language menu’s lang="fr" link aside)', async () => {
    const page = await open(browser, `${server.origin}/en/`, 'fr-FR');
    const text = await page.evaluate(() => {
      const parts: string[] = [];
      const stack: Node[] = [document.documentElement];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node instanceof Element && node.getAttribute('lang')?.startsWith('fr')) continue;
        if (node instanceof Element && ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) continue;
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element) {
          if (node.shadowRoot) stack.push(node.shadowRoot);
          for (const attribute of ['alt', 'title', 'aria-label', 'placeholder']) parts.push(node.getAttribute(attribute) ?? '');
        }
        stack.push(...Array.from(node.childNodes));
      }
      return parts.join(' ').replace(/\s+/g, ' ');
    });
    assert.match(text, /Held in an internment camp/, 'the cards are in');
    assert.match(text, /Sign the petition/);
    const found = FRENCH.filter((words) => new RegExp(`(^|[^\\p{L}])${words}([^\\p{L}]|$)`, 'u').test(text));
    assert.deepEqual(found, [], `French on /en/: ${found.map((words) => `"${words}"`).join(', ')}`);
    await page.context().close();
  });
});
