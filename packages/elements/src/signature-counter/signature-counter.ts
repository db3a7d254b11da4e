import {
  clientKey,
  clientProperty,
  createCatalog,
  directionOf,
  formatNumber,
  languageOf,
  resolveClient,
  resolveEndpoint,
  type AgirClient,
} from '@agir/core';
import { h, setAttr, setText } from '../shared/dom.js';
import { authorError, defineElement } from '../shared/element-tools.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
import { LocaleController } from '../shared/locale-controller.js';
import { isCount, PetitionStore, signedDetail, type PetitionSnapshot } from '../shared/petition-store.js';
import { CountChangeEvent } from './events.js';
import { autoGoal, parseGoalSteps } from './goal.js';
import en, { type SignatureCounterMessages } from './messages/en.js';
import { styles } from './signature-counter.styles.js';

const catalog = createCatalog<SignatureCounterMessages>('signature-counter', {
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

/**
 * Motion and announcement timing of every counter, and the clock they use. Tests may swap the clock;
 * pages should not need to change anything here.
 */
export const counterConfig = {
  /** Length of the count-up to a new figure (none under `prefers-reduced-motion`). */
  animationMs: 800,
  /** Screen readers hear a new figure at most once in this window (the latest one when it ends). */
  announceIntervalMs: 30_000,
  /** Then the live region empties, so that a counter inside a heading does not keep an extra phrase. */
  announceClearMs: 5_000,
  now: (): number => performance.now(),
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown): void => clearTimeout(handle as number),
};

interface Figures {
  signatureCount: number;
  /** Undefined for a fixed `count` (the page did not say). */
  countryCount: number | undefined;
  /** The endpoint's goal. */
  goal: number | null;
}

/**
 * A petition's signature count, live: in the element's language, with its goal as an accessible progress
 * bar and, if asked, the number of countries. Every counter of a petition in a page shares one request,
 * one stream or one polling loop (see `PetitionStore`).
 *
 * Its shadow tree is built once with DOM calls and kept by reference: `update()` changes only what differs.
 *
 * @tagname signature-counter
 * @summary Live signature count of a petition, inline in a sentence or as a block with a progress bar.
 *
 * @attr {string} petition - The petition's id at the endpoint, e.g. `xinjiang` (property `petition`).
 * @attr {string} endpoint - The API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })` (property `endpoint`).
 * @prop {AgirClient | undefined} client - The backend instead of an endpoint: any object with `getPetition` (and `streamUrl` for live updates; without it the counter polls), e.g. `createStaticClient({ url })`; else `configure({ client })`'s.
 * @attr {number} count - A fixed count for pages without an endpoint (a signature made in the page adds one); with one, the figure shown until it answers (property `count`).
 * @attr {number | 'auto'} goal - A whole number, or `auto` for the next milestone above the count; default: the endpoint's goal (property `goal`).
 * @attr {string} goal-steps - Milestones for `goal="auto"`, e.g. `1000 5000 10000 50000` (property `goalSteps`).
 * @attr {number} interval - Seconds between two polls when the endpoint has no stream (default 30, at least 5) (property `interval`).
 * @attr {'block' | 'inline'} layout - `block` (number, bar, goal; the default) or `inline` (a number in a sentence) (property `layout`).
 * @attr {boolean} show-countries - Also says how many countries the signatures come from (property `showCountries`).
 * @attr {string} label - The words after the number; the slot wins over it (property `label`).
 *
 * @fires {CountChangeEvent} agir-count - The figure changed (the first one included): `signatureCount`, `countryCount`, `goal`.
 *
 * @slot - The words after the number (default: "signatures" in the block layout, nothing inline). Wins over `label`.
 *
 * @csspart number - The number.
 * @csspart label - The words after the number.
 * @csspart bar - The progress bar (a `<progress>`, block layout).
 *
 * @cssprop --agir-counter-bar-height - Height of the progress bar (default 0.5em).
 * @cssprop --agir-counter-bar-color - Colour of the bar's fill (default `--agir-color-accent`, else #ffe600).
 *
 * @cssstate loading - No figure yet: a dash holds the number's place.
 * @cssstate error - No figure could be had: a dash shows, and screen readers hear "count unavailable".
 * @cssstate live - The figure follows the endpoint (stream or polling) and its last update worked.
 */
export class SignatureCounter extends HostElement {
  static override styles = styles;

  static {
    attributeProperties(this, {
      petition: 'petition',
      endpoint: 'endpoint',
      count: ['count', Number],
      goal: ['goal', (value: string) => (value === 'auto' ? value : Number(value))],
      goalSteps: 'goal-steps',
      interval: ['interval', Number],
      layout: 'layout',
      showCountries: ['show-countries', Boolean],
      label: 'label',
    });
    clientProperty(this);
  }

  /** Registers the element under `tag` (default `signature-counter`), unless that tag is taken. */
  static define(tag = 'signature-counter', registry?: CustomElementRegistry): void {
    defineElement(tag, this, registry);
  }

  /**
   * Loads the messages of a language (default: the page's), so that counters in it render their words at
   * once. `define.ts` waits for the page's language before it registers the tag.
   */
  static preload(locale = languageOf(document.documentElement)): Promise<unknown> {
    return catalog.load(locale);
  }

  /** The petition's id at the endpoint, e.g. `xinjiang`. */
  declare petition: string | undefined;
  /** The API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })`. */
  declare endpoint: string | undefined;
  /**
   * The backend instead of an endpoint (docs/backends.md): any object with `getPetition`, and `streamUrl` for
   * live updates (without it the counter polls every `interval`); else `configure({ client })`'s.
   */
  declare client: AgirClient | undefined;
  /** A fixed count for pages without an endpoint (a signature made in the page adds one); with one, the figure shown until the endpoint answers. */
  declare count: number | undefined;
  /** A whole number, or `auto` for the next milestone above the count; default: the endpoint's goal. */
  declare goal: number | 'auto' | undefined;
  /** Milestones for `goal="auto"`, e.g. `1000 5000 10000 50000`. */
  declare goalSteps: string | undefined;
  /** Seconds between two polls when the endpoint has no stream (default 30, at least 5). */
  declare interval: number | undefined;
  /** `block` (number, bar, goal; the default) or `inline` (a number in a sentence, in the host's font). */
  declare layout: 'block' | 'inline' | undefined;
  /** Also says how many countries the signatures come from ("in 184 countries"). */
  declare showCountries: boolean;
  /** The words after the number (the slot wins over it). */
  declare label: string | undefined;

  private readonly locale = new LocaleController<SignatureCounterMessages>(this, catalog);
  private unsubscribe: (() => void) | undefined;
  /** The attributes the data source was wired from. */
  private source: string | undefined;
  private checked: string | undefined;
  private steps: number[] | undefined;
  /** The figures shown (from the store, or from `count`); undefined until known. */
  private figures: Figures | undefined;
  /** The number on screen: `figures.signatureCount`, or on its way there. */
  private shown = 0;
  private failed = false;
  private live = false;
  private slotted = false;
  private frame = 0;
  private lastAnnounced = -Infinity;
  private announceTimer: unknown;
  private clearTimer: unknown;
  private emitted = '';
  private inline: boolean | undefined;

  // The shadow tree, built once; the layout only rearranges it.
  private readonly digits = h('span');
  private readonly widest = h('span', { class: 'sizer' });
  private readonly number = h('span', { part: 'number', class: 'reserved', 'aria-hidden': 'true' }, this.widest, this.digits);
  /** What screen readers read for the number (the animated digits are hidden from them). */
  private readonly spoken = h('span', { class: 'visually-hidden' });
  private readonly slotElement = h('slot') as HTMLSlotElement;
  private readonly labelPart = h('span', { part: 'label' }, ' ', this.slotElement);
  private readonly countriesText = h('span');
  private readonly countriesWidest = h('span', { class: 'sizer' });
  private readonly countries = h(
    'span',
    { class: 'countries' },
    ' ',
    h('span', { class: 'reserved' }, this.countriesWidest, this.countriesText),
  );
  private readonly bar = h('progress', { part: 'bar' });
  private readonly goalText = h('span');
  private readonly announcer = h('span', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });

  constructor() {
    super();
    this.slotElement.addEventListener('slotchange', () => {
      this.slotted = this.slotElement.assignedNodes().some((node) => node.nodeType === 1 || node.textContent!.trim());
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    // Wire the data source at the next render (a counter moved in the page finds its store as it was).
    this.source = undefined;
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    cancelAnimationFrame(this.frame);
    this.shown = this.figures?.signatureCount ?? 0;
    counterConfig.clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
  }

  private readonly onStore = ({ figures, state, transport }: PetitionSnapshot): void => {
    this.live = state === 'complete' && transport !== 'none';
    this.failed = !figures && state === 'error';
    if (figures) this.show(figures);
    this.requestUpdate();
  };

  /** Reports attributes a page author must fix, once per value. */
  private checkAttributes(): void {
    const { goal, goalSteps, count, interval } = this;
    const key = [goal, goalSteps, count, interval].join(' ');
    if (key === this.checked) return;
    this.checked = key;
    this.steps = goalSteps ? parseGoalSteps(goalSteps) : undefined;
    if (goal !== undefined && goal !== 'auto' && !(isCount(goal) && goal > 0))
      authorError(this, `goal="${this.getAttribute('goal')}" is not a whole number above 0 or "auto"; showing the endpoint's goal.`);
    if (goalSteps && !this.steps)
      authorError(this, `goal-steps="${goalSteps}" must list whole numbers above 0, e.g. "1000 5000 10000"; using the default milestones.`);
    if (count !== undefined && !isCount(count))
      authorError(this, `count="${this.getAttribute('count')}" is not a whole number of signatures; it is ignored.`);
    if (interval !== undefined && !(interval >= 5))
      authorError(
        this,
        `interval="${this.getAttribute('interval')}" must be a number of seconds, 5 or more; polling every ${interval < 5 ? 5 : 30} s.`,
      );
  }

  /** Wires the counter to its data: the page's store for (endpoint, petition), else the `count` attribute. */
  private connectSource(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.figures = undefined;
    this.live = this.failed = false;
    const count = isCount(this.count) ? this.count : undefined;
    const client = resolveClient(this.client);
    const endpoint = client ?? resolveEndpoint(this.endpoint, document);
    let store: PetitionStore | undefined;
    if (client && typeof client.getPetition != 'function') {
      authorError(this, 'its client has no getPetition(id) method: give it one that resolves to the petition (docs/backends.md).');
    } else if (!endpoint) {
      if (count === undefined) {
        authorError(
          this,
          'no endpoint and no count: set endpoint="https://…/api/v1" and petition="…" (or a <meta name="agir:endpoint"> tag, or configure({ endpoint })), or count="…" for a fixed figure.',
        );
      }
    } else if (!this.petition) {
      authorError(this, 'the petition attribute is missing: set it to the petition’s id, e.g. petition="xinjiang".');
    } else {
      try {
        // A client here has getPetition (checked above).
        store = PetitionStore.for(endpoint as Parameters<typeof PetitionStore.for>[0], this.petition);
      } catch (error) {
        authorError(this, (error as Error).message);
      }
    }
    if (count !== undefined) this.show({ signatureCount: count, countryCount: undefined, goal: null });
    if (store) {
      // Below 5 s polls every 5 s; not a number (or none) polls at the default period.
      const seconds = Number(this.interval);
      this.unsubscribe = store.subscribe(
        this.onStore,
        Number.isFinite(seconds) ? { reporter: this, intervalMs: Math.max(5, seconds) * 1000 } : { reporter: this },
      );
      this.onStore(store.snapshot);
    } else {
      this.failed = count === undefined;
      // A fixed figure counts a signature made in the page too (one more; not one already counted).
      if (count !== undefined && this.petition) {
        const onSigned = (event: Event): void => {
          const { petition, duplicate } = signedDetail(event);
          if (petition === this.petition && duplicate !== true && this.figures)
            this.show({ ...this.figures, signatureCount: this.figures.signatureCount + 1 });
        };
        document.addEventListener('agir-signed', onSigned);
        this.unsubscribe = () => document.removeEventListener('agir-signed', onSigned);
      }
    }
  }

  /** Takes new figures: jumps to the first, counts up (or jumps, under reduced motion) to later ones. */
  private show(next: Figures): void {
    const previous = this.figures?.signatureCount;
    this.figures = next;
    const target = next.signatureCount;
    if (previous === target) return;
    cancelAnimationFrame(this.frame);
    if (previous === undefined || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.shown = target;
    } else {
      const from = this.shown;
      let start: number | undefined;
      const step = (now: number): void => {
        start ??= now;
        const progress = Math.min(1, (now - start) / counterConfig.animationMs);
        this.shown = Math.round(from + (target - from) * (1 - (1 - progress) ** 3));
        this.requestUpdate();
        if (progress < 1) this.frame = requestAnimationFrame(step);
      };
      this.frame = requestAnimationFrame(step);
    }
    if (previous !== undefined && this.announceTimer === undefined) {
      // At most one announcement per window; a change inside it is announced (the latest figure) when it ends.
      this.announceTimer = counterConfig.setTimeout(
        () => {
          this.announceTimer = undefined;
          this.lastAnnounced = counterConfig.now();
          const value = this.figures!.signatureCount;
          setText(this.announcer, `${formatNumber(this.locale.locale, value)} ${this.label || this.locale.t('label', { value })}`);
          counterConfig.clearTimeout(this.clearTimer);
          this.clearTimer = counterConfig.setTimeout(() => setText(this.announcer, ''), counterConfig.announceClearMs);
        },
        Math.max(0, this.lastAnnounced + counterConfig.announceIntervalMs - counterConfig.now()),
      );
    }
    this.requestUpdate();
  }

  private resolvedGoal({ signatureCount, goal }: Figures): number | undefined {
    if (this.goal === 'auto') return autoGoal(signatureCount, this.steps);
    return isCount(this.goal) && this.goal > 0 ? this.goal : (goal ?? undefined);
  }

  /** Brings the shadow tree up to date with the properties, the locale and the figures. */
  protected update(): void {
    this.checkAttributes();
    const client = resolveClient(this.client);
    const source = [client && clientKey(client), this.endpoint, this.petition, this.count, this.interval].join(' ');
    if (this.isConnected && source !== this.source) {
      this.source = source;
      this.connectSource();
    }
    // Numbers and direction follow the element's language at once; words once its messages have loaded.
    const locale = languageOf(this);
    const { t, ready } = this.locale;
    const figures = ready ? this.figures : undefined;
    const value = figures?.signatureCount;
    const format = (n: number): string => formatNumber(locale, n);
    const inline = this.layout === 'inline';
    const loading = !figures && !this.failed;
    const expected = isCount(this.count) ? this.count : isCount(this.goal) ? this.goal : 999_999;
    const label = this.label || (inline ? '' : t('label', { value: value ?? expected }));
    const goal = figures ? this.resolvedGoal(figures) : isCount(this.goal) && this.goal > 0 ? this.goal : undefined;
    const countries = figures?.countryCount;
    const inCountries = (n: number): string => t('countries', { value: n, formatted: format(n) });

    if (inline !== this.inline) {
      this.inline = inline;
      const headline = [this.number, this.spoken, this.labelPart];
      this.renderRoot.replaceChildren(
        inline
          ? h('span', { class: 'root' }, ...headline, this.countries, this.announcer)
          : h(
              'div',
              { class: 'root' },
              h('div', { class: 'headline' }, ...headline),
              this.bar,
              h('div', { class: 'details' }, this.countries, this.goalText),
              this.announcer,
            ),
      );
    }
    const root = this.renderRoot.firstElementChild!;
    setAttr(root, 'dir', directionOf(locale));
    setAttr(root, 'aria-busy', loading ? 'true' : null);
    // The digits sit over invisible ones: while loading, as wide as the widest figure expected, so that a
    // figure with as many digits moves nothing; once known, as wide as the figure (and its count-up), so that
    // a smaller one leaves no blank before it in the sentence (the words after it move once, when it arrives).
    setText(this.widest, format(10 ** String(value === undefined ? expected : Math.max(value, this.shown)).length - 1));
    setText(this.digits, figures ? format(this.shown) : '—');
    setText(this.spoken, value === undefined ? t(loading ? 'loading' : 'unavailable') : format(value));
    setText(this.slotElement, label);
    this.labelPart.hidden = !this.slotted && !label;
    this.countries.hidden = !this.showCountries || (!loading && countries === undefined);
    setText(this.countriesWidest, inCountries(999));
    setText(this.countriesText, countries === undefined ? '' : inCountries(countries));
    this.goalText.hidden = !goal;
    setText(this.goalText, goal ? t('goal', { formatted: format(goal) }) : '');
    const known = value !== undefined && goal;
    setAttr(this.bar, 'class', goal || loading ? null : 'none');
    setAttr(this.bar, 'max', goal);
    setAttr(this.bar, 'value', known ? value : null);
    setAttr(this.bar, 'aria-label', t('progressLabel'));
    setAttr(
      this.bar,
      'aria-valuetext',
      known ? t('progress', { count: format(value), label: this.label || t('label', { value }), goal: format(goal) }) : null,
    );

    this.setState('loading', loading);
    this.setState('error', !figures && this.failed);
    this.setState('live', this.live && !!figures);
    if (figures) {
      const emitted = `${figures.signatureCount} ${figures.countryCount} ${goal ?? null}`;
      if (emitted !== this.emitted) {
        this.emitted = emitted;
        this.dispatchEvent(new CountChangeEvent(figures.signatureCount, figures.countryCount, goal ?? null));
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'signature-counter': SignatureCounter;
  }
}
