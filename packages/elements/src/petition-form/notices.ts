/**
 * What petition-form shows instead of (or above) the form once a reader acts: the notices (thank-you, saved,
 * could not be sent, already signed, closed, not found, unavailable), the error summary, and sharing; with their messages
 * (`messages/views/`), loaded in the form's language. Part of the lazily loaded submission chunk.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { createCatalog, signatureSource, type Translate } from '@agir/core';
import { adoptStyles } from '../shared/host-element.js';
import { fieldMessage, fieldsIn, safeHref } from './fields.js';
import type * as Journey from './journey.js';
import type { PetitionFormViewMessages } from './messages/views/en.js';
import { viewStyles } from './petition-form.styles.js';
import type { PetitionForm } from './petition-form.js';
import type { SubmissionController } from './submission.js';

type Views = PetitionFormViewMessages;
/** The messages of the notices and sharing: loaded with this module, in the form's language. */
const viewCatalog = createCatalog<Views>('petition-form (views)', {
  en: () => import('./messages/views/en.js'),
  fr: () => import('./messages/views/fr.js'),
  es: () => import('./messages/views/es.js'),
  de: () => import('./messages/views/de.js'),
  ar: () => import('./messages/views/ar.js'),
  it: () => import('./messages/views/it.js'),
  nl: () => import('./messages/views/nl.js'),
  pt: () => import('./messages/views/pt.js'),
  ug: () => import('./messages/views/ug.js'),
  'zh-Hans': () => import('./messages/views/zh-Hans.js'),
});
const viewMessages = new Map<string, Translate<Views>>();

/**
 * Loads the view messages of the form's language (before a view that shows them). Never rejects: when not
 * even English can be loaded, the page author is told and the notice keeps its reserved place.
 */
export async function loadViews(host: PetitionForm): Promise<void> {
  const locale = host.locale.locale;
  if (viewMessages.has(locale)) return;
  try {
    viewMessages.set(locale, await viewCatalog.load(locale));
  } catch (error) {
    host.authorError(
      `could not load the messages of its notices (${(error as Error).message}); check that the whole CDN folder is served.`,
    );
  }
}

/** The view messages of the form's language; after a language change, they load and the form redraws. */
export function views(host: PetitionForm): Translate<Views> | undefined {
  const locale = host.locale.locale;
  const t = viewMessages.get(locale);
  if (!t) void loadViews(host).then(() => viewMessages.has(locale) && host.requestUpdate());
  return t;
}

async function copy(c: SubmissionController, url: string): Promise<void> {
  const { host } = c;
  try {
    await navigator.clipboard.writeText(url);
    c.copyStatus = views(host)?.('copied') ?? '';
  } catch {
    c.copyStatus = views(host)?.('copyFailed') ?? '';
  }
}

/** Share actions: the Web Share API where present, else plain links (no third-party script) and copy. */
function share(c: SubmissionController, v: Translate<Views>): TemplateResult {
  const { host } = c;
  const { t } = host.locale;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = safeHref(host.shareUrl) ?? safeHref(canonical) ?? signatureSource(location.href).url;
  const title = c.petitionTitle ?? document.title;
  const text = c.petitionShareText ?? v('shareText', { title });
  const both = encodeURIComponent(`${text} ${url}`);
  if (typeof navigator.share === 'function') {
    return html`<div class="share" part="share">
      <p>${v('shareCall')}</p>
      <button type="button" @click=${() => navigator.share({ title, text, url }).catch(() => undefined)}>${v('share')}</button>
    </div>`;
  }
  const links: Array<[string, string]> = [
    ['WhatsApp', `https://wa.me/?text=${both}`],
    ['X', `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encodeURIComponent(url)}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`],
  ];
  return html`<div class="share" part="share">
    <p>${v('shareCall')}</p>
    <ul>
      <li><a href=${`mailto:?subject=${encodeURIComponent(v('shareSubject', { title }))}&body=${both}`}>${t('email')}</a></li>
      ${links.map(
        ([label, href]) =>
          html`<li>
            <a href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${t('newTab')}</span></a>
          </li>`,
      )}
      <li><button type="button" @click=${() => copy(c, url)}>${v('copyLink')}</button></li>
    </ul>
    <p class="copied" role="status">${c.copyStatus}</p>
  </div>`;
}

/** A heading at the element's level (`heading-level`), focusable so that focus can move to it. */
function heading(host: PetitionForm, text: string, id = 'title'): TemplateResult {
  const level = Math.min(6, Math.max(1, Math.round(host.headingLevel ?? 2) || 2));
  return html`<div class="title" id=${id} role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
}

function box(host: PetitionForm, title: string, body: unknown): TemplateResult {
  return html`<section class="notice" part="notice" aria-labelledby="title">${heading(host, title)}${body}</section>`;
}

let journeyCode: typeof Journey | undefined;

/** The journey's step, once its chunk is in (asked for by each signed view that needs it until then). */
function journey(c: SubmissionController, parts: Journey.JourneyParts): TemplateResult | undefined | null {
  const { host } = c;
  if (journeyCode) return journeyCode.journey(c, parts);
  import('./journey.js').then(
    (code) => {
      journeyCode = code;
      host.requestUpdate();
    },
    (error: unknown) => host.authorError(`could not load its journey (${(error as Error).message}).`),
  );
  return undefined;
}

/** What the element shows instead of (or above) the form: unavailable, closed, not found, already signed, thanks, saved. */
export function notice(c: SubmissionController): TemplateResult | undefined {
  const { host } = c;
  const v = views(host);
  if (!v) return undefined;
  adoptStyles(host.renderRoot, viewStyles);
  const { t } = host.locale;
  const sharing = host.noShare ? nothing : share(c, v);
  const result = c.result;
  switch (c.view) {
    case 'unavailable':
      return html`<p class="notice" part="notice">${t('unavailable')}</p>`;
    case 'closed':
      return box(host, v('closedTitle'), html`<slot name="closed"><p>${v('closedText')}</p></slot>`);
    case 'not-found':
      return box(host, v('notFoundTitle'), html`<p>${v('notFoundText')}</p>`);
    case 'already-signed':
      return box(
        host,
        v('alreadyTitle'),
        html`<p>${v('alreadyText')}</p>
          <button type="button" class="secondary" @click=${() => c.code!.signAgain(c)}>${v('signAnother')}</button>${sharing}`,
      );
    case 'signed': {
      const thanks = html`<slot name="thanks"
        ><p>${result?.count === undefined ? nothing : v('thanksCount', { count: result.count })}</p></slot
      >`;
      // A page that lists the steps after signing gets its journey (a chunk loaded now); the thank-you meanwhile.
      const step = host.journey
        ? journey(c, { box: (title, body) => box(host, title, body), share: () => share(c, v), thanks, thanksTitle: v('thanksTitle') })
        : null;
      if (step !== null) return step ?? box(host, v('thanksTitle'), thanks);
      return box(host, v('thanksTitle'), html`${thanks}${sharing}`);
    }
    case 'unsent':
      return box(
        host,
        v('unsentTitle'),
        html`<p>${v('unsentText')}</p>
          <button
            type="button"
            aria-disabled=${c.sending ? 'true' : nothing}
            aria-busy=${c.sending ? 'true' : nothing}
            @click=${() => c.code!.resend(c)}
          >
            ${v('retrySend')}
          </button>`,
      );
    default:
      return box(host, v('queuedTitle'), html`<p>${v('queuedText')}</p>`);
  }
}

/** The problems of an invalid submit, each a link to its field. */
export function errorSummary(c: SubmissionController): TemplateResult | typeof nothing {
  const { host } = c;
  const fields = fieldsIn(host.locale.locale).filter((field) => host.errors[field]);
  const v = views(host);
  if (fields.length === 0 || !v) return nothing;
  adoptStyles(host.renderRoot, viewStyles);
  return html`<div class="summary" role="alert" part="error-summary" aria-labelledby="summary-title">
    ${heading(host, v('summaryTitle'), 'summary-title')}
    <ul>
      ${fields.map(
        (field) =>
          html`<li>
            <a
              href="#${host.control(field)?.id ?? field}"
              @click=${(event: Event) => {
                event.preventDefault();
                host.control(field)?.focus();
              }}
              >${fieldMessage(host.locale.t, field, host.errors[field]!)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
