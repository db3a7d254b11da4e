/**
 * What petition-form does once a reader acts: build a signature, check it against the contract, queue and
 * send it, show what became of it; check the petition's status; wire a page's own `<form>`; offer sharing.
 * The element renders and validates without this chunk and loads it as soon as it connects, in parallel
 * with its first render (see `loadEngine` in petition-form.ts), so the form shows at once.
 */
import { html, type TemplateResult } from 'lit';
import {
  buildSignatureRequest,
  fieldErrors,
  idSchema,
  normaliseEndpoint,
  personSchema,
  prefillValues,
  resolveEndpoint,
  signatureRequestSchema,
  signatureSource,
  type AgirError,
  type Consent,
  type Person,
  type SignatureRequest,
} from '@agir/core';
import { AgirSubmitEvent, PetitionErrorEvent, QueuedEvent, SignedEvent } from './events.js';
import { flushQueue, loadPetition, onSettled, submitSignature, useClient, type Settled } from './page-queue.js';
import { FIELDS, safeHref, type Field, type Kind } from './fields.js';
import type { PetitionForm } from './petition-form.js';

const CONSENT = 'consent_newsletter';
const words = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const isId = (value: string | undefined): boolean => idSchema.safeParse(value).success;

/** The contract's rule for one person field (`personSchema`), for validation on blur. */
export const personFieldInvalid = (field: keyof Person, value: string): boolean => !personSchema.shape[field].safeParse(value).success;

/** Where signatures go: a valid petition id and endpoint, or undefined (reported to the page author). */
function target(host: PetitionForm): { endpoint: string; petition: string } | undefined {
  if (!isId(host.petition)) {
    host.report(
      `the "petition" attribute must be a petition id of letters, digits, "-" or "_", such as petition="xinjiang" (got "${host.petition}").`,
    );
    return undefined;
  }
  const raw = host.client?.endpoint ?? resolveEndpoint(host.endpoint, document);
  if (!raw) {
    host.report(
      'no endpoint: set the "endpoint" attribute, a <meta name="agir:endpoint" content="…"> tag, or call configure({ endpoint }) before the form loads.',
    );
    return undefined;
  }
  try {
    const endpoint = normaliseEndpoint(raw, location.href);
    if (host.client) useClient(host.client);
    return { endpoint, petition: host.petition };
  } catch (error) {
    host.report(`the "endpoint" attribute is not usable: ${(error as Error).message}`);
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
    host.report(`the "${CONSENT}" checkbox was ticked by the page; consent must start unticked, so it was unticked.`);
  }
  const missing = FIELDS.slice(0, 4).filter((field) => !host.control(field));
  if (missing.length) host.report(`the <form> inside lacks inputs named ${missing.join(', ')}; the contract needs them.`);
}

/** Signatures a form of this page is sending now, by form: a form still on the page reports its own. */
const sending = new Map<string, PetitionForm>();
/** Signatures of earlier visits already announced with agir-signed in this page. */
const announced = new Set<string>();

/**
 * Starts the engine for a form: wires a page form, hears the queue, fills prefill values, flushes this
 * endpoint's queue and checks whether the petition is open (without ever hiding the form while it waits).
 */
export async function load(host: PetitionForm): Promise<void> {
  wire(host, host.byo, true);
  host.unsubscribe ??= onSettled((settled) => {
    if (settled.id === host.pendingId) {
      if (settled.status !== 'retry') void settle(host, settled, false);
      return;
    }
    // A signature saved in an earlier visit got through (on load, `online` or a retry timer): tell counters
    // in the page, once per page whatever the number of forms, and not for a signature a form is sending now.
    if (settled.status !== 'sent' || !settled.response || settled.petition !== host.petition) return;
    if (sending.get(settled.id)?.isConnected || announced.has(settled.id)) return;
    sending.delete(settled.id);
    announced.add(settled.id);
    host.dispatchEvent(new SignedEvent(settled.petition, settled.endpoint, settled.response.signatureCount, settled.response.duplicate));
  });
  const where = target(host);
  if (!where) {
    if (!isId(host.petition)) host.view = 'unavailable';
    host.status = 'error';
    return;
  }
  await host.l10n.loaded;
  await host.updateComplete;
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
      host.report(`could not read petition "${where.petition}" at ${where.endpoint}: ${(error as Error).message}`);
    }
  }
}

function applyPrefill(host: PetitionForm): void {
  if (!host.prefill || host.prefilled || !host.form) return;
  host.prefilled = true;
  for (const [field, value] of Object.entries(prefillValues(location.search))) {
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
  const slotted = host.byo ? undefined : host.querySelector(':scope > [slot="consent"]');
  const text = host.byo
    ? [...(box.labels ?? [])].map((label) => label.textContent).join(' ')
    : slotted
      ? slotted.textContent
      : (host.consentText ?? host.l10n.t('consent'));
  // A page's own form carries the version in the hidden field the no-JavaScript route reads.
  const version = words(host.control(`${CONSENT}_version`)?.value ?? host.consentVersion) || 'default';
  return { id: 'newsletter', granted: box.checked, text: words(text).slice(0, 2000), version: version.slice(0, 64) };
}

function fail(host: PetitionForm, message: PetitionForm['failure'], reason: PetitionErrorEvent['reason'], error?: unknown): void {
  host.failure = message;
  host.dispatchEvent(new PetitionErrorEvent(host.petition, reason, error));
}

/** Validates, builds, offers the payload to the page (`agir-submit`), then queues and sends it. */
export async function submit(host: PetitionForm): Promise<void> {
  const present = FIELDS.filter((field) => host.control(field));
  if (await host.showErrors(host.validate(present))) {
    host.dispatchEvent(new PetitionErrorEvent(host.petition, 'invalid', undefined));
    return;
  }
  host.summary = false;
  const where = target(host);
  if (!where) return fail(host, 'unavailable', 'config');
  if (host.embed && !isId(host.embed))
    host.report(`the "embed" attribute must be an id of letters, digits, "-" or "_" (got "${host.embed}"); it is left out.`);
  const values: Record<string, string> = {};
  for (const field of present) values[field] = host.control(field)!.value;
  const { comment, ...person } = values;
  const given = consent(host);
  const submitEvent = new AgirSubmitEvent(
    buildSignatureRequest({
      person,
      comment,
      consents: given ? [given] : [],
      locale: host.l10n.locale,
      source: signatureSource(location.href, document.referrer, host.embed),
      startedAt: host.startedAt,
      trap: host.control('trap')?.value ?? '',
    }),
    where.petition,
    where.endpoint,
  );
  if (!host.dispatchEvent(submitEvent)) return;
  const checked = signatureRequestSchema.safeParse(submitEvent.payload);
  if (!checked.success) {
    const fields = fieldErrors(checked.error.issues);
    host.report(
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
    host.dispatchEvent(new PetitionErrorEvent(host.petition, 'closed', error));
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
  host.dispatchEvent(new PetitionErrorEvent(host.petition, invalid ? 'invalid' : 'rejected', error));
  await host.showErrors(errors);
}

/** Shows what became of a signature: sent, saved for later, or refused. */
async function settle(host: PetitionForm, settled: Settled, fromSubmit: boolean): Promise<void> {
  const focusHere = fromSubmit || host.matches(':focus-within');
  if (settled.status === 'retry') {
    host.remember();
    host.pendingId = settled.id;
    host.view = 'queued';
    host.dispatchEvent(new QueuedEvent(host.petition, host.sentTo, settled.id));
  } else if (settled.status === 'sent') {
    sending.delete(settled.id);
    host.remember();
    host.pendingId = undefined;
    const count = settled.response?.signatureCount;
    const duplicate = settled.response?.duplicate === true;
    host.result = { count, duplicate };
    host.view = 'signed';
    if (!fromSubmit) host.announcement = host.l10n.t('sentLater');
    host.dispatchEvent(new SignedEvent(host.petition, host.sentTo, count, duplicate));
  } else {
    sending.delete(settled.id);
    host.pendingId = undefined;
    host.sending = false;
    host.view = 'form';
    await host.updateComplete;
    return rejected(host, settled.error ?? new Error(settled.status));
  }
  await host.updateComplete;
  if (focusHere) host.renderRoot.querySelector<HTMLElement>('#title')?.focus();
}

/** Mirrors errors, busy state and country names onto a page's own form (light DOM: the page's ids). */
export function syncPageForm(host: PetitionForm): void {
  const form = host.byo!;
  const { l10n } = host;
  const country = host.control('country');
  if (
    country instanceof HTMLSelectElement &&
    l10n.ready &&
    host.filledSelect !== l10n.locale &&
    (host.filledSelect !== undefined || country.options.length < 2)
  ) {
    const chosen = country.value || host.defaultCountry();
    country.replaceChildren(
      new Option(l10n.t('chooseCountry'), ''),
      ...host.countryList().map(({ code, name }) => new Option(name, code, code === chosen, code === chosen)),
    );
    host.filledSelect = l10n.locale;
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
    host.copyStatus = host.l10n.t('copied');
  } catch {
    host.copyStatus = host.l10n.t('copyFailed');
  }
}

/** Share actions: the Web Share API where present, else plain links (no third-party script) and copy. */
export function share(host: PetitionForm): TemplateResult {
  const { t } = host.l10n;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = safeHref(host.shareUrl) ?? safeHref(canonical) ?? signatureSource(location.href).url;
  const title = host.petitionTitle ?? document.title;
  const text = t('shareText', { title });
  const both = encodeURIComponent(`${text} ${url}`);
  if (typeof navigator.share === 'function') {
    return html`<div class="share" part="share">
      <p>${t('shareCall')}</p>
      <button type="button" @click=${() => navigator.share({ title, text, url }).catch(() => undefined)}>${t('share')}</button>
    </div>`;
  }
  const links: Array<[string, string]> = [
    ['WhatsApp', `https://wa.me/?text=${both}`],
    ['X', `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encodeURIComponent(url)}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`],
  ];
  return html`<div class="share" part="share">
    <p>${t('shareCall')}</p>
    <ul>
      <li><a href=${`mailto:?subject=${encodeURIComponent(t('shareSubject', { title }))}&body=${both}`}>${t('email')}</a></li>
      ${links.map(
        ([label, href]) =>
          html`<li>
            <a href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${t('newTab')}</span></a>
          </li>`,
      )}
      <li><button type="button" @click=${() => copy(host, url)}>${t('copyLink')}</button></li>
    </ul>
    <p class="copied" role="status">${host.copyStatus}</p>
  </div>`;
}
