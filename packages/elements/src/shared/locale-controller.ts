import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, languageOf, type Catalog, type Direction, type Translate } from '@agir/core';
import { authorError } from './element-tools.js';

type CatalogHandle<M extends Catalog> = {
  readonly english: Translate<M>;
  load(locale: string): Promise<Translate<M>>;
};

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole page: any `lang` change re-resolves every connected element, so an element
// follows its own `lang` and its nearest ancestor's, and two languages on one page stay separate.
const controllers = new Set<LocaleController<Catalog>>();
let observer: MutationObserver | undefined;

function observe(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Resolves an element's language (own `lang`, nearest ancestor's, document's, browser's, else English),
 * its direction, and its message catalog; re-renders the host when any of them changes.
 */
export class LocaleController<M extends Catalog> implements ReactiveController {
  /** The resolved BCP 47 locale, e.g. "fr" or "ar-EG". */
  locale = 'en';
  /** Text direction of `locale`. */
  dir: Direction = 'ltr';
  /** True once the catalog for `locale` (and what the host asked for with it) is loaded (render a reserved skeleton until then). */
  ready = false;
  /** Translates a key of the element's catalog. English until the catalog for `locale` is loaded. */
  t: Translate<M>;

  private readonly host: Host;
  private readonly catalog: CatalogHandle<M>;
  private loading: Promise<void> = Promise.resolve();
  private pending: string | undefined;
  private readonly also: ((locale: string) => Promise<void>) | undefined;

  /** `also` loads what the host needs in each language besides its catalog (core's `loadCountryNames`). */
  constructor(host: Host, catalog: CatalogHandle<M>, also?: (locale: string) => Promise<void>) {
    this.host = host;
    this.catalog = catalog;
    this.also = also;
    this.t = catalog.english;
    host.addController(this);
  }

  /** Resolves once the current locale's catalog is loaded. */
  get loaded(): Promise<void> {
    return this.loading;
  }

  hostConnected(): void {
    controllers.add(this as unknown as LocaleController<Catalog>);
    observe();
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this as unknown as LocaleController<Catalog>);
  }

  /** Re-reads the language; called on connect and whenever a `lang` attribute changes in the page. */
  refresh(): void {
    const locale = languageOf(this.host);
    if (locale === this.pending || (locale === this.locale && this.ready)) return;
    this.pending = locale;
    this.loading = Promise.all([this.catalog.load(locale), this.also?.(locale)]).then(
      ([translate]) => {
        if (this.pending !== locale) return;
        this.pending = undefined;
        this.locale = locale;
        this.dir = directionOf(locale);
        this.t = translate;
        this.ready = true;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        // Not even English could be loaded (a catalog loaded on demand): the element keeps its reserved place.
        if (this.pending === locale) this.pending = undefined;
        authorError(this.host, `could not load its messages (${(error as Error).message}); check that the whole CDN folder is served.`);
      },
    );
  }
}
