/**
 * Embed pages and oEmbed, for blogs and CMSs that strip scripts from what an author pastes:
 * - `GET /embed/cases/:id` — a small page holding the case as a light-DOM `<case-card>` (every text rendered
 *   here, escaped; it reads with JavaScript off, and the CDN's case-card upgrades it when scripts run);
 * - `GET /embed/petitions/:id` — the petition's title, its counter and its `<petition-form>`, wired to this
 *   server's API;
 * - `GET /oembed?url=…` — the oEmbed answer (https://oembed.com, `type: "rich"`): an `<iframe>` of one of those pages.
 * Embed pages may be framed by any site (`frame-ancestors *`); every other route keeps its own frame policy.
 */
import {
  canonicalLocale,
  caseSchema,
  catalogLanguage,
  countryName,
  directionOf,
  errorBodySchema,
  formatDate,
  idSchema,
  supportedLanguage,
  type Case,
  type ErrorCode,
  type Language,
} from '@agir/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
// The case card's own words (status phrases, place, "Take action", "not found"): one catalog, read here too.
import { catalog as caseCatalog } from '../../elements/src/case-card/catalog.js';
import { htmlPage } from './html-page.js';
import { embedMessages } from './embed-messages.js';
import { negotiate } from './negotiate.js';
import type { PetitionRecord, Store } from './store.js';

/** The embed pages' policy: framed by anyone, scripts and styles from this server only, Trusted Types as the demo. */
export const EMBED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  'frame-ancestors *',
  "require-trusted-types-for 'script'",
  'trusted-types lit-html agir',
].join('; ');

/** The size oEmbed offers for each kind of page, before `maxwidth`/`maxheight`. */
export const EMBED_SIZES = { cases: { width: 400, height: 640 }, petitions: { width: 480, height: 960 } } as const;
type Kind = keyof typeof EMBED_SIZES;

const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/**
 * Until the elements upgrade: a slotted photo keeps to its column (docs/elements/case-card.md, "Without JavaScript"),
 * the form's place is held (docs/elements/petition-form.md, "States").
 */
const STYLESHEET = `body{margin:0;padding:.5rem;font-family:system-ui,sans-serif;line-height:1.5}
case-card:not(:defined)>img{max-inline-size:100%;block-size:auto}
petition-form:not(:defined){display:block;min-block-size:30rem}
`;

const EMBED_PATH = /^\/embed\/(cases|petitions)\/([^/]+)\/?$/;
const API_PATH = /^\/api\/v1\/(cases|petitions)\/([^/]+)$/;

export interface EmbedOptions {
  /** A petition, as the API reads it (app.ts passes its cache). */
  petition(id: string): Promise<PetitionRecord | undefined>;
  /** Whether the CDN build is served at `/cdn/` (the pages load the elements from there). */
  cdn: boolean;
  /** Runs before every route (the read rate limit). */
  limit: MiddlewareHandler;
  /** The server's public origin (`--public-url`), else each request's own. */
  publicOrigin?: string | undefined;
  /** The organisation's privacy notice (`--privacy-url`), linked by the petition pages' forms. */
  privacyUrl?: string | undefined;
}

/** The page's language: `?lang=` when it names a supported language, else the record's own. */
function pageLanguage(asked: string | undefined, own: string): string {
  const locale = canonicalLocale(asked);
  if (locale && supportedLanguage(locale)) return locale;
  return canonicalLocale(own) ?? 'en';
}

const validId = (id: string | undefined): id is string => id !== undefined && idSchema.safeParse(id).success;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function interpolate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

const words = (lang: string) => embedMessages[catalogLanguage(lang) as Language];

/** `lang` (and `dir` when it differs) for text stored in `textLocale` inside a page in `pageLocale`. */
function langOf(textLocale: string, pageLocale: string): { lang?: string; dir?: string } {
  if (catalogLanguage(textLocale) === catalogLanguage(pageLocale)) return {};
  const dir = directionOf(textLocale);
  return { lang: textLocale, ...(dir !== directionOf(pageLocale) ? { dir } : {}) };
}

const attrs = (values: { lang?: string; dir?: string }) =>
  html`${values.lang ? html` lang="${values.lang}"` : ''}${values.dir ? html` dir="${values.dir}"` : ''}`;

const precisions = ['year', 'month', 'day'] as const;

export function embedRoutes(store: Store, options: EmbedOptions): Hono {
  const routes = new Hono();
  routes.use('/embed/*', options.limit);
  routes.use('/oembed', options.limit);

  // Behind a TLS proxy a request arrives as http://127.0.0.1:…: the public address names the pages and is the
  // only one oEmbed takes.
  const ownOrigin = (c: Context): string => options.publicOrigin ?? new URL(c.req.url).origin;
  const embedUrl = (c: Context, kind: Kind, id: string, lang?: string): string =>
    `${ownOrigin(c)}/embed/${kind}/${encodeURIComponent(id)}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;

  async function readCase(id: string, lang: string | undefined): Promise<Case | undefined> {
    if (!validId(id)) return undefined;
    const data = await store.getCase(id, canonicalLocale(lang));
    const parsed = caseSchema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  }
  const readPetition = (id: string): Promise<PetitionRecord | undefined> =>
    validId(id) ? options.petition(id) : Promise.resolve(undefined);
  /** The petition's title in `lang` when it has one (src/negotiate.ts), else its own; and that title's language. */
  const petitionTitle = (record: PetitionRecord, lang: string): { title: string; locale: string } => {
    const locale = negotiate([record.locale, ...record.translations.map((t) => t.locale)], [lang], record.locale) ?? record.locale;
    return { title: record.translations.find((t) => t.locale === locale)?.title ?? record.title, locale };
  };

  /** A complete page with the embed policy; `head` and `body` already escaped. */
  const page = (
    c: Context,
    status: ContentfulStatusCode,
    lang: string,
    title: string,
    head: ReturnType<typeof html>,
    body: ReturnType<typeof html>,
  ): Response | Promise<Response> => {
    c.header('Content-Security-Policy', EMBED_CSP);
    c.header('Cache-Control', status === 200 ? PAGE_CACHE_CONTROL : 'no-store');
    return c.html(htmlPage(lang, title, head, body), status, { 'Content-Type': 'text/html; charset=utf-8' });
  };

  const notFoundPage = async (c: Context, kind: Kind) => {
    const lang = pageLanguage(c.req.query('lang'), 'en');
    const message = kind === 'cases' ? (await caseCatalog.load(lang))('notFound') : words(lang).petitionNotFound;
    return page(c, 404, lang, message, html``, html`<main><p>${message}</p></main>`);
  };

  /** The discovery link of an embed page (oembed.com, section 4). */
  const discovery = (c: Context, kind: Kind, id: string, lang: string | undefined, title: string) => {
    const href = `${ownOrigin(c)}/oembed?${new URLSearchParams({ url: embedUrl(c, kind, id, lang), format: 'json' })}`;
    return html`<link rel="alternate" type="application/json+oembed" href="${href}" title="${title}" /> `;
  };
  const script = (file: string) => (options.cdn ? html`<script type="module" src="/cdn/${file}"></script> ` : html``);

  routes.get('/embed/embed.css', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  routes.get('/embed/cases/:id', async (c) => {
    const id = c.req.param('id');
    const asked = c.req.query('lang');
    const data = await readCase(id, asked);
    if (!data) return notFoundPage(c, 'cases');
    const lang = pageLanguage(asked, data.locale);
    const t = await caseCatalog.load(lang);
    const own = langOf(data.locale, lang);
    const country = countryName(lang, data.country);
    const place = data.region ? t('place', { region: data.region, country }) : country;
    const since = data.status.since;
    const status =
      data.status.label ??
      t('status', {
        kind: data.status.kind,
        date: since ? formatDate(lang, since) : undefined,
        precision: since ? precisions[since.split('-').length - 1] : undefined,
        group: data.isGroup ? 1 : undefined,
      });
    const action = data.action;
    const shownLang = asked === undefined ? undefined : lang;
    const actionHref = !action
      ? undefined
      : 'url' in action
        ? action.url
        : `/embed/petitions/${encodeURIComponent(action.petition)}${shownLang ? `?lang=${encodeURIComponent(shownLang)}` : ''}`;
    const photo = data.photo;
    return page(
      c,
      200,
      lang,
      data.name,
      html`${discovery(c, 'cases', data.id, shownLang, data.name)}${script('case-card.js')}`,
      html`<case-card status="${data.status.kind}" no-share${photo?.credit ? html` photo-credit="${photo.credit}"` : ''}>
        ${photo ? html`<img slot="photo" src="${photo.src}" alt="${photo.alt}" width="${photo.width}" height="${photo.height}" /> ` : ''}
        <h2 slot="name" ${attrs(own)}>${data.name}</h2>
        <p slot="place">${place}</p>
        ${status ? html`<p slot="status" ${attrs(data.status.label ? own : {})}>${status}</p> ` : ''}${data.summary ? html`<p slot="summary" ${attrs(own)}>${data.summary}</p> ` : ''}${actionHref ? html`<a slot="action" href="${actionHref}" ${attrs(action?.label ? own : {})}>${action?.label ?? t('act')}</a> ` : ''}</case-card
      >`,
    );
  });

  routes.get('/embed/petitions/:id', async (c) => {
    const id = c.req.param('id');
    const asked = c.req.query('lang');
    const record = await readPetition(id);
    if (!record) return notFoundPage(c, 'petitions');
    const lang = pageLanguage(asked, record.locale);
    // The petition's title in the page's language when it has one, marked when it has not.
    const { title, locale } = petitionTitle(record, lang);
    const own = langOf(locale, lang);
    return page(
      c,
      200,
      lang,
      title,
      html`${discovery(c, 'petitions', record.id, asked === undefined ? undefined : lang, title)}<meta
          name="agir:endpoint"
          content="/api/v1"
        />
        ${script('signature-counter.js')}${script('petition-form.js')}`,
      html`<main>
<h1${attrs(own)}>${title}</h1>
<signature-counter petition="${record.id}"></signature-counter>
<petition-form petition="${record.id}" no-share no-consent${options.privacyUrl ? html` privacy-href="${options.privacyUrl}"` : ''}></petition-form>
<noscript><p>${words(lang).needsScript}</p></noscript>
</main>`,
    );
  });

  /** A contract error body, as the API's (oEmbed consumers are programs). */
  const problem = (c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string) =>
    c.json(errorBodySchema.parse({ error: { code, message } }), status);

  routes.get('/oembed', async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    const format = c.req.query('format');
    // oEmbed's two formats: JSON is served, XML is not (501, as the spec says); anything else is a mistake.
    if (format === 'xml') {
      c.header('Cache-Control', 'no-store');
      return c.text('Only format=json is served.', 501);
    }
    if (format !== undefined && format !== 'json')
      return problem(c, 400, 'validation', 'format must be json (or xml, which is not served).');
    const url = c.req.query('url');
    if (!url) return problem(c, 400, 'validation', 'Name the page to embed: ?url=<an /embed/cases/… or /embed/petitions/… URL>.');
    const limits: Record<'maxwidth' | 'maxheight', number | undefined> = { maxwidth: undefined, maxheight: undefined };
    for (const name of ['maxwidth', 'maxheight'] as const) {
      const value = c.req.query(name);
      if (value === undefined || value === '') continue;
      if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
        return problem(c, 400, 'validation', `${name} must be a whole number of pixels (got "${value.slice(0, 40)}").`);
      limits[name] = Number(value);
    }
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return problem(c, 404, 'not_found', 'No embeddable page at this URL.');
    }
    const match = target.origin === ownOrigin(c) ? (EMBED_PATH.exec(target.pathname) ?? API_PATH.exec(target.pathname)) : null;
    const kind = match?.[1] as Kind | undefined;
    const id = match?.[2] === undefined ? undefined : decode(match[2]);
    if (!kind || id === undefined) return problem(c, 404, 'not_found', 'No embeddable page at this URL.');
    const asked = target.searchParams.get('lang') ?? undefined;
    let title: string;
    let lang: string;
    let frameTitle: string;
    if (kind === 'cases') {
      const data = await readCase(id, asked);
      if (!data) return problem(c, 404, 'not_found', 'No such case.');
      lang = pageLanguage(asked, data.locale);
      title = data.name;
      frameTitle = interpolate(words(lang).caseFrame, { name: data.name });
    } else {
      const record = await readPetition(id);
      if (!record) return problem(c, 404, 'not_found', 'No such petition.');
      lang = pageLanguage(asked, record.locale);
      title = petitionTitle(record, lang).title;
      frameTitle = interpolate(words(lang).petitionFrame, { title });
    }
    const size = EMBED_SIZES[kind];
    const width = Math.min(size.width, limits.maxwidth ?? Infinity);
    const height = Math.min(size.height, limits.maxheight ?? Infinity);
    const src = embedUrl(c, kind, id, asked === undefined ? undefined : lang);
    const iframe = String(
      await html`<iframe src="${src}" title="${frameTitle}" width="${width}" height="${height}" loading="lazy"></iframe>`,
    );
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      type: 'rich',
      version: '1.0',
      title,
      provider_name: 'Agir',
      provider_url: `${ownOrigin(c)}/`,
      cache_age: 300,
      html: iframe,
      width,
      height,
    });
  });

  return routes;
}
