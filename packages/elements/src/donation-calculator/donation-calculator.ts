import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { createCatalog, formatMoney, formatNumber, type Params } from '@agir/core';
import type { ReliefResult } from '@agir/core/tax';
import { LocaleController } from '../shared/locale-controller.js';
import { authorError, defineElement } from '../shared/element-tools.js';
import { styles } from './donation-calculator.styles.js';
import { DonateEvent, type DonationFrequency } from './events.js';
import en, { type Messages } from './messages/en.js';
import type { ReliefMessages } from './messages/relief/en.js';
import { majorString, parseAmount, type AmountProblem, type ParsedAmount } from './money.js';
import { currencyOf, loadRelief, reliefFor, type Relief } from './relief.js';
import type { ReliefKey, ReliefParts, ReliefView } from './relief-view.js';

const catalog = createCatalog<Messages>('donation-calculator', {
  en,
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
  de: () => import('./messages/de.js'),
  ar: () => import('./messages/ar.js'),
});

const FREQUENCIES: readonly DonationFrequency[] = ['once', 'monthly'];
/** Largest amount (major units) the rules engine accepts. */
const ENGINE_MAX = 1e9;
/** Annual gift (minor units) from which the income field appears by itself where an income ceiling exists. */
const INCOME_FIELD_FROM = 100_000;
const SCHEME = /^[a-z][a-z0-9-]*$/;

/** A frequency's selection: its preset (minor units), unless the free amount holds text. */
interface Choice {
  readonly preset: number | undefined;
  readonly text: string;
}

/** An engine result, or a chunk that failed to load (then no figure is shown either). */
type Outcome = ReliefResult | { readonly ok: false; readonly reason: 'load-failed' };

/** The absolute http(s) URL of an href; undefined for any other scheme or an unparsable href. */
function httpUrl(href: string): string | undefined {
  try {
    const url = new URL(href, document.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `donate-href` with `{amount}` (major units), `{amountMinor}` (cents) and `{frequency}` filled in, URL-encoded. */
function fillHref(template: string, minor: number, frequency: DonationFrequency): string | undefined {
  const values: Record<string, string> = { amount: majorString(minor), amountMinor: String(minor), frequency };
  return httpUrl(template.replace(/\{(amount|amountMinor|frequency)\}/g, (_, name: string) => encodeURIComponent(values[name]!)));
}

/**
 * A donation form with its tax relief: preset amounts per frequency (one-off, monthly), a free amount, and
 * what the gift really costs after the tax relief of the reader's country ("votre don ne vous coûtera que
 * 5,10 € par mois"), or what the charity receives with Gift Aid. It never invents a figure: where the rules
 * are not modelled it says so and still lets people donate. Form-associated: inside a `<form>` it submits
 * the amount and the frequency and takes part in validation and reset.
 *
 * @summary Donation amounts with the net cost after tax relief, and a donate button.
 * @tag donation-calculator
 *
 * @fires agir-donate - {DonateEvent} The donate button was pressed with a valid amount. Cancelable: when not cancelled the element opens `url` (`donate-href` filled in), or submits its form.
 * @fires change - The reader changed the amount, the frequency or the income.
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
 * @cssprop --agir-calculator-control-block-size - Height of buttons and fields (default 2.75rem, a 44 px target).
 * @cssprop --agir-calculator-preset-min-inline-size - Minimum width of a preset button (default 4.5rem).
 * @cssprop --agir-calculator-input-inline-size - Width of the free amount and income fields (default 8rem).
 * @cssprop --agir-calculator-result-min-block-size - Room kept for the result (default 3lh), so it never shifts the page.
 * @cssprop --agir-calculator-figure-font-size - Size of the net cost figure (default 1.25em).
 *
 * @cssstate invalid - The free amount (or the income) is not valid; the donate button is disabled.
 * @cssstate unsupported - The tax relief cannot be estimated for this country, year or scheme.
 */
export class DonationCalculator extends LitElement {
  static override styles = styles;
  static formAssociated = true;
  // Declared without decorators: their runtime is 1.4 kB gzip of a 13 kB budget.
  static override properties: PropertyDeclarations = {
    country: {},
    frequency: {},
    amountsMonthly: { attribute: 'amounts-monthly' },
    amountsOnce: { attribute: 'amounts-once' },
    defaultMonthly: { attribute: 'default-monthly' },
    defaultOnce: { attribute: 'default-once' },
    maxAmount: { attribute: 'max-amount', type: Number },
    taxYear: { attribute: 'tax-year', type: Number },
    scheme: {},
    rateLabel: { attribute: 'rate-label' },
    currency: {},
    donateHref: { attribute: 'donate-href' },
    donateLabel: { attribute: 'donate-label' },
    askIncome: { attribute: 'ask-income', type: Boolean },
    legacyFormat: { attribute: 'legacy-format', type: Boolean },
    name: {},
    disabled: { type: Boolean, reflect: true },
    messages: { attribute: false },
  };

  /** Registers the element (under another tag if `donation-calculator` is taken). */
  static define(tag = 'donation-calculator', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  /** ISO 3166-1 alpha-2 country whose tax rules apply (FR, GB, IE, BE, ES, IT, NL, DE, CH, CA, US, PT, LU, AT). */
  country = '';
  /** The frequency shown, `once` or `monthly`; the attribute is the default a form reset restores. */
  frequency: DonationFrequency = 'monthly';
  /** Monthly preset amounts in major units, separated by spaces. */
  amountsMonthly = '8 10 15';
  /** One-off preset amounts in major units, separated by spaces. */
  amountsOnce = '80 100 250';
  /** The monthly preset selected at first (default: the last one). */
  defaultMonthly?: string;
  /** The one-off preset selected at first (default: the last one). */
  defaultOnce?: string;
  /** Largest free amount accepted, in major units. */
  maxAmount = 100_000;
  /** Tax year of the rules (default: the current one; for GB the tax year that started last April). */
  taxYear?: number;
  /** Relief scheme passed to the rules engine, e.g. `aid-to-people-in-difficulty` (FR 75 %). */
  scheme?: string;
  /** Replaces the rate shown in the rule sentence, e.g. "66 %". */
  rateLabel?: string;
  /** ISO 4217 currency for a country the rules do not model (modelled countries use their own). */
  currency?: string;
  /** The organisation's donation page; `{amount}`, `{amountMinor}` and `{frequency}` are filled in. http(s) only. */
  donateHref?: string;
  /** Replaces the donate button's text. */
  donateLabel?: string;
  /** Always shows the optional income field (otherwise it appears for large gifts where an income ceiling applies). */
  askIncome = false;
  /** Shows the net cost as the Amnesty International France site does ("5,1 €"). Off by default; EUR only. */
  legacyFormat = false;
  /** Form field names: `{name}-amount` and `{name}-frequency` (`amount` and `frequency` without a name). */
  name = '';
  /** Disables every control. */
  disabled = false;
  /** Per-instance replacements for any message (same keys and `{placeholders}` as the catalogs). */
  messages?: Partial<Messages & ReliefMessages>;

  readonly #internals = this.attachInternals();
  readonly #locale = new LocaleController<Messages>(this, catalog);
  readonly #reported = new Set<string>();
  // What the reader chose: internal state, not properties (a change outside an update calls requestUpdate).
  #choices: Record<DonationFrequency, Choice> = { once: { preset: undefined, text: '' }, monthly: { preset: undefined, text: '' } };
  #incomeText = '';
  #formDisabled = false;
  #presets: Record<DonationFrequency, number[]> = { once: [], monthly: [] };
  #defaults: Partial<Record<DonationFrequency, number>> = {};
  #configKey = '';
  #maxMinor = 0;
  #country = '';
  #currency: string | undefined;
  #taxYear = 0;
  #href: string | undefined;
  #hrefInvalid = false;
  #amount: ParsedAmount | undefined;
  #income: ParsedAmount | undefined;
  #incomeShown = false;
  #outcome: Outcome | undefined;
  #outcomeKey = '';
  #failedKey = '';
  #loading: Promise<void> | undefined;
  #relief: Relief | undefined;
  #view: ReliefView | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#readConfig();
    if (changed.has('askIncome') && this.askIncome) this.#incomeShown = true;
    const choice = this.#choices[this.#frequency];
    const separator = formatNumber(this.#locale.locale, 1.5).replace(/\d/g, '').replace('٫', '.');
    this.#amount = choice.text.trim()
      ? parseAmount(choice.text, separator, this.#maxMinor)
      : choice.preset === undefined
        ? undefined
        : { minor: choice.preset };
    this.#income = this.#incomeText.trim() ? parseAmount(this.#incomeText, separator, ENGINE_MAX * 100) : undefined;
    this.#estimate();
  }

  protected override updated(): void {
    const amount = this.#amount;
    const free = this.#field('free-amount')!;
    const income = this.#field('income');
    const states = this.#internals.states;
    let problem: [ValidityStateFlags, string, HTMLElement] | undefined;
    if (!amount) problem = [{ valueMissing: true }, this.#t('errorMin'), free];
    else if (amount.problem) problem = [this.#flags(amount.problem), this.#amountError(amount.problem), free];
    else if (this.#income?.problem && income) problem = [{ badInput: true }, this.#t('incomeError'), income];
    if (problem || !amount?.minor) {
      this.#internals.setValidity(...problem!);
      this.#internals.setFormValue(null);
      states.add('invalid');
    } else {
      const prefix = this.name ? `${this.name}-` : '';
      const data = new FormData();
      data.append(`${prefix}amount`, majorString(amount.minor));
      data.append(`${prefix}frequency`, this.#frequency);
      this.#internals.setValidity({});
      this.#internals.setFormValue(data, data);
      states.delete('invalid');
    }
    if (this.#outcome?.ok === false) states.add('unsupported');
    else states.delete('unsupported');
  }

  /** Also waits for the reader's language and the country's rules, so the figure is on screen when it resolves. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#locale.loaded;
    while (this.#loading) await this.#loading;
    await this.#view?.loaded;
    return super.getUpdateComplete();
  }

  /** @internal A form reset restores the defaults of the attributes. */
  formResetCallback(): void {
    this.frequency = this.getAttribute('frequency') === 'once' ? 'once' : 'monthly';
    this.#choices = { once: { preset: this.#defaults.once, text: '' }, monthly: { preset: this.#defaults.monthly, text: '' } };
    this.#incomeText = '';
    this.requestUpdate();
  }

  /** @internal A disabled form or fieldset disables the calculator. */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  /** @internal The browser restores the amount and the frequency (back navigation, autofill). */
  formStateRestoreCallback(saved: string | File | FormData | null): void {
    if (!(saved instanceof FormData)) return;
    const prefix = this.name ? `${this.name}-` : '';
    const frequency = saved.get(`${prefix}frequency`);
    const minor = parseAmount(String(saved.get(`${prefix}amount`)), '.', Infinity).minor;
    if (frequency !== 'once' && frequency !== 'monthly') return;
    this.frequency = frequency;
    if (minor === undefined) return;
    const preset = this.#presets[frequency].includes(minor);
    this.#choices = {
      ...this.#choices,
      [frequency]: { preset: preset ? minor : this.#choices[frequency].preset, text: preset ? '' : majorString(minor) },
    };
    this.requestUpdate();
  }

  #onFrequency(event: Event): void {
    this.frequency = (event.target as HTMLInputElement).value as DonationFrequency;
    this.#changed();
  }

  #onPreset(event: Event): void {
    this.#choose({ preset: Number((event.target as HTMLInputElement).value), text: '' });
    this.#changed();
  }

  #onFreeInput(event: Event): void {
    this.#choose({ ...this.#choices[this.#frequency], text: (event.target as HTMLInputElement).value });
  }

  #onIncomeInput(event: Event): void {
    this.#incomeText = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  }

  /** The page hears `change` from the host (the inner controls' `change` does not leave the shadow root). */
  #changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onDonate(): void {
    const minor = this.#amount?.minor;
    if (minor === undefined || this.#hrefInvalid) return;
    const frequency = this.#frequency;
    const event = new DonateEvent({
      amount: minor / 100,
      amountMinor: minor,
      frequency,
      currency: this.#currency,
      country: this.#country,
      url: this.#href && fillHref(this.#href, minor, frequency),
    });
    if (!this.dispatchEvent(event)) return;
    const form = this.#internals.form;
    if (event.url !== undefined) {
      const url = httpUrl(event.url);
      if (url) this.navigate(url);
      else this.#author(`an agir-donate listener set event.url to "${event.url}", not an http(s) URL; nothing was opened.`);
    } else if (form) form.requestSubmit();
    else
      this.#author(
        'the donate button leads nowhere: set donate-href="https://…?amount={amount}&frequency={frequency}", put the element in a <form>, or cancel agir-donate and handle it.',
      );
  }

  #choose(choice: Choice): void {
    this.#choices = { ...this.#choices, [this.#frequency]: choice };
    this.requestUpdate();
  }

  /** Reads and checks the attributes; each problem is reported once to the page author. */
  #readConfig(): void {
    const country = this.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) this.#author(`country="${this.country}" must be an ISO 3166-1 alpha-2 code, e.g. country="FR".`);
    this.#country = country;

    let currency = currencyOf(country);
    const own = this.currency?.trim().toUpperCase();
    if (!currency && own) {
      try {
        currency = new Intl.NumberFormat('en', { style: 'currency', currency: own }).resolvedOptions().currency;
      } catch {
        this.#author(`currency="${this.currency}" must be an ISO 4217 code, e.g. currency="SEK".`);
      }
    }
    if (!currency) this.#author(`country="${country}" has no known currency: add currency="…" (ISO 4217).`);
    if (this.legacyFormat && currency !== 'EUR') this.#author(`legacy-format only applies to EUR; ignored for ${currency}.`);
    this.#currency = currency;

    const now = new Date();
    // GB tax years start on 6 April.
    const current = now.getFullYear() - (country === 'GB' && now.getMonth() * 100 + now.getDate() < 306 ? 1 : 0);
    const year = this.taxYear;
    const yearValid = Number.isInteger(year) && year! >= 1900 && year! <= 2999;
    if (year !== undefined && !yearValid)
      this.#author(`tax-year="${this.getAttribute('tax-year')}" must be a year, e.g. ${current}; remove it for the current tax year.`);
    this.#taxYear = yearValid ? year! : current;

    if (this.scheme !== undefined && !SCHEME.test(this.scheme))
      this.#author(`scheme="${this.scheme}" must be a scheme id, e.g. "aid-to-people-in-difficulty".`);

    const href = this.donateHref?.trim() || undefined;
    this.#href = href;
    this.#hrefInvalid = !!href && !fillHref(href, 100, 'once');
    if (this.#hrefInvalid)
      this.#author(
        `donate-href="${href}" must be an http(s) URL, e.g. "https://example.org/give?amount={amount}&frequency={frequency}"; the donate button is disabled.`,
      );

    const key = [this.amountsMonthly, this.amountsOnce, this.defaultMonthly, this.defaultOnce, this.maxAmount].join('|');
    if (key === this.#configKey) return;
    this.#configKey = key;
    const max = this.maxAmount > 0 && this.maxAmount <= ENGINE_MAX ? this.maxAmount : 1e5;
    if (max !== this.maxAmount)
      this.#author(`max-amount="${this.getAttribute('max-amount')}" must be a number from 0 to ${ENGINE_MAX}; using 100000.`);
    this.#maxMinor = Math.round(max * 100);
    const choices = { ...this.#choices };
    for (const frequency of FREQUENCIES) {
      const once = frequency === 'once';
      const name = once ? 'amounts-once' : 'amounts-monthly';
      const fallback = once ? '80 100 250' : '8 10 15';
      const presets: number[] = [];
      const rejected: string[] = [];
      for (const item of (once ? this.amountsOnce : this.amountsMonthly).split(/[\s,;]+/).filter(Boolean)) {
        const minor = parseAmount(item, '.', this.#maxMinor).minor;
        if (minor === undefined) rejected.push(item);
        else if (!presets.includes(minor)) presets.push(minor);
      }
      if (rejected.length || !presets.length)
        this.#author(
          `${name} must list amounts from 0 to max-amount separated by spaces, e.g. ${name}="${fallback}"${rejected.length ? `; ignoring ${rejected.join(', ')}` : ''}.`,
        );
      if (!presets.length) presets.push(...fallback.split(' ').map((item) => Number(item) * 100));
      const wanted = once ? this.defaultOnce : this.defaultMonthly;
      const wantedMinor = wanted === undefined ? undefined : parseAmount(wanted, '.', this.#maxMinor).minor;
      const initial = wantedMinor !== undefined && presets.includes(wantedMinor) ? wantedMinor : presets[presets.length - 1]!;
      if (wanted !== undefined && initial !== wantedMinor)
        this.#author(`default-${frequency}="${wanted}" is not one of ${name}; selecting ${majorString(initial)}.`);
      this.#presets[frequency] = presets;
      this.#defaults[frequency] = initial;
      if (!presets.includes(choices[frequency].preset!)) choices[frequency] = { ...choices[frequency], preset: initial };
    }
    this.#choices = choices;
  }

  /** Runs the rules engine for the current choice (loading the country's rules first). */
  #estimate(): void {
    const amount = this.#amount?.minor;
    if (amount === undefined) {
      this.#outcome = undefined;
      this.#outcomeKey = '';
      return;
    }
    const country = this.#country;
    const relief = reliefFor(country);
    const incomeKey = relief?.view.incomeKeys[country];
    const income = this.#incomeShown ? this.#income?.minor : undefined;
    const scheme = this.scheme && SCHEME.test(this.scheme) ? this.scheme : undefined;
    const input = {
      country: country || 'ZZ',
      taxYear: this.#taxYear,
      donor: 'individual',
      amount: amount / 100,
      frequency: this.#frequency,
      ...(scheme && { scheme }),
      ...(incomeKey && income !== undefined && { profile: { [incomeKey]: income / 100 } }),
    };
    const key = JSON.stringify(input);
    if (key === this.#outcomeKey) return;
    this.#outcomeKey = key;
    this.#outcome = undefined;
    if (!relief) {
      // A download that failed is tried again for another amount, not in a loop.
      const loading = key === this.#failedKey ? undefined : loadRelief(country);
      if (loading) {
        this.#loading ??= loading.then(
          () => this.#loaded(),
          (error: unknown) => {
            this.#failedKey = key;
            this.#loaded();
            console.error(`Agir <${this.localName}>: the tax rules for ${country} did not load; no estimate is shown.`, error);
          },
        );
      } else {
        this.#outcome =
          key === this.#failedKey
            ? { ok: false, reason: 'load-failed' }
            : { ok: false, reason: 'unsupported-country', message: '', country, taxYear: this.#taxYear };
      }
      return;
    }
    this.#relief = relief;
    this.#view ??= new relief.view.ReliefView(this);
    try {
      const outcome = relief.estimate(input);
      if (
        !outcome.ok &&
        outcome.reason !== 'unsupported-country' &&
        (outcome.reason !== 'unsupported-year' || this.taxYear !== undefined)
      ) {
        this.#author(`no estimate: ${outcome.message} Check country, tax-year and scheme.`);
      }
      this.#outcome = outcome;
    } catch (error) {
      this.#author(`no estimate: ${(error as Error).message}`);
      this.#outcome = { ok: false, reason: 'load-failed' };
    }
    const outcome = this.#outcome;
    if (
      incomeKey &&
      outcome.ok &&
      outcome.minor.annualGift >= INCOME_FIELD_FROM &&
      outcome.assumptions.includes('no-income-ceiling-applied')
    ) {
      this.#incomeShown = true;
    }
  }

  #loaded(): void {
    this.#loading = undefined;
    this.#outcomeKey = '';
    this.requestUpdate();
  }

  get #frequency(): DonationFrequency {
    if (FREQUENCIES.includes(this.frequency)) return this.frequency;
    this.#author(`frequency="${this.frequency}" must be "once" or "monthly"; showing monthly.`);
    return 'monthly';
  }

  #field(id: string): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  #author(message: string): void {
    if (!this.#reported.has(message)) authorError(this, message);
    this.#reported.add(message);
  }

  /** A message of the catalogs (the relief sentences once loaded), or of the `messages` property. */
  #t(key: keyof Messages | ReliefKey, params: Params = {}): string {
    const own = this.messages?.[key];
    if (typeof own === 'function') return own(params, this.#locale.locale);
    if (own !== undefined) return own.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
    return key in en ? this.#locale.t(key as keyof Messages, params) : (this.#view?.t(key as ReliefKey, params) ?? '');
  }

  #money(minor: number, options?: Intl.NumberFormatOptions): string {
    const locale = this.#locale.locale;
    return this.#currency
      ? formatMoney(locale, minor, this.#currency, options)
      : formatNumber(locale, minor / 100, { maximumFractionDigits: 2, ...options });
  }

  /** Money without ",00" for whole amounts (preset buttons, the maximum). */
  #whole(minor: number): string {
    return this.#money(minor, { trailingZeroDisplay: 'stripIfInteger' });
  }

  #amountError(problem: AmountProblem): string {
    if (problem === 'min') return this.#t('errorMin');
    if (problem === 'max') return this.#t('errorMax', { max: this.#whole(this.#maxMinor) });
    return this.#t('errorFormat', { example: formatNumber(this.#locale.locale, 12.5, { minimumFractionDigits: 2 }) });
  }

  #flags(problem: AmountProblem): ValidityStateFlags {
    return problem === 'min' ? { rangeUnderflow: true } : problem === 'max' ? { rangeOverflow: true } : { badInput: true };
  }

  /** The currency symbol before or after a number in the reader's language: ["£", ""] in en, ["", "€"] in fr. */
  #affixes(): [string, string] {
    if (!this.#currency) return ['', ''];
    const parts = new Intl.NumberFormat(this.#locale.locale, { style: 'currency', currency: this.#currency }).formatToParts(1);
    const at = (type: string) => parts.findIndex((part) => part.type === type);
    const symbol = parts[at('currency')]!.value;
    return at('currency') < at('integer') ? [symbol, ''] : ['', symbol];
  }

  /** What to say about the estimate: nothing yet, "cannot estimate", or the relief view's sentences. */
  #parts(): Partial<ReliefParts> {
    const outcome = this.#outcome;
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
    if (!this.#view?.ready) return {};
    return this.#relief!.view.reliefParts({
      estimate: outcome,
      amountMinor,
      locale: this.#locale.locale,
      money: (minor, whole) => (whole ? this.#whole(minor) : this.#money(minor)),
      legacy: this.legacyFormat && this.#currency === 'EUR',
      rateLabel: this.rateLabel,
      t: (key, params) => this.#t(key, params),
    });
  }

  /** Focuses the checked preset, or the free amount. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector<HTMLInputElement>('[name=preset]:checked') ?? this.#field('free-amount'))?.focus(options);
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
    const outcome = this.#outcome;
    return outcome && 'reason' in outcome && outcome.reason === 'load-failed' ? undefined : (outcome as ReliefResult | undefined);
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  override render(): TemplateResult {
    const frequency = this.#frequency;
    const choice = this.#choices[frequency];
    const custom = !!choice.text.trim();
    const problem = custom ? this.#amount?.problem : undefined;
    const incomeProblem = this.#income?.problem;
    const disabled = this.disabled || this.#formDisabled;
    const [prefix, suffix] = this.#affixes();
    const { rule, line, note, details } = this.#parts();
    const showIncome = this.#incomeShown && !!this.#relief?.view.incomeKeys[this.#country];
    const before = (id: string) => prefix && html`<span id=${id} aria-hidden="true">${prefix}</span>`;
    const radio = (name: string, value: string | number, checked: boolean, label: string, onChange: (event: Event) => void) =>
      html`<label class="option" part=${checked ? `${name} ${name}-checked` : name}
        ><input type="radio" name=${name} value=${value} .checked=${checked} ?disabled=${disabled} @change=${onChange} />${label}</label
      >`;
    return html`<div class=${this.#locale.ready ? 'root' : 'root pending'} dir=${this.#locale.dir}>
      <fieldset>
        <legend>${this.#t('frequencyLegend')}</legend>
        <div class="options">
          ${FREQUENCIES.map((value) => radio('frequency', value, value === frequency, this.#t(value), this.#onFrequency))}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.#t(frequency === 'once' ? 'amountLegendOnce' : 'amountLegendMonthly')}</legend>
        <div class="options">
          ${this.#presets[frequency].map((minor) => radio('preset', minor, !custom && choice.preset === minor, this.#whole(minor), this.#onPreset))}
        </div>
        <div class="free">
          <label for="free-amount">${this.#t('freeAmount')}</label>
          <span
            >${before('free-prefix')}<input
              id="free-amount"
              part="amount-input"
              type="text"
              inputmode="decimal"
              autocomplete="off"
              .value=${choice.text}
              aria-invalid=${!!problem}
              aria-describedby="${prefix && 'free-prefix '}free-unit amount-error"
              ?disabled=${disabled}
              @input=${this.#onFreeInput}
              @change=${this.#changed}
            /><span id="free-unit">${suffix}${frequency === 'monthly' ? this.#t('perMonthShort') : ''}</span></span
          >
        </div>
        <p id="amount-error" class="error" aria-live="polite">${problem && this.#amountError(problem)}</p>
      </fieldset>
      <p class="summary">${rule && html`<span>${rule}</span> `}<output part="result" aria-live="polite">${line}</output></p>
      ${note && html`<p class="note">${note}</p>`} ${this.#country === 'GB' ? html`<p class="note">${this.#t('giftAidNote')}</p>` : nothing}
      ${
        showIncome
          ? html`<div class="income">
              <label for="income">${this.#t('incomeLabel')}</label>
              <span
                >${before('income-prefix')}<input
                  id="income"
                  type="text"
                  inputmode="decimal"
                  autocomplete="off"
                  .value=${this.#incomeText}
                  aria-invalid=${!!incomeProblem}
                  aria-describedby="income-hint income-error"
                  ?disabled=${disabled}
                  @input=${this.#onIncomeInput}
                  @change=${this.#changed}
                />${suffix}</span
              >
              <p id="income-hint" class="note">${this.#t('incomeHint')}</p>
              <p id="income-error" class="error" aria-live="polite">${incomeProblem && this.#t('incomeError')}</p>
            </div>`
          : nothing
      }
      <button
        type="button"
        part="donate-button"
        ?disabled=${disabled || !this.#amount?.minor || this.#hrefInvalid}
        @click=${this.#onDonate}
      >
        ${this.donateLabel || this.#t('donate')}
      </button>
      <div class="details">
        ${
          details &&
          html`<details part="details">
            <summary>${this.#t('details')}</summary>
            ${details.map((text) => html`<p>${text}</p>`)}
          </details>`
        }
      </div>
    </div>`;
  }
}
