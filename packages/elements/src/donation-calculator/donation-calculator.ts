import { createCatalog, formatMoney, formatNumber, type Params } from '@agir/core';
import type { ReliefResult } from '@agir/core/tax';
import { LocaleController } from '../shared/locale-controller.js';
import { authorError, defineElement } from '../shared/element-tools.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
import { ENGINE_MAX, FREQUENCIES, fillHref, frequencyOf, httpUrl, readConfig, type CalculatorConfig } from './config.js';
import { styles } from './donation-calculator.styles.js';
import { EstimateController } from './estimate.js';
import { DonateEvent, type DonationFrequency } from './events.js';
import { FormAssociation, restoredValue, validityFlags, type Invalidity } from './form.js';
import en, { type Messages } from './messages/en.js';
import type { ReliefMessages } from './messages/relief/en.js';
import { parseAmount, majorString, type AmountProblem, type ParsedAmount } from './money.js';
import type { ReliefKey, ReliefParts } from './relief-view.js';
import { CalculatorView } from './view.js';

const catalog = createCatalog<Messages>('donation-calculator', {
  en,
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
  de: () => import('./messages/de.js'),
  ar: () => import('./messages/ar.js'),
  it: () => import('./messages/it.js'),
  nl: () => import('./messages/nl.js'),
  pt: () => import('./messages/pt.js'),
  ug: () => import('./messages/ug.js'),
  'zh-Hans': () => import('./messages/zh-Hans.js'),
});

/** A frequency's selection: its preset (minor units), unless the free amount holds text. */
interface Choice {
  readonly preset: number | undefined;
  readonly text: string;
}

/**
 * A donation form with its tax relief: preset amounts per frequency (one-off, monthly), a free amount, and
 * what the gift really costs after the tax relief of the reader's country ("votre don ne vous coûtera que
 * 5,10 € par mois"), or what the charity receives with Gift Aid. It never invents a figure: where the rules
 * are not modelled it says so and still lets people donate. Form-associated: inside a `<form>` it submits
 * the amount and the frequency and takes part in validation and reset.
 *
 * Its shadow tree is built once with DOM calls and kept by reference: each update changes only what differs.
 *
 * @summary Donation amounts with the net cost after tax relief, and a donate button.
 * @tag donation-calculator
 *
 * @attr {string} country - ISO 3166-1 alpha-2 country whose tax rules apply (property `country`).
 * @attr {'once' | 'monthly'} frequency - The frequency shown first, and the one a form reset restores (default `monthly`; property `frequency`, which follows the reader's choice).
 * @attr {string} amounts-monthly - Monthly preset amounts in major units, separated by spaces (default `8 10 15`; property `amountsMonthly`).
 * @attr {string} amounts-once - One-off preset amounts in major units, separated by spaces (default `80 100 250`; property `amountsOnce`).
 * @attr {string} default-monthly - The monthly preset selected at first (default: the last one; property `defaultMonthly`).
 * @attr {string} default-once - The one-off preset selected at first (default: the last one; property `defaultOnce`).
 * @attr {number} max-amount - Largest free amount accepted, in major units (default 100000; property `maxAmount`).
 * @attr {number} tax-year - Tax year of the rules (default: the current one; property `taxYear`).
 * @attr {string} scheme - Relief scheme passed to the rules engine, e.g. `aid-to-people-in-difficulty` (property `scheme`).
 * @attr {string} rate-label - Replaces the rate shown in the rule sentence, e.g. "66 %" (property `rateLabel`).
 * @attr {string} currency - ISO 4217 currency for a country the rules do not model (property `currency`).
 * @attr {string} donate-href - The organisation's donation page, with `{amount}`, `{amountMinor}` and `{frequency}` (property `donateHref`).
 * @attr {string} donate-label - Replaces the donate button's text (property `donateLabel`).
 * @attr {boolean} ask-income - Always shows the optional income field (property `askIncome`).
 * @attr {boolean} legacy-format - Shows the net cost as the Amnesty International France site does, "5,1 €"; EUR only (property `legacyFormat`).
 * @attr {string} name - Form field names: `{name}-amount` and `{name}-frequency` (property `name`).
 * @attr {boolean} disabled - Disables every control (property `disabled`).
 *
 * @fires {DonateEvent} agir-donate - The donate button was pressed with a valid amount. Cancelable: when not cancelled the element opens `url` (`donate-href` filled in), or submits its form.
 * @fires {Event} change - The reader changed the amount, the frequency or the income.
 * @fires {EstimateEvent} agir-estimate - A new estimate is shown (after any change, and once the rules load): its figures, `taxYear` and `rulesYear`.
 *
 * @csspart frequency - Each frequency option (a label wrapping a native radio), styled as a button.
 * @csspart frequency-checked - The checked frequency option.
 * @csspart preset - Each preset amount (a label wrapping a native radio), styled as a button.
 * @csspart preset-checked - The checked preset amount.
 * @csspart amount-input - The free amount text field.
 * @csspart result - The live line with the net cost (an `<output>`).
 * @csspart donate-button - The donate button.
 * @csspart details - The "how is this calculated?" disclosure (tax year, source).
 *
 * @cssprop --agir-calculator-gap - Space between the parts (default 0.75 × --agir-space).
 * @cssprop --agir-calculator-control-block-size - Height of buttons and fields (default 2.75em, a 44 px target).
 * @cssprop --agir-calculator-preset-min-inline-size - Minimum width of a preset button (default 4.5em).
 * @cssprop --agir-calculator-input-inline-size - Width of the free amount and income fields (default 8em).
 * @cssprop --agir-calculator-result-min-block-size - Room kept for the result (default 3lh), so it never shifts the page.
 * @cssprop --agir-calculator-figure-font-size - Size of the net cost figure (default 1.25em).
 *
 * @cssstate invalid - The free amount (or the income) is not valid; the donate button is disabled.
 * @cssstate unsupported - The tax relief cannot be estimated for this country, year or scheme.
 */
export class DonationCalculator extends HostElement {
  static formAssociated = true;
  static override styles = styles;

  static {
    attributeProperties(this, {
      country: ['country', String, ''],
      amountsMonthly: ['amounts-monthly', String, '8 10 15'],
      amountsOnce: ['amounts-once', String, '80 100 250'],
      defaultMonthly: 'default-monthly',
      defaultOnce: 'default-once',
      maxAmount: ['max-amount', Number, 100_000],
      taxYear: ['tax-year', Number],
      scheme: 'scheme',
      rateLabel: 'rate-label',
      currency: 'currency',
      donateHref: 'donate-href',
      donateLabel: 'donate-label',
      askIncome: ['ask-income', Boolean],
      legacyFormat: ['legacy-format', Boolean],
      name: ['name', String, ''],
      disabled: ['disabled', Boolean],
    });
    this.observedAttributes.push('frequency');
    this.propertyNames.push('frequency', 'messages');
  }

  /** Registers the element (under another tag if `donation-calculator` is taken). */
  static define(tag = 'donation-calculator', registry?: CustomElementRegistry): void {
    defineElement(tag, this, registry);
  }

  /** ISO 3166-1 alpha-2 country whose tax rules apply (FR, GB, IE, BE, ES, IT, NL, DE, CH, CA, US, PT, LU, AT). */
  declare country: string;
  /** Monthly preset amounts in major units, separated by spaces (default `8 10 15`). */
  declare amountsMonthly: string;
  /** One-off preset amounts in major units, separated by spaces (default `80 100 250`). */
  declare amountsOnce: string;
  /** The monthly preset selected at first (default: the last one). */
  declare defaultMonthly: string | undefined;
  /** The one-off preset selected at first (default: the last one). */
  declare defaultOnce: string | undefined;
  /** Largest free amount accepted, in major units (default 100000). */
  declare maxAmount: number;
  /** Tax year of the rules (default: the current one; for GB the tax year that started last April). */
  declare taxYear: number | undefined;
  /** Relief scheme passed to the rules engine, e.g. `aid-to-people-in-difficulty` (FR 75 %). */
  declare scheme: string | undefined;
  /** Replaces the rate shown in the rule sentence, e.g. "66 %". */
  declare rateLabel: string | undefined;
  /** ISO 4217 currency for a country the rules do not model (modelled countries use their own). */
  declare currency: string | undefined;
  /** The organisation's donation page; `{amount}`, `{amountMinor}` and `{frequency}` are filled in. http(s) only. */
  declare donateHref: string | undefined;
  /** Replaces the donate button's text. */
  declare donateLabel: string | undefined;
  /** Always shows the optional income field (otherwise it appears for large gifts where an income ceiling applies). */
  declare askIncome: boolean;
  /** Shows the net cost as the Amnesty International France site does ("5,1 €"). Off by default; EUR only. */
  declare legacyFormat: boolean;
  /** Form field names: `{name}-amount` and `{name}-frequency` (`amount` and `frequency` without a name). */
  declare name: string;
  /** Disables every control. */
  declare disabled: boolean;

  readonly #locale = new LocaleController<Messages>(this, catalog);
  readonly #reported = new Set<string>();
  readonly #estimator = new EstimateController(this, (message) => this.#authorError(message));
  readonly #form = new FormAssociation(this.internals);
  readonly #view = new CalculatorView(this.renderRoot, {
    freeInput: (text) => this.#choose({ ...this.#choices[this.#frequency], text }),
    incomeInput: (text) => {
      this.#incomeText = text;
      this.requestUpdate();
    },
    // The page hears `change` from the host (the inner controls' `change` does not leave the shadow root).
    change: (name, value) => {
      if (name === 'frequency') this.frequency = value as DonationFrequency;
      if (name === 'preset') this.#choose({ preset: Number(value), text: '' });
      this.dispatchEvent(new Event('change', { bubbles: true }));
    },
    donate: () => this.#onDonate(),
  });
  #frequencyChosen: DonationFrequency = 'monthly';
  #messages: Partial<Messages & ReliefMessages> | undefined;
  // What the reader chose: internal state, not properties (a change calls requestUpdate).
  #choices: Record<DonationFrequency, Choice> = { once: { preset: undefined, text: '' }, monthly: { preset: undefined, text: '' } };
  #incomeText = '';
  #incomeShown = false;
  #config: CalculatorConfig | undefined;
  #amount: ParsedAmount | undefined;

  /** The frequency shown, `once` or `monthly`; the `frequency` attribute is the default a form reset restores. */
  get frequency(): DonationFrequency {
    return this.#frequencyChosen;
  }

  set frequency(value: DonationFrequency) {
    this.#frequencyChosen = value;
    this.requestUpdate();
  }

  /** Per-instance replacements for any message (same keys and `{placeholders}` as the catalogs). */
  get messages(): Partial<Messages & ReliefMessages> | undefined {
    return this.#messages;
  }

  set messages(value: Partial<Messages & ReliefMessages> | undefined) {
    this.#messages = value;
    this.requestUpdate();
  }

  /** `updateComplete` also waits for the reader's language and the country's rules. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let settled = false;
    // A render may start loading rules, whose arrival asks for another render: a few rounds, never forever.
    for (let round = 0; round < 5 && !settled; round++) {
      await super.getUpdateComplete();
      await this.#locale.loaded;
      await this.#estimator.loading;
      await this.#estimator.view?.loaded;
      settled = (await super.getUpdateComplete()) && !this.#estimator.loading;
    }
    return settled;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'frequency') this.frequency = (value ?? 'monthly') as DonationFrequency;
    super.attributeChangedCallback(name, old, value);
  }

  /** @internal A form reset restores the defaults of the attributes. */
  formResetCallback(): void {
    this.frequency = this.getAttribute('frequency') === 'once' ? 'once' : 'monthly';
    const defaults = this.#config?.defaults;
    this.#choices = { once: { preset: defaults?.once, text: '' }, monthly: { preset: defaults?.monthly, text: '' } };
    this.#incomeText = '';
    this.requestUpdate();
  }

  /** @internal A disabled form or fieldset disables the calculator. */
  formDisabledCallback(disabled: boolean): void {
    this.#form.disabled = disabled;
    this.requestUpdate();
  }

  /** @internal The browser restores the amount and the frequency (back navigation, autofill). */
  formStateRestoreCallback(saved: string | File | FormData | null): void {
    const restored = restoredValue(saved, this.name);
    if (!restored) return;
    const { frequency, minor } = restored;
    this.frequency = frequency;
    if (minor === undefined) return;
    const preset = !!this.#config?.presets[frequency].includes(minor);
    this.#choices = {
      ...this.#choices,
      [frequency]: { preset: preset ? minor : this.#choices[frequency].preset, text: preset ? '' : majorString(minor) },
    };
    this.requestUpdate();
  }

  #onDonate(): void {
    const minor = this.#amount?.minor;
    const config = this.#config;
    if (minor === undefined || !config || config.hrefInvalid) return;
    const frequency = this.#frequency;
    const event = new DonateEvent({
      amount: minor / 100,
      amountMinor: minor,
      frequency,
      currency: config.currency,
      country: config.country,
      url: config.href && fillHref(config.href, minor, frequency, document.baseURI),
      estimate: this.estimate,
    });
    if (!this.dispatchEvent(event)) return;
    const form = this.internals.form;
    if (event.url !== undefined) {
      const url = httpUrl(event.url, document.baseURI);
      if (url) this.navigate(url);
      else this.#authorError(`an agir-donate listener set event.url to "${event.url}", not an http(s) URL; nothing was opened.`);
    } else if (form) form.requestSubmit();
    else
      this.#authorError(
        'the donate button leads nowhere: set donate-href="https://…?amount={amount}&frequency={frequency}", put the element in a <form>, or cancel agir-donate and handle it.',
      );
  }

  #choose(choice: Choice): void {
    this.#choices = { ...this.#choices, [this.#frequency]: choice };
    this.requestUpdate();
  }

  get #frequency(): DonationFrequency {
    return frequencyOf(this.frequency);
  }

  #authorError(message: string): void {
    if (!this.#reported.has(message)) authorError(this, message);
    this.#reported.add(message);
  }

  /** A message of the catalogs (the relief sentences once loaded), or of the `messages` property. */
  #t(key: keyof Messages | ReliefKey, params: Params = {}): string {
    const own = this.messages?.[key];
    if (typeof own === 'function') return own(params, this.#locale.locale);
    if (own !== undefined) return own.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
    return key in en ? this.#locale.t(key as keyof Messages, params) : (this.#estimator.view?.t(key as ReliefKey, params) ?? '');
  }

  #money(minor: number, options?: Intl.NumberFormatOptions): string {
    const locale = this.#locale.locale;
    const currency = this.#config?.currency;
    return currency
      ? formatMoney(locale, minor, currency, options)
      : formatNumber(locale, minor / 100, { maximumFractionDigits: 2, ...options });
  }

  /** Money without ",00" for whole amounts (preset buttons, the maximum). */
  #whole(minor: number): string {
    return this.#money(minor, { trailingZeroDisplay: 'stripIfInteger' });
  }

  #amountError(problem: AmountProblem): string {
    if (problem === 'min') return this.#t('errorMin');
    if (problem === 'max') return this.#t('errorMax', { max: this.#whole(this.#config!.maxMinor) });
    return this.#t('errorFormat', { example: formatNumber(this.#locale.locale, 12.5, { minimumFractionDigits: 2 }) });
  }

  /** The currency symbol before or after a number in the reader's language: ["£", ""] in en, ["", "€"] in fr. */
  #affixes(currency: string | undefined): [string, string] {
    if (!currency) return ['', ''];
    const parts = new Intl.NumberFormat(this.#locale.locale, { style: 'currency', currency }).formatToParts(1);
    const at = (type: string) => parts.findIndex((part) => part.type === type);
    const symbol = parts[at('currency')]!.value;
    return at('currency') < at('integer') ? [symbol, ''] : ['', symbol];
  }

  /** What to say about the estimate: nothing yet, "cannot estimate", or the relief view's sentences. */
  #parts(config: CalculatorConfig): Partial<ReliefParts> {
    const { outcome, relief, view } = this.#estimator;
    const amountMinor = this.#amount?.minor;
    if (!outcome || amountMinor === undefined) return {};
    if (!outcome.ok)
      return {
        line: this.#t(
          outcome.reason === 'unsupported-country'
            ? 'unsupportedCountry'
            : outcome.reason === 'unsupported-year'
              ? 'unsupportedYear'
              : 'unsupported',
        ),
      };
    if (!view?.ready) return {};
    return relief!.view.reliefParts({
      estimate: outcome,
      amountMinor,
      locale: this.#locale.locale,
      money: (minor, whole) => (whole ? this.#whole(minor) : this.#money(minor)),
      legacy: config.legacy,
      rateLabel: this.rateLabel,
      t: (key, params) => this.#t(key, params),
    });
  }

  /** Focuses the checked preset, or the free amount. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLInputElement>('[name=preset]:checked') ?? this.#view.free).focus(options);
  }

  /** Opens the donation page with `location.assign`. Replace it on an instance to route otherwise (or record it in tests). */
  navigate(url: string): void {
    location.assign(url);
  }

  /** The chosen amount per period in major units (e.g. 15); undefined while the free amount is not valid. */
  get amount(): number | undefined {
    const minor = this.#amount?.minor;
    return minor && minor / 100;
  }

  /** The chosen amount in minor units (e.g. 1500). */
  get amountMinor(): number | undefined {
    return this.#amount?.minor;
  }

  /** The rules engine's result for the chosen amount (`ok: false` when it cannot estimate); undefined until known. */
  get estimate(): ReliefResult | undefined {
    const outcome = this.#estimator.outcome;
    return outcome && !outcome.ok && outcome.reason === 'load-failed' ? undefined : (outcome as ReliefResult | undefined);
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Reads the attributes and the reader's choice, estimates, and brings the shadow tree and the form value up to date. */
  protected update(): void {
    const { config, errors } = readConfig(this, document.baseURI);
    for (const error of errors) this.#authorError(error);
    this.#config = config;
    // A preset the attributes no longer list gives way to the default.
    for (const each of FREQUENCIES) {
      if (!config.presets[each].includes(this.#choices[each].preset!))
        this.#choices = { ...this.#choices, [each]: { ...this.#choices[each], preset: config.defaults[each] } };
    }
    if (this.askIncome) this.#incomeShown = true;
    const { frequency } = config;
    const choice = this.#choices[frequency];
    const custom = !!choice.text.trim();
    const separator = formatNumber(this.#locale.locale, 1.5).replace(/\d/g, '').replace('٫', '.');
    const amount = (this.#amount = custom
      ? parseAmount(choice.text, separator, config.maxMinor)
      : choice.preset === undefined
        ? undefined
        : { minor: choice.preset });
    const income = this.#incomeText.trim() ? parseAmount(this.#incomeText, separator, ENGINE_MAX * 100) : undefined;
    this.#estimator.update({
      config,
      yearAsked: this.taxYear !== undefined,
      amountMinor: amount?.minor,
      incomeMinor: this.#incomeShown ? income?.minor : undefined,
    });
    if (this.#estimator.incomeWanted) this.#incomeShown = true;
    const showIncome = this.#incomeShown && !!this.#estimator.relief?.incomeKey;
    const problem = custom ? amount?.problem : undefined;
    const disabled = this.disabled || this.#form.disabled;

    this.#view.render({
      ready: this.#locale.ready,
      dir: this.#locale.dir,
      t: (key) => this.#t(key),
      disabled,
      frequency,
      presets: config.presets[frequency],
      preset: custom ? undefined : choice.preset,
      presetLabel: (minor) => this.#whole(minor),
      affixes: this.#affixes(config.currency),
      freeText: choice.text,
      amountError: problem ? this.#amountError(problem) : '',
      parts: this.#parts(config),
      giftAid: config.country === 'GB',
      income: showIncome ? { text: this.#incomeText, error: income?.problem ? this.#t('incomeError') : '' } : undefined,
      donateDisabled: disabled || !amount?.minor || config.hrefInvalid,
      donateLabel: this.donateLabel || this.#t('donate'),
    });

    // Validity, form value and custom states.
    let invalid: Invalidity | undefined;
    if (!amount) invalid = [{ valueMissing: true }, this.#t('errorMin'), this.#view.free];
    else if (amount.problem) invalid = [validityFlags(amount.problem), this.#amountError(amount.problem), this.#view.free];
    else if (income?.problem && showIncome) invalid = [{ badInput: true }, this.#t('incomeError'), this.#view.income];
    const valid = this.#form.publish(this.name, invalid ?? { minor: amount!.minor!, frequency });
    this.setState('invalid', !valid);
    this.setState('unsupported', this.#estimator.outcome?.ok === false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'donation-calculator': DonationCalculator;
  }
}
