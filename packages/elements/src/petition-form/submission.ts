/**
 * What petition-form does once a reader acts: build a signature, check it against the contract, queue and
 * send it, show what became of it; check the petition's status; wire a page's own `<form>`; offer sharing.
 * The element renders and validates without this chunk and loads it as soon as it connects, in parallel
 * with its first render (see `loadSubmission` in petition-form.ts), so the form shows at once.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import {
  buildSignatureRequest,
  createCatalog,
  fieldErrors,
  idSchema,
  normaliseEndpoint,
  prefillValues,
  resolveEndpoint,
  readSignatureRequest,
  signatureSource,
  type AgirError,
  type Consent,
  type SignatureRequest,
  type Translate,
} from '@agir/core';
import { AgirSubmitEvent, PetitionErrorEvent, QueuedEvent, SignedEvent } from './events.js';
import { flushQueue, loadPetition, onSettled, retrySignature, submitSignature, useClient, type Settled } from './page-queue.js';
import { FIELDS, safeHref, signedKey, type Field, type Kind } from './fields.js';
import { viewStyles } from './petition-form.styles.js';
import { adoptStyles } from '../shared/host-element.js';
import type { PetitionForm } from './petition-form.js';
import type { PetitionFormViewMessages } from './messages/views/en.js';

const CONSENT = 'consent_newsletter';
const words = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const isId = (value: string | undefined): boolean => idSchema.safeParse(value).success;

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
function views(host: PetitionForm): Translate<Views> | undefined {
  const locale = host.locale.locale;
  const t = viewMessages.get(locale);
  if (!t) void loadViews(host).then(() => viewMessages.has(locale) && host.requestUpdate());
  return t;
}

/** Where signatures go: a valid petition id and endpoint, or undefined (reported to the page author). */
function target(host: PetitionForm): { endpoint: string; petition: string } | undefined {
  if (!isId(host.petitionId)) {
    host.authorError(
      `the "petition" attribute must be a petition id of letters, digits, "-" or "_", such as petition="xinjiang" (got "${host.petitionId}").`,
    );
    return undefined;
  }
  const raw = host.client?.endpoint ?? resolveEndpoint(host.endpoint, document);
  if (!raw) {
    host.authorError(
      'no endpoint: set the "endpoint" attribute, a <meta name="agir:endpoint" content="…"> tag, or call configure({ endpoint }) before the form loads.',
    );
    return undefined;
  }
  try {
    const endpoint = normaliseEndpoint(raw, location.href);
    if (host.client) useClient(host.client);
    return { endpoint, petition: host.petitionId };
  } catch (error) {
    host.authorError(`the "endpoint" attribute is not usable: ${(error as Error).message}`);
    return undefined;
  }
}

/** Wires (or unwires) a page's own form: the element's handlers, no native bubbles, consent unticked. */
export function wire(host: PetitionForm, form: HTMLFormElement | null, on: boolean): void {
  if (!form) return;
  for (const [type, listener] of [
    ['submit', host.onSubmit],
    ['focusout', host.onBlur],
    ['input', host.onInput],
    ['change', host.onInput],
  ] as const) {
    if (on) form.addEventListener(type, listener);
    else form.removeEventListener(type, listener);
  }
  if (!on) return;
  form.noValidate = true;
  const box = host.control(CONSENT) as HTMLInputElement | null;
  if (box?.checked || box?.defaultChecked) {
    box.checked = box.defaultChecked = false;
    host.authorError(`the "${CONSENT}" checkbox was ticked by the page; consent must start unticked, so it was unticked.`);
  }
  const missing = FIELDS.slice(0, 4).filter((field) => !host.control(field));
  if (missing.length) host.authorError(`the <form> inside lacks inputs named ${missing.join(', ')}; the contract needs them.`);
}

/** Signatures a form of this page is sending now, by form: a form still on the page reports its own. */
const sending = new Map<string, PetitionForm>();
/** Signatures of earlier visits already announced with agir-signed in this page. */
const announced = new Set<string>();

/**
 * Starts the submission code for a form: wires a page form, hears the queue, fills prefill values, flushes this
 * endpoint's queue and checks whether the petition is open (without ever hiding the form while it waits).
 */
export async function load(host: PetitionForm): Promise<void> {
  wire(host, host.pageForm, true);
  host.unsubscribe ??= onSettled((settled) => {
    if (settled.id === host.pendingId) {
      if (settled.status !== 'retry') void settle(host, settled, false);
      return;
    }
    // A signature saved in an earlier visit got through (on load, `online` or a retry timer): tell counters
    // in the page, once per page whatever the number of forms, and not for a signature a form is sending now.
    if (settled.status !== 'sent' || !settled.response || settled.petition !== host.petitionId) return;
    if (sending.get(settled.id)?.isConnected || announced.has(settled.id)) return;
    sending.delete(settled.id);
    announced.add(settled.id);
    host.dispatchEvent(new SignedEvent(settled.petition, settled.endpoint, settled.response.signatureCount, settled.response.duplicate));
  });
  const where = target(host);
  if (!where) {
    if (!isId(host.petitionId)) host.view = 'unavailable';
    host.status = 'error';
    return;
  }
  await host.locale.loaded;
  await Promise.all([host.updateComplete, loadViews(host).catch(() => undefined)]);
  applyPrefill(host);
  const key = `${where.endpoint} ${where.petition}`;
  if (key === host.loadedKey) return;
  host.loadedKey = key;
  // Signatures an earlier visit saved go now; the listener above tells the page about those that get through.
  flushQueue(where.endpoint, true).catch(() => undefined);
  host.status = 'pending';
  try {
    const petition = await loadPetition(where.endpoint, where.petition);
    if (host.loadedKey !== key) return;
    host.petitionTitle = petition.title;
    host.status = 'complete';
    if (petition.status === 'closed' && (host.view === 'form' || host.view === 'already-signed')) host.view = 'closed';
  } catch (error) {
    if (host.loadedKey !== key) return;
    host.status = 'error';
    const { kind, status } = error as AgirError;
    if (kind === 'schema' || (kind === 'http' && status !== undefined && status < 500)) {
      host.authorError(`could not read petition "${where.petition}" at ${where.endpoint}: ${(error as Error).message}`);
    }
  }
}

function applyPrefill(host: PetitionForm): void {
  if (!host.prefill || host.prefilled || !host.form) return;
  host.prefilled = true;
  const values = prefillValues(location.search);
  if (values.country) host.onReach();
  for (const [field, value] of Object.entries(values)) {
    const control = host.control(field);
    if (!control) continue;
    if (control instanceof HTMLSelectElement ? [...control.options].some((option) => option.value === value) : !control.value)
      control.value = value;
  }
}

/** The newsletter consent as shown: the words of its label (or slot, or attribute) and their version. */
function consent(host: PetitionForm): Consent | undefined {
  const box = host.control(CONSENT) as HTMLInputElement | null;
  if (!box) return undefined;
  const slotted = host.pageForm ? undefined : host.querySelector(':scope > [slot="consent"]');
  const text = host.pageForm
    ? [...(box.labels ?? [])].map((label) => label.textContent).join(' ')
    : slotted
      ? slotted.textContent
      : (host.consentText ?? host.locale.t('consent'));
  // A page's own form carries the version in the hidden field the no-JavaScript route reads.
  const version = words(host.control(`${CONSENT}_version`)?.value ?? host.consentVersion) || 'default';
  return { id: 'newsletter', granted: box.checked, text: words(text).slice(0, 2000), version: version.slice(0, 64) };
}

function fail(host: PetitionForm, message: PetitionForm['failure'], reason: PetitionErrorEvent['reason'], error?: unknown): void {
  host.failure = message;
  host.dispatchEvent(new PetitionErrorEvent(host.petitionId, reason, error));
}

/** Shows the summary and focuses the first invalid field; false when there is none. */
async function showErrors(host: PetitionForm, errors: Partial<Record<Field, Kind>>): Promise<boolean> {
  const first = FIELDS.find((field) => errors[field]);
  if (!first) return false;
  host.summary = true;
  await host.updateComplete;
  host.control(first)?.focus();
  return true;
}

/** Remembers on this device (by petition id only, no personal data) that it signed. */
function remember(host: PetitionForm): void {
  try {
    localStorage.setItem(signedKey(host.petitionId), '1');
  } catch {
    // No storage (private mode, blocked): the notice is a convenience.
  }
}

/** "Sign for someone else": back to an empty form, focus on its first field. */
async function signAgain(host: PetitionForm): Promise<void> {
  host.view = 'form';
  host.result = undefined;
  host.errors = {};
  host.summary = false;
  host.failure = undefined;
  host.copyStatus = host.announcement = '';
  host.startedAt = Date.now();
  host.form?.reset();
  await host.updateComplete;
  host.control('givenName')?.focus();
}

/** Validates, builds, offers the payload to the page (`agir-submit`), then queues and sends it. */
export async function submit(host: PetitionForm): Promise<void> {
  await loadViews(host).catch(() => undefined);
  const present = FIELDS.filter((field) => host.control(field));
  if (await showErrors(host, host.validate(present))) {
    host.dispatchEvent(new PetitionErrorEvent(host.petitionId, 'invalid', undefined));
    return;
  }
  host.summary = false;
  const where = target(host);
  if (!where) return fail(host, 'unavailable', 'config');
  if (host.embed && !isId(host.embed))
    host.authorError(`the "embed" attribute must be an id of letters, digits, "-" or "_" (got "${host.embed}"); it is left out.`);
  const values: Record<string, string> = {};
  for (const field of present) values[field] = host.control(field)!.value;
  const { comment, ...person } = values;
  const given = consent(host);
  const submitEvent = new AgirSubmitEvent(
    buildSignatureRequest({
      person,
      comment,
      consents: given ? [given] : [],
      locale: host.locale.locale,
      source: signatureSource(location.href, document.referrer, host.embed),
      startedAt: host.startedAt,
      trap: host.control('trap')?.value ?? '',
    }),
    where.petition,
    where.endpoint,
  );
  if (!host.dispatchEvent(submitEvent)) return;
  const checked = readSignatureRequest(submitEvent.payload);
  if (!checked.success) {
    const fields = fieldErrors(checked.error.issues);
    host.authorError(
      `the signature does not match the contract (${Object.entries(fields)
        .map(([path, problem]) => `${path}: ${problem}`)
        .join('; ')}). Check the form's fields and any agir-submit listener.`,
    );
    return rejected(host, { status: 422, fields });
  }
  let request: SignatureRequest = checked.data;
  if (host.captcha) {
    try {
      request = { ...request, captcha: String(await host.captcha(request)) } as SignatureRequest;
    } catch (error) {
      return fail(host, 'errorCaptcha', 'captcha', error);
    }
  }
  host.sentTo = where.endpoint;
  host.sending = true;
  sending.set(request.idempotencyKey, host);
  await settle(host, await submitSignature(where.endpoint, where.petition, request), true);
}

/** A refusal from the server (or the contract): field errors go back to their fields. */
async function rejected(host: PetitionForm, error: unknown): Promise<void> {
  const { status, code, fields = {} } = (error ?? {}) as Partial<AgirError>;
  if (code === 'closed' || status === 409) {
    host.view = 'closed';
    host.dispatchEvent(new PetitionErrorEvent(host.petitionId, 'closed', error));
    return;
  }
  const errors: Partial<Record<Field, Kind>> = {};
  for (const path of Object.keys(fields)) {
    const field = path.replace(/^person\./, '') as Field;
    if (FIELDS.includes(field) && host.control(field)) errors[field] = 'Invalid';
  }
  const invalid = Object.keys(errors).length > 0;
  host.errors = { ...host.errors, ...errors };
  if (!invalid) host.failure = status === 413 ? 'errorTooLarge' : 'errorRejected';
  host.dispatchEvent(new PetitionErrorEvent(host.petitionId, invalid ? 'invalid' : 'rejected', error));
  await showErrors(host, errors);
}

/** "Try again" on a signature the server failed again and again: sends it now, shows what became of it. */
async function resend(host: PetitionForm): Promise<void> {
  const id = host.pendingId;
  if (host.sending || !id) return;
  host.sending = true;
  try {
    const settled = await retrySignature(id);
    // Gone meanwhile: another tab sent it (or it was dropped); what became of it reached the form already.
    if (settled) await settle(host, settled, true);
  } finally {
    host.sending = false;
  }
}

/** Shows what became of a signature: sent, saved for later, refused, or failed by the server again and again. */
async function settle(host: PetitionForm, settled: Settled, fromSubmit: boolean): Promise<void> {
  const focusHere = fromSubmit || host.matches(':focus-within');
  await loadViews(host).catch(() => undefined);
  if (settled.status === 'failed') {
    host.pendingId = settled.id;
    host.view = 'unsent';
    host.dispatchEvent(new PetitionErrorEvent(host.petitionId, 'server', settled.error));
  } else if (settled.status === 'retry') {
    remember(host);
    host.pendingId = settled.id;
    host.view = 'queued';
    host.dispatchEvent(new QueuedEvent(host.petitionId, host.sentTo, settled.id));
  } else if (settled.status === 'sent') {
    sending.delete(settled.id);
    remember(host);
    host.pendingId = undefined;
    const count = settled.response?.signatureCount;
    const duplicate = settled.response?.duplicate === true;
    host.result = { count, duplicate };
    host.view = 'signed';
    if (!fromSubmit) host.announcement = views(host)?.('sentLater') ?? '';
    host.dispatchEvent(new SignedEvent(host.petitionId, host.sentTo, count, duplicate));
  } else {
    sending.delete(settled.id);
    host.pendingId = undefined;
    host.sending = false;
    host.view = 'form';
    await host.updateComplete;
    return rejected(host, settled.error ?? new Error(settled.status));
  }
  // The heading takes focus in the render that shows the notice, not in a continuation after it: a page
  // awaiting `updateComplete` after `agir-queued` would otherwise race this function for the focus.
  if (focusHere) host.focusAfterRender = '#title';
  host.requestUpdate();
  await host.updateComplete;
}

/** Mirrors errors, busy state and country names onto a page's own form (light DOM: the page's ids). */
export function syncPageForm(host: PetitionForm): void {
  const form = host.pageForm!;
  const { locale } = host;
  const country = host.control('country');
  if (
    country instanceof HTMLSelectElement &&
    locale.ready &&
    host.filledSelect !== locale.locale &&
    (host.filledSelect !== undefined || country.options.length < 2)
  ) {
    const chosen = country.value || host.defaultCountry();
    country.replaceChildren(
      new Option(locale.t('chooseCountry'), ''),
      ...host.countryList().map(({ code, name }) => new Option(name, code, code === chosen, code === chosen)),
    );
    host.filledSelect = locale.locale;
  }
  for (const field of FIELDS) {
    const control = host.control(field);
    if (!control) continue;
    control.id ||= `${host.uid}-${field}`;
    const errorId = `${control.id}-error`;
    let note = form.querySelector(`[id="${errorId}"]`);
    const kind = host.errors[field];
    const describedBy = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== errorId);
    if (kind) {
      if (!note) {
        note = document.createElement('span');
        note.id = errorId;
        note.className = 'agir-field-error';
        (control.closest('label') ?? control).after(note);
      }
      note.textContent = host.message(field, kind);
      describedBy.push(errorId);
      control.setAttribute('aria-invalid', 'true');
    } else {
      note?.remove();
      control.removeAttribute('aria-invalid');
    }
    if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
    else control.removeAttribute('aria-describedby');
  }
  const button = form.querySelector('button:not([type]), [type="submit"]');
  for (const name of ['aria-busy', 'aria-disabled']) {
    if (host.sending) button?.setAttribute(name, 'true');
    else button?.removeAttribute(name);
  }
}

async function copy(host: PetitionForm, url: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(url);
    host.copyStatus = views(host)?.('copied') ?? '';
  } catch {
    host.copyStatus = views(host)?.('copyFailed') ?? '';
  }
}

/** Share actions: the Web Share API where present, else plain links (no third-party script) and copy. */
function share(host: PetitionForm, v: Translate<Views>): TemplateResult {
  const { t } = host.locale;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = safeHref(host.shareUrl) ?? safeHref(canonical) ?? signatureSource(location.href).url;
  const title = host.petitionTitle ?? document.title;
  const text = v('shareText', { title });
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
      <li><button type="button" @click=${() => copy(host, url)}>${v('copyLink')}</button></li>
    </ul>
    <p class="copied" role="status">${host.copyStatus}</p>
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

/** What the element shows instead of (or above) the form: unavailable, closed, already signed, thanks, saved. */
export function notice(host: PetitionForm): TemplateResult | undefined {
  const v = views(host);
  if (!v) return undefined;
  adoptStyles(host.renderRoot, viewStyles);
  const { t } = host.locale;
  const sharing = host.noShare ? nothing : share(host, v);
  const result = host.result;
  switch (host.view) {
    case 'unavailable':
      return html`<p class="notice" part="notice">${t('unavailable')}</p>`;
    case 'closed':
      return box(host, v('closedTitle'), html`<slot name="closed"><p>${v('closedText')}</p></slot>`);
    case 'already-signed':
      return box(
        host,
        v('alreadyTitle'),
        html`<p>${v('alreadyText')}</p>
          <button type="button" class="secondary" @click=${() => signAgain(host)}>${v('signAnother')}</button>${sharing}`,
      );
    case 'signed':
      return box(
        host,
        v('thanksTitle'),
        html`<slot name="thanks"
            ><p>
              ${result?.duplicate ? v('thanksDuplicate') : result?.count === undefined ? nothing : v('thanksCount', { count: result.count })}
            </p></slot
          >${sharing}`,
      );
    case 'unsent':
      return box(
        host,
        v('unsentTitle'),
        html`<p>${v('unsentText')}</p>
          <button
            type="button"
            aria-disabled=${host.sending ? 'true' : nothing}
            aria-busy=${host.sending ? 'true' : nothing}
            @click=${() => resend(host)}
          >
            ${v('retrySend')}
          </button>`,
      );
    default:
      return box(host, v('queuedTitle'), html`<p>${v('queuedText')}</p>`);
  }
}

/** The problems of an invalid submit, each a link to its field. */
export function errorSummary(host: PetitionForm): TemplateResult | typeof nothing {
  const fields = FIELDS.filter((field) => host.errors[field]);
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
              >${host.message(field, host.errors[field]!)}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
