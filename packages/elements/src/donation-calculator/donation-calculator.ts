import { createCatalog, formatMoney, formatNumber, type Params } from '@agir/core';
import { currentTaxYear, type ReliefInput, type ReliefResult } from '@agir/core/tax';
import { LocaleController } from '../shared/locale-controller.js';
import { authorError, defineElement } from '../shared/element-tools.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
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
  it: () => import('./messages/it.js'),
  nl: () => import('./messages/nl.js'),
  pt: () => import('./messages/pt.js'),
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

/** A shadow element: tag, attributes, children. Built with DOM calls, never from HTML strings. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const setText = (node: Node, text: string): void => {
  if (node.textContent !== text) node.textContent = text;
};

const setAttr = (element: Element, name: string, value: string): void => {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
};

/** A text field for an amount (the free amount, the income). */
const amountField = (id: string, attributes: Record<string, string> = {}): HTMLInputElement =>
  h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', ...attributes });

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
 * @cssprop --agir-calculator-control-block-size - Height of buttons and fields (default 2.75rem, a 44 px target).
 * @cssprop --agir-calculator-preset-min-inline-size - Minimum width of a preset button (default 4.5rem).
 * @cssprop --agir-calculator-input-inline-size - Width of the free amount and income fields (default 8rem).
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
  #frequencyChosen: DonationFrequency = 'monthly';
  #messages: Partial<Messages & ReliefMessages> | undefined;
  // What the reader chose: internal state, not properties (a change calls requestUpdate).
  #choices: Record<DonationFrequency, Choice> = { once: { preset: undefined, text: '' }, monthly: { preset: undefined, text: '' } };
  #incomeText = '';
  #formDisabled = false;
  #presets: Record<DonationFrequency, number[]> = { once: [], monthly: [] };
  #defaults: Partial<Record<DonationFrequency, number>> = {};
  #configKey = '';
  #maxMinor = 0;
  #country = '';
  #currency: string | undefined;
  /** The valid `tax-year`, or undefined for the tax year in progress (which core's engine resolves). */
  #taxYear: number | undefined;
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
  #lineKey: string | undefined;
  #detailsKey = '';

  // The shadow tree, built once; update() changes what differs.
  readonly #frequencyLegend = h('legend');
  readonly #frequencyOptions = h('div', { class: 'options' });
  readonly #amountLegend = h('legend');
  readonly #presetOptions = h('div', { class: 'options' });
  readonly #freeLabel = h('label', { for: 'free-amount' });
  readonly #freePrefix = h('span', { id: 'free-prefix', 'aria-hidden': 'true' });
  readonly #free = amountField('free-amount', { part: 'amount-input' });
  readonly #freeUnit = h('span', { id: 'free-unit' });
  readonly #amountMessage = h('p', { id: 'amount-error', class: 'error', 'aria-live': 'polite' });
  readonly #rule = h('span');
  readonly #output = h('output', { part: 'result', 'aria-live': 'polite' });
  readonly #note = h('p', { class: 'note' });
  readonly #giftAidNote = h('p', { class: 'note' });
  readonly #incomeLabel = h('label', { for: 'income' });
  readonly #incomePrefix = h('span', { id: 'income-prefix', 'aria-hidden': 'true' });
  readonly #incomeField = amountField('income', { 'aria-describedby': 'income-hint income-error' });
  readonly #incomeSuffix = document.createTextNode('');
  readonly #incomeHint = h('p', { id: 'income-hint', class: 'note' });
  readonly #incomeMessage = h('p', { id: 'income-error', class: 'error', 'aria-live': 'polite' });
  /** Only in the tree while the income is asked for. */
  readonly #incomeBox = h(
    'div',
    { class: 'income' },
    this.#incomeLabel,
    h('span', {}, this.#incomePrefix, this.#incomeField, this.#incomeSuffix),
    this.#incomeHint,
    this.#incomeMessage,
  );
  readonly #button = h('button', { type: 'button', part: 'donate-button' });
  /** Only in the tree once there is an estimate to explain. */
  readonly #disclosure = h('details', { part: 'details' }, h('summary'));
  readonly #root = h(
    'div',
    { class: 'root pending' },
    h('fieldset', {}, this.#frequencyLegend, this.#frequencyOptions),
    h(
      'fieldset',
      {},
      this.#amountLegend,
      this.#presetOptions,
      h('div', { class: 'free' }, this.#freeLabel, h('span', {}, this.#freePrefix, this.#free, this.#freeUnit)),
      this.#amountMessage,
    ),
    h('p', { class: 'summary' }, this.#rule, this.#output),
    this.#note,
    this.#giftAidNote,
    this.#button,
    h('div', { class: 'details' }),
  );

  constructor() {
    super();
    const root = this.renderRoot;
    root.append(this.#root);
    root.addEventListener('input', (event) => {
      if (event.target === this.#free) this.#choose({ ...this.#choices[this.#frequency], text: this.#free.value });
      if (event.target === this.#incomeField) {
        this.#incomeText = this.#incomeField.value;
        this.requestUpdate();
      }
    });
    // The page hears `change` from the host (the inner controls' `change` does not leave the shadow root).
    root.addEventListener('change', (event) => {
      const { name, value } = event.target as HTMLInputElement;
      if (name === 'frequency') this.frequency = value as DonationFrequency;
      if (name === 'preset') this.#choose({ preset: Number(value), text: '' });
      this.dispatchEvent(new Event('change', { bubbles: true }));
    });
    this.#button.addEventListener('click', () => this.#onDonate());
  }

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
      await this.#loading;
      await this.#view?.loaded;
      settled = (await super.getUpdateComplete()) && !this.#loading;
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
      estimate: this.estimate,
    });
    if (!this.dispatchEvent(event)) return;
    const form = this.internals.form;
    if (event.url !== undefined) {
      const url = httpUrl(event.url);
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

  /** Reads the attributes and the reader's choice, estimates, and brings the shadow tree and the form value up to date. */
  protected update(): void {
    this.#readConfig();
    if (this.askIncome) this.#incomeShown = true;
    const frequency = this.#frequency;
    const choice = this.#choices[frequency];
    const custom = !!choice.text.trim();
    const separator = formatNumber(this.#locale.locale, 1.5).replace(/\d/g, '').replace('٫', '.');
    const amount = (this.#amount = custom
      ? parseAmount(choice.text, separator, this.#maxMinor)
      : choice.preset === undefined
        ? undefined
        : { minor: choice.preset });
    const income = (this.#income = this.#incomeText.trim() ? parseAmount(this.#incomeText, separator, ENGINE_MAX * 100) : undefined);
    this.#estimate();

    const t = (key: keyof Messages | ReliefKey): string => this.#t(key);
    const problem = custom ? amount?.problem : undefined;
    const disabled = this.disabled || this.#formDisabled;
    const [prefix, suffix] = this.#affixes();
    const { rule, line = '', figure, note, details } = this.#parts();
    const showIncome = this.#incomeShown && !!this.#relief?.view.incomeKeys[this.#country];
    const root = this.#root;
    setAttr(root, 'class', this.#locale.ready ? 'root' : 'root pending');
    setAttr(root, 'dir', this.#locale.dir);
    setText(this.#frequencyLegend, t('frequencyLegend'));
    this.#options(this.#frequencyOptions, 'frequency', FREQUENCIES, frequency, t, disabled);
    setText(this.#amountLegend, t(frequency === 'once' ? 'amountLegendOnce' : 'amountLegendMonthly'));
    this.#options(
      this.#presetOptions,
      'preset',
      this.#presets[frequency],
      custom ? undefined : choice.preset,
      (minor) => this.#whole(minor),
      disabled,
    );
    setText(this.#freeLabel, t('freeAmount'));
    this.#setField(this.#free, this.#freePrefix, prefix, choice.text, !!problem, disabled);
    setAttr(this.#free, 'aria-describedby', `${prefix && 'free-prefix '}free-unit amount-error`);
    setText(this.#freeUnit, suffix + (frequency === 'monthly' ? t('perMonthShort') : ''));
    setText(this.#amountMessage, problem ? this.#amountError(problem) : '');
    setText(this.#rule, rule ? `${rule} ` : '');
    // The live region changes only when what it says changes.
    const lineKey = `${line}\u0001${figure}`;
    if (lineKey !== this.#lineKey) {
      this.#lineKey = lineKey;
      const [before, after = ''] = line.split('\u0000');
      this.#output.replaceChildren(before!, ...(figure === undefined ? [] : [h('strong', { class: 'figure' }, figure), after]));
    }
    setText(this.#note, note ?? '');
    this.#note.hidden = !note;
    setText(this.#giftAidNote, t('giftAidNote'));
    this.#giftAidNote.hidden = this.#country !== 'GB';
    if (showIncome) {
      if (!this.#incomeBox.parentNode) this.#button.before(this.#incomeBox);
      setText(this.#incomeLabel, t('incomeLabel'));
      this.#setField(this.#incomeField, this.#incomePrefix, prefix, this.#incomeText, !!income?.problem, disabled);
      setText(this.#incomeSuffix, suffix);
      setText(this.#incomeHint, t('incomeHint'));
      setText(this.#incomeMessage, income?.problem ? t('incomeError') : '');
    } else this.#incomeBox.remove();
    this.#button.disabled = disabled || !amount?.minor || this.#hrefInvalid;
    setText(this.#button, this.donateLabel || t('donate'));
    const disclosure = this.#disclosure;
    if (details) {
      setText(disclosure.firstChild!, t('details'));
      const detailsKey = details.join('\n');
      if (detailsKey !== this.#detailsKey) {
        this.#detailsKey = detailsKey;
        disclosure.replaceChildren(disclosure.firstChild!, ...details.map((text) => h('p', {}, text)));
      }
      if (!disclosure.parentNode) root.lastChild!.appendChild(disclosure);
    } else disclosure.remove();

    // Validity, form value and custom states.
    const states = this.internals.states;
    let invalid: [ValidityStateFlags, string, HTMLElement] | undefined;
    if (!amount) invalid = [{ valueMissing: true }, this.#t('errorMin'), this.#free];
    else if (amount.problem) invalid = [this.#flags(amount.problem), this.#amountError(amount.problem), this.#free];
    else if (income?.problem && showIncome) invalid = [{ badInput: true }, this.#t('incomeError'), this.#incomeField];
    if (invalid || !amount?.minor) {
      this.internals.setValidity(...invalid!);
      this.internals.setFormValue(null);
      states.add('invalid');
    } else {
      const prefix = this.name ? `${this.name}-` : '';
      const data = new FormData();
      data.append(`${prefix}amount`, majorString(amount.minor));
      data.append(`${prefix}frequency`, frequency);
      this.internals.setValidity({});
      this.internals.setFormValue(data, data);
      states.delete('invalid');
    }
    if (this.#outcome?.ok === false) states.add('unsupported');
    else states.delete('unsupported');
  }

  /** Brings a radio group (frequencies, presets) up to date, reusing its options (focus stays where it is). */
  #options<T extends string | number>(
    box: HTMLElement,
    name: string,
    values: readonly T[],
    checked: T | undefined,
    label: (value: T) => string,
    disabled: boolean,
  ): void {
    const options = box.children;
    while (options.length > values.length) box.lastChild!.remove();
    while (options.length < values.length) box.append(h('label', { class: 'option' }, h('input', { type: 'radio', name }), ''));
    values.forEach((value, index) => {
      const option = options[index]!;
      const radio = option.firstChild as HTMLInputElement;
      const on = value === checked;
      setAttr(option, 'part', on ? `${name} ${name}-checked` : name);
      setAttr(radio, 'value', String(value));
      radio.checked = on;
      radio.disabled = disabled;
      setText(option.lastChild!, label(value));
    });
  }

  /** Brings an amount field (the free amount, the income) and its currency prefix up to date. */
  #setField(field: HTMLInputElement, prefixNode: HTMLElement, prefix: string, text: string, invalid: boolean, disabled: boolean): void {
    setText(prefixNode, prefix);
    prefixNode.hidden = !prefix;
    if (field.value !== text) field.value = text;
    setAttr(field, 'aria-invalid', String(invalid));
    field.disabled = disabled;
  }

  /** Reads and checks the attributes; each problem is reported once to the page author. */
  #readConfig(): void {
    const country = this.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) this.#authorError(`country="${this.country}" must be an ISO 3166-1 alpha-2 code, e.g. country="FR".`);
    this.#country = country;

    let currency = currencyOf(country);
    const own = this.currency?.trim().toUpperCase();
    if (!currency && own) {
      try {
        currency = new Intl.NumberFormat('en', { style: 'currency', currency: own }).resolvedOptions().currency;
      } catch {
        this.#authorError(`currency="${this.currency}" must be an ISO 4217 code, e.g. currency="SEK".`);
      }
    }
    if (!currency) this.#authorError(`country="${country}" has no known currency: add currency="…" (ISO 4217).`);
    if (this.legacyFormat && currency !== 'EUR') this.#authorError(`legacy-format only applies to EUR; ignored for ${currency}.`);
    this.#currency = currency;

    // Without a valid tax-year, the engine uses the country's tax year in progress (core knows where each
    // starts: 6 April in the UK) and the latest rules in force, and says which.
    const year = this.taxYear;
    const yearValid = Number.isInteger(year) && year! >= 1900 && year! <= 2999;
    if (year !== undefined && !yearValid)
      this.#authorError(
        `tax-year="${this.getAttribute('tax-year')}" must be a year, e.g. ${new Date().getFullYear()}; remove it for the current tax year.`,
      );
    this.#taxYear = yearValid ? year : undefined;

    if (this.scheme !== undefined && !SCHEME.test(this.scheme))
      this.#authorError(`scheme="${this.scheme}" must be a scheme id, e.g. "aid-to-people-in-difficulty".`);

    const href = this.donateHref?.trim() || undefined;
    this.#href = href;
    this.#hrefInvalid = !!href && !fillHref(href, 100, 'once');
    if (this.#hrefInvalid)
      this.#authorError(
        `donate-href="${href}" must be an http(s) URL, e.g. "https://example.org/give?amount={amount}&frequency={frequency}"; the donate button is disabled.`,
      );

    const key = [this.amountsMonthly, this.amountsOnce, this.defaultMonthly, this.defaultOnce, this.maxAmount].join('|');
    if (key === this.#configKey) return;
    this.#configKey = key;
    const max = this.maxAmount > 0 && this.maxAmount <= ENGINE_MAX ? this.maxAmount : 1e5;
    if (max !== this.maxAmount)
      this.#authorError(`max-amount="${this.getAttribute('max-amount')}" must be a number from 0 to ${ENGINE_MAX}; using 100000.`);
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
        this.#authorError(
          `${name} must list amounts from 0 to max-amount separated by spaces, e.g. ${name}="${fallback}"${rejected.length ? `; ignoring ${rejected.join(', ')}` : ''}.`,
        );
      if (!presets.length) presets.push(...fallback.split(' ').map((item) => Number(item) * 100));
      const wanted = once ? this.defaultOnce : this.defaultMonthly;
      const wantedMinor = wanted === undefined ? undefined : parseAmount(wanted, '.', this.#maxMinor).minor;
      const initial = wantedMinor !== undefined && presets.includes(wantedMinor) ? wantedMinor : presets[presets.length - 1]!;
      if (wanted !== undefined && initial !== wantedMinor)
        this.#authorError(`default-${frequency}="${wanted}" is not one of ${name}; selecting ${majorString(initial)}.`);
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
    // Every value is checked above (country, year, scheme, amounts in cents within the engine's range), so the
    // engine's zod-free entry point takes it as it is.
    const input: ReliefInput = {
      country: country || 'ZZ',
      ...(this.#taxYear !== undefined && { taxYear: this.#taxYear }),
      donor: 'individual',
      amount: amount / 100,
      frequency: this.#frequency,
      ...(scheme && { scheme }),
      ...(incomeKey && income !== undefined && { profile: { [incomeKey]: income / 100 } as ReliefInput['profile'] }),
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
            : {
                ok: false,
                reason: 'unsupported-country',
                message: `Tax relief for ${country} is not modelled, so it cannot be estimated.`,
                country,
                taxYear: this.#taxYear ?? currentTaxYear(country),
              };
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
        this.#authorError(`no estimate: ${outcome.message} Check country, tax-year and scheme.`);
      }
      this.#outcome = outcome;
    } catch (error) {
      this.#authorError(`no estimate: ${(error as Error).message}`);
      this.#outcome = { ok: false, reason: 'load-failed' };
    }
    const outcome = this.#outcome;
    if (outcome.ok) relief.view.announceEstimate(this, outcome);
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
    this.#authorError(`frequency="${this.frequency}" must be "once" or "monthly"; showing monthly.`);
    return 'monthly';
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
    (this.renderRoot.querySelector<HTMLInputElement>('[name=preset]:checked') ?? this.#free).focus(options);
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
}

declare global {
  interface HTMLElementTagNameMap {
    'donation-calculator': DonationCalculator;
  }
}
