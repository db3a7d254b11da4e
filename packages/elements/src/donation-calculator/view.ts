/**
 * <donation-calculator>'s shadow tree: built once with DOM calls (never from HTML strings) and kept by
 * reference; `render` changes only the text and attributes that differ (CONTRIBUTING.md, "Draw", way 2).
 */
import { h, setAttr, setText } from '../shared/dom.js';
import type { DonationFrequency } from './events.js';
import type { ReliefParts } from './relief-view.js';
import { FREQUENCIES } from './config.js';

/** A text field for an amount (the free amount, the income). */
const amountField = (id: string, attributes: Record<string, string> = {}): HTMLInputElement =>
  h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', ...attributes });

/** Brings a radio group (frequencies, presets) up to date, reusing its options (focus stays where it is). */
function options<T extends string | number>(
  box: HTMLElement,
  name: string,
  values: readonly T[],
  checked: T | undefined,
  label: (value: T) => string,
  disabled: boolean,
): void {
  const children = box.children;
  while (children.length > values.length) box.lastChild!.remove();
  while (children.length < values.length) box.append(h('label', { class: 'option' }, h('input', { type: 'radio', name }), ''));
  values.forEach((value, index) => {
    const option = children[index]!;
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
function field(input: HTMLInputElement, prefixNode: HTMLElement, prefix: string, text: string, invalid: boolean, disabled: boolean): void {
  setText(prefixNode, prefix);
  prefixNode.hidden = !prefix;
  if (input.value !== text) input.value = text;
  setAttr(input, 'aria-invalid', String(invalid));
  input.disabled = disabled;
}

/** The labels the view shows, in the reader's language (or the element's `messages`). */
export type ViewKey =
  | 'frequencyLegend'
  | DonationFrequency
  | 'amountLegendOnce'
  | 'amountLegendMonthly'
  | 'freeAmount'
  | 'perMonthShort'
  | 'giftAidNote'
  | 'incomeLabel'
  | 'incomeHint'
  | 'donate'
  | 'details';

/** Everything the view shows, worked out by the element. */
export interface ViewState {
  /** The language's messages are loaded (until then the tree is hidden). */
  readonly ready: boolean;
  readonly dir: string;
  readonly t: (key: ViewKey) => string;
  readonly disabled: boolean;
  readonly frequency: DonationFrequency;
  readonly presets: readonly number[];
  /** The checked preset (none while the free amount holds text). */
  readonly preset: number | undefined;
  /** A preset's label ("10 €"). */
  readonly presetLabel: (minor: number) => string;
  /** The currency symbol before or after a number in the reader's language: ["£", ""] in en, ["", "€"] in fr. */
  readonly affixes: readonly [prefix: string, suffix: string];
  readonly freeText: string;
  /** Why the free amount is refused; empty when it is not. */
  readonly amountError: string;
  readonly parts: Partial<ReliefParts>;
  /** Shows the Gift Aid note (GB). */
  readonly giftAid: boolean;
  /** The income field, when it is asked for: its text and why it is refused (empty when it is not). */
  readonly income: { readonly text: string; readonly error: string } | undefined;
  readonly donateDisabled: boolean;
  readonly donateLabel: string;
}

/** What the reader does, for the element to act on. */
export interface ViewHandlers {
  /** Typed in the free amount. */
  freeInput(text: string): void;
  /** Typed in the income field. */
  incomeInput(text: string): void;
  /** Picked a frequency or a preset (the page then hears `change`). */
  change(name: string, value: string): void;
  donate(): void;
}

export class CalculatorView {
  readonly #frequencyLegend = h('legend');
  readonly #frequencyOptions = h('div', { class: 'options' });
  readonly #amountLegend = h('legend');
  readonly #presetOptions = h('div', { class: 'options' });
  readonly #freeLabel = h('label', { for: 'free-amount' });
  readonly #freePrefix = h('span', { id: 'free-prefix', 'aria-hidden': 'true' });
  /** The free amount field. */
  readonly free = amountField('free-amount', { part: 'amount-input' });
  readonly #freeUnit = h('span', { id: 'free-unit' });
  readonly #amountMessage = h('p', { id: 'amount-error', class: 'error', 'aria-live': 'polite' });
  readonly #rule = h('span');
  readonly #output = h('output', { part: 'result', 'aria-live': 'polite' });
  readonly #note = h('p', { class: 'note' });
  readonly #giftAidNote = h('p', { class: 'note' });
  readonly #incomeLabel = h('label', { for: 'income' });
  readonly #incomePrefix = h('span', { id: 'income-prefix', 'aria-hidden': 'true' });
  /** The income field. */
  readonly income = amountField('income', { 'aria-describedby': 'income-hint income-error' });
  readonly #incomeSuffix = document.createTextNode('');
  readonly #incomeHint = h('p', { id: 'income-hint', class: 'note' });
  readonly #incomeMessage = h('p', { id: 'income-error', class: 'error', 'aria-live': 'polite' });
  /** Only in the tree while the income is asked for. */
  readonly #incomeBox = h(
    'div',
    { class: 'income' },
    this.#incomeLabel,
    h('span', {}, this.#incomePrefix, this.income, this.#incomeSuffix),
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
      h('div', { class: 'free' }, this.#freeLabel, h('span', {}, this.#freePrefix, this.free, this.#freeUnit)),
      this.#amountMessage,
    ),
    h('p', { class: 'summary' }, this.#rule, this.#output),
    this.#note,
    this.#giftAidNote,
    this.#button,
    h('div', { class: 'details' }),
  );
  #lineKey: string | undefined;
  #detailsKey = '';

  /** Builds the tree into the shadow root and listens to it. */
  constructor(root: ShadowRoot, handlers: ViewHandlers) {
    root.append(this.#root);
    root.addEventListener('input', (event) => {
      if (event.target === this.free) handlers.freeInput(this.free.value);
      if (event.target === this.income) handlers.incomeInput(this.income.value);
    });
    root.addEventListener('change', (event) => {
      const { name, value } = event.target as HTMLInputElement;
      handlers.change(name, value);
    });
    this.#button.addEventListener('click', () => handlers.donate());
  }

  /** Brings the tree up to date. */
  render(state: ViewState): void {
    const { t, frequency, disabled, parts } = state;
    const [prefix, suffix] = state.affixes;
    const { rule, line = '', figure, note, details } = parts;
    const root = this.#root;
    setAttr(root, 'class', state.ready ? 'root' : 'root pending');
    setAttr(root, 'dir', state.dir);
    setText(this.#frequencyLegend, t('frequencyLegend'));
    options(this.#frequencyOptions, 'frequency', FREQUENCIES, frequency, t, disabled);
    setText(this.#amountLegend, t(frequency === 'once' ? 'amountLegendOnce' : 'amountLegendMonthly'));
    options(this.#presetOptions, 'preset', state.presets, state.preset, state.presetLabel, disabled);
    setText(this.#freeLabel, t('freeAmount'));
    field(this.free, this.#freePrefix, prefix, state.freeText, !!state.amountError, disabled);
    setAttr(this.free, 'aria-describedby', `${prefix && 'free-prefix '}free-unit amount-error`);
    setText(this.#freeUnit, suffix + (frequency === 'monthly' ? t('perMonthShort') : ''));
    setText(this.#amountMessage, state.amountError);
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
    this.#giftAidNote.hidden = !state.giftAid;
    const income = state.income;
    if (income) {
      if (!this.#incomeBox.parentNode) this.#button.before(this.#incomeBox);
      setText(this.#incomeLabel, t('incomeLabel'));
      field(this.income, this.#incomePrefix, prefix, income.text, !!income.error, disabled);
      setText(this.#incomeSuffix, suffix);
      setText(this.#incomeHint, t('incomeHint'));
      setText(this.#incomeMessage, income.error);
    } else this.#incomeBox.remove();
    this.#button.disabled = state.donateDisabled;
    setText(this.#button, state.donateLabel);
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
  }
}
