/**
 * A campaign page against the reference server over HTTP/1.1 — mounted at /agir-api/ of the test server,
 * the host that also serves the elements' code (see packages/server/test/wtr-api.ts) — with ten counters
 * of five petitions and a form. A browser opens at most six connections per host over HTTP/1.1: the page
 * must hold one live connection whatever the number of counters, so that the form still loads its code
 * and sends its signature. Runs in every engine of AGIR_BROWSERS (Chromium, Firefox, WebKit).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memoryStorage } from '@agir/core';
import '../src/signature-counter/define.js';
import { configureSignatureQueue, PetitionForm, type SignedEvent } from '../src/petition-form/index.js';
import { until, visibleText } from './helpers.js';

PetitionForm.define();

const endpoint = new URL('/agir-api/api/v1', location.href).href;
const ids = ['live-1', 'live-2', 'live-3', 'live-4', 'live-5'];
const format = (n: number): string => new Intl.NumberFormat('en').format(n);

async function stats(): Promise<{ sseConnections: number; sseListeners: number }> {
  return (await fetch('/agir-api/_stats', { cache: 'no-store' })).json();
}

async function count(id: string): Promise<number> {
  const petition = (await (await fetch(`${endpoint}/petitions/${id}`, { cache: 'no-store' })).json()) as { signatureCount: number };
  return petition.signatureCount;
}

/** Polls an async check every 50 ms until it holds, or fails after `timeout` ms. */
async function eventually(check: () => Promise<boolean>, timeout: number, what: string): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** A signature made elsewhere (another page, another device), straight to the server. */
function signElsewhere(petition: string): Promise<Response> {
  const now = new Date().toISOString();
  return fetch(`${endpoint}/petitions/${petition}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      idempotencyKey: crypto.randomUUID(),
      person: { givenName: 'Bea', familyName: 'Elsewhere', email: `bea-${run}@example.org`, country: 'FR' },
      consents: [],
      locale: 'en',
      source: { url: 'https://campaign.example/elsewhere' },
      client: { startedAt: now, submittedAt: now, trap: '' },
    }),
  });
}

before(() => customElements.whenDefined('signature-counter'));

describe('a page with ten counters of five petitions and a form, over HTTP/1.1 (reference server)', () => {
  it('holds one live connection; the form loads its code and signs; every counter follows its petition', async function () {
    this.timeout(40_000);
    configureSignatureQueue({ storage: memoryStorage(), timeoutMs: 10_000 });
    localStorage.removeItem('agir:signed:live-3');
    await eventually(async () => (await stats()).sseConnections === 0, 10_000, 'the streams of an earlier engine to close');
    const before = await Promise.all(ids.map(count));

    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        ${Array.from({ length: 10 }, (_, i) => html`<signature-counter petition=${ids[i % 5]} endpoint=${endpoint}></signature-counter>`)}
      </div>`,
    );
    const counters = Array.from(page.querySelectorAll('signature-counter'));
    await until(() => counters.every((el) => el.matches(':state(live)')), 10_000, 'ten live counters');
    await eventually(async () => (await stats()).sseListeners === 5, 5000, 'the stream of the five petitions');
    expect(await stats()).to.deep.equal({ sseConnections: 1, sseListeners: 5 }, 'one connection for the five petitions');

    // The form comes in while the counters are live: its code (a lazy chunk) and its requests use the same host.
    const form = document.createElement('petition-form') as PetitionForm;
    form.setAttribute('petition', 'live-3');
    form.setAttribute('endpoint', endpoint);
    page.append(form);
    const field = (name: string): HTMLInputElement | HTMLSelectElement =>
      form.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
    await until(() => form.shadowRoot?.querySelector('[name="email"]') && form.matches(':state(form)'), 10_000, 'the form');
    const values: Record<string, string> = { givenName: 'Ann', familyName: 'Here', email: `ann-${run}@example.org`, country: 'GB' };
    for (const [name, value] of Object.entries(values)) {
      field(name).focus();
      field(name).value = value;
      field(name).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    const signed = new Promise<SignedEvent>((resolve) => form.addEventListener('agir-signed', (event) => resolve(event as SignedEvent)));
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const event = await signed;
    expect(event.signatureCount).to.equal(before[2]! + 1);
    await until(() => form.matches(':state(signed)'), 5000, 'the thank-you state');
    expect(visibleText(form)).to.contain('Thank you for signing!');
    for (const el of [counters[2]!, counters[7]!])
      await until(() => visibleText(el).includes(format(before[2]! + 1)), 5000, 'the counters of the signed petition');

    // A signature made elsewhere reaches the counters of its petition through the one stream.
    expect((await signElsewhere('live-5')).status).to.equal(201);
    for (const el of [counters[4]!, counters[9]!])
      await until(() => visibleText(el).includes(format(before[4]! + 1)), 5000, 'the stream’s count of live-5');
    expect(visibleText(counters[0]!)).to.contain(format(before[0]!));
    expect((await stats()).sseConnections).to.equal(1);
  });
});
