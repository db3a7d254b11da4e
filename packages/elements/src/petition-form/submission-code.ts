/**
 * The code of petition-form's `SubmissionController` (./submission.ts), loaded as soon as the form connects,
 * in parallel with its first render: check the petition's status; once a reader acts, build a signature,
 * check it against the contract, queue and send it, and show what became of it. What it shows is drawn by
 * ./notices.ts; a page's own `<form>` is wired by ./page-form.ts. Every function takes the form's controller.
 */
import {
  buildSignatureRequest,
  fieldErrors,
  ID_PATTERN,
  normaliseEndpoint,
  prefillValues,
  resolveEndpoint,
  readSignatureRequest,
  resolveClient,
  signatureSource,
  type AgirClient,
  type AgirError,
  type Consent,
  type SignatureRequest,
} from '@agir/core';
import { AgirSubmitEvent, PetitionErrorEvent, QueuedEvent, SignedEvent } from './events.js';
import { flushQueue, loadPetition, onSettled, retrySignature, submitSignature, useClient, type Settled } from './page-queue.js';
import { FIELDS, fieldsIn, running, signedKey, today, type Field, type Kind } from './fields.js';
import { loadViews, views } from './notices.js';
import { CONSENT } from './page-form.js';
import type { PetitionForm } from './petition-form.js';
import type { SubmissionController } from './submission.js';

export { errorSummary, notice } from './notices.js';
export { syncPageForm, wire } from './page-form.js';

const words = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const isId = (value: string | undefined): boolean => value !== undefined && ID_PATTERN.test(value);
/** The `petition` attribute, '' when missing. */
const petitionId = (host: PetitionForm): string => host.petition ?? '';

/** Where signatures go: the petition, the client's id (the queue's key) and endpoint. */
interface Target {
  petition: string;
  client: string;
  endpoint: string;
}

/**
 * Where signatures go: a valid petition id and a client that can sign (the form's `client`, else
 * `configure({ client })`'s, else the `adapter` attribute's, else the contract's client of its endpoint), or
 * undefined (reported to the page author).
 */
async function target(c: SubmissionController): Promise<Target | undefined> {
  const { host } = c;
  const petition = petitionId(host);
  if (!isId(petition)) {
    host.authorError(
      `the "petition" attribute must be a petition id of letters, digits, "-" or "_", such as petition="xinjiang" (got "${petition}").`,
    );
    return undefined;
  }
  const raw = resolveEndpoint(host.endpoint, document);
  const adapter = host.getAttribute('adapter')?.trim();
  let client = resolveClient(host.client);
  try {
    if (!client && adapter) {
      if (!raw) throw new Error(`the "${adapter}" adapter needs the URL it sends to in the "endpoint" attribute.`);
      client = (await import('./adapters.js')).adapterClient(adapter, raw);
    }
    if (client) {
      if (typeof client.sign != 'function')
        throw new Error(
          'its client cannot record signatures (it has no sign method): give the form a backend that can (docs/backends.md).',
        );
      if (typeof client.id != 'string' || !client.id)
        throw new Error(
          'its client has no "id": give it a stable one (e.g. "crm:https://crm.example/api"), under which the form keeps the signatures it could not send yet (docs/backends.md).',
        );
      useClient(client as AgirClient & { id: string });
      return { petition, client: client.id, endpoint: client.endpoint };
    }
  } catch (error) {
    host.authorError((error as Error).message);
    return undefined;
  }
  if (!raw) {
    host.authorError(
      'no endpoint: set the "endpoint" attribute, a <meta name="agir:endpoint" content="…"> tag, or call configure({ endpoint }) before the form loads.',
    );
    return undefined;
  }
  try {
    const endpoint = normaliseEndpoint(raw, location.href);
    return { petition, client: `agir:${endpoint}`, endpoint };
  } catch (error) {
    host.authorError(`the "endpoint" attribute is not usable: ${(error as Error).message}`);
    return undefined;
  }
}

/** Signatures a form of this page is sending now, by form: a form still on the page reports its own. */
const sending = new Map<string, PetitionForm>();
/** Signatures of earlier visits already announced with agir-signed in this page. */
const announced = new Set<string>();

/**
 * Starts the submission code for a form: hears the queue, fills prefill values, flushes this
 * endpoint's queue and checks whether the petition is open (without ever hiding the form while it waits).
 */
export async function load(c: SubmissionController): Promise<void> {
  const { host } = c;
  c.unsubscribe ??= onSettled((settled) => {
    if (settled.id === c.pendingId) {
      if (settled.status !== 'retry') void settle(c, settled, false);
      return;
    }
    // A signature saved in an earlier visit got through (on load, `online` or a retry timer): tell counters
    // in the page, once per page whatever the number of forms, and not for a signature a form is sending now.
    if (settled.status !== 'sent' || !settled.response || settled.petition !== petitionId(host)) return;
    if (sending.get(settled.id)?.isConnected || announced.has(settled.id)) return;
    sending.delete(settled.id);
    announced.add(settled.id);
    host.dispatchEvent(new SignedEvent(settled.petition, settled.endpoint, settled.response.signatureCount, settled.response.duplicate));
  });
  const where = await target(c);
  if (!where) {
    if (!isId(petitionId(host)) || resolveClient(host.client) || host.hasAttribute('adapter')) c.view = 'unavailable';
    c.status = 'error';
    return;
  }
  await host.locale.loaded;
  await Promise.all([host.updateComplete, loadViews(host)]);
  applyPrefill(c);
  const key = `${where.client} ${where.petition}`;
  if (key === c.loadedKey) return;
  c.loadedKey = key;
  // Signatures an earlier visit saved go now (and any expired one of this origin is dropped); the listener
  // above tells the page about those that get through.
  flushQueue(where.client, true).catch(() => undefined);
  forgetEnded();
  c.status = 'pending';
  try {
    const petition = await loadPetition(where.client, where.petition, host.locale.locale);
    if (c.loadedKey !== key) return;
    // A client that cannot read petitions (a webhook): the form takes signatures without knowing more.
    if (!petition) {
      c.status = 'complete';
      return;
    }
    c.petitionTitle = petition.title;
    // Its share text only in the form's language (by primary subtag, as the cards mark a record's language).
    c.petitionShareText = petition.locale.split('-')[0] == host.locale.locale.split('-')[0] ? petition.shareText : undefined;
    c.status = 'complete';
    if (petition.status === 'closed') stop(c, 'closed');
  } catch (error) {
    if (c.loadedKey !== key) return;
    c.status = 'error';
    const { kind, status } = error as AgirError;
    if (status === 404) {
      notFound(c, where.endpoint);
      stop(c, 'not-found');
    } else if (kind === 'schema' || (kind === 'http' && status !== undefined && status < 500)) {
      host.authorError(`could not read petition "${where.petition}" at ${where.endpoint}: ${(error as Error).message}`);
    }
  }
}

/**
 * The petition takes no signatures (closed, or not found): its notice replaces the form, or the "already
 * signed" notice; focus moves to its heading if the reader was in the form.
 */
function stop(c: SubmissionController, view: 'closed' | 'not-found'): void {
  if (c.view !== 'form' && c.view !== 'already-signed') return;
  if (c.host.matches(':focus-within')) c.focus = '#title';
  c.view = view;
}

/** Tells the page author that the endpoint has no such petition (a 404 to the check or to a signature). */
function notFound(c: SubmissionController, endpoint: string | undefined): void {
  c.host.authorError(
    `there is no petition "${petitionId(c.host)}" at ${endpoint} (404): check the "petition" attribute. Readers see "petition not found".`,
  );
}

function applyPrefill(c: SubmissionController): void {
  const { host } = c;
  if (!host.prefill || c.prefilled || !host.control('givenName')) return;
  c.prefilled = true;
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
function consent(c: SubmissionController): Consent | undefined {
  const { host } = c;
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

function fail(
  c: SubmissionController,
  message: SubmissionController['failure'],
  reason: PetitionErrorEvent['reason'],
  error?: unknown,
): void {
  const { host } = c;
  c.failure = message;
  host.dispatchEvent(new PetitionErrorEvent(petitionId(host), reason, error));
}

/** Shows the summary and focuses the first invalid field; false when there is none. */
async function showErrors(c: SubmissionController, errors: Partial<Record<Field, Kind>>): Promise<boolean> {
  const { host } = c;
  const first = fieldsIn(host.locale.locale).find((field) => errors[field]);
  if (!first) return false;
  c.summary = true;
  await host.updateComplete;
  host.control(first)?.focus();
  return true;
}

/** Days this device remembers that it signed a petition (unless the form says `no-remember`). */
const REMEMBER_DAYS = 30;

/**
 * Remembers on this device that it signed, for `REMEMBER_DAYS` (by petition id and the day the memory ends,
 * no personal data); nothing with `no-remember`.
 */
function remember(c: SubmissionController): void {
  const { host } = c;
  if (host.noRemember) return;
  try {
    localStorage.setItem(signedKey(petitionId(host)), String(today() + REMEMBER_DAYS));
  } catch {
    // No storage (private mode, blocked): the notice is a convenience.
  }
}

/**
 * Erases every ended "signed" memory of this origin, not only this form's petition's (which the form erases
 * before it draws): a memory of a petition no page shows any more would otherwise stay on the device.
 */
function forgetEnded(): void {
  try {
    const prefix = signedKey('');
    for (let i = localStorage.length; i--;) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) && !running(localStorage.getItem(key))) localStorage.removeItem(key);
    }
  } catch {
    // No storage (private mode, blocked): nothing was remembered.
  }
}

/** "Sign for someone else": back to an empty form, focus on its first field. */
export async function signAgain(c: SubmissionController): Promise<void> {
  const { host } = c;
  c.view = 'form';
  c.result = undefined;
  host.errors = {};
  c.summary = false;
  c.failure = undefined;
  c.copyStatus = c.announcement = '';
  c.startedAt = Date.now();
  host.control('givenName')?.form?.reset();
  await host.updateComplete;
  host.control('givenName')?.focus();
}

/** Validates, builds, offers the payload to the page (`agir-submit`), then queues and sends it. */
export async function submit(c: SubmissionController): Promise<void> {
  const { host } = c;
  await loadViews(host);
  const present = FIELDS.filter((field) => host.control(field));
  if (await showErrors(c, host.validate(present))) {
    host.dispatchEvent(new PetitionErrorEvent(petitionId(host), 'invalid', undefined));
    return;
  }
  c.summary = false;
  const where = await target(c);
  if (!where) return fail(c, 'unavailable', 'config');
  if (host.embed && !isId(host.embed))
    host.authorError(`the "embed" attribute must be an id of letters, digits, "-" or "_" (got "${host.embed}"); it is left out.`);
  const values: Record<string, string> = {};
  for (const field of present) values[field] = host.control(field)!.value;
  const { comment, ...person } = values;
  const given = consent(c);
  const submitEvent = new AgirSubmitEvent(
    buildSignatureRequest({
      person,
      comment,
      consents: given ? [given] : [],
      locale: host.locale.locale,
      source: signatureSource(location.href, document.referrer, host.embed),
      startedAt: c.startedAt,
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
    return rejected(c, { status: 422, fields });
  }
  let request: SignatureRequest = checked.data;
  if (host.captcha) {
    try {
      request = { ...request, captcha: String(await host.captcha(request)) } as SignatureRequest;
    } catch (error) {
      return fail(c, 'errorCaptcha', 'captcha', error);
    }
  }
  c.sentTo = where.endpoint;
  c.sending = true;
  sending.set(request.idempotencyKey, host);
  await settle(c, await submitSignature(where.client, where.petition, request), true);
}

/** A refusal from the server (or the contract): field errors go back to their fields. */
async function rejected(c: SubmissionController, error: unknown): Promise<void> {
  const { host } = c;
  const { status, code, fields = {} } = (error ?? {}) as Partial<AgirError>;
  const gone = code === 'closed' || status === 409 ? 'closed' : status === 404 ? 'not-found' : undefined;
  if (gone) {
    if (gone === 'not-found') notFound(c, c.sentTo);
    stop(c, gone);
    host.dispatchEvent(new PetitionErrorEvent(petitionId(host), gone, error));
    return;
  }
  const errors: Partial<Record<Field, Kind>> = {};
  for (const path of Object.keys(fields)) {
    const field = path.replace(/^person\./, '') as Field;
    if (FIELDS.includes(field) && host.control(field)) errors[field] = 'Invalid';
  }
  const invalid = Object.keys(errors).length > 0;
  host.errors = { ...host.errors, ...errors };
  // 403: the server does not take signatures from this page (its allow-list), whatever was typed.
  if (!invalid) c.failure = status === 413 ? 'errorTooLarge' : status === 403 ? 'errorForbidden' : 'errorRejected';
  host.dispatchEvent(new PetitionErrorEvent(petitionId(host), invalid ? 'invalid' : 'rejected', error));
  await showErrors(c, errors);
}

/** "Try again" on a signature the server failed again and again: sends it now, shows what became of it. */
export async function resend(c: SubmissionController): Promise<void> {
  const id = c.pendingId;
  if (c.sending || !id) return;
  c.sending = true;
  try {
    const settled = await retrySignature(id);
    // Gone meanwhile: another tab sent it (or it was dropped); what became of it reached the form already.
    if (settled) await settle(c, settled, true);
  } finally {
    c.sending = false;
  }
}

/** Shows what became of a signature: sent, saved for later, refused, or failed by the server again and again. */
async function settle(c: SubmissionController, settled: Settled, fromSubmit: boolean): Promise<void> {
  const { host } = c;
  const focusHere = fromSubmit || host.matches(':focus-within');
  await loadViews(host);
  if (settled.status === 'failed') {
    c.pendingId = settled.id;
    c.view = 'unsent';
    host.dispatchEvent(new PetitionErrorEvent(petitionId(host), 'server', settled.error));
  } else if (settled.status === 'retry') {
    remember(c);
    c.pendingId = settled.id;
    c.view = 'queued';
    host.dispatchEvent(new QueuedEvent(petitionId(host), c.sentTo, settled.id));
  } else if (settled.status === 'sent') {
    sending.delete(settled.id);
    remember(c);
    c.pendingId = undefined;
    const count = settled.response?.signatureCount;
    // A retry answered `duplicate` is this same signature, counted by its first attempt: the same thanks.
    c.result = { count };
    c.view = 'signed';
    if (!fromSubmit) c.announcement = views(host)?.('sentLater') ?? '';
    host.dispatchEvent(new SignedEvent(petitionId(host), c.sentTo, count, settled.response?.duplicate === true));
  } else {
    sending.delete(settled.id);
    c.pendingId = undefined;
    c.sending = false;
    c.view = 'form';
    await host.updateComplete;
    return rejected(c, settled.error ?? new Error(settled.status));
  }
  // The heading takes focus in the render that shows the notice, not in a continuation after it: a page
  // awaiting `updateComplete` after `agir-queued` would otherwise race this function for the focus.
  if (focusHere) c.focus = '#title';
  host.requestUpdate();
  await host.updateComplete;
}
