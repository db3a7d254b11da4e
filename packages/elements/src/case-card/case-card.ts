import {
  caseStatusKinds,
  clientKey,
  clientProperty,
  countryName,
  directionOf,
  formatDate,
  ID_PATTERN,
  languageOf,
  loadCountryNames,
  resolveClient,
  resolveEndpoint,
  type AgirClient,
  type Case,
} from '@agir/core';
import { authorError, defineElement, timeLimit } from '../shared/element-tools.js';
import { LocaleController } from '../shared/locale-controller.js';
import { styles } from './case-card.styles.js';
import { imageUrl, quote, validated, webUrl, type CaseView } from './case-view.js';
import { catalog } from './catalog.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
import { h, setAttr, setText, type Child } from '../shared/dom.js';
import { ActionEvent } from './events.js';
import type { Outcome } from './load.js';
import type { CaseCardMessages } from './messages/en.js';

type Phase = 'idle' | 'pending' | 'complete' | 'error';

/**
 * The `lang` and `dir` that mark a record's words in another language than the element's (by primary language:
 * `en-GB` reads `en`), or undefined (the same language, or no record: the page's own words).
 */
const foreign = (record: string | undefined, element: string) =>
  record && record.split('-')[0]!.toLowerCase() != element.split('-')[0]!.toLowerCase()
    ? { lang: record, dir: directionOf(record) }
    : undefined;

/** `element`, answering clicks with `listener` (an event handler property: set once, never stacked). */
const onClick = <E extends HTMLElement>(element: E, listener: (event: MouseEvent) => void): E => ((element.onclick = listener), element);
type Problem = 'loadError' | 'notFound' | 'invalid';

/** When the network half itself cannot load (offline, a CDN file missing): trying again may help. */
const unavailable = (error: unknown): Outcome => ({ problem: 'loadError', retryable: true, message: String(error) });
type Layout = 'auto' | 'card' | 'compact' | 'feature';

const layouts = ['card', 'compact', 'feature'];
const precisions = ['year', 'month', 'day'];
/** The slots a page may fill: which are filled, and with what, shapes the card. */
const slots = ['photo', 'name', 'place', 'status', 'action', 'summary', 'story', 'quote', 'quote-author'];

/**
 * A person or group at risk: photo, name, country, status, summary, story, a quote and the call to act.
 * It fetches the case from an endpoint (`case` + `endpoint`), takes it from a list (`.data`), or shows
 * what the page author wrote inline (attributes and slotted light-DOM content, readable before the element
 * upgrades, without JavaScript and by search engines). Its layout follows the space it is given (container queries).
 *
 * Slotted content wins over attributes and payload for what is shown, as the page wrote it; attributes still
 * carry what the light DOM cannot say (`status` kind, `petition`, `heading-level` for a name that is not a
 * heading, `no-share`). Slotted content that cannot be shown where it is put (blank text, a photo that is not
 * an `<img>`, an action that is not an http(s) link) is left out with one console error, and the attributes'
 * content shows in its place.
 *
 * A plain custom element (no Lit runtime, see `HostElement`): every string reaches the page as a text node
 * or an attribute value set with `setAttribute`, never as HTML.
 *
 * @tagname case-card
 * @summary Card of a case (a person or group at risk) with its call to action.
 *
 * @fires {ActionEvent} agir-action - The reader used the call to action: `caseId`, and `href` (link) or `petition` (the petition form is about to open). Cancelable.
 *
 * @slot photo - The photo, an `<img>` with `alt`, `width` and `height` (instead of `photo-src`).
 * @slot name - The name, a heading of the page's outline (`<h3>`): its level is the card's (instead of `name`).
 * @slot place - Where, as text ("Xinjiang, Chine"; instead of `country` and `region`).
 * @slot status - The status in words, shown in the badge (instead of the phrase from `status` and `status-since`).
 * @slot action - The call to act, an `<a href>` link to an http(s) page; fires `agir-action`. With `petition`, the card's button shows instead and the link is its fallback.
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
 * @cssprop --agir-card-padding - Padding of the text (default 1em).
 * @cssprop --agir-card-name-size - Font size of the name (default by layout: 1.25em, 1.05em compact, 1.5em feature).
 * @cssprop --agir-card-status-background - Background of the status badge (default `--agir-color-accent`).
 * @cssprop --agir-card-status-color - Text of the status badge (default `--agir-color-on-accent`).
 * @cssprop --agir-card-action-background - Background of the call to action (default `--agir-color-accent`).
 * @cssprop --agir-card-action-color - Text of the call to action (default `--agir-color-on-accent`).
 * @cssprop --agir-card-placeholder - Colour of the photo's place and of the loading skeleton (default #e8e8e8).
 * @cssprop --agir-card-thumbnail-size - Width of the photo in the compact layout (default 4.5em).
 * @cssprop --agir-card-width - Width the card asks for where the page lets content decide (a flex row, an inline-block; default 22em). Where the page gives it a width, it fills it.
 *
 * @cssstate loading - Waiting for the case (a skeleton holds its place; `aria-busy`).
 * @cssstate ready - The case is shown.
 * @cssstate error - The case could not be loaded or is invalid; a localised message shows.
 * @cssstate expanded - The story is open.
 */
export class CaseCard extends HostElement {
  static override styles = styles;
  /** @internal */
  static override propertyNames = ['data'];

  /**
   * Loads the petition form the call to action opens (a separate module, never in this element's
   * bundle). Replaceable, e.g. to load it from elsewhere; it must define `<petition-form>`.
   */
  static loadPetitionForm = (): Promise<unknown> => import('../petition-form/define.js');

  /** Registers the element under `tag` (default `case-card`), unless that tag is taken. */
  static define(tag = 'case-card', registry?: CustomElementRegistry): void {
    defineElement(tag, this, registry);
  }

  static {
    attributeProperties(this, {
      caseId: 'case',
      endpoint: 'endpoint',
      name: 'name',
      country: 'country',
      region: 'region',
      statusKind: 'status',
      statusSince: 'status-since',
      statusLabel: 'status-label',
      photoSrc: 'photo-src',
      photoAlt: 'photo-alt',
      photoCredit: 'photo-credit',
      photoWidth: ['photo-width', Number],
      photoHeight: ['photo-height', Number],
      actionHref: 'action-href',
      actionLabel: 'action-label',
      petition: 'petition',
      shareUrl: 'share-url',
      noShare: ['no-share', Boolean],
      layout: 'layout',
      headingLevel: ['heading-level', Number],
      expanded: ['expanded', Boolean],
    });
    clientProperty(this);
  }

  /**
   * The case's id at the endpoint, e.g. `akber`; also names the shared link (`#case-akber`).
   * @attr case
   */
  declare caseId: string | undefined;
  /**
   * The API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })`. Without one the card shows its inline content.
   * @attr endpoint
   */
  declare endpoint: string | undefined;
  /**
   * The backend instead of an endpoint (docs/backends.md): any object with `getCase(id, { locale, signal })`,
   * e.g. `createStaticClient({ url })`; else `configure({ client })`'s. What it gives is checked as the contract's cases are.
   */
  declare client: AgirClient | undefined;
  /**
   * The name (inline content, or overrides the payload's).
   * @attr name
   */
  declare name: string | undefined;
  /**
   * ISO 3166-1 alpha-2 code of the country, e.g. `CN`; shown as the country's name in the reader's language.
   * @attr country
   */
  declare country: string | undefined;
  /**
   * The region, e.g. `Xinjiang`.
   * @attr region
   */
  declare region: string | undefined;
  /**
   * The status kind: detained, imprisoned, disappeared, released, at-risk, sentenced, on-trial, harassed, killed, other.
   * @attr status
   */
  declare statusKind: string | undefined;
  /**
   * When the status began: `2018`, `2018-03` or `2018-03-01`.
   * @attr status-since
   */
  declare statusSince: string | undefined;
  /**
   * The status in words, shown as it is instead of the phrase built from kind and date ("Sentenced to 20 years").
   * @attr status-label
   */
  declare statusLabel: string | undefined;
  /**
   * The photo's URL: http(s) (relative allowed), `blob:` or a raster `data:image/…`.
   * @attr photo-src
   */
  declare photoSrc: string | undefined;
  /**
   * The photo's text alternative (empty: decorative).
   * @attr photo-alt
   */
  declare photoAlt: string | undefined;
  /**
   * The photo's credit, shown as "© …".
   * @attr photo-credit
   */
  declare photoCredit: string | undefined;
  /**
   * The photo's width in pixels (with `photo-height`, reserves its space).
   * @attr photo-width
   */
  declare photoWidth: number | undefined;
  /**
   * The photo's height in pixels.
   * @attr photo-height
   */
  declare photoHeight: number | undefined;
  /**
   * The call to action's link: an http(s) URL (relative allowed). Also the fallback when the petition form cannot load.
   * @attr action-href
   */
  declare actionHref: string | undefined;
  /**
   * The call to action's words (default "Take action" in the reader's language).
   * @attr action-label
   */
  declare actionLabel: string | undefined;
  /**
   * A petition id: the call to action opens that petition's form in the card.
   * @attr petition
   */
  declare petition: string | undefined;
  /**
   * The URL shared by the Share button (default: the page's canonical URL, else its own without its query
   * string but for `utm_*`/`mtm_*` parameters, with `#case-<id>`).
   * @attr share-url
   */
  declare shareUrl: string | undefined;
  /**
   * Hides the Share button.
   * @attr no-share
   * @default false
   */
  declare noShare: boolean;
  /**
   * `card`, `compact` or `feature`; default: chosen by the width the card has (container queries).
   * @attr layout
   */
  declare layout: string | undefined;
  /**
   * Level of the name's heading, 2 to 6 (default 3), to fit the page's outline.
   * @attr heading-level
   */
  declare headingLevel: number | undefined;
  /**
   * The story is open.
   * @attr expanded
   * @default false
   */
  declare expanded: boolean;

  private readonly locale = new LocaleController<CaseCardMessages>(this, catalog, loadCountryNames);
  private readonly reported = new Set<string>();
  private value: Case | undefined;
  /** What the current data comes from (request key or `.data` object); a change reloads. */
  private source: unknown;
  /** The case, data and endpoint the petition panel belongs to; a change closes it. */
  private owner: unknown[] = [];
  private controller: AbortController | undefined;
  private current: CaseView | undefined;
  private noteTimer: ReturnType<typeof setTimeout> | undefined;
  private scrolled = false;
  /** The case from the endpoint or `.data`, validated. */
  private base: CaseView | undefined;
  private phase: Phase = 'idle';
  private problem: Problem = 'loadError';
  private retryable = false;
  private petitionState: 'closed' | 'loading' | 'open' | 'failed' = 'closed';
  /** The polite confirmation after sharing ("Link copied"). */
  private note = '';
  /** What the shadow tree was built from (the state, the record, the language, the page's slotted content); a change rebuilds it. */
  private drawn = '';
  /** The parts of the built tree that change without a new record, kept by reference (undefined when the card has none). */
  private more: HTMLButtonElement | undefined;
  private story: HTMLElement | undefined;
  private opener: HTMLButtonElement | undefined;
  /** Kept across rebuilds: the live region of the note, and the petition's panel with the form a reader may be filling in. */
  private readonly noteText = h('p', { class: 'note', role: 'status' });
  private readonly panel = h('div', { id: 'petition', class: 'petition' });
  private form: HTMLElement | undefined;
  /** The level of the form's heading, below the card's name. */
  private formLevel = 4;
  private drawnPetition = '';

  constructor() {
    super();
    // Slotted content decides what shows (and whether it can be shown at all, e.g. a blank name).
    new MutationObserver(() => this.requestUpdate()).observe(this, { childList: true, subtree: true, characterData: true });
  }

  /** A contract `Case` object to show (what case-card-list passes); validated unless it came from the client. */
  get data(): Case | undefined {
    return this.value;
  }

  set data(value: Case | undefined) {
    this.value = value;
    this.requestUpdate();
  }

  /** @internal */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.phase === 'pending') {
      this.controller?.abort();
      this.source = undefined;
    }
    clearTimeout(this.noteTimer);
  }

  protected update(): void {
    if (this.layout != null && !layouts.includes(this.layout)) {
      this.report(`layout=${quote(this.layout)} is not one of card, compact, feature; the layout follows the card's width instead.`);
    }
    if (this.headingLevel != null && this.level() !== this.headingLevel) {
      this.report(`heading-level=${quote(this.getAttribute('heading-level'))} must be 2, 3, 4, 5 or 6; using 3.`);
    }
    this.resolveSource();
    this.current = this.phase === 'complete' ? this.view() : undefined;
    const owner = [this.caseId, this.data, this.endpoint];
    if (owner.some((value, index) => value !== this.owner[index])) this.petitionState = 'closed';
    this.owner = owner;

    const locale = this.locale.ready ? this.locale.locale : languageOf(this);
    const layout = (layouts.includes(this.layout ?? '') ? this.layout : 'auto') as Layout;
    const view = this.current;
    // Everything the tree is built from but the parts `refresh` sets: the tree is rebuilt when a record, the
    // language or the page's slotted content changes, rarely; the story, the petition and the note keep their nodes.
    const drawn = JSON.stringify([
      this.phase,
      this.locale.ready,
      locale,
      layout,
      view,
      this.problem,
      this.retryable,
      this.photoSrc,
      this.photoWidth,
      this.photoHeight,
      this.photoAlt,
      this.photoCredit,
      this.statusLabel,
      this.actionLabel,
      this.headingLevel,
      this.noShare,
      view && slots.map((name) => this.slotted(name)?.localName),
    ]);
    const rebuilt = drawn !== this.drawn;
    if (rebuilt) {
      this.drawn = drawn;
      this.renderRoot.replaceChildren(this.render(view, layout, locale));
      // The frame's ratio: the case's photo's, or while loading the one `photo-width`/`photo-height` give.
      const photo = view?.photo ?? (this.photoWidth && this.photoHeight ? { width: this.photoWidth, height: this.photoHeight } : undefined);
      if (photo)
        this.renderRoot.querySelector<HTMLElement>('.frame')?.style.setProperty('--_agir-ratio', `${photo.width} / ${photo.height}`);
    }
    if (this.phase === 'complete' && view) this.refresh(view, locale, rebuilt);
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

  private readonly toggleStory = (): void => {
    this.expanded = !this.expanded;
  };

  private readonly onLink = (event: MouseEvent): void => {
    if (!this.dispatchEvent(new ActionEvent(this.current?.id ?? '', { href: this.current?.action?.url }))) event.preventDefault();
  };

  private readonly onPetition = async (): Promise<void> => {
    const view = this.current;
    const petition = view?.action?.petition;
    if (!view || !petition) return;
    if (this.petitionState === 'open' || this.petitionState === 'failed') return this.showPetition('closed');
    if (this.petitionState === 'loading' || !this.dispatchEvent(new ActionEvent(view.id ?? '', { petition }))) return;
    this.showPetition('loading');
    try {
      await CaseCard.loadPetitionForm();
      if (!customElements.get('petition-form')) throw new Error('the module did not define <petition-form>');
      this.showPetition('open');
    } catch (error) {
      const fallback = view.action?.url
        ? 'linking to the action URL instead'
        : 'set action-href to a page where the petition can be signed, as a fallback';
      authorError(this, `could not load the petition form for petition=${quote(petition)} (${String(error)}); ${fallback}.`);
      this.showPetition('failed');
    }
  };

  private readonly onShare = async (): Promise<void> => {
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
    // Emptied first, so that the same words are announced again.
    this.showNote('');
    await this.updateComplete;
    this.showNote(note);
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => this.showNote(''), 8000);
  };

  private readonly retry = (): void => {
    this.source = undefined;
    this.requestUpdate();
  };

  private showPetition(state: CaseCard['petitionState']): void {
    this.petitionState = state;
    this.requestUpdate();
  }

  private showNote(note: string): void {
    this.note = note;
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
    const endpoint = this.caseId ? (resolveClient(this.client) ?? resolveEndpoint(this.endpoint, document)) : undefined;
    const locale = languageOf(this);
    const key = endpoint ? `${typeof endpoint == 'object' ? clientKey(endpoint) : endpoint}\n${this.caseId}\n${locale}` : undefined;
    if (key === this.source && this.phase !== 'idle') return;
    this.source = key;
    this.controller?.abort();
    this.base = undefined;
    if (endpoint && this.caseId) void this.fetchCase(endpoint, this.caseId, locale);
    else this.phase = 'complete';
  }

  private async fetchCase(endpoint: string | AgirClient, id: string, locale: string): Promise<void> {
    const controller = (this.controller = new AbortController());
    this.phase = 'pending';
    const outcome = await timeLimit(import('./load.js'), 'its loading code').then(
      (load) => load.fetchCase(endpoint, id, locale, controller.signal),
      unavailable,
    );
    if (!controller.signal.aborted) this.show(outcome);
  }

  /** Takes a `.data` object: as it is when the client already validated it, else through `caseSchema`. */
  private async accept(data: unknown): Promise<void> {
    if (typeof data === 'object' && data !== null && validated.has(data)) {
      this.base = data as Case;
      this.phase = 'complete';
      return;
    }
    this.phase = 'pending';
    const outcome = await timeLimit(import('./load.js'), 'its loading code').then((load) => load.checkCase(data), unavailable);
    if (this.source === data) this.show(outcome);
  }

  private show(outcome: Outcome): void {
    if ('case' in outcome) {
      this.base = outcome.case;
      this.phase = 'complete';
    } else {
      ({ problem: this.problem, retryable: this.retryable } = outcome);
      authorError(this, outcome.message);
      this.phase = 'error';
    }
    this.requestUpdate();
  }

  /** The case to show: the loaded one with the attributes over it, or the attributes alone (inline). */
  private view(): CaseView | undefined {
    const base = this.base;
    const page = document.baseURI;
    const name = this.slotted('name')?.textContent!.trim() || this.text(this.name, 'name') || base?.name;
    if (!name) {
      this.report(
        `${
          this.caseId
            ? `case=${quote(this.caseId)} needs an endpoint: add endpoint="https://…/api/v1", a <meta name="agir:endpoint" content="…"> or configure({ endpoint }),`
            : 'has no content: give it case="…" and an endpoint,'
        } or write the case inline, starting with a name="…" attribute or a slot="name" heading.`,
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
      if ((caseStatusKinds as readonly string[]).includes(this.statusKind)) kind = this.statusKind;
      else this.report(`status=${quote(this.statusKind)} is not one of ${caseStatusKinds.join(', ')}; use status-label for other words.`);
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
    // A slotted <img> is shown as the page wrote it (its src is the page's); its width and height shape the frame.
    const img = this.slotted('photo');
    if (img || this.photoSrc) {
      const src = img ? '' : imageUrl(this.photoSrc, page);
      if (src == null) {
        this.report(`photo-src=${quote(this.photoSrc)} is not an http(s), blob: or raster data:image URL; the photo is not shown.`);
        photo = undefined;
      } else {
        let [width, height] = ['width', 'height'].map((size) => Number((img ?? this).getAttribute(img ? size : `photo-${size}`))) as [
          number,
          number,
        ];
        if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width <= 10000 && height <= 10000)) {
          this.report(
            'photo-width and photo-height (or the <img>’s width and height) must be the image size in pixels, to reserve its space; using a 3:2 frame.',
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
    // A slotted link (checked by slotted()) is the action's link: its URL goes with agir-action, and is the petition's fallback.
    const link = this.slotted('action');
    if (link) url = (link as HTMLAnchorElement).href;
    let petition = base?.action?.petition;
    if (this.petition) {
      if (ID_PATTERN.test(this.petition)) petition = this.petition;
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
    // The page's canonical URL, else its own with no query but tracking parameters (as a form shares it): a
    // newsletter's link with `?email=…&given_name=…` or a subscriber's id is not passed on with the card.
    // Their names by core's rule (signature.ts), written out here: importing it brings core's signature chunk (1.2 kB).
    const canonical = webUrl(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href, document.baseURI);
    const page = new URL(canonical ?? location.href);
    if (!canonical)
      for (const key of [...page.searchParams.keys()]) if (!/^(utm|mtm)_[a-z_]{1,24}$/.test(key)) page.searchParams.delete(key);
    page.hash = view.id ? `case-${encodeURIComponent(view.id)}` : '';
    return page.href;
  }

  /** One console error per distinct problem, for the page author. */
  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    authorError(this, message);
  }

  /**
   * The element the page put in slot `name`, or null. One that cannot be shown there is reported and left out
   * (null): blank text, a photo that is not an `<img>`, an action that is not an http(s) link.
   */
  private slotted(name: string): Element | null {
    const element = this.querySelector(`:scope > [slot="${name}"]`);
    if (!element) return element;
    const problem =
      name === 'photo'
        ? element.localName !== 'img' && 'an <img>'
        : name === 'action'
          ? !webUrl((element as HTMLAnchorElement).href, document.baseURI) && '<a href="https://…">'
          : !element.textContent!.trim() && 'text';
    if (!problem) return element;
    this.report(`slot="${name}" must be ${problem}; it is left out.`);
    return null;
  }

  /** Slot `name` when the page filled it (with something it can show), else the card's own content. */
  private fill(name: string, own: Child): Child {
    return this.slotted(name) ? h('slot', { name }) : own;
  }

  /**
   * The status in the reader's words: the page's status-label, else the record's label when it is in the
   * element's language, else the catalog's phrase for its kind. A label in another language shows (marked)
   * only when the catalog has no phrase (kind `other` without a date).
   */
  private statusText(view: CaseView, locale: string): Child {
    const { kind, since, label } = view.status ?? {};
    const phrase = kind
      ? this.locale.t('status', {
          kind,
          date: since ? formatDate(locale, since) : undefined,
          precision: since ? precisions[since.split('-').length - 1] : undefined,
          group: view.isGroup ? 1 : undefined,
        })
      : '';
    const other = foreign(view.locale, locale);
    return this.text(this.statusLabel) ?? (label && !(phrase && other) ? (other ? h('span', other, label) : label) : phrase);
  }

  /** The level of the card's own heading (2 to 6, default 3). */
  private level(): number {
    const level = this.headingLevel ?? 3;
    return Number.isInteger(level) && level >= 2 && level <= 6 ? level : 3;
  }

  private action(view: CaseView, locale: string): Child {
    const action = view.action;
    // The record's words for its call to action only in the element's language (the page's action-label always).
    const label = this.text(this.actionLabel) || (!foreign(view.locale, locale) && action?.label) || this.locale.t('act');
    const described = { part: 'action', class: 'cta', 'aria-describedby': 'name' };
    if (action?.petition)
      return (this.opener = onClick(h('button', { ...described, 'aria-controls': 'petition' }, label), this.onPetition));
    return this.slotted('action')
      ? onClick(h('slot', { name: 'action' }), this.onLink)
      : action?.url && onClick(h('a', { ...described, href: action.url }, label), this.onLink);
  }

  private skeleton(layout: Layout): HTMLElement {
    const line = (extra = '') => h('span', { class: `line${extra}` });
    // The photo's frame only when the card is told there is one (a case's photo is known once it arrives):
    // the skeleton then holds the place a card without a photo takes (case-card/space.ts).
    const photo = !!(this.photoSrc || (this.photoWidth && this.photoHeight));
    return h(
      'article',
      { part: 'card', class: `card l-${layout} skeleton${photo ? '' : ' no-photo'}`, 'aria-busy': 'true' },
      photo && h('div', { class: 'photo' }, h('div', { class: 'frame' })),
      h(
        'div',
        { class: 'body' },
        h('span', { class: 'visually-hidden' }, this.locale.t('loading')),
        line(' title'),
        line(),
        line(),
        line(' short'),
      ),
    );
  }

  /** The card of a record, built when the record (or the language, or the page's slotted content) changes. */
  private card(view: CaseView, layout: Layout, locale: string): HTMLElement {
    const t = this.locale.t;
    const photo = view.photo;
    const credit = photo?.credit?.replace(/^\s*©\s*/, '');
    const country = view.country ? countryName(locale, view.country) : '';
    // Content in another language than the element's says so, with that language's direction; the page's
    // own words in a slot are in the page's language, left unmarked.
    const other = foreign(view.locale, locale);
    // The region in another language is marked inside the card's own phrase ("{region}, {country}").
    const region = other && view.region ? h('span', other, view.region) : view.region;
    const [before, after] = t('place', { region: '\n', country }).split('\n');
    const place = this.fill(
      'place',
      view.region && country
        ? other
          ? h('span', {}, before, region, after)
          : t('place', { region: view.region, country })
        : region || country,
    );
    const status = this.fill('status', this.statusText(view, locale));
    const text = other ?? { dir: 'auto' };
    const words = (slot: string) => (this.slotted(slot) ? { dir: 'auto' } : text);
    const story = !!view.story?.length || !!this.slotted('story');
    const author = !!view.quote?.author || !!this.slotted('quote-author');
    // A slotted heading (<h1> to <h6>) is the card's heading, at the page's level: the card's own is then a plain
    // box (`own` is 0). Any other slotted name, or none, goes in the card's own heading, at heading-level.
    const tag = this.slotted('name')?.localName ?? '';
    const own = /^h[1-6]$/.test(tag) ? 0 : this.level();
    this.formLevel = Math.min(6, (own || +tag[1]!) + 1);
    return h(
      'article',
      { part: 'card', class: `card l-${layout}${photo ? '' : ' no-photo'}${this.locale.ready ? '' : ' l10n'}`, 'aria-labelledby': 'name' },
      photo &&
        h(
          'figure',
          { part: 'photo', class: 'photo' },
          h(
            'div',
            { class: 'frame' },
            // `loading` before `src`: set the other way round, the image would start loading at once.
            this.fill(
              'photo',
              h('img', {
                loading: 'lazy',
                decoding: 'async',
                width: photo.width,
                height: photo.height,
                alt: photo.alt,
                lang: this.photoAlt ? undefined : other?.lang,
                src: photo.src,
              }),
            ),
          ),
          credit && h('figcaption', { class: 'credit', ...(this.photoCredit ? { dir: 'auto' } : text) }, `© ${credit}`),
        ),
      h(
        'div',
        { class: 'body' },
        h((own ? `h${own}` : 'div') as 'div', { id: 'name', part: 'name', class: 'name', ...words('name') }, this.fill('name', view.name)),
        view.fullName && view.fullName !== view.name && h('p', { class: 'full-name', ...text }, view.fullName),
        place && h('p', { class: 'place' }, place),
        status && h('p', { part: 'status', class: 'status' }, status),
        h('div', { class: 'summary', ...words('summary') }, h('slot', { name: 'summary' }, view.summary && h('p', {}, view.summary))),
        story && (this.more = onClick(h('button', { class: 'more', 'aria-controls': 'story' }), this.toggleStory)),
        story &&
          (this.story = h(
            'div',
            { id: 'story', class: 'story', ...words('story') },
            h('slot', { name: 'story' }, ...(view.story ?? []).map((paragraph) => h('p', {}, paragraph))),
          )),
        (view.quote || this.slotted('quote')) &&
          h(
            'figure',
            { class: 'quote' },
            h('blockquote', words('quote'), h('slot', { name: 'quote' }, view.quote && h('p', {}, view.quote.text))),
            author && h('figcaption', words('quote-author'), h('slot', { name: 'quote-author' }, view.quote?.author)),
          ),
        h(
          'div',
          { class: 'actions' },
          this.action(view, locale),
          !this.noShare && onClick(h('button', { class: 'share', 'aria-describedby': 'name' }, t('share')), this.onShare),
        ),
        this.noteText,
        this.panel,
      ),
    );
  }

  /** The tree of the current state: the card, its skeleton while loading, or the problem. */
  private render(view: CaseView | undefined, layout: Layout, locale: string): HTMLElement {
    this.more = this.story = this.opener = undefined;
    let content: HTMLElement;
    if (this.phase === 'complete' && view) content = this.card(view, layout, locale);
    else if (!this.locale.ready || this.phase === 'pending' || this.phase === 'idle') content = this.skeleton(layout);
    else {
      const error = this.phase === 'error';
      content = h(
        'div',
        { part: 'card', class: 'card problem' },
        h('p', {}, this.locale.t(error ? this.problem : 'invalid')),
        error && this.retryable && onClick(h('button', { class: 'retry' }, this.locale.t('retry')), this.retry),
      );
    }
    return h('div', { class: 'wrap', dir: directionOf(locale), lang: locale }, content);
  }

  /** Sets what changes without a new record, on the nodes kept by reference: the story's disclosure, the petition, the note. */
  private refresh(view: CaseView, locale: string, rebuilt: boolean): void {
    const t = this.locale.t;
    if (this.more) {
      setText(this.more, t(this.expanded ? 'readLess' : 'readMore'));
      setAttr(this.more, 'aria-expanded', String(this.expanded));
    }
    this.story?.toggleAttribute('hidden', !this.expanded);
    const state = this.petitionState;
    const open = state === 'open' || state === 'failed';
    if (this.opener) setAttr(this.opener, 'aria-expanded', String(open));
    this.panel.toggleAttribute('hidden', !open);
    // The form is kept while it is open (the reader may be filling it in), whatever else changes.
    const form = state === 'open' ? (this.form ??= h('petition-form')) : (this.form = undefined);
    if (form) {
      setAttr(form, 'petition', view.action?.petition);
      setAttr(form, 'endpoint', this.endpoint);
      setAttr(form, 'lang', locale);
      setAttr(form, 'heading-level', this.formLevel);
    }
    // Drawn again when the state changes, and the failure's words when the card is rebuilt (its language, its link).
    if (state !== this.drawnPetition || (rebuilt && state === 'failed')) {
      this.drawnPetition = state;
      const url = view.action?.url;
      this.panel.replaceChildren(
        ...(form
          ? [form]
          : state === 'failed'
            ? [
                h('p', { class: 'problem' }, t('petitionError')),
                url ? onClick(h('a', { class: 'fallback', href: url }, t('petitionLink')), this.onLink) : '',
              ]
            : []),
      );
    }
    setText(this.noteText, this.note);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-card': CaseCard;
  }
}
