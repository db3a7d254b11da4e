import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { countryName, directionOf, formatDate, languageOf, resolveEndpoint, type Case } from '@agir/core';
import { authorError } from '../shared/element-tools.js';
import { LocaleController } from '../shared/locale-controller.js';
import { styles } from './case-card.styles.js';
import { defineAs, idPattern, imageUrl, quote, statusKinds, validated, webUrl, type CaseView } from './case-view.js';
import { catalog } from './catalog.js';
import { ActionEvent } from './events.js';
import type { CaseCardMessages } from './messages/en.js';

type Phase = 'idle' | 'pending' | 'complete' | 'error';
type Problem = 'loadError' | 'notFound' | 'invalid';
type Layout = 'auto' | 'card' | 'compact' | 'feature';

const layouts = ['card', 'compact', 'feature'];
const precisions = ['year', 'month', 'day'];

/**
 * A person or group at risk: photo, name, country, status, summary, story, a quote and the call to act.
 * It fetches the case from an endpoint (`case` + `endpoint`), takes it from a list (`.data`), or shows
 * what the page author wrote inline (attributes and slotted light-DOM text, readable before the element
 * upgrades and by search engines). Its layout follows the space it is given (container queries).
 *
 * @tagname case-card
 * @summary Card of a case (a person or group at risk) with its call to action.
 *
 * @fires {ActionEvent} agir-action - The reader used the call to action: `caseId`, and `href` (link) or `petition` (the petition form is about to open). Cancelable.
 *
 * @slot summary - The summary (overrides the payload's); one or two sentences.
 * @slot story - The story, behind a "Read more" disclosure (paragraphs).
 * @slot quote - A quote from the person or a relative.
 * @slot quote-author - Who said the quote.
 *
 * @csspart card - The card's box (also the box of the loading and error states).
 * @csspart photo - The photo and its credit (a `figure`).
 * @csspart name - The name (a heading, level from `heading-level`).
 * @csspart status - The status badge ("Detained since 2018").
 * @csspart action - The call to action (link or button).
 *
 * @cssprop --agir-card-background - Background of the card (default `--agir-color-surface`).
 * @cssprop --agir-card-border - Border of the card (default `1px solid #d0d0d0`).
 * @cssprop --agir-card-radius - Corner radius of the card (default `--agir-radius`).
 * @cssprop --agir-card-shadow - Shadow of the card (default none).
 * @cssprop --agir-card-padding - Padding of the text (default 1rem).
 * @cssprop --agir-card-name-size - Font size of the name (default by layout: 1.25rem, 1.05rem compact, 1.5rem feature).
 * @cssprop --agir-card-status-background - Background of the status badge (default `--agir-color-accent`).
 * @cssprop --agir-card-status-color - Text of the status badge (default `--agir-color-on-accent`).
 * @cssprop --agir-card-action-background - Background of the call to action (default `--agir-color-accent`).
 * @cssprop --agir-card-action-color - Text of the call to action (default `--agir-color-on-accent`).
 * @cssprop --agir-card-placeholder - Colour of the photo's place and of the loading skeleton (default #e8e8e8).
 * @cssprop --agir-card-thumbnail-size - Width of the photo in the compact layout (default 4.5rem).
 * @cssprop --agir-card-width - Width the card asks for where the page lets content decide (a flex row, an inline-block; default 22rem). Where the page gives it a width, it fills it.
 *
 * @cssstate loading - Waiting for the case (a skeleton holds its place; `aria-busy`).
 * @cssstate ready - The case is shown.
 * @cssstate error - The case could not be loaded or is invalid; a localised message shows.
 * @cssstate expanded - The story is open.
 */
export class CaseCard extends LitElement {
  static override styles = styles;

  /**
   * Loads the petition form the call to action opens (a separate module, never in this element's
   * bundle). Replaceable, e.g. to load it from elsewhere; it must define `<petition-form>`.
   */
  static loadPetitionForm = (): Promise<unknown> => import('../petition-form/define.js');

  /** Registers the element under `tag` (default `case-card`), unless that tag is taken. */
  static define(tag = 'case-card', registry: CustomElementRegistry = customElements): void {
    defineAs(tag, this, registry);
  }

  private readonly locale = new LocaleController<CaseCardMessages>(this, catalog);
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();
  private readonly reported = new Set<string>();
  /** What the current data comes from (request key or `.data` object); a change reloads. */
  private source: unknown;
  private controller: AbortController | undefined;
  private current: CaseView | undefined;
  private noteTimer: ReturnType<typeof setTimeout> | undefined;
  private scrolled = false;

  /** The case from the endpoint or `.data`, validated. */
  @state() private base: CaseView | undefined;
  @state() private phase: Phase = 'idle';
  @state() private problem: Problem = 'loadError';
  @state() private retryable = false;
  @state() private petitionState: 'closed' | 'loading' | 'open' | 'failed' = 'closed';
  /** The polite confirmation after sharing ("Link copied"). */
  @state() private note = '';

  /** The case's id at the endpoint, e.g. `akber`; also names the shared link (`#case-akber`). */
  @property({ attribute: 'case', reflect: true }) caseId: string | undefined;
  /** The API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })`. Without one the card shows its inline content. */
  @property({ reflect: true }) endpoint: string | undefined;
  /** A contract `Case` object to show (what case-card-list passes); validated unless it came from the client. */
  @property({ attribute: false }) data: Case | undefined;
  /** The name (inline content, or overrides the payload's). */
  @property() name: string | undefined;
  /** ISO 3166-1 alpha-2 code of the country, e.g. `CN`; shown as the country's name in the reader's language. */
  @property() country: string | undefined;
  /** The region, e.g. `Xinjiang`. */
  @property() region: string | undefined;
  /** The status kind: detained, imprisoned, disappeared, released, at-risk, sentenced, on-trial, harassed, killed, other. */
  @property({ attribute: 'status' }) statusKind: string | undefined;
  /** When the status began: `2018`, `2018-03` or `2018-03-01`. */
  @property({ attribute: 'status-since' }) statusSince: string | undefined;
  /** The status in words, shown as it is instead of the phrase built from kind and date ("Sentenced to 20 years"). */
  @property({ attribute: 'status-label' }) statusLabel: string | undefined;
  /** The photo's URL: http(s) (relative allowed), `blob:` or a raster `data:image/…`. */
  @property({ attribute: 'photo-src' }) photoSrc: string | undefined;
  /** The photo's text alternative (empty: decorative). */
  @property({ attribute: 'photo-alt' }) photoAlt: string | undefined;
  /** The photo's credit, shown as "© …". */
  @property({ attribute: 'photo-credit' }) photoCredit: string | undefined;
  /** The photo's width in pixels (with `photo-height`, reserves its space). */
  @property({ attribute: 'photo-width', type: Number }) photoWidth: number | undefined;
  /** The photo's height in pixels. */
  @property({ attribute: 'photo-height', type: Number }) photoHeight: number | undefined;
  /** The call to action's link: an http(s) URL (relative allowed). Also the fallback when the petition form cannot load. */
  @property({ attribute: 'action-href' }) actionHref: string | undefined;
  /** The call to action's words (default "Take action" in the reader's language). */
  @property({ attribute: 'action-label' }) actionLabel: string | undefined;
  /** A petition id: the call to action opens that petition's form in the card. */
  @property() petition: string | undefined;
  /** The URL shared by the Share button (default: this page with `#case-<id>`). */
  @property({ attribute: 'share-url' }) shareUrl: string | undefined;
  /** Hides the Share button. */
  @property({ attribute: 'no-share', type: Boolean }) noShare = false;
  /** `card`, `compact` or `feature`; default: chosen by the width the card has (container queries). */
  @property() layout: string | undefined;
  /** Level of the name's heading, 2 to 6 (default 3), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: number | undefined;
  /** The story is open. */
  @property({ type: Boolean, reflect: true }) expanded = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.phase === 'pending') {
      this.controller?.abort();
      this.source = undefined;
    }
    clearTimeout(this.noteTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout') && this.layout != null && !layouts.includes(this.layout)) {
      this.report(`layout=${quote(this.layout)} is not one of card, compact, feature; the layout follows the card's width instead.`);
    }
    if (changed.has('headingLevel') && this.headingLevel != null && this.level() !== this.headingLevel) {
      this.report(`heading-level=${quote(this.getAttribute('heading-level') ?? this.headingLevel)} must be 2, 3, 4, 5 or 6; using 3.`);
    }
    this.resolveSource();
    this.current = this.phase === 'complete' ? this.view() : undefined;
    if (changed.has('caseId') || changed.has('data') || changed.has('endpoint')) this.petitionState = 'closed';
  }

  protected override updated(): void {
    const photo = this.current?.photo;
    if (photo) this.renderRoot.querySelector<HTMLElement>('.frame')?.style.setProperty('--_agir-ratio', `${photo.width} / ${photo.height}`);
    const ready = this.locale.ready && this.phase !== 'pending' && this.phase !== 'idle';
    const failed = ready && (this.phase === 'error' || !this.current);
    this.setState('loading', !ready);
    this.setState('error', failed);
    this.setState('ready', ready && !failed);
    this.setState('expanded', ready && !failed && this.expanded);
    const id = this.current?.id;
    if (ready && id && !this.scrolled && location.hash === `#case-${encodeURIComponent(id)}`) {
      this.scrolled = true;
      this.scrollIntoView();
    }
  }

  private onSlotChange(): void {
    this.requestUpdate();
  }

  private toggleStory(): void {
    this.expanded = !this.expanded;
  }

  private onLink(event: MouseEvent): void {
    if (!this.dispatchEvent(new ActionEvent(this.current?.id ?? '', { href: this.current?.action?.url }))) event.preventDefault();
  }

  private async onPetition(): Promise<void> {
    const view = this.current;
    const petition = view?.action?.petition;
    if (!view || !petition) return;
    if (this.petitionState === 'open' || this.petitionState === 'failed') {
      this.petitionState = 'closed';
      return;
    }
    if (this.petitionState === 'loading' || !this.dispatchEvent(new ActionEvent(view.id ?? '', { petition }))) return;
    this.petitionState = 'loading';
    try {
      await CaseCard.loadPetitionForm();
      if (!customElements.get('petition-form')) throw new Error('the module did not define <petition-form>');
      this.petitionState = 'open';
    } catch (error) {
      const fallback = view.action?.url
        ? 'linking to the action URL instead'
        : 'set action-href to a page where the petition can be signed, as a fallback';
      authorError(this, `could not load the petition form for petition=${quote(petition)} (${String(error)}); ${fallback}.`);
      this.petitionState = 'failed';
    }
  }

  private async onShare(): Promise<void> {
    const view = this.current;
    if (!view) return;
    const url = this.shareTarget(view);
    const share = (navigator as Navigator & { share?: (data: ShareData) => Promise<void> }).share;
    if (typeof share === 'function') {
      try {
        await share.call(navigator, { title: view.name, text: this.locale.t('shareText', { name: view.name }), url });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to say. Anything else: copy the link instead.
        if ((error as DOMException)?.name === 'AbortError') return;
      }
    }
    let note: string;
    try {
      await navigator.clipboard.writeText(url);
      note = this.locale.t('copied');
    } catch {
      note = this.locale.t('copyFailed', { url });
    }
    this.note = '';
    await this.updateComplete;
    this.note = note;
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => (this.note = ''), 8000);
  }

  private retry(): void {
    this.source = undefined;
    this.requestUpdate();
  }

  /** Picks the data source (`.data`, the endpoint, or inline) and starts loading when it changed. */
  private resolveSource(): void {
    if (this.data !== undefined) {
      if (this.data !== this.source) {
        this.source = this.data;
        this.controller?.abort();
        void this.accept(this.data);
      }
      return;
    }
    const endpoint = this.caseId ? resolveEndpoint(this.endpoint, document) : undefined;
    const locale = languageOf(this);
    const key = endpoint ? `${endpoint}\n${this.caseId}\n${locale}` : undefined;
    if (key === this.source && this.phase !== 'idle') return;
    this.source = key;
    this.controller?.abort();
    this.base = undefined;
    if (endpoint && this.caseId) void this.fetchCase(endpoint, this.caseId, locale);
    else this.phase = 'complete';
  }

  private async fetchCase(endpoint: string, id: string, locale: string): Promise<void> {
    const controller = (this.controller = new AbortController());
    this.phase = 'pending';
    try {
      const { createClient } = await import('./load.js');
      const data = await createClient({ endpoint }).getCase(id, { locale, signal: controller.signal });
      if (controller.signal.aborted) return;
      this.base = data;
      this.phase = 'complete';
    } catch (error) {
      if (controller.signal.aborted) return;
      const { kind, status, message } = error as { kind?: string; status?: number; message?: string };
      this.problem = status === 404 ? 'notFound' : kind === 'schema' ? 'invalid' : 'loadError';
      this.retryable = this.problem === 'loadError' && kind !== 'config';
      authorError(this, `could not show case=${quote(id)}: ${message ?? String(error)}`);
      this.phase = 'error';
    }
  }

  /** Takes a `.data` object: as it is when the client already validated it, else through `caseSchema`. */
  private async accept(data: unknown): Promise<void> {
    if (typeof data === 'object' && data !== null && validated.has(data)) {
      this.base = data as Case;
      this.phase = 'complete';
      return;
    }
    this.phase = 'pending';
    const { caseSchema } = await import('./load.js');
    if (this.source !== data) return;
    const result = caseSchema.safeParse(data);
    if (result.success) {
      this.base = result.data;
      this.phase = 'complete';
      return;
    }
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    authorError(this, `.data is not a case of the Agir contract (${issues}); see docs/contract.md.`);
    this.problem = 'invalid';
    this.retryable = false;
    this.phase = 'error';
  }

  /** The case to show: the loaded one with the attributes over it, or the attributes alone (inline). */
  private view(): CaseView | undefined {
    const base = this.base;
    const page = document.baseURI;
    const name = this.text(this.name, 'name') ?? base?.name;
    if (!name) {
      this.report(
        this.caseId
          ? `case=${quote(this.caseId)} needs an endpoint: add endpoint="https://…/api/v1", a <meta name="agir:endpoint" content="…"> or configure({ endpoint }), or write the case inline with a name attribute.`
          : 'has no content: give it case="…" and an endpoint, or write the case inline starting with a name="…" attribute.',
      );
      return undefined;
    }
    let country = base?.country;
    if (this.country) {
      const code = this.country.trim().toUpperCase();
      if (/^[A-Z]{2}$/.test(code)) country = code;
      else this.report(`country=${quote(this.country)} is not an ISO 3166-1 alpha-2 code such as "CN"; it is not shown.`);
    }
    let kind = base?.status?.kind;
    if (this.statusKind) {
      if (statusKinds.includes(this.statusKind)) kind = this.statusKind;
      else this.report(`status=${quote(this.statusKind)} is not one of ${statusKinds.join(', ')}; use status-label for other words.`);
    }
    let since = base?.status?.since;
    if (this.statusSince) {
      if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(this.statusSince)) since = this.statusSince;
      else
        this.report(
          `status-since=${quote(this.statusSince)} must be a year, year-month or date such as 2018, 2018-03 or 2018-03-01; it is not shown.`,
        );
    }
    let photo = base?.photo;
    if (this.photoSrc) {
      const src = imageUrl(this.photoSrc, page);
      if (!src) {
        this.report(`photo-src=${quote(this.photoSrc)} is not an http(s), blob: or raster data:image URL; the photo is not shown.`);
        photo = undefined;
      } else {
        let width = this.photoWidth ?? 0;
        let height = this.photoHeight ?? 0;
        if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width <= 10000 && height <= 10000)) {
          this.report(
            'photo-width and photo-height must be the image size in pixels (they reserve its space so the page does not shift); using a 3:2 frame.',
          );
          width = 1200;
          height = 800;
        }
        photo = { src, alt: '', width, height };
      }
    }
    if (photo) photo = { ...photo, alt: this.photoAlt ?? photo.alt, credit: this.photoCredit ?? photo.credit };
    let url = base?.action?.url;
    if (this.actionHref) {
      url = webUrl(this.actionHref, page);
      if (!url) this.report(`action-href=${quote(this.actionHref)} is not an http(s) URL; the call to action is not shown.`);
    }
    let petition = base?.action?.petition;
    if (this.petition) {
      if (idPattern.test(this.petition)) petition = this.petition;
      else this.report(`petition=${quote(this.petition)} is not a petition id (letters, digits, "-" or "_"); it is ignored.`);
    }
    return {
      ...base,
      id: base?.id ?? this.caseId,
      name,
      country,
      region: this.text(this.region) ?? base?.region,
      status: { kind, since, label: this.text(this.statusLabel) ?? base?.status?.label },
      photo,
      action: url || petition ? { url, petition, label: this.text(this.actionLabel) ?? base?.action?.label } : undefined,
    };
  }

  /** An attribute's trimmed text, or undefined when absent or blank (reported for required ones). */
  private text(value: string | undefined, required?: string): string | undefined {
    const trimmed = value?.trim();
    if (value != null && !trimmed && required) this.report(`${required}="" is empty.`);
    return trimmed || undefined;
  }

  private shareTarget(view: CaseView): string {
    const own = webUrl(this.shareUrl, document.baseURI);
    if (this.shareUrl && !own) this.report(`share-url=${quote(this.shareUrl)} is not an http(s) URL; sharing this page instead.`);
    if (own) return own;
    const page = location.href.split('#')[0]!;
    return view.id ? `${page}#case-${encodeURIComponent(view.id)}` : page;
  }

  /** One console error per distinct problem, for the page author. */
  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    authorError(this, message);
  }

  private setState(name: string, on: boolean): void {
    try {
      if (on) this.internals?.states.add(name);
      else this.internals?.states.delete(name);
    } catch {
      // Older engines accept only --dashed state names; the states are a styling extra.
    }
  }

  private has(slot: string): boolean {
    return this.querySelector(`:scope > [slot="${slot}"]`) !== null;
  }

  private statusText(view: CaseView, locale: string): string {
    const status = view.status;
    if (status?.label) return status.label;
    if (!status?.kind) return '';
    const since = status.since;
    return this.locale.t('status', {
      kind: status.kind,
      date: since ? formatDate(locale, since) : undefined,
      precision: since ? precisions[since.split('-').length - 1] : undefined,
      group: view.isGroup ? 1 : undefined,
    });
  }

  /** The level of the name's heading (2 to 6, default 3). */
  private level(): number {
    const level = this.headingLevel ?? 3;
    return Number.isInteger(level) && level >= 2 && level <= 6 ? level : 3;
  }

  private heading(name: string, lang: string | undefined): TemplateResult {
    const l = lang ?? nothing;
    switch (this.level()) {
      case 2:
        return html`<h2 id="name" part="name" class="name" dir="auto" lang=${l}>${name}</h2>`;
      case 4:
        return html`<h4 id="name" part="name" class="name" dir="auto" lang=${l}>${name}</h4>`;
      case 5:
        return html`<h5 id="name" part="name" class="name" dir="auto" lang=${l}>${name}</h5>`;
      case 6:
        return html`<h6 id="name" part="name" class="name" dir="auto" lang=${l}>${name}</h6>`;
      default:
        return html`<h3 id="name" part="name" class="name" dir="auto" lang=${l}>${name}</h3>`;
    }
  }

  private action(view: CaseView): TemplateResult | typeof nothing {
    const action = view.action;
    const label = action?.label || this.locale.t('act');
    if (action?.petition) {
      const open = this.petitionState === 'open' || this.petitionState === 'failed';
      return html`<button
        part="action"
        class="cta"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="petition"
        aria-describedby="name"
        @click=${this.onPetition}
      >
        ${label}
      </button>`;
    }
    if (action?.url)
      return html`<a part="action" class="cta" href=${action.url} aria-describedby="name" @click=${this.onLink}>${label}</a>`;
    return nothing;
  }

  private petitionPanel(view: CaseView, locale: string): TemplateResult {
    const action = view.action;
    const panel =
      this.petitionState === 'open'
        ? html`<petition-form
            petition=${action?.petition ?? nothing}
            endpoint=${this.endpoint ?? nothing}
            lang=${locale}
            heading-level=${Math.min(6, this.level() + 1)}
          ></petition-form>`
        : this.petitionState === 'failed'
          ? html`<p class="problem">${this.locale.t('petitionError')}</p>
              ${action?.url ? html`<a class="fallback" href=${action.url} @click=${this.onLink}>${this.locale.t('petitionLink')}</a>` : nothing}`
          : nothing;
    return html`<div id="petition" class="petition" ?hidden=${panel === nothing}>${panel}</div>`;
  }

  private skeleton(layout: Layout): TemplateResult {
    return html`<article part="card" class="card l-${layout} skeleton" aria-busy="true">
      <div class="photo"><div class="frame"></div></div>
      <div class="body">
        <span class="visually-hidden">${this.locale.t('loading')}</span>
        <span class="line title"></span><span class="line"></span><span class="line"></span><span class="line short"></span>
      </div>
    </article>`;
  }

  private card(view: CaseView, layout: Layout, locale: string): TemplateResult {
    const t = this.locale.t;
    const photo = view.photo;
    const credit = photo?.credit?.replace(/^\s*©\s*/, '');
    const country = view.country ? countryName(locale, view.country) : '';
    const place = view.region && country ? t('place', { region: view.region, country }) : view.region || country;
    const status = this.statusText(view, locale);
    const lang = view.locale && view.locale !== locale ? view.locale : undefined;
    const story = !!view.story?.length || this.has('story');
    const quoted = !!view.quote || this.has('quote');
    const author = !!view.quote?.author || this.has('quote-author');
    return html`<article
      part="card"
      class="card l-${layout} ${photo ? '' : 'no-photo'} ${this.locale.ready ? '' : 'l10n'}"
      aria-labelledby="name"
      @slotchange=${this.onSlotChange}
    >
      ${
        photo
          ? html`<figure part="photo" class="photo">
              <div class="frame">
                <img src=${photo.src} alt=${photo.alt} width=${photo.width} height=${photo.height} loading="lazy" decoding="async" />
              </div>
              ${credit ? html`<figcaption class="credit" dir="auto">© ${credit}</figcaption>` : nothing}
            </figure>`
          : nothing
      }
      <div class="body">
        ${this.heading(view.name, lang)}
        ${view.fullName && view.fullName !== view.name ? html`<p class="full-name" dir="auto" lang=${lang ?? nothing}>${view.fullName}</p>` : nothing}
        ${place ? html`<p class="place">${place}</p>` : nothing} ${status ? html`<p part="status" class="status">${status}</p>` : nothing}
        <div class="summary" dir="auto" lang=${lang ?? nothing}>
          <slot name="summary">${view.summary ? html`<p>${view.summary}</p>` : nothing}</slot>
        </div>
        ${story ? html`<button class="more" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="story" @click=${this.toggleStory}>${t(this.expanded ? 'readLess' : 'readMore')}</button>` : nothing}
        <div id="story" class="story" dir="auto" lang=${lang ?? nothing} ?hidden=${!story || !this.expanded}>
          <slot name="story">${view.story?.map((paragraph) => html`<p>${paragraph}</p>`)}</slot>
        </div>
        <figure class="quote" dir="auto" lang=${lang ?? nothing} ?hidden=${!quoted}>
          <blockquote dir="auto"><slot name="quote">${view.quote ? html`<p>${view.quote.text}</p>` : nothing}</slot></blockquote>
          <figcaption dir="auto" ?hidden=${!author}><slot name="quote-author">${view.quote?.author}</slot></figcaption>
        </figure>
        <div class="actions">
          ${this.action(view)}
          ${this.noShare ? nothing : html`<button class="share" aria-describedby="name" @click=${this.onShare}>${t('share')}</button>`}
        </div>
        <p class="note" role="status">${this.note}</p>
        ${this.petitionPanel(view, locale)}
      </div>
    </article>`;
  }

  override render(): TemplateResult {
    const locale = this.locale.ready ? this.locale.locale : languageOf(this);
    const layout = (layouts.includes(this.layout ?? '') ? this.layout : 'auto') as Layout;
    const view = this.current;
    let content: TemplateResult;
    if (this.phase === 'complete' && view) content = this.card(view, layout, locale);
    else if (!this.locale.ready || this.phase === 'pending' || this.phase === 'idle') content = this.skeleton(layout);
    else {
      content = html`<div part="card" class="card problem">
        <p>${this.locale.t(this.phase === 'error' ? this.problem : 'invalid')}</p>
        ${this.phase === 'error' && this.retryable ? html`<button class="retry" @click=${this.retry}>${this.locale.t('retry')}</button>` : nothing}
      </div>`;
    }
    return html`<div class="wrap" dir=${directionOf(locale)} lang=${locale}>${content}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-card': CaseCard;
  }
}
