import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { languageOf, resolveEndpoint, type Case } from '@agir/core';
import { authorError } from '../shared/element-tools.js';
import { LocaleController } from '../shared/locale-controller.js';
import { listStyles } from './case-card.styles.js';
import { defineAs, quote, validated } from './case-view.js';
import { catalog } from './catalog.js';
import type { CaseCardMessages } from './messages/en.js';

type Card = HTMLElement & { data?: Case };

/**
 * Many cases from one request (`GET {endpoint}/cases?tag=…&locale=…`), as a list of `case-card`s that
 * render from the list's data (no request per card). Arrow keys, Home and End move between cards
 * (one tab stop for the list); Tab goes through each card's links and buttons.
 *
 * @tagname case-card-list
 * @summary A list of case cards from one request, filtered by tag.
 *
 * @fires {ActionEvent} agir-action - From a card of the list (see case-card).
 *
 * @csspart list - The list (a `ul`) of cards, and its loading placeholder.
 *
 * @cssprop --agir-card-list-column - Narrowest column of the list's grid (default 20rem, the narrowest card layout): the list shows as many columns as fit.
 * @cssprop --agir-card-list-gap - Space between cards (default 1rem).
 *
 * @cssstate loading - Waiting for the cases (placeholders hold their place; `aria-busy`).
 * @cssstate ready - The cases are shown.
 * @cssstate empty - The endpoint has no case for this tag.
 * @cssstate error - The cases could not be loaded.
 */
export class CaseCardList extends LitElement {
  static override styles = listStyles;

  /** The tag the list's cards are created with (set it when `CaseCard` is registered under another name). */
  static cardTag = 'case-card';

  /** Registers the element under `tag` (default `case-card-list`), unless that tag is taken. */
  static define(tag = 'case-card-list', registry: CustomElementRegistry = customElements): void {
    defineAs(tag, this, registry);
  }

  private readonly locale = new LocaleController<CaseCardMessages>(this, catalog);
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();
  private readonly cards = new WeakMap<Case, Card>();
  private source: string | undefined;
  private controller: AbortController | undefined;

  @state() private items: Case[] = [];
  @state() private phase: 'idle' | 'pending' | 'complete' | 'error' = 'idle';
  @state() private retryable = false;
  /** Index of the card that holds the list's tab stop. */
  @state() private active = 0;

  /** Only the cases with this tag, e.g. `xinjiang`. */
  @property({ reflect: true }) tag: string | undefined;
  /** The API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })`. */
  @property({ reflect: true }) endpoint: string | undefined;
  /** Layout of every card: `card`, `compact` or `feature` (default: each card's width decides). */
  @property() layout: string | undefined;
  /** Heading level of the cards' names, 2 to 6 (default 3). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;
  /** Hides the cards' Share buttons. */
  @property({ attribute: 'no-share', type: Boolean }) noShare = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.phase === 'pending') {
      this.controller?.abort();
      this.source = undefined;
    }
  }

  protected override willUpdate(): void {
    const endpoint = resolveEndpoint(this.endpoint, document);
    const locale = languageOf(this);
    const key = `${endpoint}\n${this.tag ?? ''}\n${locale}`;
    if (key === this.source) return;
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

  protected override updated(): void {
    const ready = this.locale.ready && this.phase === 'complete';
    this.setState('loading', !this.locale.ready || this.phase === 'pending' || this.phase === 'idle');
    this.setState('error', this.locale.ready && this.phase === 'error');
    this.setState('empty', ready && this.items.length === 0);
    this.setState('ready', ready && this.items.length > 0);
  }

  private async load(endpoint: string, locale: string): Promise<void> {
    const controller = (this.controller = new AbortController());
    this.phase = 'pending';
    try {
      const { createClient } = await import('./load.js');
      const items = await createClient({ endpoint }).listCases({ tag: this.tag, locale }, { signal: controller.signal });
      if (controller.signal.aborted) return;
      for (const item of items) validated.add(item);
      this.items = items;
      this.active = 0;
      this.phase = 'complete';
    } catch (error) {
      if (controller.signal.aborted) return;
      const { kind, status, message } = error as { kind?: string; status?: number; message?: string };
      authorError(this, `could not load the cases${this.tag ? ` tagged ${quote(this.tag)}` : ''}: ${message ?? String(error)}`);
      this.retryable = kind !== 'schema' && kind !== 'config' && status !== 404;
      this.phase = 'error';
    }
  }

  private retry(): void {
    this.source = undefined;
    this.requestUpdate();
  }

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
    this.active = target;
    items.forEach((item, i) => (item.tabIndex = i === target ? 0 : -1));
    items[target]?.focus();
  }

  /** The tab stop follows focus: after tabbing into a card, the arrow keys start from it. */
  private onFocusIn(event: FocusEvent): void {
    const item = (event.target as Element).closest('li');
    const index = item ? this.listItems().indexOf(item) : -1;
    if (index >= 0 && index !== this.active) this.active = index;
  }

  private listItems(): HTMLLIElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLLIElement>('.list > li'));
  }

  /** The card of a case: created once per case object, then only its presentation attributes change. */
  private card(item: Case): Card {
    let card = this.cards.get(item);
    if (!card) {
      card = document.createElement(CaseCardList.cardTag) as Card;
      card.data = item;
      this.cards.set(item, card);
    }
    for (const [name, value] of [
      ['layout', this.layout],
      ['heading-level', this.headingLevel?.toString()],
      ['endpoint', this.endpoint],
    ] as const) {
      if (value == null) card.removeAttribute(name);
      else if (card.getAttribute(name) !== value) card.setAttribute(name, value);
    }
    card.toggleAttribute('no-share', this.noShare);
    return card;
  }

  private setState(name: string, on: boolean): void {
    try {
      if (on) this.internals?.states.add(name);
      else this.internals?.states.delete(name);
    } catch {
      // Older engines accept only --dashed state names; the states are a styling extra.
    }
  }

  override render(): TemplateResult {
    const t = this.locale.t;
    if (!this.locale.ready || this.phase === 'pending' || this.phase === 'idle') {
      return html`<div part="list" class="list" aria-busy="true">
        <span class="visually-hidden">${t('listLoading')}</span>
        <div class="ghost"></div>
        <div class="ghost"></div>
        <div class="ghost"></div>
      </div>`;
    }
    if (this.phase === 'error') {
      return html`<p class="message">
        ${t('listError')} ${this.retryable ? html`<button @click=${this.retry}>${t('retry')}</button>` : nothing}
      </p>`;
    }
    if (this.items.length === 0) return html`<p class="message">${t('listEmpty')}</p>`;
    const active = Math.min(this.active, this.items.length - 1);
    // role="list" is not redundant in practice: Safari drops the list semantics of a ul without bullets.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul part="list" class="list" role="list" lang=${languageOf(this)} @keydown=${this.onKeydown} @focusin=${this.onFocusIn}>
      ${this.items.map((item, index) => html`<li tabindex=${index === active ? 0 : -1} aria-label=${item.name}>${this.card(item)}</li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-card-list': CaseCardList;
  }
}
