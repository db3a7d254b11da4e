import { clientKey, clientProperty, languageOf, resolveClient, resolveEndpoint, type AgirClient, type Case } from '@agir/core';
import { catalog } from '../case-card/catalog.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
import { h, setAttr } from '../shared/dom.js';
import type { CaseCardMessages } from '../case-card/messages/en.js';
import { authorError, defineElement, timeLimit } from '../shared/element-tools.js';
import { LocaleController } from '../shared/locale-controller.js';
import { styles } from './case-card-list.styles.js';

type Card = HTMLElement & { data?: Case; client?: AgirClient | undefined };

/**
 * Many cases from one request (`GET {endpoint}/cases?tag=…&locale=…`), as a list of `case-card`s that
 * render from the list's data (no request per card). Arrow keys, Home and End move between cards
 * (one tab stop for the list); Tab goes through each card's links and buttons.
 *
 * A plain custom element like case-card (see `HostElement`), with its own CDN entry
 * (`case-card-list.js`, which also registers `<case-card>`).
 *
 * @tagname case-card-list
 * @summary A list of case cards from one request, filtered by tag.
 *
 * @fires {ActionEvent} agir-action - From a card of the list (see case-card).
 *
 * @csspart list - The list (a `ul`) of cards, and its loading placeholder.
 *
 * @cssprop --agir-card-list-column - Narrowest column of the list's grid (default 20em, the narrowest card layout): the list shows as many columns as fit.
 * @cssprop --agir-card-list-gap - Space between cards (default 1em).
 *
 * @cssstate loading - Waiting for the cases (placeholders hold their place; `aria-busy`).
 * @cssstate ready - The cases are shown.
 * @cssstate empty - The endpoint has no case for this tag.
 * @cssstate error - The cases could not be loaded.
 */
export class CaseCardList extends HostElement {
  static override styles = styles;

  /** The tag the list's cards are created with (set it when `CaseCard` is registered under another name). */
  static cardTag = 'case-card';

  /** Registers the element under `tag` (default `case-card-list`), unless that tag is taken. */
  static define(tag = 'case-card-list', registry?: CustomElementRegistry): void {
    defineElement(tag, this, registry);
  }

  static {
    attributeProperties(this, {
      tag: 'tag',
      endpoint: 'endpoint',
      layout: 'layout',
      headingLevel: ['heading-level', Number],
      noShare: ['no-share', Boolean],
    });
    clientProperty(this);
  }

  /**
   * Only the cases with this tag, e.g. `xinjiang`.
   * @attr tag
   */
  declare tag: string | undefined;
  /**
   * The API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })`.
   * @attr endpoint
   */
  declare endpoint: string | undefined;
  /**
   * The backend instead of an endpoint (docs/backends.md): any object with `listCases({ tag, locale }, { signal })`,
   * e.g. `createStaticClient({ url })`; else `configure({ client })`'s. What it gives is checked as the contract's cases are.
   */
  declare client: AgirClient | undefined;
  /**
   * Layout of every card: `card`, `compact` or `feature` (default: each card's width decides).
   * @attr layout
   */
  declare layout: string | undefined;
  /**
   * Heading level of the cards' names, 2 to 6 (default 3).
   * @attr heading-level
   */
  declare headingLevel: number | undefined;
  /**
   * Hides the cards' Share buttons.
   * @attr no-share
   * @default false
   */
  declare noShare: boolean;

  private readonly locale = new LocaleController<CaseCardMessages>(this, catalog);
  /** The list's rows, each holding one case's card, by case id: a new list of the same cases keeps their cards. */
  private rows = new Map<string, HTMLLIElement>();
  // role="list" is not redundant in practice: Safari drops the list semantics of a ul without bullets.
  private readonly list = h('ul', { part: 'list', class: 'list', role: 'list' });
  /** The state and language the shadow tree was built for; a change rebuilds it. */
  private drawn = '';
  private source: string | undefined;
  private controller: AbortController | undefined;
  private items: Case[] = [];
  private phase: 'idle' | 'pending' | 'complete' | 'error' = 'idle';
  private retryable = false;
  /** Index of the card that holds the list's tab stop. */
  private active = 0;

  constructor() {
    super();
    this.renderRoot.addEventListener('keydown', (event) => this.onKeydown(event as KeyboardEvent));
    // The tab stop follows focus: after tabbing into a card, the arrow keys start from it.
    this.renderRoot.addEventListener('focusin', (event) => {
      const item = (event.target as Element).closest('li');
      const index = item ? this.listItems().indexOf(item) : -1;
      if (index >= 0 && index !== this.active) this.activate(index);
    });
  }

  /** @internal */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.phase === 'pending') {
      this.controller?.abort();
      this.source = undefined;
    }
  }

  protected update(): void {
    const endpoint = resolveClient(this.client) ?? resolveEndpoint(this.endpoint, document);
    const locale = languageOf(this);
    const key = `${typeof endpoint == 'object' ? clientKey(endpoint) : endpoint}\n${this.tag ?? ''}\n${locale}`;
    if (key !== this.source) {
      this.source = key;
      this.controller?.abort();
      if (endpoint) void this.load(endpoint, locale);
      else {
        authorError(
          this,
          'has no endpoint: add endpoint="https://…/api/v1", a <meta name="agir:endpoint" content="…"> or configure({ endpoint }).',
        );
        this.retryable = false;
        this.phase = 'error';
      }
    }

    const state =
      !this.locale.ready || this.phase === 'pending' || this.phase === 'idle'
        ? 'loading'
        : this.phase === 'error'
          ? 'error'
          : this.items.length
            ? 'ready'
            : 'empty';
    const drawn = `${state} ${this.retryable} ${this.locale.locale}`;
    if (drawn !== this.drawn) {
      this.drawn = drawn;
      this.renderRoot.replaceChildren(this.render(state));
    }
    if (state === 'ready') this.fill();
    for (const name of ['loading', 'error', 'empty', 'ready']) this.setState(name, name === state);
  }

  private async load(endpoint: string | AgirClient, locale: string): Promise<void> {
    const controller = (this.controller = new AbortController());
    this.phase = 'pending';
    const outcome = await timeLimit(import('../case-card/load.js'), 'its loading code').then(
      (load) => load.fetchCases(endpoint, this.tag, locale, controller.signal),
      (error: unknown) => ({ retryable: true, message: String(error) }),
    );
    if (controller.signal.aborted) return;
    if ('cases' in outcome) {
      this.items = outcome.cases;
      this.active = 0;
      this.phase = 'complete';
    } else {
      authorError(this, outcome.message);
      this.retryable = outcome.retryable;
      this.phase = 'error';
    }
    this.requestUpdate();
  }

  private readonly retry = (): void => {
    this.source = undefined;
    this.requestUpdate();
  };

  private onKeydown(event: KeyboardEvent): void {
    const items = this.listItems();
    const index = items.indexOf(event.target as HTMLLIElement);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = this.locale.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.locale.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const key = event.key;
    const next =
      key === 'ArrowDown' || key === forward
        ? index + 1
        : key === 'ArrowUp' || key === backward
          ? index - 1
          : key === 'Home'
            ? 0
            : key === 'End'
              ? items.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const target = Math.max(0, Math.min(items.length - 1, next));
    this.activate(target);
    items.forEach((item, i) => (item.tabIndex = i === target ? 0 : -1));
    items[target]?.focus();
  }

  private activate(index: number): void {
    this.active = index;
    this.requestUpdate();
  }

  private listItems(): HTMLLIElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLLIElement>('.list > li'));
  }

  /**
   * Brings the list's rows in line with the cases, in order: a case's row and card are kept (by its id; the
   * reader's focus stays in it), a new case gets new ones, the rest are removed. Only the presentation
   * attributes and the tab stop change.
   */
  private fill(): void {
    const list = this.list;
    const rows = new Map<string, HTMLLIElement>();
    const active = Math.min(this.active, this.items.length - 1);
    setAttr(list, 'lang', languageOf(this));
    this.items.forEach((item, index) => {
      // A case listed twice has a row of its own each time.
      let key = item.id;
      while (rows.has(key)) key += ' ';
      const row = this.rows.get(key) ?? h('li', {}, document.createElement(CaseCardList.cardTag));
      rows.set(key, row);
      const card = row.firstChild as Card;
      if (card.data !== item) card.data = item;
      for (const [name, value] of [
        ['layout', this.layout],
        ['heading-level', this.getAttribute('heading-level') ?? undefined],
        ['endpoint', this.endpoint],
      ] as const)
        setAttr(card, name, value);
      card.toggleAttribute('no-share', this.noShare);
      card.client = this.client;
      setAttr(row, 'aria-label', item.name);
      row.tabIndex = index === active ? 0 : -1;
      if (list.children[index] !== row) list.insertBefore(row, list.children[index] ?? null);
    });
    while (list.children.length > this.items.length) list.lastChild!.remove();
    this.rows = rows;
  }

  /** The tree of the list's state: placeholders while loading, the error, the empty message, or the list. */
  private render(state: string): HTMLElement {
    const t = this.locale.t;
    if (state === 'loading') {
      return h(
        'div',
        { part: 'list', class: 'list', 'aria-busy': 'true' },
        h('span', { class: 'visually-hidden' }, t('listLoading')),
        h('div', { class: 'ghost' }),
        h('div', { class: 'ghost' }),
        h('div', { class: 'ghost' }),
      );
    }
    if (state === 'error') {
      const retry = this.retryable && h('button', {}, t('retry'));
      if (retry) retry.onclick = this.retry;
      return h('p', { class: 'message' }, t('listError'), retry);
    }
    return state === 'ready' ? this.list : h('p', { class: 'message' }, t('listEmpty'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-card-list': CaseCardList;
  }
}
