import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/donation-calculator/define.js';
import { DonateEvent, DonationCalculator, EstimateEvent, formatLegacyFr, parseAmount } from '../src/donation-calculator/index.js';
import { until, visibleText } from './helpers.js';

// The workspace has no @types/mocha: the mocha globals this file uses (provided by web-test-runner).
type Body = () => Promise<void> | void;
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: Body): void;
declare function before(body: Body): void;
declare function after(body: Body): void;
declare function beforeEach(body: Body): void;
declare function afterEach(body: (this: { currentTest?: { state?: string } }) => void): void;

// ---------------------------------------------------------------------------------------------
// Helpers

const NBSP = '\u00a0';
const eur = (value: number, locale = 'fr') => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value);
const percent = (value: number, locale = 'fr') => new Intl.NumberFormat(locale, { style: 'percent' }).format(value);

/** Mounts a calculator with attributes (true = boolean attribute, undefined = left out) and waits for its text and figure. */
async function mount(
  attributes: Record<string, string | true | undefined> = {},
  wrap?: (el: string) => string,
): Promise<DonationCalculator> {
  const all: Record<string, string | true | undefined> = { lang: 'fr', country: 'FR', 'tax-year': '2026', ...attributes };
  const markup = `<donation-calculator ${Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => (value === true ? name : `${name}="${value}"`))
    .join(' ')}></donation-calculator>`;
  const root = await fixture<HTMLElement>(wrap ? wrap(markup) : markup);
  const el = (root.localName === 'donation-calculator' ? root : root.querySelector('donation-calculator')) as DonationCalculator;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: DonationCalculator, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLInputElement>(el: DonationCalculator, selector: string): T[] =>
  Array.from(el.shadowRoot!.querySelectorAll<T>(selector));
/** Text as shown, keeping the no-break spaces Intl puts in numbers (\s would turn them into plain spaces). */
const text = (node: Node) => node.textContent!.replace(/[ \t\n\r]+/g, ' ').trim();
const result = (el: DonationCalculator) => text($(el, 'output'));
const summary = (el: DonationCalculator) => text($(el, '.summary'));
const free = (el: DonationCalculator) => $<HTMLInputElement>(el, '#free-amount');
const donate = (el: DonationCalculator) => $<HTMLButtonElement>(el, 'button');
const error = (el: DonationCalculator) => $(el, '#amount-error').textContent!.trim();
const presets = (el: DonationCalculator) => $$(el, 'input[name="preset"]');
const checkedPreset = (el: DonationCalculator) => presets(el).find((radio) => radio.checked);
const labelOf = (radio: HTMLInputElement) => radio.closest('label')!.textContent!.trim();
const frequencyRadio = (el: DonationCalculator, value: string) => $<HTMLInputElement>(el, `input[name="frequency"][value="${value}"]`);

async function chooseFrequency(el: DonationCalculator, value: 'once' | 'monthly'): Promise<void> {
  frequencyRadio(el, value).click();
  await el.updateComplete;
}

async function choosePreset(el: DonationCalculator, label: string): Promise<void> {
  const radio = presets(el).find((candidate) => labelOf(candidate) === label);
  if (!radio) throw new Error(`no preset "${label}" among ${presets(el).map(labelOf).join(' | ')}`);
  radio.click();
  await el.updateComplete;
}

/**
 * Types into the free amount as a person does (keyboard events), replacing what was there. One key at a time:
 * WebKitGTK's WebDriver drops a character typed twice in a row within one `type` ("2500" arrives as "250").
 */
async function typeAmount(el: DonationCalculator, text: string, field = free(el)): Promise<void> {
  field.focus();
  field.select();
  if (field.value) await sendKeys({ press: 'Backspace' });
  for (const char of text) await sendKeys({ type: char });
  await el.updateComplete;
}

/** The accessible name of a node, as axe-core (loaded by the accessibility checks) computes it. */
function accessibleName(node: Element): string {
  const axe = (window as unknown as { axe?: AxeLike }).axe;
  if (!axe) throw new Error('axe-core is not loaded yet');
  axe.setup(document);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(node));
  } finally {
    axe.teardown();
  }
}
interface AxeLike {
  setup(node: Node): void;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
}

// Console: author errors are expected only where a test says so; a Lit dev-mode warning fails the test.
let consoleErrors: string[] = [];
let litWarnings: string[] = [];
const originalError = console.error;
const originalWarn = console.warn;
before(() => {
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  };
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/lit\.dev\/msg\//.test(text) && !/dev-mode/.test(text)) litWarnings.push(text);
    originalWarn.apply(console, args);
  };
});
after(() => {
  console.error = originalError;
  console.warn = originalWarn;
});
beforeEach(() => {
  consoleErrors = [];
  litWarnings = [];
});
afterEach(function () {
  const errors = consoleErrors;
  consoleErrors = [];
  expect(litWarnings, 'Lit dev-mode warnings').to.deep.equal([]);
  if (this.currentTest?.state !== 'failed') expect(errors, 'unexpected console errors').to.deep.equal([]);
});
/** The console errors logged so far in this test (and forgets them). */
function takeErrors(): string[] {
  const errors = consoleErrors;
  consoleErrors = [];
  return errors;
}

// ---------------------------------------------------------------------------------------------

describe('donation-calculator: accessibility in every state', () => {
  for (const lang of ['fr', 'ar', 'it', 'nl', 'pt', 'ug', 'zh-Hans']) {
    it(`${lang}: monthly preset`, async () => {
      const el = await mount({ lang });
      expect(result(el)).not.to.equal('');
      await expect(el).to.be.accessible();
    });

    it(`${lang}: one-off`, async () => {
      const el = await mount({ lang });
      await chooseFrequency(el, 'once');
      await expect(el).to.be.accessible();
    });

    it(`${lang}: free amount`, async () => {
      const el = await mount({ lang });
      await typeAmount(el, '42');
      expect(checkedPreset(el)).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it(`${lang}: invalid amount`, async () => {
      const el = await mount({ lang });
      await typeAmount(el, 'abc');
      expect(error(el)).not.to.equal('');
      await expect(el).to.be.accessible();
    });

    it(`${lang}: unsupported country`, async () => {
      const el = await mount({ lang, country: 'SE', currency: 'SEK' });
      expect(result(el)).not.to.equal('');
      await expect(el).to.be.accessible();
    });

    it(`${lang}: GB Gift Aid`, async () => {
      const el = await mount({ lang, country: 'GB', 'tax-year': '2025' });
      expect(result(el)).to.contain('Gift Aid');
      await expect(el).to.be.accessible();
    });

    it(`${lang}: income field, with an invalid income`, async () => {
      const el = await mount({ lang, 'ask-income': true });
      await typeAmount(el, 'x', $<HTMLInputElement>(el, '#income'));
      await expect(el).to.be.accessible();
    });

    it(`${lang}: disabled`, async () => {
      const el = await mount({ lang, disabled: true });
      await expect(el).to.be.accessible();
    });
  }
});

describe('donation-calculator: the net cost in French', () => {
  it('shows 15 €/month as "5,10 €" per month, with the rule and "si vous êtes imposable"', async () => {
    const el = await mount();
    expect(checkedPreset(el)!.value).to.equal('1500');
    expect(labelOf(checkedPreset(el)!)).to.equal(`15${NBSP}€`);
    expect(result(el)).to.equal(`votre don ne vous coûtera que ${eur(5.1)} par mois.`);
    expect(summary(el)).to.equal(
      `Grâce à la réduction d’impôt de ${percent(0.66)} (si vous êtes imposable), votre don ne vous coûtera que ${eur(5.1)} par mois.`,
    );
    expect($(el, 'output').getAttribute('aria-live')).to.equal('polite');
    expect($(el, 'output strong').textContent).to.equal('5,10\u00a0€');
  });

  it('switching to one-off shows the one-off presets with 250 € selected', async () => {
    const el = await mount();
    expect(presets(el).map(labelOf)).to.deep.equal([`8${NBSP}€`, `10${NBSP}€`, `15${NBSP}€`]);
    await chooseFrequency(el, 'once');
    expect(frequencyRadio(el, 'once').checked).to.equal(true);
    expect(presets(el).map(labelOf)).to.deep.equal([`80${NBSP}€`, `100${NBSP}€`, `250${NBSP}€`]);
    expect(labelOf(checkedPreset(el)!)).to.equal(`250${NBSP}€`);
    expect(visibleText($(el, 'fieldset:nth-of-type(2) legend'))).to.equal('Montant de votre don');
    expect(result(el)).to.equal(`votre don ne vous coûtera que ${eur(85)}.`);
    await chooseFrequency(el, 'monthly');
    expect(labelOf(checkedPreset(el)!)).to.equal(`15${NBSP}€`);
  });

  it('honours default-monthly and default-once', async () => {
    const el = await mount({ 'default-monthly': '10', 'default-once': '100' });
    expect(labelOf(checkedPreset(el)!)).to.equal(`10${NBSP}€`);
    expect(result(el)).to.contain(eur(3.4));
    await chooseFrequency(el, 'once');
    expect(labelOf(checkedPreset(el)!)).to.equal(`100${NBSP}€`);
  });

  it('a free amount of 42 once costs 14,28 €; clearing it returns to the preset', async () => {
    const el = await mount();
    await chooseFrequency(el, 'once');
    await typeAmount(el, '42');
    expect(checkedPreset(el)).to.equal(undefined);
    expect(result(el)).to.equal(`votre don ne vous coûtera que ${eur(14.28)}.`);
    expect(el.amount).to.equal(42);
    await typeAmount(el, '');
    expect(labelOf(checkedPreset(el)!)).to.equal(`250${NBSP}€`);
    expect(result(el)).to.contain(eur(85));
  });

  it('in Chinese, reads the full-width digits and marks an input method types', async () => {
    const el = await mount({ lang: 'zh-Hans' });
    const field = free(el);
    // An input method commits its text at once (one input event), as here.
    field.value = '１２．５';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '１２．５' }));
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.equal('false');
    expect(error(el)).to.equal('');
    expect(el.amountMinor).to.equal(1250);
    expect(el.matches(':state(invalid)')).to.equal(false);
  });

  it('reads a decimal comma and grouping spaces', async () => {
    const el = await mount();
    await typeAmount(el, '12,5');
    expect(el.amountMinor).to.equal(1250);
    expect(result(el)).to.contain(eur(4.25));
    await typeAmount(el, '1 000');
    expect(el.amountMinor).to.equal(100_000);
  });

  for (const [typed, message] of [
    ['abc', 'Saisissez le montant en chiffres, par exemple 12,50.'],
    ['-5', 'Saisissez un montant supérieur à zéro.'],
    ['0', 'Saisissez un montant supérieur à zéro.'],
    [
      '100001',
      `Saisissez un montant inférieur ou égal à ${new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(100000)}.`,
    ],
  ]) {
    it(`refuses "${typed}" with a clear error and a disabled donate button`, async () => {
      const el = await mount();
      expect(donate(el).disabled).to.equal(false);
      await typeAmount(el, typed!);
      expect(error(el)).to.equal(message);
      expect(free(el).getAttribute('aria-invalid')).to.equal('true');
      expect(free(el).getAttribute('aria-describedby')!.split(' ')).to.include('amount-error');
      expect(donate(el).disabled).to.equal(true);
      expect(result(el)).to.equal('');
      expect(el.matches(':state(invalid)')).to.equal(true);
      await typeAmount(el, '20');
      expect(error(el)).to.equal('');
      expect(free(el).getAttribute('aria-invalid')).to.equal('false');
      expect(donate(el).disabled).to.equal(false);
      expect(el.matches(':state(invalid)')).to.equal(false);
    });
  }

  it('takes its maximum from max-amount', async () => {
    const el = await mount({ 'max-amount': '500' });
    await typeAmount(el, '501');
    expect(error(el)).to.equal(`Saisissez un montant inférieur ou égal à 500${NBSP}€.`);
    await typeAmount(el, '500');
    expect(error(el)).to.equal('');
  });

  it('keeps the room of the result line whatever it says (no layout shift)', async () => {
    const el = await mount();
    const height = () => $(el, '.summary').getBoundingClientRect().height;
    const withFigure = height();
    expect(withFigure).to.be.greaterThan(0);
    await typeAmount(el, 'abc');
    expect(result(el)).to.equal('');
    expect(height()).to.equal(withFigure);
    await typeAmount(el, '42');
    expect(height()).to.equal(withFigure);
  });
});

/**
 * Sets the page's clock to local noon of an ISO day for the rest of the test: `new Date()` and `Date.now()`
 * answer that moment (dates built from values are untouched). Returns the function that puts the clock back.
 */
function setClock(day: string): () => void {
  const RealDate = Date;
  const fixed = new RealDate(`${day}T12:00:00`).getTime();
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [string]));
    }
    static override now(): number {
      return fixed;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

describe('donation-calculator: New Year (no tax-year: the tax year in progress, the latest rules in force)', () => {
  let restoreClock: (() => void) | undefined;
  afterEach(() => {
    restoreClock?.();
    restoreClock = undefined;
  });

  for (const day of ['2027-01-02', '2027-04-05', '2030-06-01']) {
    it(`${day}: the seed page's 15 €/month still costs 5,10 €, with the rules' year in the disclosure`, async () => {
      restoreClock = setClock(day);
      const events: EstimateEvent[] = [];
      const listener = (event: EstimateEvent) => events.push(event);
      document.addEventListener('agir-estimate', listener);
      const el = await mount({ 'tax-year': undefined, 'amounts-monthly': '8 10 15' }).finally(() =>
        document.removeEventListener('agir-estimate', listener),
      );
      expect(el.hasAttribute('tax-year')).to.equal(false);
      expect(result(el)).to.equal(`votre don ne vous coûtera que ${eur(5.1)} par mois.`);
      const year = day.slice(0, 4);
      $(el, 'summary').click();
      expect(visibleText($(el, 'details'))).to.contain(
        `Année fiscale ${year}, calcul selon les règles fiscales 2026 (les plus récentes connues).`,
      );
      expect(events.length).to.be.greaterThan(0);
      const last = events.at(-1)!;
      expect(last).to.be.instanceOf(EstimateEvent);
      expect([last.bubbles, last.composed, last.taxYear, last.rulesYear]).to.deep.equal([true, true, Number(year), 2026]);
      expect(last.estimate.netCostPerPeriod).to.equal(5.1);
      expect(el.estimate).to.deep.include({ ok: true, taxYear: Number(year), rulesYear: 2026 });
    });
  }

  it('the donate event says which rules the figure came from', async () => {
    restoreClock = setClock('2027-01-02');
    const el = await mount({ 'tax-year': undefined, 'donate-href': 'https://dons.example.org/?a={amount}' });
    el.navigate = () => undefined;
    const events: DonateEvent[] = [];
    el.addEventListener('agir-donate', (event) => events.push(event), { once: true });
    donate(el).click();
    expect([events[0]!.taxYear, events[0]!.rulesYear]).to.deep.equal([2027, 2026]);
  });

  it('in the rules\u2019 own year, the disclosure names the tax year alone', async () => {
    restoreClock = setClock('2026-12-31');
    const el = await mount({ 'tax-year': undefined });
    $(el, 'summary').click();
    expect(visibleText($(el, 'details'))).to.contain('Année fiscale 2026.');
    expect(el.estimate).to.deep.include({ taxYear: 2026, rulesYear: 2026 });
  });

  it('GB switches tax year on 6 April', async () => {
    restoreClock = setClock('2027-04-05');
    const before = await mount({ lang: 'en', country: 'GB', 'tax-year': undefined });
    $(before, 'summary').click();
    expect(visibleText($(before, 'details'))).to.contain('Tax year 2026/27.');
    restoreClock();
    restoreClock = setClock('2027-04-06');
    const after = await mount({ lang: 'en', country: 'GB', 'tax-year': undefined });
    $(after, 'summary').click();
    expect(visibleText($(after, 'details'))).to.contain('Tax year 2027/28, calculated with the 2026/27 tax rules (the latest we have).');
    expect(result(after)).to.equal(result(before));
  });

  it('an explicit tax-year that is not modelled is still "cannot estimate", with an author error', async () => {
    restoreClock = setClock('2027-01-02');
    const el = await mount({ 'tax-year': '2027' });
    expect(result(el)).to.equal('Nous ne pouvons pas estimer la réduction d’impôt pour cette année fiscale.');
    expect(takeErrors()[0]).to.contain('tax-year');
  });
});

describe('donation-calculator: keyboard', () => {
  it('moves between presets with the arrow keys (a native radio group)', async () => {
    const el = await mount();
    await choosePreset(el, `8${NBSP}€`);
    const [eight, ten, fifteen] = presets(el);
    eight!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(ten);
    expect(checkedPreset(el)).to.equal(ten);
    expect(result(el)).to.contain(eur(3.4));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(fifteen);
    expect(checkedPreset(el)).to.equal(fifteen);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(ten);
  });

  it('moves with the arrow keys in right-to-left Arabic too', async () => {
    const el = await mount({ lang: 'ar' });
    await choosePreset(el, labelOf(presets(el)[0]!));
    presets(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(presets(el)[1]);
    expect(checkedPreset(el)).to.equal(presets(el)[1]);
  });

  it('names the frequency group and the amount group, and exposes the checked frequency', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const [frequencyGroup, amountGroup] = $$<HTMLFieldSetElement>(el, 'fieldset');
    expect(accessibleName(frequencyGroup!)).to.equal('Type de don');
    expect(accessibleName(amountGroup!)).to.equal('Montant de votre don mensuel');
    const frequencies = Array.from(frequencyGroup!.querySelectorAll('input'));
    expect(frequencies.map((radio) => [radio.type, accessibleName(radio), radio.checked])).to.deep.equal([
      ['radio', 'Don ponctuel', false],
      ['radio', 'Don mensuel', true],
    ]);
    expect(accessibleName(free(el))).to.equal('Ou montant libre');
  });

  it('switches the frequency with the keyboard', async () => {
    const el = await mount();
    frequencyRadio(el, 'monthly').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(frequencyRadio(el, 'once').checked).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(frequencyRadio(el, 'once'));
    expect(labelOf(checkedPreset(el)!)).to.equal(`250${NBSP}€`);
  });

  it('focus() goes to the checked preset, or to the free amount', async () => {
    const el = await mount();
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(checkedPreset(el));
    await typeAmount(el, '42');
    (document.activeElement as HTMLElement).blur();
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(free(el));
  });
});

describe('donation-calculator: in a form', () => {
  const inForm = (markup: string) => `<form>${markup}<button type="reset">reset</button></form>`;

  it('submits the amount and the frequency, under its name', async () => {
    const el = await mount({ name: 'gift' }, inForm);
    const form = el.closest('form')!;
    expect(el.form).to.equal(form);
    expect([...new FormData(form)]).to.deep.equal([
      ['gift-amount', '15'],
      ['gift-frequency', 'monthly'],
    ]);
    await chooseFrequency(el, 'once');
    await typeAmount(el, '12,5');
    expect([...new FormData(form)]).to.deep.equal([
      ['gift-amount', '12.50'],
      ['gift-frequency', 'once'],
    ]);
  });

  it('submits "amount" and "frequency" without a name', async () => {
    const el = await mount({}, inForm);
    expect([...new FormData(el.form!)]).to.deep.equal([
      ['amount', '15'],
      ['frequency', 'monthly'],
    ]);
  });

  it('an invalid free amount makes the form invalid', async () => {
    const el = await mount({}, inForm);
    const form = el.form!;
    expect(form.checkValidity()).to.equal(true);
    await typeAmount(el, 'abc');
    expect(form.checkValidity()).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.badInput).to.equal(true);
    expect(el.validationMessage).to.equal(error(el));
    expect([...new FormData(form)]).to.deep.equal([]);
    await typeAmount(el, '-3');
    expect(el.validity.rangeUnderflow).to.equal(true);
    await typeAmount(el, '999999');
    expect(el.validity.rangeOverflow).to.equal(true);
    expect(el.reportValidity()).to.equal(false);
    expect(el.matches(':invalid')).to.equal(true);
    await typeAmount(el, '30');
    expect(form.checkValidity()).to.equal(true);
  });

  it('submitting with an invalid amount is blocked and focuses the free amount', async () => {
    const el = await mount({}, inForm);
    let submitted = 0;
    el.form!.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    await typeAmount(el, 'abc');
    free(el).blur();
    el.form!.requestSubmit();
    expect(submitted).to.equal(0);
    expect(el.shadowRoot!.activeElement).to.equal(free(el));
  });

  it('a reset restores the defaults', async () => {
    const el = await mount({ frequency: 'monthly', 'ask-income': true }, inForm);
    const form = el.form!;
    await chooseFrequency(el, 'once');
    await typeAmount(el, '42');
    await typeAmount(el, '30000', $<HTMLInputElement>(el, '#income'));
    form.reset();
    await el.updateComplete;
    expect(frequencyRadio(el, 'monthly').checked).to.equal(true);
    expect(labelOf(checkedPreset(el)!)).to.equal(`15${NBSP}€`);
    expect(free(el).value).to.equal('');
    expect($<HTMLInputElement>(el, '#income').value).to.equal('');
    expect([...new FormData(form)]).to.deep.equal([
      ['amount', '15'],
      ['frequency', 'monthly'],
    ]);
    await chooseFrequency(el, 'once');
    expect(labelOf(checkedPreset(el)!)).to.equal(`250${NBSP}€`);
  });

  it('is disabled with its fieldset', async () => {
    const el = await mount({}, (markup) => `<form><fieldset>${markup}</fieldset></form>`);
    el.closest('fieldset')!.disabled = true;
    await el.updateComplete;
    expect($$(el, 'input').every((input) => input.disabled)).to.equal(true);
    expect(donate(el).disabled).to.equal(true);
    expect([...new FormData(el.form!)]).to.deep.equal([]);
    el.closest('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(donate(el).disabled).to.equal(false);
  });

  it('restores a saved state (back navigation, autofill)', async () => {
    const el = await mount({}, inForm);
    const saved = new FormData();
    saved.append('amount', '100');
    saved.append('frequency', 'once');
    el.formStateRestoreCallback(saved);
    await el.updateComplete;
    expect(frequencyRadio(el, 'once').checked).to.equal(true);
    expect(labelOf(checkedPreset(el)!)).to.equal(`100${NBSP}€`);
    saved.set('amount', '42.5');
    el.formStateRestoreCallback(saved);
    await el.updateComplete;
    expect(free(el).value).to.equal('42.50');
    expect(el.amountMinor).to.equal(4250);
  });

  it('without donate-href, the donate button submits the form', async () => {
    const el = await mount({}, inForm);
    const form = el.form!;
    const submitted: Array<[string, FormDataEntryValue][]> = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push([...new FormData(form)]);
    });
    donate(el).click();
    expect(submitted).to.deep.equal([
      [
        ['amount', '15'],
        ['frequency', 'monthly'],
      ],
    ]);
  });
});

describe('donation-calculator: donating', () => {
  const href = 'https://dons.example.org/give?amount={amount}&cents={amountMinor}&frequency={frequency}';

  it('fires a cancelable agir-donate, then goes to the donation page with the amount', async () => {
    const el = await mount({ 'donate-href': href });
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    const events: DonateEvent[] = [];
    document.addEventListener('agir-donate', (event) => events.push(event), { once: true });
    donate(el).click();
    expect(events).to.have.length(1);
    const event = events[0]!;
    expect(event).to.be.instanceOf(DonateEvent);
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
    expect({
      amount: event.amount,
      amountMinor: event.amountMinor,
      frequency: event.frequency,
      currency: event.currency,
      country: event.country,
    }).to.deep.equal({
      amount: 15,
      amountMinor: 1500,
      frequency: 'monthly',
      currency: 'EUR',
      country: 'FR',
    });
    expect(visited).to.deep.equal(['https://dons.example.org/give?amount=15&cents=1500&frequency=monthly']);
  });

  it('goes nowhere when the event is cancelled', async () => {
    const el = await mount({ 'donate-href': href });
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    el.addEventListener('agir-donate', (event) => event.preventDefault(), { once: true });
    donate(el).click();
    expect(visited).to.deep.equal([]);
  });

  it('lets a listener change the destination (http(s) only)', async () => {
    const el = await mount({ 'donate-href': href });
    await chooseFrequency(el, 'once');
    await typeAmount(el, '42,5');
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    el.addEventListener('agir-donate', (event) => (event.url = event.url!.replace('frequency=once', 'frequency=ponctuel')), { once: true });
    donate(el).click();
    expect(visited).to.deep.equal(['https://dons.example.org/give?amount=42.50&cents=4250&frequency=ponctuel']);
    el.addEventListener('agir-donate', (event) => (event.url = 'javascript:alert(1)'), { once: true });
    donate(el).click();
    expect(visited).to.have.length(1);
    expect(takeErrors()).to.have.length(1);
  });

  it('resolves a relative donate-href against the page', async () => {
    const el = await mount({ 'donate-href': '/don?montant={amount}' });
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    donate(el).click();
    expect(visited).to.deep.equal([new URL('/don?montant=15', document.baseURI).href]);
  });

  it('refuses a donate-href that is not http(s): one author error, the button disabled', async () => {
    const el = await mount({ 'donate-href': 'javascript:alert(document.cookie)' });
    const errors = takeErrors();
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<donation-calculator>').and.to.contain('donate-href');
    expect(donate(el).disabled).to.equal(true);
    el.requestUpdate();
    await el.updateComplete;
    expect(takeErrors()).to.deep.equal([]);
  });

  it('says so to the page author when the button leads nowhere', async () => {
    const el = await mount();
    donate(el).click();
    expect(takeErrors()[0]).to.contain('donate-href');
  });

  it('tells the page when the reader changes the amount or the frequency', async () => {
    const el = await mount();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await chooseFrequency(el, 'once');
    await choosePreset(el, `100${NBSP}€`);
    expect(changes).to.equal(2);
  });
});

describe('donation-calculator: countries', () => {
  it('GB: shows what the charity receives with Gift Aid, and the Gift Aid note', async () => {
    const el = await mount({
      lang: 'en',
      country: 'GB',
      'tax-year': '2025',
      frequency: 'once',
      'amounts-once': '10 25 50',
      'default-once': '10',
    });
    expect(result(el)).to.equal('With Gift Aid, your £10 becomes £12.50 for the charity.');
    expect(visibleText(el.shadowRoot!)).to.contain('Gift Aid: if you pay UK income tax');
    expect(visibleText($(el, 'details'))).to.contain('2025/26');
    await chooseFrequency(el, 'monthly');
    await choosePreset(el, '£10');
    expect(result(el)).to.equal('With Gift Aid, your £10 a month becomes £12.50 a month for the charity.');
    expect($(el, '#free-prefix').textContent).to.equal('£');
  });

  it('an unsupported country: no figure, a localised note, donating still works', async () => {
    const el = await mount({ country: 'SE', currency: 'SEK', 'donate-href': 'https://example.org/ge?belopp={amount}' });
    expect(result(el)).to.equal('Nous ne pouvons pas estimer la réduction d’impôt pour votre pays.');
    expect(summary(el)).not.to.match(/\d/);
    expect(el.matches(':state(unsupported)')).to.equal(true);
    expect(labelOf(checkedPreset(el)!)).to.equal(
      new Intl.NumberFormat('fr', { style: 'currency', currency: 'SEK', trailingZeroDisplay: 'stripIfInteger' }).format(15),
    );
    const visited: string[] = [];
    el.navigate = (url) => visited.push(url);
    donate(el).click();
    expect(visited).to.deep.equal(['https://example.org/ge?belopp=15']);
  });

  it('an unsupported tax year: no figure, a localised note', async () => {
    const el = await mount({ 'tax-year': '2019' });
    expect(result(el)).to.equal('Nous ne pouvons pas estimer la réduction d’impôt pour cette année fiscale.');
    expect(takeErrors()[0]).to.contain('tax-year');
  });

  it('a deduction country without the marginal rate: the rule in words, no figure', async () => {
    const el = await mount({ lang: 'de', country: 'DE' });
    expect(result(el)).to.contain('hängt von Ihrem Steuersatz ab');
    expect(result(el)).not.to.match(/\d/);
  });

  it('ES: the effective rate of a tiered rule, in Spanish', async () => {
    const el = await mount({ lang: 'es', country: 'ES' });
    expect(summary(el)).to.equal(
      `Gracias a la deducción fiscal del ${percent(0.8, 'es')} (si pagas impuestos), tu donativo solo te costará ${eur(3, 'es')} al mes.`,
    );
  });

  it('IE: the charity claims the refund, the donor pays the full amount', async () => {
    const el = await mount({ lang: 'en', country: 'IE', frequency: 'once' });
    expect(result(el)).to.equal(
      `Your gift costs you its full amount, and the charity can claim ${eur(112.32, 'en')} a year in tax on it (if you pay tax).`,
    );
  });

  it('BE: below the yearly minimum, no relief', async () => {
    const el = await mount({ lang: 'fr', country: 'BE', frequency: 'once', 'amounts-once': '20 40', 'default-once': '20' });
    expect(result(el)).to.equal('À ce montant, votre don n’ouvre pas droit à un avantage fiscal.');
  });

  it('FR aid-to-people-in-difficulty: the 75 % scheme passes through', async () => {
    const el = await mount({ scheme: 'aid-to-people-in-difficulty', 'rate-label': '75 %' });
    expect(summary(el)).to.equal(
      `Grâce à la réduction d’impôt de 75 % (si vous êtes imposable), votre don ne vous coûtera que ${eur(3.75)} par mois.`,
    );
  });

  it('an unknown scheme: no figure, one author error', async () => {
    const el = await mount({ scheme: 'lottery' });
    expect(result(el)).to.equal('Nous ne pouvons pas estimer la réduction d’impôt pour ce don.');
    expect(takeErrors()[0]).to.contain('lottery');
  });
});

describe('donation-calculator: income ceiling', () => {
  it('asks for the income (ask-income) and applies the 20 % ceiling, with the carry-forward', async () => {
    const el = await mount({ 'ask-income': true, frequency: 'once' });
    const income = $<HTMLInputElement>(el, '#income');
    expect(accessibleName(income)).to.equal('Votre revenu imposable annuel (facultatif)');
    await typeAmount(el, '2500');
    expect(result(el)).to.contain(eur(850));
    await typeAmount(el, '10000', income);
    // 20 % of 10 000 € = 2 000 € at 66 % → 1 320 €; the gift costs 1 180 €; 500 € carried forward.
    expect(result(el)).to.contain(eur(1180));
    expect(text($(el, '.note'))).to.equal(`La part au-delà du plafond (${eur(500)}) peut être reportée sur les 5${NBSP}années suivantes.`);
  });

  it('shows the income field by itself for a large gift where a ceiling applies', async () => {
    const el = await mount({ frequency: 'once' });
    expect($(el, '#income')).to.equal(null);
    await typeAmount(el, '2000');
    expect($(el, '#income')).not.to.equal(null);
  });

  it('an invalid income is an error tied to the field, and makes the element invalid', async () => {
    const el = await mount({ 'ask-income': true }, (markup) => `<form>${markup}</form>`);
    const income = $<HTMLInputElement>(el, '#income');
    await typeAmount(el, 'beaucoup', income);
    expect($(el, '#income-error').textContent).to.equal('Saisissez votre revenu en chiffres, ou laissez le champ vide.');
    expect(income.getAttribute('aria-invalid')).to.equal('true');
    expect(el.form!.checkValidity()).to.equal(false);
  });
});

describe('donation-calculator: legacy format', () => {
  it('shows "5,1 €" for 15 €/month (the seed page), and 14,28 € for 42', async () => {
    const el = await mount({ 'legacy-format': true });
    expect(result(el)).to.equal('votre don ne vous coûtera que 5,1 € par mois.');
    await chooseFrequency(el, 'once');
    await typeAmount(el, '42');
    expect(result(el)).to.equal('votre don ne vous coûtera que 14,28 €.');
  });

  it('reproduces the seed site strings exactly', () => {
    expect([510, 272, 340, 3400, 8500, 1700, 1428, 5000, 0].map(formatLegacyFr)).to.deep.equal([
      '5,1 €',
      '2,72 €',
      '3,4 €',
      '34,0 €',
      '85,0 €',
      '17,0 €',
      '14,28 €',
      '50,0 €',
      '0,0 €',
    ]);
  });

  it('is for euros only', async () => {
    const el = await mount({ lang: 'en', country: 'GB', 'tax-year': '2025', 'legacy-format': true });
    expect(takeErrors()[0]).to.contain('legacy-format');
    expect(result(el)).to.contain('£');
  });
});

describe('donation-calculator: languages', () => {
  it('Arabic is right-to-left, translated, with Arabic number formatting', async () => {
    const el = await mount({ lang: 'ar' });
    expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
    expect(visibleText($(el, 'legend'))).to.equal('نوع التبرع');
    expect(result(el)).to.equal(
      `لن يكلّفك تبرعك سوى ${new Intl.NumberFormat('ar', { style: 'currency', currency: 'EUR' }).format(5.1)} شهريًا.`,
    );
    // The free amount's unit, as in every language a unit and "/month" (it read "€شهريًا", run together).
    expect(text($(el, '#free-unit'))).to.match(/^(€|[^\s/]+)\/شهر$/);
  });

  it('in Chinese, the disclosure puts no space after a full-width full stop', async () => {
    const el = await mount({ lang: 'zh-Hans' });
    $(el, 'summary').click();
    expect(visibleText($(el, 'details'))).to.contain('2026 纳税年度。仅为参考估算');
  });

  it('speaks Italian, Dutch and Portuguese: the legend, the rule, the net cost and the button', async () => {
    const expected = {
      it: [
        'Tipo di donazione',
        `Grazie alla riduzione d’imposta del ${percent(0.66, 'it')} (se paghi le tasse),`,
        `la tua donazione ti costerà solo ${eur(5.1, 'it')} al mese.`,
        'Dona',
      ],
      nl: [
        'Soort gift',
        `Dankzij de belastingvermindering van ${percent(0.66, 'nl')} (als je belasting betaalt)`,
        `kost je gift je maar ${eur(5.1, 'nl')} per maand.`,
        'Doneer',
      ],
      pt: [
        'Tipo de donativo',
        `Graças à redução de imposto de ${percent(0.66, 'pt')} (se pagar impostos),`,
        `o seu donativo só lhe vai custar ${eur(5.1, 'pt')} por mês.`,
        'Doar',
      ],
    };
    for (const [lang, [legend, rule, net, button]] of Object.entries(expected)) {
      const el = await mount({ lang });
      await until(() => result(el) === net, 3000, `the net cost in ${lang}`);
      expect(visibleText($(el, 'legend')), lang).to.equal(legend);
      expect(summary(el), lang).to.contain(rule);
      expect(donate(el).textContent!.trim(), lang).to.equal(button);
    }
  });

  it('follows a change of its ancestor’s language', async () => {
    const el = await mount({ lang: '' }, (markup) => `<div lang="fr">${markup.replace('lang=""', '')}</div>`);
    expect(donate(el).textContent!.trim()).to.equal('Faire un don');
    el.parentElement!.setAttribute('lang', 'es');
    await until(() => donate(el).textContent!.trim() === 'Donar', 3000, 'Spanish');
    await el.updateComplete;
    expect(result(el)).to.equal(`tu donativo solo te costará ${eur(5.1, 'es')} al mes.`);
  });

  it('every string can be replaced per instance', async () => {
    const el = await mount();
    el.messages = { donate: 'Je soutiens', netMonthly: 'soit {amount} par mois après impôt.' };
    await el.updateComplete;
    expect(donate(el).textContent!.trim()).to.equal('Je soutiens');
    expect(result(el)).to.equal(`soit ${eur(5.1)} par mois après impôt.`);
  });

  it('reads Arabic-Indic digits typed by the reader', async () => {
    const el = await mount({ lang: 'ar' });
    await typeAmount(el, '٤٢');
    expect(el.amountMinor).to.equal(4200);
  });
});

describe('donation-calculator: properties and attributes', () => {
  it('a property set from script updates the element and its attribute', async () => {
    const el = await mount();
    el.country = 'BE';
    await el.updateComplete;
    expect(el.getAttribute('country')).to.equal('BE');
    expect(result(el)).to.equal(`votre don ne vous coûtera que ${eur(10.5)} par mois.`);
    el.amountsMonthly = '5 20';
    el.defaultMonthly = '20';
    el.maxAmount = 500;
    await el.updateComplete;
    expect(el.getAttribute('amounts-monthly')).to.equal('5 20');
    expect(presets(el).map(labelOf)).to.deep.equal([`5${NBSP}€`, `20${NBSP}€`]);
    expect(labelOf(checkedPreset(el)!)).to.equal(`20${NBSP}€`);
    await typeAmount(el, '501');
    expect(error(el)).to.equal(`Saisissez un montant inférieur ou égal à 500${NBSP}€.`);
    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(donate(el).disabled).to.equal(true);
    el.removeAttribute('disabled');
    el.removeAttribute('max-amount');
    await el.updateComplete;
    expect([el.disabled, el.maxAmount, el.taxYear, el.scheme]).to.deep.equal([false, 100_000, 2026, undefined]);
    expect(error(el)).to.equal('');
    expect(donate(el).disabled).to.equal(false);
  });

  it('the frequency attribute sets the frequency shown; the property follows the reader', async () => {
    const el = await mount();
    el.setAttribute('frequency', 'once');
    await el.updateComplete;
    expect(el.frequency).to.equal('once');
    expect(frequencyRadio(el, 'once').checked).to.equal(true);
    await chooseFrequency(el, 'monthly');
    expect(el.frequency).to.equal('monthly');
    expect(el.getAttribute('frequency')).to.equal('once');
    el.frequency = 'once';
    await el.updateComplete;
    expect(labelOf(checkedPreset(el)!)).to.equal(`250${NBSP}€`);
  });

  it('keeps the properties a page set before the element was defined', async () => {
    const tag = 'agir-late-donation-calculator';
    const holder = await fixture<HTMLElement>('<div lang="en"></div>');
    const el = document.createElement(tag) as DonationCalculator;
    Object.assign(el, { country: 'GB', taxYear: 2025, frequency: 'once', amountsOnce: '10 25', messages: { donate: 'Give now' } });
    holder.append(el);
    class Late extends DonationCalculator {}
    Late.define(tag);
    await el.updateComplete;
    expect(el).to.be.instanceOf(Late);
    expect([el.getAttribute('country'), el.getAttribute('tax-year')]).to.deep.equal(['GB', '2025']);
    expect(frequencyRadio(el, 'once').checked).to.equal(true);
    expect(result(el)).to.equal('With Gift Aid, your £25 becomes £31.25 for the charity.');
    expect(donate(el).textContent!.trim()).to.equal('Give now');
  });

  it('the "how is this calculated?" disclosure stays open while the reader changes the amount', async () => {
    const el = await mount();
    const details = $<HTMLDetailsElement>(el, 'details');
    $(el, 'summary').click();
    expect(details.open).to.equal(true);
    expect(visibleText(details)).to.contain('Année fiscale 2026.');
    await choosePreset(el, `8${NBSP}€`);
    await chooseFrequency(el, 'once');
    expect($(el, 'details')).to.equal(details);
    expect(details.open).to.equal(true);
  });
});

describe('donation-calculator: page author errors', () => {
  it('drops preset amounts that are not amounts, with one clear error', async () => {
    const el = await mount({ 'amounts-monthly': '8 abc 15 -2' });
    expect(presets(el).map(labelOf)).to.deep.equal([`8${NBSP}€`, `15${NBSP}€`]);
    const errors = takeErrors();
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<donation-calculator>').and.to.contain('amounts-monthly').and.to.contain('abc');
  });

  it('a missing country: an author error and the "cannot estimate" note', async () => {
    const el = await mount({ country: '' });
    expect(takeErrors().join(' ')).to.contain('country');
    expect(result(el)).to.equal('Nous ne pouvons pas estimer la réduction d’impôt pour votre pays.');
  });

  it('a default that is not a preset selects the last preset', async () => {
    const el = await mount({ 'default-monthly': '12' });
    expect(labelOf(checkedPreset(el)!)).to.equal(`15${NBSP}€`);
    expect(takeErrors()[0]).to.contain('default-monthly');
  });

  it('can be registered under another tag', async () => {
    class Renamed extends DonationCalculator {}
    Renamed.define('agir-don-calculator');
    expect(customElements.get('agir-don-calculator')).to.equal(Renamed);
    DonationCalculator.define();
    expect(takeErrors()).to.deep.equal([]);
  });
});

describe('donation-calculator: parseAmount', () => {
  const parse = (text: string, separator = ',', max = 10_000_000) => parseAmount(text, separator, max);
  it('reads what people type', () => {
    expect(parse('15').minor).to.equal(1500);
    expect(parse(' 12,5 ').minor).to.equal(1250);
    expect(parse('12.50', ',').minor).to.equal(1250);
    expect(parse('1.000', ',').minor).to.equal(100_000);
    expect(parse('1,000', '.').minor).to.equal(100_000);
    expect(parse('1.000,50').minor).to.equal(100_050);
    expect(parse('1,000.50', '.').minor).to.equal(100_050);
    expect(parse(`1${NBSP}000`).minor).to.equal(100_000);
    expect(parse("1'000", '.').minor).to.equal(100_000);
    expect(parse('١٢٫٥').minor).to.equal(1250);
    // A Chinese or Japanese input method in full-width mode: digits, marks and spaces of their own.
    expect(parse('１５', '.').minor).to.equal(1500);
    expect(parse('１２．５', '.').minor).to.equal(1250);
    expect(parse('15，5', '.').minor).to.equal(1550);
    expect(parse('１，０００', '.').minor).to.equal(100_000);
    expect(parse('1\u3000000', '.').minor).to.equal(100_000);
    expect(parse('12。5', '.').minor).to.equal(1250);
    expect(parse('12,500').minor).to.equal(1250);
  });
  it('refuses what is not an amount', () => {
    expect(parse('abc').problem).to.equal('format');
    expect(parse('12abc').problem).to.equal('format');
    expect(parse('1e5').problem).to.equal('format');
    expect(parse('12,345').problem).to.equal('format');
    expect(parse('').problem).to.equal('format');
    expect(parse('-5').problem).to.equal('min');
    expect(parse('0').problem).to.equal('min');
    expect(parse('100001', ',', 10_000_000).problem).to.equal('max');
  });
});
