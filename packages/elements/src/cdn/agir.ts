/**
 * The CDN loader, `agir.js`: the one script a page includes. It defines each Agir element lazily, the
 * first time one appears in the page (elements added later included), so a page downloads only the
 * elements it uses. It sets one global, `Agir`:
 * - `Agir.configure({ endpoint, client })`: the default endpoint, or client (any backend: docs/backends.md),
 *   for every element.
 * - `Agir.AgirError`: what a page's own client rejects with (`new Agir.AgirError(kind, message, { status })`),
 *   an `AgirError` of @agir/core for the elements (they share its brand).
 * - `Agir.define(tag, element)`: use `element` ("petition-form"…) under another tag name, when the
 *   default one collides with something else on the page. Also lazy.
 * - `Agir.load(element)`: load and define an element now (resolves when it is defined).
 *
 * Each element's place before it is defined is in `agir.css`, beside this file (cdn/agir-css.ts): pages link
 * it in their `<head>`; the loader adds it to a page that did not.
 *
 * No waterfall: the build writes into this file each element's whole static module graph (its entry and
 * every chunk it imports, with their SRI hashes) and its catalog file per language. When an element first
 * appears, the loader inserts a `<link rel="modulepreload" integrity>` for every file of that graph and for
 * the catalog of the element's language, all at once, so the element renders one round trip after the
 * loader, and a file that does not match its hash is refused. The loader imports nothing statically.
 */

type Call = [method: string, args: unknown[]];

type ElementName = 'petition-form' | 'signature-counter' | 'case-card' | 'case-card-list' | 'donation-calculator' | 'consent-video';

interface DefinableClass {
  define(tag?: string, registry?: CustomElementRegistry): void;
}

/** Loads an element's chunk, which registers its default tag(s). */
const defineDefault: Record<ElementName, () => Promise<unknown>> = {
  'petition-form': () => import('../petition-form/define.js'),
  'signature-counter': () => import('../signature-counter/define.js'),
  'case-card': () => import('../case-card/define.js'),
  'case-card-list': () => import('../case-card-list/define.js'),
  'donation-calculator': () => import('../donation-calculator/define.js'),
  'consent-video': () => import('../consent-video/define.js'),
};

/** Loads an element's class without registering anything (for renamed tags). */
const loadClass: Record<ElementName, () => Promise<DefinableClass>> = {
  'petition-form': () => import('../petition-form/index.js').then((m) => m.PetitionForm),
  'signature-counter': () => import('../signature-counter/index.js').then((m) => m.SignatureCounter),
  'case-card': () => import('../case-card/index.js').then((m) => m.CaseCard),
  'case-card-list': () => import('../case-card-list/index.js').then((m) => m.CaseCardList),
  'donation-calculator': () => import('../donation-calculator/index.js').then((m) => m.DonationCalculator),
  'consent-video': () => import('../consent-video/index.js').then((m) => m.ConsentVideo),
};

/**
 * Written by the build (vite.config.ts, `moduleGraph`): [files as "path sha256-…" (or "path"), { element:
 * [indexes of its files (the entry first), { language: hashes of its catalogs chunks/<language>-<hash>.js }, { country: hash of
 * its rules chunks/<country>-<hash>.js }?] }]. Absent in an unbundled run.
 */
type Graph = [string[], Record<string, [number[], Record<string, string>, Record<string, string>?]>];
const graph = (self as unknown as { __agirGraph?: Graph }).__agirGraph;

/** Inserts modulepreload links for an element's graph; resolves when its entry has arrived and matches its hash. */
function preload(tag: string, element?: Element): Promise<unknown> | void {
  const entry = graph?.[1][tag];
  if (!entry) return;
  // The catalog the element will load (core's catalogLanguage): the tag's language; Chinese by its script (or,
  // without one, its region: Traditional in TW, HK, MO has no catalog); English for a language with none.
  const langTag = (element?.closest('[lang]')?.getAttribute('lang') || navigator.language).toLowerCase();
  let lang = langTag.split('-')[0]!;
  if (lang == 'zh') lang = /-hans\b/.test(langTag) || !/-(hant|tw|hk|mo)\b/.test(langTag) ? 'zh-Hans' : '';
  if (!entry[1][lang]) lang = 'en';
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  const files = entry[0].map((index) => graph![0][index]!);
  // The catalogs of the element's language, and the calculator's rules for its `country`: named by hash.
  const country = element?.getAttribute('country')?.toLowerCase() ?? '';
  for (const [key, hashes] of [
    [lang, entry[1][lang]],
    [country, entry[2]?.[country]],
  ])
    for (const hash of hashes?.split(' ') ?? []) files.push(`chunks/${key}-${hash}.js`);
  let arrived: Promise<unknown> | undefined;
  for (const file of files) {
    const [path, integrity] = file.split(' ');
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(path!, import.meta.url).href;
    if (integrity) link.integrity = integrity;
    if (nonce) link.nonce = nonce;
    arrived ??= new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`${link.href} did not load or does not match its integrity hash`));
    });
    document.head.append(link);
  }
  return arrived;
}

/**
 * `Agir.configure({ endpoint })` writes the endpoint as the page-level `<meta name="agir:endpoint">`, which
 * every element reads (after its own attribute): the loader imports nothing, so it fetches nothing before
 * the elements' graphs. A page's own meta keeps precedence, as it has over `configure` in @agir/core.
 */
let meta: HTMLMetaElement | undefined;
function configure({ endpoint, client }: { endpoint?: string; client?: object }): void {
  // `client` goes where @agir/core's configure keeps it (config.ts): the page's one configuration object. Not
  // checked here (bytes): an element given a client without the method it needs says so in the console.
  if (client) ((self as unknown as Record<symbol, { client?: object }>)[Symbol.for('agir.config')] ??= {}).client = client;
  if (endpoint === undefined) return;
  if (typeof endpoint != 'string' || !endpoint.trim()) throw new Error('Agir.configure: "endpoint" must be a non-empty URL string.');
  if (!meta) {
    if (document.querySelector('meta[name="agir:endpoint"]')) return;
    meta = document.head.appendChild(document.createElement('meta'));
    meta.name = 'agir:endpoint';
  }
  meta.content = endpoint.trim();
}

/**
 * @agir/core's `AgirError` for a page without a bundler: the same fields (`kind`, `status`, `code`, `fields`,
 * `retryAfterMs`, `url`), and the brand core's `instanceof AgirError` checks, so the queue and the elements
 * treat it as theirs (whether to try again follows `kind` and `status`, as core's `isTransient` says).
 */
class AgirError extends Error {
  constructor(kind: string, message: string, options: { cause?: unknown } & Record<string, unknown> = {}) {
    super(message, options);
    Object.assign(this, { name: 'AgirError', kind, fields: {}, ...options });
  }
}
(AgirError.prototype as unknown as Record<symbol, boolean>)[Symbol.for('agir.error')] = true;

/** tag in the page → how to define it */
const watched = new Map<string, () => Promise<unknown>>();
const started = new Map<string, Promise<unknown>>();

for (const name of Object.keys(defineDefault) as ElementName[]) watched.set(name, defineDefault[name]);

function load(tag: string, element?: Element): Promise<unknown> {
  let pending = started.get(tag);
  if (!pending) {
    const loader = watched.get(tag);
    if (!loader) return Promise.reject(new Error(`Agir: no element is known as <${tag}>.`));
    pending = Promise.resolve(preload(tag, element))
      .then(loader)
      .then(() => customElements.whenDefined(tag))
      .catch((error: unknown) => {
        started.delete(tag);
        console.error(
          `Agir: could not load <${tag}>. Check that the CDN files are reachable from this page and allowed by its Content-Security-Policy (script-src).`,
          error,
        );
        throw error;
      });
    started.set(tag, pending);
  }
  return pending;
}

function scan(root: ParentNode): void {
  for (const tag of watched.keys()) {
    if (started.has(tag) || customElements.get(tag)) continue;
    const element = root instanceof Element && root.localName === tag ? root : root.querySelector(tag);
    if (element) void load(tag, element).catch(() => {});
  }
}

function start(): void {
  // Each element's place until it is defined (agir.css): a page should link it in its <head>, so that its first
  // paint has it; one that did not gets it now, for what is still to come.
  if (graph && !document.querySelector('link[href$="/agir.css"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('agir.css', import.meta.url).href;
    document.head.append(link);
  }
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) scan(node as Element);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

const api = {
  version: '0.1.0',
  /** Calls from any script, before or after this module ran: see `call` below. */
  queue: { push: (...calls: Call[]): void => calls.forEach(call) },
  configure,
  AgirError,
  load: (element: string) => load(element),
  define(tag: string, element: ElementName): void {
    const loadElement = loadClass[element];
    if (!loadElement) {
      console.error(`Agir.define: "${element}" is not an Agir element (one of ${Object.keys(loadClass).join(', ')}).`);
      return;
    }
    if (!/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tag)) {
      console.error(`Agir.define: "${tag}" is not a valid custom element name (lower case, with a hyphen).`);
      return;
    }
    watched.set(tag, () => loadElement().then((constructor) => constructor.define(tag)));
    if (document.readyState !== 'loading') scan(document);
  },
};

declare global {
  interface Window {
    Agir?: typeof api;
  }
}

/** Runs a queued call, `['configure', [{ endpoint }]]`: a mistake in one is reported, and the others still run. */
function call([method, args]: Call): void {
  try {
    (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);
  } catch (error) {
    console.error(`Agir.queue: could not run "${method}" (configure, define or load).`, error);
  }
}

/**
 * Calls from any script, before or after this module runs (it runs after the page is parsed, so an inline
 * classic script always comes first): `(window.Agir ??= { queue: [] }).queue.push(['configure', [{ endpoint }]])`.
 * Calls queued before are run now; afterwards `queue.push` runs them at once.
 */
const queued = (window.Agir as { queue?: unknown } | undefined)?.queue;
window.Agir = api;
if (Array.isArray(queued)) queued.forEach(call);

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
