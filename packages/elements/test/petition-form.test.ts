import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  configure,
  createActionNetworkClient,
  createWebhookClient,
  fallbackStorage,
  indexedDbStorage,
  memoryStorage,
  resetConfig,
  webStorage,
  type QueueStorage,
  type SignatureRequest,
} from '@agir/core';
import {
  AgirSubmitEvent,
  PetitionErrorEvent,
  PetitionForm,
  QueuedEvent,
  SignedEvent,
  configureSignatureQueue,
  queuedSignatures,
} from '../src/petition-form/index.js';
import { fakeEndpoint, pressSpace, json, petitionPayload, until, visibleText, type FakeEndpoint, type RecordedRequest } from './helpers.js';

PetitionForm.define();

const PRIVACY = 'https://example.org/privacy';
/** The not-found notice's heading in each language the axe loop runs. */
const NOT_FOUND: Record<string, string> = {
  fr: 'Cette pétition est introuvable',
  ar: 'تعذّر العثور على هذه العريضة',
  it: 'Questa petizione non è stata trovata',
  nl: 'Deze petitie is niet gevonden',
  pt: 'Esta petição não foi encontrada',
  ug: 'بۇ ئىلتىماس تېپىلمىدى',
  'zh-Hans': '找不到此请愿',
};
const SIGN = '/petitions/xinjiang/signatures';
const PETITION = '/petitions/xinjiang';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let fake: FakeEndpoint;
let undo: Array<() => void> = [];
/** How the fake endpoint answers `GET /petitions/xinjiang` (tests change it before mounting). */
let petitionAnswer: () => Response | Promise<Response>;

/** Test seams: short timeouts and retry delays, a fresh queue storage. */
function freshQueue(options: { storage?: QueueStorage; baseDelayMs?: number; timeoutMs?: number } = {}): void {
  const baseDelayMs = options.baseDelayMs ?? 40;
  configureSignatureQueue({ storage: memoryStorage(), timeoutMs: 1000, ...options, baseDelayMs, maxDelayMs: Math.max(200, baseDelayMs) });
}

/** The day (since the epoch, UTC) the "already signed" memory ends, `days` from today. */
const memoryUntil = (days: number): string => String(Math.floor(Date.now() / 86_400_000) + days);
/** What this origin's localStorage holds under `agir:` keys. */
const agirStorage = (): Array<[string, string]> => Object.entries({ ...localStorage }).filter(([key]) => key.startsWith('agir:'));

function forgetSignedMemory(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('agir:')) localStorage.removeItem(key);
}

/** A fake `fetch` that also honours abort signals (so client timeouts are real). */
function abortableFetch(): void {
  const inner = window.fetch;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      inner(input, init).then(resolve, reject);
    })) as typeof fetch;
  undo.push(() => (window.fetch = inner));
}

/** Records console.error messages for the length of a test. */
function captureErrors(): string[] {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  undo.push(() => (console.error = original));
  return messages;
}

function stubNavigator(name: 'share' | 'clipboard', value: unknown): void {
  Object.defineProperty(navigator, name, { configurable: true, value });
  undo.push(() => delete (navigator as unknown as Record<string, unknown>)[name]);
}

const signatures = (): RecordedRequest[] => fake.requests.filter((request) => request.method === 'POST');
const body = (request: RecordedRequest | undefined): SignatureRequest => request!.body as SignatureRequest;
const created = (count = 323833) => json({ signatureCount: count, duplicate: false }, 201);
const offline = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

const root = (el: PetitionForm): ShadowRoot => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: PetitionForm, selector: string): T | null => root(el).querySelector<T>(selector);
const input = (el: PetitionForm, id: string): HTMLInputElement => $(el, `#${id}`) as HTMLInputElement;
const submitButton = (el: PetitionForm): HTMLButtonElement => $(el, 'button[type="submit"]') as HTMLButtonElement;
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
/**
 * An element as a short string (`h2#title`, `input#email`): focus assertions compare these, because a failed
 * `expect(element).to.equal(other)` makes the runner serialise both elements, and the run hangs instead of failing.
 */
const nameOf = (node: Element | null): string =>
  node
    ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('name') ? `[name=${node.getAttribute('name')}]` : ''} "${node.textContent!.trim().slice(0, 30)}"`
    : 'nothing';
const focusedNow = (): string => nameOf(deepActive());

/** The petition checks the fake endpoint was asked for so far (each form asks once, after its first render). */
const petitionChecks = (): number => fake.requests.filter((request) => request.method === 'GET' && request.path === PETITION).length;

/** Waits until the element rendered in its language. */
async function rendered(el: PetitionForm): Promise<void> {
  await until(() => $(el, '.root'), 3000, 'the element in its language');
  await el.updateComplete;
}

/**
 * Waits until the element rendered in its language and checked the petition: the endpoint was asked (`checks`
 * petition requests in all, this form's included) and `:state(checking)` is off again.
 */
async function settled(el: PetitionForm, checks = 1): Promise<PetitionForm> {
  await rendered(el);
  await until(() => petitionChecks() >= checks && !el.matches(':state(checking)'), 3000, 'the petition check');
  await el.updateComplete;
  return el;
}

async function mount(
  lang = 'fr',
  extra: { fields?: string; required?: string; petition?: string; endpoint?: string | null } = {},
): Promise<PetitionForm> {
  // A form with a petition id and an endpoint asks for the petition; a misconfigured one asks for nothing.
  const checks = petitionChecks() + (extra.petition === undefined && extra.endpoint !== null && backend.reads ? 1 : 0);
  const el = await fixture<PetitionForm>(
    html`<petition-form
      lang=${lang}
      petition=${extra.petition ?? 'xinjiang'}
      endpoint=${extra.endpoint === null ? '' : (extra.endpoint ?? fake.endpoint)}
      privacy-href=${PRIVACY}
      consent-version="2026-11"
      fields=${extra.fields ?? ''}
      required=${extra.required ?? ''}
    ></petition-form>`,
  );
  return settled(el, checks);
}

function type(el: PetitionForm, id: string, value: string): void {
  const control = input(el, id);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function fillValid(el: PetitionForm, values: Record<string, string> = {}): void {
  const all = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', ...values };
  for (const [id, value] of Object.entries(all)) type(el, id, value);
  // A language with no default country (ug, zh-Hans): the signer reaches the list and picks one.
  const country = input(el, 'country');
  if (!country.value && !('country' in values)) {
    country.focus();
    type(el, 'country', 'FR');
  }
}

async function submit(el: PetitionForm): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
}

async function signedView(el: PetitionForm): Promise<void> {
  await until(() => el.matches(':state(signed)'), 3000, 'the thank-you state');
  await el.updateComplete;
}

beforeEach(() => {
  fake = fakeEndpoint();
  petitionAnswer = () => json(petitionPayload());
  fake.on('GET', PETITION, () => petitionAnswer());
  freshQueue();
  forgetSignedMemory();
});

afterEach(async () => {
  configureSignatureQueue({ storage: memoryStorage(), baseDelayMs: 60_000 });
  // Let a flush still under way finish while the fake endpoint answers, so no test leaks into the next.
  await navigator.locks.request('agir-signature-queue', async () => undefined);
  for (const step of undo.reverse()) step();
  undo = [];
  fake.restore();
  forgetSignedMemory();
});

describe('petition-form: accessible in every state (fr and ar; it, nl, pt)', () => {
  for (const lang of ['fr', 'ar', 'it', 'nl', 'pt', 'ug', 'zh-Hans']) {
    describe(lang, () => {
      it('pristine form, with the petition loaded', async () => {
        const el = await mount(lang, { fields: 'postal-code phone comment', required: 'postal-code' });
        expect($(el, '.root')!.getAttribute('dir')).to.equal(lang === 'ar' || lang === 'ug' ? 'rtl' : 'ltr');
        await expect(el).to.be.accessible();
      });

      it('while the petition is still being checked (the form is already usable)', async () => {
        petitionAnswer = () => new Promise<Response>(() => undefined);
        const el = await fixture<PetitionForm>(
          html`<petition-form lang=${lang} petition="xinjiang" endpoint=${fake.endpoint} privacy-href=${PRIVACY}></petition-form>`,
        );
        await until(() => el.matches(':state(checking)'), 3000, 'the pending check');
        await el.updateComplete;
        expect(el.matches(':state(checking)')).to.equal(true);
        expect(input(el, 'givenName')).to.exist;
        await expect(el).to.be.accessible();
      });

      it('invalid after a submit', async () => {
        const el = await mount(lang);
        await submit(el);
        await until(() => $(el, '[part="error-summary"]'), 2000, 'the error summary');
        await expect(el).to.be.accessible();
      });

      it('submitting', async () => {
        let release!: () => void;
        fake.on('POST', SIGN, () => new Promise<Response>((resolve) => (release = () => resolve(created()))));
        const el = await mount(lang);
        fillValid(el);
        await submit(el);
        await until(() => el.matches(':state(submitting)'), 2000, 'the submitting state');
        await el.updateComplete;
        expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
        await expect(el).to.be.accessible();
        release();
        await signedView(el);
      });

      it('queued (saved on the device)', async () => {
        freshQueue({ baseDelayMs: 60_000 });
        fake.on('POST', SIGN, offline);
        const el = await mount(lang);
        fillValid(el);
        await submit(el);
        await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });

      it('could not be sent (the server failed again and again), with its retry button', async () => {
        fake.on('POST', SIGN, () => json({ error: { code: 'internal', message: 'boom' } }, 500));
        const el = await mount(lang);
        fillValid(el);
        await submit(el);
        await until(() => el.matches(':state(unsent)'), 5000, 'the unsent state');
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });

      it('signed, with share actions', async () => {
        stubNavigator('share', undefined);
        fake.on('POST', SIGN, () => created());
        const el = await mount(lang);
        fillValid(el);
        await submit(el);
        await signedView(el);
        await expect(el).to.be.accessible();
      });

      it('already signed on this device', async () => {
        localStorage.setItem('agir:signed:xinjiang', memoryUntil(1));
        const el = await mount(lang);
        expect(el.matches(':state(already-signed)')).to.equal(true);
        await expect(el).to.be.accessible();
      });

      it('petition closed', async () => {
        petitionAnswer = () => json(petitionPayload({ status: 'closed' }));
        const el = await mount(lang);
        expect(el.matches(':state(closed)')).to.equal(true);
        await expect(el).to.be.accessible();
      });

      it('server error while loading (the form stays)', async () => {
        petitionAnswer = () => json({ error: { code: 'internal', message: 'boom' } }, 500);
        const el = await mount(lang);
        // The check ended in an error: the form stays, with no "checking" state.
        expect(el.matches(':state(form)') && !el.matches(':state(checking)')).to.equal(true);
        expect(input(el, 'email')).to.exist;
        await expect(el).to.be.accessible();
      });

      it('server refused the signature', async () => {
        fake.on('POST', SIGN, () => json({ error: { code: 'validation', message: 'nope' } }, 400));
        const el = await mount(lang);
        fillValid(el);
        await submit(el);
        await until(() => $(el, '[part="alert"]'), 3000, 'the error message');
        await expect(el).to.be.accessible();
      });

      it('petition not found (404): a notice, no form', async () => {
        captureErrors();
        petitionAnswer = () => json({ error: { code: 'not_found', message: 'no such petition' } }, 404);
        const el = await mount(lang);
        expect(el.matches(':state(not-found)')).to.equal(true);
        expect($(el, 'form')).to.equal(null);
        expect($(el, '[role="heading"]')!.textContent!.trim()).to.equal(NOT_FOUND[lang]);
        await expect(el).to.be.accessible();
      });

      it('unavailable (misconfigured)', async () => {
        captureErrors();
        const el = await mount(lang, { petition: 'not a valid id!' });
        await until(() => el.matches(':state(unavailable)'), 2000, 'the unavailable state');
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    });
  }
});

describe('petition-form: fields, labels and autofill', () => {
  it('renders one real <form> with labelled native inputs, autocomplete tokens and input modes', async () => {
    const el = await mount('fr', { fields: 'postal-code phone comment', required: 'postal-code' });
    const form = $(el, 'form') as HTMLFormElement;
    const expected: Record<string, [string, string | null, string]> = {
      givenName: ['given-name', null, 'Prénom'],
      familyName: ['family-name', null, 'Nom'],
      email: ['email', 'email', 'E-mail'],
      country: ['country', null, 'Pays ou territoire'],
      postalCode: ['postal-code', null, 'Code postal'],
      phone: ['tel', 'tel', 'Téléphone (facultatif)'],
    };
    for (const [name, [autocomplete, inputMode, label]] of Object.entries(expected)) {
      const control = form.elements.namedItem(name) as HTMLInputElement;
      expect(control, name).to.exist;
      expect(control.form).to.equal(form);
      expect(control.getAttribute('autocomplete')).to.equal(autocomplete);
      expect(control.getAttribute('inputmode')).to.equal(inputMode);
      expect(visibleText(control.labels![0]!)).to.equal(label);
    }
    expect((form.elements.namedItem('email') as HTMLInputElement).type).to.equal('email');
    expect((form.elements.namedItem('phone') as HTMLInputElement).type).to.equal('tel');
    expect((form.elements.namedItem('postalCode') as HTMLInputElement).required).to.equal(true);
    expect((form.elements.namedItem('phone') as HTMLInputElement).required).to.equal(false);
    expect(form.elements.namedItem('comment')).to.be.instanceOf(HTMLTextAreaElement);
    expect(visibleText(input(el, 'email-help'))).to.contain('une seule fois');
    expect(input(el, 'email').getAttribute('aria-describedby')).to.equal('email-help');
  });

  it('shows only the fields asked for', async () => {
    const el = await mount('fr');
    expect(input(el, 'postalCode')).to.equal(null);
    expect(input(el, 'phone')).to.equal(null);
    expect(input(el, 'comment')).to.equal(null);
  });

  it('lists every country in the reader’s language once the reader reaches the form, with a default from the language', async () => {
    const fr = await mount('fr');
    const select = $(fr, 'select') as HTMLSelectElement;
    // Until then it holds the default country only (naming and sorting 250 countries is the form's costliest work).
    expect([...select.options].map((option) => [option.value, option.text])).to.deep.equal([
      ['', 'Choisir…'],
      ['FR', 'France'],
    ]);
    expect(select.value).to.equal('FR');
    input(fr, 'givenName').focus();
    expect(select.options.length, 'listed as soon as the reader is in the form').to.be.greaterThan(240);
    expect(select.value).to.equal('FR');
    expect([...select.options].find((option) => option.value === 'CN')!.text).to.equal('Chine');
    const ar = await mount('ar');
    const arSelect = $(ar, 'select') as HTMLSelectElement;
    // A press on the select itself lists them before it opens (pointerdown comes before focus and the list).
    arSelect.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect([...arSelect.options].find((option) => option.value === 'CN')!.text).to.equal('الصين');
    expect(arSelect.value).to.equal('EG');
  });

  it('in Uyghur and Simplified Chinese: no country chosen for the signer, every name in the reader’s script, in every engine', async () => {
    // Chromium's Intl has no Uyghur (it would say "China"): the form loads core's CLDR table, and only there.
    const tableFetched = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/country-names/'));
    const expected = {
      ug: ['تاللاڭ…', 'جۇڭگو', 'گېرمانىيە', /^[\u0600-\u06ff\s()،.-]+$/, 'دۆلىتىڭىز ياكى رايونىڭىزنى تاللاڭ'],
      'zh-Hans': ['请选择…', '中国', '德国', /^[^A-Za-z]+$/, '请选择您所在的国家或地区'],
    } as const;
    fake.on('POST', SIGN, () => created(323833));
    for (const [lang, [placeholder, china, germany, script, required]] of Object.entries(expected)) {
      const before = signatures().length;
      const el = await mount(lang);
      const select = $(el, 'select') as HTMLSelectElement;
      // The first render lists no country at all: there is no default to show.
      expect(
        [...select.options].map((option) => [option.value, option.text]),
        lang,
      ).to.deep.equal([['', placeholder]]);
      input(el, 'givenName').focus();
      const options = [...select.options].slice(1);
      expect(options.length, lang).to.be.greaterThan(240);
      expect(select.value, `${lang}: nothing preselected`).to.equal('');
      expect(options.find((option) => option.value === 'CN')!.text, lang).to.equal(china);
      expect(options.find((option) => option.value === 'DE')!.text, lang).to.equal(germany);
      // (CLDR 48 has no Uyghur name for IO, British Indian Ocean Territory: every engine shows its code.)
      expect(
        options.filter((option) => option.text !== option.value && !script.test(option.text)).map((option) => option.text),
        `${lang}: names in the reader’s script`,
      ).to.deep.equal([]);
      fillValid(el, { country: '' });
      await submit(el);
      await until(() => $(el, '#country-error'), 2000, 'the country error');
      expect(visibleText($(el, '#country-error')!), lang).to.contain(required);
      expect(signatures().length, lang).to.equal(before);
      select.value = 'DE';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await submit(el);
      await signedView(el);
      expect(body(signatures()[before]).person.country, lang).to.equal('DE');
      forgetSignedMemory();
    }
    expect(tableFetched(), 'the table is fetched only by an engine that lacks the names').to.equal(
      !Intl.DisplayNames.supportedLocalesOf(['ug']).length,
    );
  });

  it('speaks Italian, Dutch and Portuguese: labels, the default country, the thank-you and its count', async () => {
    const expected = {
      it: ['Nome', 'Paese o territorio', 'IT', 'Grazie per aver firmato!', 'Finora hanno firmato 323.833 persone.'],
      nl: ['Voornaam', 'Land of gebied', 'NL', 'Bedankt voor je handtekening!', 'Tot nu toe hebben 323.833 mensen getekend.'],
      // CLDR's usual country for "pt" is Brazil; a Portuguese page says pt-PT.
      pt: ['Nome próprio', 'País ou território', 'BR', 'Obrigado por assinar!', 'Até agora, assinaram 323.833 pessoas.'],
    };
    for (const [lang, [givenName, country, region, thanks, count]] of Object.entries(expected)) {
      fake.on('POST', SIGN, () => created(323833));
      const el = await mount(lang);
      expect(visibleText(input(el, 'givenName').labels![0]!), lang).to.equal(givenName);
      expect(visibleText(input(el, 'country').labels![0]!), lang).to.equal(country);
      expect(($(el, 'select') as HTMLSelectElement).value, lang).to.equal(region);
      fillValid(el);
      await submit(el);
      await signedView(el);
      expect(visibleText(el), lang).to.contain(thanks).and.contain(count);
      forgetSignedMemory();
    }
  });

  it('reports an unknown token of `fields` once, naming the element and the fix', async () => {
    const errors = captureErrors();
    await mount('fr', { fields: 'zip phone' });
    expect(errors.filter((message) => message.includes('unknown token "zip"'))).to.have.length(1);
    expect(errors[0]).to.contain('<petition-form>');
  });

  it('never pre-ticks the consent box', async () => {
    const el = await mount('fr');
    const box = input(el, 'consent');
    expect(box.checked).to.equal(false);
    expect(box.type).to.equal('checkbox');
  });
});

describe('petition-form: validation', () => {
  it('on an invalid submit: nothing is sent, the summary links each message, focus lands on the first invalid field', async () => {
    const el = await mount('fr');
    type(el, 'email', 'ada@example.org');
    await submit(el);
    await until(() => deepActive() === input(el, 'givenName'), 2000, 'focus on the first invalid field');
    expect(signatures()).to.have.length(0);
    const given = input(el, 'givenName');
    expect(given.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = given.getAttribute('aria-describedby')!;
    expect(describedBy).to.equal('givenName-error');
    expect(visibleText(input(el, describedBy))).to.equal('Erreur : Saisissez votre prénom');
    expect(input(el, 'email').hasAttribute('aria-invalid')).to.equal(false);
    const summary = $(el, '[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(visibleText(summary)).to.contain('Il y a un problème');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => [link.getAttribute('href'), link.textContent!.trim()])).to.deep.equal([
      ['#givenName', 'Saisissez votre prénom'],
      ['#familyName', 'Saisissez votre nom'],
    ]);
    links[1]!.click();
    expect(focusedNow()).to.equal(nameOf(input(el, 'familyName')));
    expect(el.matches(':state(user-invalid)')).to.equal(true);
  });

  it('in Chinese, the family name comes first: on the page, in the tab order, in the summary and for focus; a language change never moves a typed name', async () => {
    const el = await mount('zh-Hans');
    const names = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.names input')];
    expect(names.map((node) => node.name)).to.deep.equal(['familyName', 'givenName']);
    expect(names.map((node) => visibleText(el.shadowRoot!.querySelector(`label[for="${node.id}"]`)!))).to.deep.equal(['姓', '名']);
    expect(names[0]!.getBoundingClientRect().top <= names[1]!.getBoundingClientRect().top).to.equal(true);
    type(el, 'email', 'li@example.org');
    await submit(el);
    await until(() => deepActive() === input(el, 'familyName'), 2000, 'focus on the family name, the first field');
    const links = [...$(el, '[part="error-summary"]')!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links.slice(0, 2)).to.deep.equal(['#familyName', '#givenName']);
    // French, given name first; what was typed stays in its own field.
    type(el, 'familyName', 'Li');
    type(el, 'givenName', 'Wei');
    el.lang = 'fr';
    await until(() => /Prénom/.test(el.shadowRoot!.textContent ?? ''), 3000, 'the French form');
    await el.updateComplete;
    const french = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.names input')];
    expect(french.map((node) => node.name)).to.deep.equal(['givenName', 'familyName']);
    // Kept in place or cleared with the redrawn names, never swapped.
    expect(['Li', ''], 'the family name field').to.include(input(el, 'familyName').value);
    expect(['Wei', ''], 'the given name field').to.include(input(el, 'givenName').value);
  });

  it('shows an error once a field is left (blur), and clears it as soon as the value is fixed', async () => {
    const el = await mount('fr');
    const email = input(el, 'email');
    email.focus();
    type(el, 'email', 'ada');
    expect($(el, '#email-error')).to.equal(null, 'no error while typing');
    input(el, 'familyName').focus();
    await el.updateComplete;
    expect(visibleText($(el, '#email-error')!)).to.contain('Saisissez une adresse e-mail valide');
    type(el, 'email', 'ada@example.org');
    await el.updateComplete;
    expect($(el, '#email-error')).to.equal(null);
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('applies the contract’s schema after the native constraints (a@b passes type=email, not the contract)', async () => {
    const el = await mount('fr');
    fillValid(el, { email: 'a@b' });
    expect(input(el, 'email').validity.valid).to.equal(true);
    await submit(el);
    await until(() => $(el, '#email-error'), 2000, 'the email error');
    expect(visibleText($(el, '#email-error')!)).to.contain('adresse e-mail valide');
    expect(signatures()).to.have.length(0);
  });

  it('checks required optional fields and formats (postal code, phone), localised in Arabic', async () => {
    const el = await mount('ar', { fields: 'phone', required: 'postal-code' });
    fillValid(el, { phone: 'call me' });
    await submit(el);
    await until(() => $(el, '#phone-error'), 2000, 'the phone error');
    expect(visibleText($(el, '#postalCode-error')!)).to.contain('أدخل رمزك البريدي');
    expect(visibleText($(el, '#phone-error')!)).to.contain('أدخل رقم هاتف');
    expect(focusedNow()).to.equal(nameOf(input(el, 'postalCode')));
  });

  it('Arabic: phone and email read left to right; a phone and postal code typed in Arabic-Indic or full-width digits are accepted and sent in ASCII digits', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await mount('ar', { fields: 'postal-code phone' });
    // In a right-to-left form a phone number and an email address still read left to right ("+20 100 123 4567",
    // not its groups in reverse order), aligned to the form's start (the right).
    for (const field of ['phone', 'email']) {
      expect(getComputedStyle(input(el, field)).direction, field).to.equal('ltr');
      expect(getComputedStyle(input(el, field)).textAlign, field).to.equal('right');
    }
    expect(getComputedStyle(input(el, 'givenName')).direction).to.equal('rtl');
    fillValid(el, { phone: '+٢٠ ١٠٠ ١٢٣ ٤٥٦٧', postalCode: '１１５１１' });
    await submit(el);
    await until(() => signatures().length === 1, 2000, 'the signature');
    expect(body(signatures()[0]).person.phone).to.equal('+20 100 123 4567');
    expect(body(signatures()[0]).person.postalCode).to.equal('11511');
    expect($(el, '#phone-error')).to.equal(null);
  });

  it('a field with only spaces counts as empty', async () => {
    const el = await mount('en');
    fillValid(el, { givenName: '   ' });
    await submit(el);
    await until(() => $(el, '#givenName-error'), 2000, 'the given name error');
    expect(visibleText($(el, '#givenName-error')!)).to.contain('Enter your given name');
  });
});

describe('petition-form: submitting', () => {
  it('a keyboard-only signature: Tab through, type, Space the consent, Enter to submit; the honeypot is never reached', async () => {
    fake.on('POST', SIGN, () => created());
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <petition-form
          lang="fr"
          petition="xinjiang"
          endpoint=${fake.endpoint}
          privacy-href=${PRIVACY}
          consent-version="2026-11"
        ></petition-form>
      </div>`,
    );
    const el = await settled(wrapper.querySelector('petition-form')!);
    const focused: Array<string | null> = [];
    root(el).addEventListener('focusin', (event) =>
      focused.push((event.target as HTMLElement).id || (event.target as HTMLElement).tagName),
    );
    (wrapper.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Ada' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Lovelace' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'ada@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focusedNow()).to.equal(nameOf(input(el, 'consent')));
    await pressSpace();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focusedNow()).to.equal(nameOf(submitButton(el)));
    const signed = oneEvent(el, 'agir-signed');
    await sendKeys({ press: 'Enter' });
    await signed;
    await signedView(el);
    expect(focused).to.deep.equal(['givenName', 'familyName', 'email', 'country', 'consent', 'A', 'BUTTON', 'title']);
    expect(focusedNow()).to.equal(nameOf($(el, '#title')));
    const request = body(signatures()[0]);
    expect(request.person).to.deep.equal({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', country: 'FR' });
    expect(request.consents[0]!.granted).to.equal(true);
  });

  it('sends a request the contract accepts: key, consent as shown, locale, source, client timing and trap', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await mount('fr');
    fillValid(el);
    await submit(el);
    await signedView(el);
    const request = body(signatures()[0]);
    expect(request.idempotencyKey).to.match(UUID);
    expect(request.locale).to.equal('fr');
    expect(request.consents).to.deep.equal([
      {
        id: 'newsletter',
        granted: false,
        text: 'Je souhaite être informé·e par e-mail de cette campagne et d’autres façons d’agir. Je peux me désinscrire à tout moment.',
        version: '2026-11',
      },
    ]);
    expect($(el, 'label[for="consent"]')!.textContent!.trim()).to.equal(request.consents[0]!.text);
    expect(request.source.url).to.equal(`${location.origin}${location.pathname}`);
    expect(request.client.startedAt).to.match(ISO);
    expect(request.client.submittedAt).to.match(ISO);
    expect(Date.parse(request.client.submittedAt)).to.be.at.least(Date.parse(request.client.startedAt));
    expect(request.client.trap).to.equal('');
  });

  it('records the organisation’s own consent words from the `consent` slot, exactly as shown', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint} privacy-href=${PRIVACY} consent-version="v7">
        <span slot="consent">J’accepte de recevoir les <b>actualités</b> d’Amnesty.</span>
      </petition-form>`,
    );
    await settled(el);
    fillValid(el);
    input(el, 'consent').click();
    await submit(el);
    await signedView(el);
    expect(body(signatures()[0]).consents).to.deep.equal([
      { id: 'newsletter', granted: true, text: 'J’accepte de recevoir les actualités d’Amnesty.', version: 'v7' },
    ]);
  });

  it('no-consent: no consent box (the page’s words and slot ignored), a signature with no consent, axe clean in French and Arabic', async () => {
    fake.on('POST', SIGN, () => created());
    for (const [index, lang] of ['fr', 'ar'].entries()) {
      // With no-remember too, as for signers at risk (and so that the second form is a form, not "already signed").
      const el = await fixture<PetitionForm>(
        html`<petition-form
          lang=${lang}
          petition="xinjiang"
          endpoint=${fake.endpoint}
          no-consent
          no-remember
          consent-text="Nouvelles"
          consent-version="v7"
        >
          <span slot="consent">J’accepte.</span>
        </petition-form>`,
      );
      await settled(el, index + 1);
      expect(el.noConsent).to.equal(true);
      expect(el.shadowRoot!.querySelector('input[type="checkbox"]'), 'no box').to.equal(null);
      expect(el.shadowRoot!.querySelector('slot[name="consent"]'), 'no slot shown').to.equal(null);
      await expect(el).to.be.accessible();
      fillValid(el);
      await submit(el);
      await signedView(el);
      expect(body(signatures().at(-1)!).consents).to.deep.equal([]);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('shows progress and cannot double-submit: a second click sends nothing more', async () => {
    let release!: () => void;
    fake.on('POST', SIGN, () => new Promise<Response>((resolve) => (release = () => resolve(created()))));
    const el = await mount('fr');
    fillValid(el);
    submitButton(el).click();
    submitButton(el).click();
    await until(() => el.matches(':state(submitting)'), 2000, 'sending');
    await el.updateComplete;
    submitButton(el).click();
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(submitButton(el))).to.equal('Envoi de votre signature…');
    expect(el.matches(':state(submitting)')).to.equal(true);
    release();
    await signedView(el);
    expect(signatures()).to.have.length(1);
  });

  it('agir-submit lets the host read and change the payload, and cancel', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await mount('fr');
    fillValid(el);
    let cancelled = false;
    el.addEventListener(
      'agir-submit',
      (event) => {
        event.preventDefault();
        cancelled = true;
      },
      { once: true },
    );
    await submit(el);
    await until(() => cancelled, 2000, 'the cancelable event');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(signatures()).to.have.length(0);
    expect(input(el, 'givenName')).to.exist;
    let seen: SignatureRequest | undefined;
    document.addEventListener(
      'agir-submit',
      (event) => {
        expect(event).to.be.instanceOf(AgirSubmitEvent);
        expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
        seen = structuredClone(event.payload);
        event.payload.comment = 'Added by the host page';
      },
      { once: true },
    );
    await submit(el);
    await signedView(el);
    expect(seen!.person.email).to.equal('ada@example.org');
    expect(body(signatures()[0]).comment).to.equal('Added by the host page');
  });

  it('fires agir-signed (bubbles, composed) with petition, endpoint, count and duplicate, and shows the new count', async () => {
    fake.on('POST', SIGN, () => created(323833));
    const el = await mount('fr');
    fillValid(el);
    const heard = oneEvent(document, 'agir-signed') as Promise<SignedEvent>;
    await submit(el);
    const event = await heard;
    expect(event).to.be.instanceOf(SignedEvent);
    expect([event.petition, event.endpoint, event.signatureCount, event.duplicate]).to.deep.equal([
      'xinjiang',
      fake.endpoint,
      323833,
      false,
    ]);
    await signedView(el);
    expect(visibleText(el)).to.contain('Merci pour votre signature');
    expect(visibleText(el)).to.contain('323 833 personnes ont signé à ce jour.');
    expect(el.matches(':state(signed)')).to.equal(true);
  });

  it('sends the captcha hook’s token; a failing hook sends nothing and asks to try again', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await mount('fr');
    fillValid(el);
    el.captcha = async () => {
      throw new Error('provider down');
    };
    await submit(el);
    await until(() => $(el, '[part="alert"]'), 2000, 'the captcha error');
    expect(visibleText($(el, '[part="alert"]')!)).to.equal('La vérification anti-spam a échoué. Veuillez réessayer.');
    expect(signatures()).to.have.length(0);
    let offered: SignatureRequest | undefined;
    el.captcha = async (payload) => {
      offered = payload;
      return 'token-123';
    };
    await submit(el);
    await signedView(el);
    expect(offered!.person.givenName).to.equal('Ada');
    expect((body(signatures()[0]) as SignatureRequest & { captcha: string }).captcha).to.equal('token-123');
  });

  it('prefills from URL parameters when asked (never submits), and sends attribution without personal parameters or values', async () => {
    const before = location.href;
    history.replaceState(
      null,
      '',
      `${location.pathname}?given_name=Ada&email=ada%40example.org&country=GB&utm_source=newsletter&mtm_campaign=xinjiang&utm_content=ada%40example.org&utm_term=lovelace#form`,
    );
    undo.push(() => history.replaceState(null, '', before));
    fake.on('POST', SIGN, () => created());
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" prefill petition="xinjiang" endpoint=${fake.endpoint} embed="coalition-1"></petition-form>`,
    );
    await settled(el);
    await until(() => input(el, 'givenName').value === 'Ada', 2000, 'the prefill');
    expect(input(el, 'email').value).to.equal('ada@example.org');
    expect(($(el, 'select') as HTMLSelectElement).value).to.equal('GB');
    expect(signatures()).to.have.length(0);
    type(el, 'familyName', 'Lovelace');
    await submit(el);
    await signedView(el);
    const { source, person } = body(signatures()[0]);
    expect(person.country).to.equal('GB');
    // utm_content held the email, utm_term the family name the reader typed: neither is sent.
    expect(source.url).to.equal(`${location.origin}${location.pathname}?utm_source=newsletter&mtm_campaign=xinjiang`);
    expect(source.utm).to.deep.equal({ utm_source: 'newsletter', mtm_campaign: 'xinjiang' });
    expect(source.embed).to.equal('coalition-1');
  });

  it('does not prefill without the `prefill` attribute', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?given_name=Ada`);
    undo.push(() => history.replaceState(null, '', before));
    const el = await mount('fr');
    await el.updateComplete;
    expect(input(el, 'givenName').value).to.equal('');
  });

  it('offers plain share links and copy when the Web Share API is absent', async () => {
    stubNavigator('share', undefined);
    const copied: string[] = [];
    stubNavigator('clipboard', { writeText: async (text: string) => void copied.push(text) });
    fake.on('POST', SIGN, () => created());
    const el = await fixture<PetitionForm>(
      html`<petition-form
        lang="en"
        petition="xinjiang"
        endpoint=${fake.endpoint}
        share-url="https://campaign.example/xinjiang"
      ></petition-form>`,
    );
    await settled(el);
    fillValid(el);
    await submit(el);
    await signedView(el);
    const share = $(el, '[part="share"]')!;
    const hrefs = [...share.querySelectorAll('a')].map((link) => link.getAttribute('href')!);
    const text = encodeURIComponent('I signed “Liberté pour les détenus des camps d’internement du Xinjiang”. Add your name:');
    const url = encodeURIComponent('https://campaign.example/xinjiang');
    expect(hrefs[0]).to.match(/^mailto:\?subject=Sign%20this%20petition/);
    expect(hrefs.slice(1)).to.deep.equal([
      `https://wa.me/?text=${text}%20${url}`,
      `https://x.com/intent/post?text=${text}&url=${url}`,
      `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    ]);
    expect([...document.scripts].some((script) => /wa\.me|x\.com|facebook/.test(script.src))).to.equal(false);
    (share.querySelector('button') as HTMLButtonElement).click();
    await until(() => visibleText(share).includes('Link copied'), 2000, 'copy feedback');
    expect(copied).to.deep.equal(['https://campaign.example/xinjiang']);
  });

  it('asks for the petition in its own language, and shares the title in it (issue 19)', async () => {
    stubNavigator('share', undefined);
    petitionAnswer = () => json(petitionPayload({ title: 'Freedom for the detainees of Xinjiang’s internment camps', locale: 'en' }));
    fake.on('POST', SIGN, () => created());
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="en" petition="xinjiang" endpoint=${fake.endpoint} share-url="https://campaign.example/x"></petition-form>`,
    );
    await settled(el);
    const asked = fake.requests.find((request) => request.method === 'GET' && request.path === PETITION)!;
    expect(new URL(asked.url).searchParams.get('locale')).to.equal('en');
    fillValid(el);
    await submit(el);
    await signedView(el);
    const whatsapp = [...$(el, '[part="share"]')!.querySelectorAll('a')].map((link) => link.getAttribute('href')!)[1]!;
    expect(decodeURIComponent(whatsapp)).to.contain('I signed “Freedom for the detainees of Xinjiang’s internment camps”');
  });

  it('uses the Web Share API where present', async () => {
    const shared: ShareData[] = [];
    stubNavigator('share', async (data: ShareData) => void shared.push(data));
    fake.on('POST', SIGN, () => created());
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="en" petition="xinjiang" endpoint=${fake.endpoint} share-url="https://campaign.example/x"></petition-form>`,
    );
    await settled(el);
    fillValid(el);
    await submit(el);
    await signedView(el);
    const share = $(el, '[part="share"]')!;
    expect(share.querySelectorAll('a')).to.have.length(0);
    (share.querySelector('button') as HTMLButtonElement).click();
    expect(shared[0]!.url).to.equal('https://campaign.example/x');
  });

  it('remembers on this device that it signed (petition id only), and "sign for someone else" resets the form', async () => {
    fake.on('POST', SIGN, () => created());
    const first = await mount('fr');
    fillValid(first);
    await submit(first);
    await signedView(first);
    // The petition's id and the day the memory ends, 30 days from now: no personal data, no time of day.
    expect(agirStorage()).to.deep.equal([['agir:signed:xinjiang', memoryUntil(30)]]);
    expect(JSON.stringify({ ...localStorage })).not.to.contain('ada@example.org');
    expect(await queuedSignatures(), 'nothing left in the queue').to.deep.equal([]);
    const again = await mount('fr');
    expect(visibleText(again)).to.contain('Vous avez déjà signé depuis cet appareil');
    expect(input(again, 'givenName')).to.equal(null);
    ($(again, '.secondary') as HTMLButtonElement).click();
    await until(() => deepActive() === input(again, 'givenName'), 2000, 'focus on the fresh form');
    expect(input(again, 'givenName').value).to.equal('');
    expect(input(again, 'consent').checked).to.equal(false);
  });
});

describe('petition-form: what the device keeps, whatever petition a page shows', () => {
  it('a form of any petition erases the ended memories of every petition, and keeps those still running', async () => {
    localStorage.setItem('agir:signed:old-campaign', memoryUntil(0));
    localStorage.setItem('agir:signed:older-campaign', '1');
    localStorage.setItem('agir:signed:running', memoryUntil(5));
    localStorage.setItem('unrelated', 'kept');
    try {
      const el = await mount('fr');
      expect(el.matches(':state(form)')).to.equal(true);
      await until(() => agirStorage().length === 1, 3000, 'the ended memories erased');
      expect(agirStorage()).to.deep.equal([['agir:signed:running', memoryUntil(5)]]);
      expect(localStorage.getItem('unrelated')).to.equal('kept');
    } finally {
      localStorage.removeItem('unrelated');
    }
  });
});

describe('petition-form: what the device keeps (no-remember)', () => {
  /** A form of the xinjiang petition with `no-remember`, once it checked the petition. */
  async function mountForgetful(): Promise<PetitionForm> {
    const checks = petitionChecks() + 1;
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint} no-remember></petition-form>`,
    );
    return settled(el, checks);
  }

  it('with no-remember, nothing is left on the device once signed, and the next visit shows the form', async () => {
    fake.on('POST', SIGN, () => created());
    const first = await mountForgetful();
    fillValid(first);
    await submit(first);
    await signedView(first);
    expect(visibleText(first)).to.contain('Merci pour votre signature');
    expect(agirStorage()).to.deep.equal([]);
    expect(await queuedSignatures()).to.deep.equal([]);
    const again = await mountForgetful();
    expect(again.matches(':state(form)')).to.equal(true);
    expect(visibleText(again)).not.to.contain('Vous avez déjà signé');
    expect(input(again, 'givenName')).to.exist;
  });

  it('with no-remember, the memory an earlier visit left is erased', async () => {
    localStorage.setItem('agir:signed:xinjiang', memoryUntil(20));
    const el = await mountForgetful();
    expect(el.matches(':state(form)') && !el.matches(':state(already-signed)')).to.equal(true);
    expect(agirStorage()).to.deep.equal([]);
  });

  it('a memory that has ended (or one without an end, kept before it had one) is erased: the form shows', async () => {
    for (const kept of [memoryUntil(0), '1']) {
      localStorage.setItem('agir:signed:xinjiang', kept);
      const el = await mount('fr');
      expect(el.matches(':state(form)'), kept).to.equal(true);
      expect(input(el, 'givenName'), kept).to.exist;
      expect(agirStorage(), kept).to.deep.equal([]);
    }
  });

  it('with no-remember, a signature that cannot be sent yet is still kept until sent, then nothing is left', async () => {
    freshQueue({ baseDelayMs: 60_000 });
    let answer: () => Response | Promise<Response> = offline;
    fake.on('POST', SIGN, () => answer());
    const el = await mountForgetful();
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Votre signature est enregistrée');
    expect(agirStorage(), 'no "already signed" memory').to.deep.equal([]);
    const waiting = await queuedSignatures();
    expect(waiting.map((entry) => [entry.petition, entry.request.person.email])).to.deep.equal([['xinjiang', 'ada@example.org']]);
    answer = () => created();
    window.dispatchEvent(new Event('online'));
    await signedView(el);
    expect(await queuedSignatures()).to.deep.equal([]);
    expect(agirStorage()).to.deep.equal([]);
  });
});

describe('petition-form: a petition the endpoint does not have', () => {
  it('a 404 to the check: a localised notice and no form, one console error for the page author, nothing sent', async () => {
    const errors = captureErrors();
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="nope-missing" endpoint=${fake.endpoint}></petition-form>`,
    );
    await until(() => el.matches(':state(not-found)'), 3000, 'the not-found state');
    await el.updateComplete;
    expect(el.matches(':state(form)')).to.equal(false);
    const heading = $(el, '[role="heading"]')!;
    expect(heading.textContent!.trim()).to.equal('Cette pétition est introuvable');
    expect(visibleText(el)).to.contain('Aucune signature ne peut être enregistrée ici');
    expect(root(el).querySelectorAll('input, select, textarea, button')).to.have.length(0);
    const reported = errors.filter((message) => message.includes('<petition-form>'));
    expect(reported).to.have.length(1);
    expect(reported[0]).to.contain('there is no petition "nope-missing"').and.contain('"petition" attribute');
    expect(signatures()).to.deep.equal([]);
  });

  it('a 404 to the signature: the notice replaces the form (focus on its heading), agir-error says not-found, nothing kept', async () => {
    const errors = captureErrors();
    fake.on('POST', SIGN, () => json({ error: { code: 'not_found', message: 'no such petition' } }, 404));
    const el = await mount('fr');
    const failed = oneEvent(el, 'agir-error') as Promise<PetitionErrorEvent>;
    fillValid(el);
    submitButton(el).focus();
    await submit(el);
    expect((await failed).reason).to.equal('not-found');
    await until(() => el.matches(':state(not-found)'), 3000, 'the not-found state');
    await el.updateComplete;
    expect(focusedNow()).to.equal(nameOf($(el, '#title')));
    expect(visibleText(el)).to.contain('Cette pétition est introuvable').and.not.contain('Vérifiez vos informations');
    expect($(el, 'form')).to.equal(null);
    expect(errors.some((message) => message.includes('there is no petition "xinjiang"'))).to.equal(true);
    expect(await queuedSignatures()).to.deep.equal([]);
    expect(agirStorage()).to.deep.equal([]);
  });
});

/**
 * The backends the queue suite runs against: the contract's own endpoint, and the Action Network and webhook
 * adapters given to the page with `configure({ client })`. Each says where signatures go, how it answers,
 * and where the idempotency key is on its wire.
 */
interface Backend {
  name: string;
  /** Sets the page up (before the form mounts). */
  setup(): void;
  readonly signPath: string;
  /** Whether the form reads the petition through it (a webhook cannot). */
  readonly reads: boolean;
  /** Whether its answers tell a duplicate apart (only the contract's do). */
  readonly reportsDuplicates: boolean;
  created(count: number): Response;
  duplicate(count: number): Response;
  /** The count the form announces after `created(count)` (adapters cannot tell it). */
  count(count: number): number | undefined;
  keyOf(request: RecordedRequest): string;
}

const BACKENDS: Backend[] = [
  {
    name: 'native contract',
    setup: () => undefined,
    signPath: SIGN,
    reads: true,
    reportsDuplicates: true,
    created,
    duplicate: (count) => json({ signatureCount: count, duplicate: true }, 200),
    count: (count) => count,
    keyOf: (request) => body(request).idempotencyKey,
  },
  {
    name: 'Action Network adapter',
    setup: () =>
      configure({
        client: createActionNetworkClient({
          url: `${fake.endpoint}/an/petitions/{petition}/signatures`,
          readUrl: `${fake.endpoint}/petitions/{petition}`,
          timeoutMs: 1000,
        }),
      }),
    signPath: '/an/petitions/xinjiang/signatures',
    reads: true,
    reportsDuplicates: false,
    created: () => json({ identifiers: ['action_network:5f3c'] }, 200),
    duplicate: () => json({ identifiers: ['action_network:5f3c'] }, 200),
    count: () => undefined,
    keyOf: (request) => {
      const wire = request.body as { identifiers: string[]; person: { email_addresses: Array<{ status?: string }> } };
      // The queue suite's signers never tick the newsletter box: never "subscribed".
      expect(wire.person.email_addresses[0]).to.not.have.property('status');
      return wire.identifiers[0]!.replace(/^agir:/, '');
    },
  },
  {
    name: 'webhook adapter',
    setup: () => configure({ client: createWebhookClient({ url: `${fake.endpoint}/hook/{petition}`, timeoutMs: 1000 }) }),
    signPath: '/hook/xinjiang',
    reads: false,
    reportsDuplicates: false,
    created: () => new Response(null, { status: 204 }),
    duplicate: () => new Response(null, { status: 204 }),
    count: () => undefined,
    keyOf: (request) => (request.body as { idempotencyKey: string }).idempotencyKey,
  },
];

/** The backend of the queue suite's current test (the contract's outside it). */
let backend = BACKENDS[0]!;

for (const each of BACKENDS) {
  describe(`petition-form: never lose a signature (${each.name})`, () => {
    beforeEach(() => {
      backend = each;
      each.setup();
    });
    afterEach(() => {
      backend = BACKENDS[0]!;
      resetConfig();
    });

    it('network failure → "saved, will be sent" → retried with backoff → sent once, same key', async () => {
      let online = false;
      fake.on('POST', backend.signPath, () => (online ? backend.created(5) : offline()));
      const el = await mount('fr');
      fillValid(el);
      const queued = oneEvent(el, 'agir-queued') as Promise<QueuedEvent>;
      await submit(el);
      const event = await queued;
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Votre signature est enregistrée');
      expect(focusedNow()).to.equal(nameOf($(el, '#title')));
      expect(event.idempotencyKey).to.equal(backend.keyOf(signatures()[0]!));
      online = true;
      const signed = oneEvent(el, 'agir-signed') as Promise<SignedEvent>;
      expect((await signed).signatureCount).to.equal(backend.count(5));
      await signedView(el);
      const keys = signatures().map((request) => backend.keyOf(request));
      expect(new Set(keys).size).to.equal(1);
      expect(keys.length).to.be.at.least(2);
      expect(visibleText(el)).to.contain('Votre signature enregistrée a bien été envoyée.');
      expect(await queuedSignatures()).to.deep.equal([]);
    });

    it('a 500 that repeats: "could not be sent" after 4 attempts, localised, with a "try again" button that sends it when the server is back', async () => {
      let serverUp = false;
      fake.on('POST', backend.signPath, () =>
        serverUp ? backend.created(77) : json({ error: { code: 'internal', message: 'boom' } }, 500),
      );
      const el = await mount('fr');
      fillValid(el, { givenName: 'Ann' });
      const failed = new Promise<Event & { reason?: string }>((resolve) =>
        el.addEventListener('agir-error', (event) => (event as Event & { reason?: string }).reason === 'server' && resolve(event)),
      );
      await submit(el);
      expect((await failed).reason).to.equal('server');
      await el.updateComplete;
      expect(el.matches(':state(unsent)')).to.equal(true);
      expect(el.matches(':state(queued)')).to.equal(false);
      expect(visibleText(el)).to.contain('Votre signature n’a pas pu être envoyée');
      expect(visibleText(el)).to.contain('réessayez dans un instant');
      expect(visibleText(el)).to.not.contain('sera envoyée automatiquement');
      expect(signatures()).to.have.length(4);
      // Held: no timer sends it again on its own.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(signatures()).to.have.length(4);
      expect((await queuedSignatures()).map((entry) => entry.id)).to.deep.equal([backend.keyOf(signatures()[0]!)]);
      const retry = root(el).querySelector<HTMLButtonElement>('[part="notice"] button')!;
      expect(retry.textContent!.trim()).to.equal('Réessayer');
      // Still failing: the reader is told again at once (focus back on the heading), not left waiting.
      retry.click();
      await until(() => signatures().length === 5, 3000, 'the fifth attempt');
      await until(() => deepActive() === $(el, '#title') && !el.matches(':state(submitting)'), 3000, 'focus on the notice again');
      expect(el.matches(':state(unsent)')).to.equal(true);
      serverUp = true;
      const signed = oneEvent(el, 'agir-signed') as Promise<SignedEvent>;
      root(el).querySelector<HTMLButtonElement>('[part="notice"] button')!.click();
      expect((await signed).signatureCount).to.equal(backend.count(77));
      await signedView(el);
      expect(new Set(signatures().map((request) => backend.keyOf(request))).size).to.equal(1);
      expect(await queuedSignatures()).to.deep.equal([]);
    });

    it('a 500 then a 201: one signature stored, one idempotency key on both requests', async () => {
      const stored = new Set<string>();
      let calls = 0;
      fake.on('POST', backend.signPath, (request) => {
        calls += 1;
        if (calls === 1) return json({ error: { code: 'internal', message: 'oops' } }, 500);
        stored.add(backend.keyOf(request));
        return backend.created(stored.size);
      });
      const el = await mount('fr');
      fillValid(el);
      await submit(el);
      await signedView(el);
      expect(signatures()).to.have.length(2);
      expect(backend.keyOf(signatures()[0]!)).to.equal(backend.keyOf(signatures()[1]!));
      expect(stored.size).to.equal(1);
    });

    it('a timeout after the server stored it: the retry gets duplicate: true, the reader is thanked once like any signer, and the device remembers', async () => {
      freshQueue({ timeoutMs: 100 });
      abortableFetch();
      const stored = new Set<string>();
      fake.on('POST', backend.signPath, (request) => {
        const key = backend.keyOf(request);
        if (stored.has(key)) return backend.duplicate(12);
        stored.add(key);
        return new Promise<Response>(() => undefined);
      });
      const el = await mount('fr');
      fillValid(el);
      const signed = oneEvent(el, 'agir-signed') as Promise<SignedEvent>;
      await submit(el);
      const event = await signed;
      expect(event.duplicate).to.equal(backend.reportsDuplicates);
      await signedView(el);
      expect(stored.size).to.equal(1);
      // Its own submission retried: the thanks of a first answer, with that answer's count (when the backend says it).
      expect(visibleText(el)).to.contain('Merci pour votre signature !');
      if (backend.reportsDuplicates) expect(visibleText(el)).to.contain('12 personnes ont signé à ce jour.');
      // "Already signed" comes from the device's memory only (servers do not say whether an address signed).
      expect(visibleText(await mount('fr'))).to.contain('Vous avez déjà signé depuis cet appareil');
    });

    it('a signature saved in IndexedDB is sent by a new element instance (a page reload)', async () => {
      const name = `agir-test-${Date.now()}`;
      freshQueue({ storage: indexedDbStorage({ name }), baseDelayMs: 60_000 });
      let serverUp = false;
      fake.on('POST', backend.signPath, () => (serverUp ? backend.created(42) : offline()));
      const first = await mount('fr');
      fillValid(first);
      await submit(first);
      await until(() => first.matches(':state(queued)'), 3000, 'the queued state');
      const key = backend.keyOf(signatures()[0]!);
      first.remove();
      // The reload: a new handle on the same database, nothing kept in memory, and the server is back.
      freshQueue({ storage: indexedDbStorage({ name }), baseDelayMs: 60_000 });
      const persisted = await queuedSignatures();
      expect(persisted.map((entry) => entry.id)).to.deep.equal([key]);
      expect(persisted[0]!.request.person.email).to.equal('ada@example.org');
      serverUp = true;
      const heard = oneEvent(document, 'agir-signed') as Promise<SignedEvent>;
      const second = await mount('fr');
      const event = await heard;
      expect([event.petition, event.signatureCount]).to.deep.equal(['xinjiang', backend.count(42)]);
      expect(signatures().map((request) => backend.keyOf(request))).to.deep.equal([key, key]);
      await until(() => signatures().length === 2, 2000, 'the resend');
      expect(await indexedDbStorage({ name }).list()).to.deep.equal([]);
      expect(visibleText(second)).to.contain('Vous avez déjà signé depuis cet appareil');
    });

    it('offline → the `online` event sends it', async () => {
      freshQueue({ baseDelayMs: 60_000 });
      let online = false;
      fake.on('POST', backend.signPath, () => (online ? backend.created(9) : offline()));
      const el = await mount('fr');
      fillValid(el);
      await submit(el);
      await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
      online = true;
      window.dispatchEvent(new Event('online'));
      await signedView(el);
      const keys = signatures().map((request) => backend.keyOf(request));
      expect(keys.length).to.be.at.least(2);
      expect(new Set(keys).size).to.equal(1);
    });
  });
}

describe('petition-form: never lose a signature (the contract’s answers)', () => {
  it('by default keeps a queued signature in IndexedDB (database "agir")', async () => {
    configureSignatureQueue({ storage: undefined, timeoutMs: 1000, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    fake.on('POST', SIGN, offline);
    const el = await mount('fr');
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
    const key = body(signatures()[0]).idempotencyKey;
    const database = indexedDbStorage();
    undo.push(() => void database.delete(key));
    expect((await database.list()).map((entry) => entry.id)).to.include(key);
  });

  it('falls back to localStorage when IndexedDB cannot be opened', async () => {
    const denied = {
      open: () => {
        throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    freshQueue({ storage: fallbackStorage(indexedDbStorage({ factory: denied }), webStorage(localStorage)), baseDelayMs: 60_000 });
    fake.on('POST', SIGN, offline);
    const el = await mount('fr');
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
    const stored = JSON.parse(localStorage.getItem('agir:signature-queue')!) as Record<string, { request: SignatureRequest }>;
    expect(Object.keys(stored)).to.deep.equal([body(signatures()[0]).idempotencyKey]);
  });

  it('a 429 keeps the signature for later', async () => {
    freshQueue({ baseDelayMs: 60_000 });
    fake.on('POST', SIGN, () => json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'retry-after': '1' }));
    const el = await mount('fr');
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
    const [entry] = await queuedSignatures();
    expect(entry!.nextAttemptAt - Date.now()).to.be.greaterThan(500);
  });

  it('a 422 maps the server’s field errors onto the fields; nothing is queued', async () => {
    fake.on('POST', SIGN, () => json({ error: { code: 'validation', message: 'bad', fields: { 'person.email': 'invalid' } } }, 422));
    const el = await mount('fr');
    fillValid(el);
    let queued = false;
    el.addEventListener('agir-queued', () => (queued = true));
    await submit(el);
    await until(() => deepActive() === input(el, 'email'), 3000, 'focus on the email field');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(visibleText($(el, '#email-error')!)).to.contain('Saisissez une adresse e-mail valide');
    expect(visibleText($(el, '[part="error-summary"]')!)).to.contain('Saisissez une adresse e-mail valide');
    expect(queued).to.equal(false);
    expect(await queuedSignatures()).to.deep.equal([]);
  });

  it('a 409 (closed meanwhile) shows the closed state', async () => {
    fake.on('POST', SIGN, () => json({ error: { code: 'closed', message: 'closed' } }, 409));
    const el = await mount('fr');
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(closed)'), 3000, 'the closed state');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Cette pétition est close');
  });
});

describe('petition-form: customising', () => {
  it('submit-label, heading-level, the thanks slot and no-share', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint} submit-label="Je signe" heading-level="3" no-share>
        <p slot="thanks">Merci, Ada ! Votre voix compte.</p>
      </petition-form>`,
    );
    await settled(el);
    expect(visibleText(submitButton(el))).to.equal('Je signe');
    fillValid(el);
    await submit(el);
    await signedView(el);
    const title = $(el, '#title')!;
    expect([title.getAttribute('role'), title.getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
    expect(visibleText(el)).to.contain('Merci, Ada ! Votre voix compte.');
    expect(visibleText(el)).not.to.contain('personnes ont signé');
    expect($(el, '[part="share"]')).to.equal(null);
  });

  it('the closed slot replaces the closed text', async () => {
    petitionAnswer = () => json(petitionPayload({ status: 'closed' }));
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint}>
        <p slot="closed">La pétition a été remise le 7 octobre.</p>
      </petition-form>`,
    );
    await settled(el);
    expect(visibleText(el)).to.contain('Cette pétition est close');
    expect(visibleText(el)).to.contain('La pétition a été remise le 7 octobre.');
    expect(visibleText(el)).not.to.contain('Elle n’accepte plus de signatures');
  });

  it('agir-error tells the host page why a submission stopped', async () => {
    fake.on('POST', SIGN, () => json({ error: { code: 'too_large', message: 'too big' } }, 413));
    const el = await mount('fr');
    const reasons: string[] = [];
    el.addEventListener('agir-error', (event) => reasons.push(event.reason));
    await submit(el);
    await until(() => reasons.length === 1, 2000, 'the invalid event');
    fillValid(el);
    await submit(el);
    await until(() => reasons.length === 2, 3000, 'the rejected event');
    expect(reasons).to.deep.equal(['invalid', 'rejected']);
    expect(visibleText($(el, '[part="alert"]')!)).to.contain('trop longue');
  });
});

describe('petition-form: other tabs', () => {
  it('a queued signature sent by another tab of the site shows as signed here', async () => {
    freshQueue({ baseDelayMs: 60_000 });
    fake.on('POST', SIGN, offline);
    const el = await mount('fr');
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
    const key = body(signatures()[0]).idempotencyKey;
    const otherTab = new BroadcastChannel('agir-signature-queue');
    undo.push(() => otherTab.close());
    const heard = oneEvent(el, 'agir-signed') as Promise<SignedEvent>;
    otherTab.postMessage({ id: key, status: 'sent', response: { signatureCount: 12, duplicate: false } });
    expect((await heard).signatureCount).to.equal(12);
    await signedView(el);
    expect(visibleText(el)).to.contain('12 personnes ont signé');
  });
});

describe('petition-form: anti-spam', () => {
  it('the honeypot is not focusable and hidden from assistive technology (axe passes); its value is sent as client.trap', async () => {
    fake.on('POST', SIGN, () => created());
    const el = await mount('fr');
    const trap = root(el).querySelector<HTMLInputElement>('[name="trap"]')!;
    const box = trap.closest('.trap')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(box.getAttribute('aria-hidden')).to.equal('true');
    expect(box.hasAttribute('inert')).to.equal(true);
    trap.focus();
    expect(focusedNow()).not.to.equal(nameOf(trap));
    expect(trap.labels![0]!.closest('[aria-hidden="true"]')).to.equal(box, 'its label is hidden too');
    await expect(el).to.be.accessible();
    fillValid(el);
    trap.value = 'http://spam.example';
    await submit(el);
    await signedView(el);
    expect(body(signatures()[0]).client.trap).to.equal('http://spam.example');
  });
});

describe('petition-form: petition state and configuration', () => {
  it('renders the form at once, without waiting for the petition', async () => {
    petitionAnswer = () => new Promise<Response>(() => undefined);
    const el = await fixture<PetitionForm>(html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint}></petition-form>`);
    await rendered(el);
    expect(input(el, 'givenName')).to.exist;
    expect(submitButton(el).textContent!.trim()).to.equal('Signer la pétition');
  });

  it('a closed petition shows a localised message and no form', async () => {
    petitionAnswer = () => json(petitionPayload({ status: 'closed' }));
    const el = await mount('fr');
    expect(visibleText(el)).to.contain('Cette pétition est close');
    expect($(el, 'form')).to.equal(null);
  });

  it('a network error at load keeps the form, and a signature is then queued', async () => {
    petitionAnswer = offline;
    fake.on('POST', SIGN, offline);
    freshQueue({ baseDelayMs: 60_000 });
    const el = await mount('fr');
    expect(el.matches(':state(form)') && !el.matches(':state(checking)')).to.equal(true);
    fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
  });

  it('a bad petition id: one console error naming the element and the attribute, and a visible message', async () => {
    const errors = captureErrors();
    const el = await mount('fr', { petition: 'no spaces allowed' });
    await until(() => el.matches(':state(unavailable)'), 2000, 'the unavailable state');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Ce formulaire ne peut pas recevoir de signatures');
    expect(errors.filter((message) => message.includes('"petition" attribute'))).to.have.length(1);
  });

  it('no endpoint anywhere: a console error, and the reader is told on submit', async () => {
    const errors = captureErrors();
    const el = await mount('fr', { endpoint: null });
    await until(() => errors.some((message) => message.includes('no endpoint')), 2000, 'the console error');
    fillValid(el);
    await submit(el);
    await until(() => $(el, '[part="alert"]'), 2000, 'the message');
    expect(visibleText($(el, '[part="alert"]')!)).to.contain('Ce formulaire ne peut pas recevoir');
  });

  it('a client that cannot sign (configure({ client })): a console error naming the fix, and the form says it is unavailable', async () => {
    const errors = captureErrors();
    configure({
      client: { id: 'counts:only', endpoint: 'https://counts.example', getPetition: () => Promise.resolve(petitionPayload()) } as never,
    });
    undo.push(resetConfig);
    const el = await fixture<PetitionForm>(html`<petition-form lang="fr" petition="xinjiang"></petition-form>`);
    await until(() => errors.some((message) => message.includes('cannot record signatures')), 2000, 'the console error');
    expect(errors.filter((message) => message.includes('petition-form'))).to.have.length(1);
    await until(() => visibleText(el).includes('Ce formulaire ne peut pas recevoir'), 2000, 'the unavailable notice');
    expect(signatures()).to.deep.equal([]);
  });

  it('a custom client without an id: a console error asking for one (the queue files signatures under it); nothing is sent', async () => {
    const errors = captureErrors();
    let calls = 0;
    const el = document.createElement('petition-form') as PetitionForm;
    el.setAttribute('lang', 'fr');
    el.setAttribute('petition', 'xinjiang');
    el.client = { endpoint: 'https://crm.example', sign: () => (calls++, Promise.resolve({ duplicate: false, status: 201 })) } as never;
    document.body.append(el);
    undo.push(() => el.remove());
    await until(() => errors.some((message) => message.includes('has no "id"')), 2000, 'the console error');
    await until(() => visibleText(el).includes('Ce formulaire ne peut pas recevoir'), 2000, 'the unavailable notice');
    expect(calls).to.equal(0);
  });

  it('adapter="webhook form": the endpoint gets a form body, any 2xx thanks the reader; no petition read', async () => {
    fake.on('POST', '/hook', () => new Response('<p>ok</p>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const posted: string[] = [];
    const inner = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (typeof init?.body === 'string' && !init.body.startsWith('{')) posted.push(init.body);
      return inner(input, typeof init?.body === 'string' && !init.body.startsWith('{') ? { ...init, body: undefined } : init);
    }) as typeof fetch;
    undo.push(() => (window.fetch = inner));
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" adapter="webhook form" endpoint=${`${fake.endpoint}/hook`}></petition-form>`,
    );
    await rendered(el);
    fillValid(el);
    const signed = oneEvent(el, 'agir-signed') as Promise<SignedEvent>;
    await submit(el);
    expect((await signed).signatureCount).to.equal(undefined);
    await signedView(el);
    expect(petitionChecks()).to.equal(0);
    const fields = new URLSearchParams(posted[0]);
    expect([fields.get('petition'), fields.get('givenName'), fields.get('email'), fields.get('newsletter')]).to.deep.equal([
      'xinjiang',
      'Ada',
      'ada@example.org',
      'false',
    ]);
  });

  it('a javascript: privacy link is refused', async () => {
    const errors = captureErrors();
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint} privacy-href="javascript:alert(1)"></petition-form>`,
    );
    await settled(el);
    expect($(el, 'a[href^="javascript"]')).to.equal(null);
    expect(errors.some((message) => message.includes('privacy-href'))).to.equal(true);
  });
});

describe('petition-form: languages', () => {
  it('two forms in two languages on one page both work', async () => {
    fake.on('POST', SIGN, (request) => created(body(request).locale === 'ar' ? 2 : 1));
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <div lang="fr"><petition-form petition="xinjiang" endpoint=${fake.endpoint}></petition-form></div>
        <div lang="ar"><petition-form petition="xinjiang" endpoint=${fake.endpoint}></petition-form></div>
      </div>`,
    );
    const [fr, ar] = [...page.querySelectorAll('petition-form')] as PetitionForm[];
    await settled(fr!, 2);
    await settled(ar!, 2);
    expect(visibleText(fr!)).to.contain('Prénom');
    expect(visibleText(ar!)).to.contain('الاسم الأول');
    expect($(ar!, '.root')!.getAttribute('dir')).to.equal('rtl');
    fillValid(fr!);
    fillValid(ar!);
    await submit(fr!);
    await submit(ar!);
    await signedView(fr!);
    await signedView(ar!);
    expect(
      signatures()
        .map((request) => body(request).locale)
        .sort(),
    ).to.deep.equal(['ar', 'fr']);
    expect(visibleText(fr!)).to.contain('Merci pour votre signature');
    expect(visibleText(ar!)).to.contain('شكرًا لتوقيعك!');
  });

  it('follows a language change of an ancestor, keeping what was typed and the chosen country', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><petition-form petition="xinjiang" endpoint=${fake.endpoint}></petition-form></div>`,
    );
    const el = await settled(wrapper.querySelector('petition-form')!);
    type(el, 'givenName', 'Ada');
    ($(el, 'select') as HTMLSelectElement).focus();
    ($(el, 'select') as HTMLSelectElement).value = 'JP';
    wrapper.setAttribute('lang', 'de');
    await until(() => visibleText(el).includes('Vorname'), 2000, 'German labels');
    await el.updateComplete;
    expect(input(el, 'givenName').value).to.equal('Ada');
    expect(($(el, 'select') as HTMLSelectElement).value).to.equal('JP');
    expect(($(el, 'select') as HTMLSelectElement).selectedOptions[0]!.text).to.equal('Japan');
  });

  it('the thank-you notice follows a language change too (its messages load with the submission code)', async () => {
    fake.on('POST', SIGN, () => created(323833));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><petition-form petition="xinjiang" endpoint=${fake.endpoint}></petition-form></div>`,
    );
    const el = await settled(wrapper.querySelector('petition-form')!);
    fillValid(el);
    await submit(el);
    await signedView(el);
    expect(visibleText(el)).to.contain('Merci');
    wrapper.setAttribute('lang', 'ar');
    await until(() => visibleText(el).includes('شكرًا لتوقيعك'), 2000, 'the Arabic thank-you');
    await el.updateComplete;
    expect($(el, '.root')!.getAttribute('dir')).to.equal('rtl');
    expect(visibleText(el)).to.contain(new Intl.NumberFormat('ar').format(323833));
  });
});

describe('petition-form: bring your own form', () => {
  async function mountOwn(consentChecked = false): Promise<{ el: PetitionForm; form: HTMLFormElement }> {
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="fr" petition="xinjiang" endpoint=${fake.endpoint}>
        <form method="post" action=${`${fake.endpoint}/petitions/xinjiang/signatures/form`}>
          <label>Prénom <input name="givenName" autocomplete="given-name" required /></label>
          <label>Nom <input name="familyName" autocomplete="family-name" required /></label>
          <label>E-mail <input name="email" type="email" autocomplete="email" required /></label>
          <label
            >Pays
            <select name="country" autocomplete="country" required>
              <option value="">Choisir</option>
            </select></label
          >
          <label
            ><input type="checkbox" name="consent_newsletter" value="yes" ?checked=${consentChecked} /> Je veux recevoir les
            nouvelles.</label
          >
          <input type="hidden" name="consent_newsletter_text" value="Je veux recevoir les nouvelles." />
          <input type="hidden" name="consent_newsletter_version" value="2026-11" />
          <div aria-hidden="true" hidden><input name="trap" tabindex="-1" autocomplete="off" /></div>
          <button>Signer</button>
        </form>
      </petition-form>`,
    );
    await settled(el);
    await el.updateComplete;
    const form = el.querySelector('form')!;
    // Belt and braces: if enhancement failed, do not let the test page navigate away.
    const guard = (event: Event) => {
      if (!event.defaultPrevented) {
        event.preventDefault();
        throw new Error('the page form was not enhanced: it would have been posted');
      }
    };
    window.addEventListener('submit', guard);
    undo.push(() => window.removeEventListener('submit', guard));
    return { el, form };
  }

  const set = (form: HTMLFormElement, name: string, value: string) => {
    const control = form.elements.namedItem(name) as HTMLInputElement;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('enhances the page’s form: countries filled in, errors tied to the page’s fields, summary links', async () => {
    const { el, form } = await mountOwn();
    expect(form.noValidate).to.equal(true);
    const country = form.elements.namedItem('country') as HTMLSelectElement;
    expect(country.options.length).to.be.greaterThan(240);
    expect(country.value).to.equal('FR');
    form.requestSubmit();
    const given = form.elements.namedItem('givenName') as HTMLInputElement;
    await until(() => document.activeElement === given, 2000, 'focus on the page’s first invalid field');
    expect(given.getAttribute('aria-invalid')).to.equal('true');
    const note = document.getElementById(given.getAttribute('aria-describedby')!)!;
    expect(note.textContent).to.equal('Saisissez votre prénom');
    expect(note.parentElement).to.equal(form);
    const links = [...root(el).querySelectorAll('[part="error-summary"] a')] as HTMLAnchorElement[];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      `#${given.id}`,
      `#${(form.elements.namedItem('familyName') as HTMLElement).id}`,
      `#${(form.elements.namedItem('email') as HTMLElement).id}`,
    ]);
    expect(signatures()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('submits through the queue with the page’s consent words, then thanks the reader', async () => {
    fake.on('POST', SIGN, () => created(77));
    const { el, form } = await mountOwn();
    set(form, 'givenName', 'Ada');
    set(form, 'familyName', 'Lovelace');
    set(form, 'email', 'ada@example.org');
    (form.elements.namedItem('consent_newsletter') as HTMLInputElement).click();
    form.requestSubmit();
    await signedView(el);
    const request = body(signatures()[0]);
    expect(signatures()[0]!.path).to.equal(SIGN);
    expect(request.person).to.deep.equal({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', country: 'FR' });
    expect(request.consents).to.deep.equal([
      { id: 'newsletter', granted: true, text: 'Je veux recevoir les nouvelles.', version: '2026-11' },
    ]);
    expect(form.checkVisibility()).to.equal(false, 'the page form is out of sight once signed');
    expect(visibleText(el)).to.contain('77 personnes ont signé');
    await expect(el).to.be.accessible();
  });

  it('"sign for someone else" resets the page’s form, keeping the default country', async () => {
    localStorage.setItem('agir:signed:xinjiang', memoryUntil(1));
    const { el, form } = await mountOwn();
    expect(visibleText(el)).to.contain('Vous avez déjà signé depuis cet appareil');
    expect(form.checkVisibility()).to.equal(false);
    ($(el, '.secondary') as HTMLButtonElement).click();
    await until(() => document.activeElement === form.elements.namedItem('givenName'), 2000, 'focus on the page’s form');
    await el.updateComplete;
    expect(form.checkVisibility()).to.equal(true);
    expect((form.elements.namedItem('country') as HTMLSelectElement).value).to.equal('FR');
  });

  it('moved in the page (disconnected, then connected again), it still enhances the page’s form, and checks the petition again', async () => {
    fake.on('POST', SIGN, () => created(78));
    const { el, form } = await mountOwn();
    const parent = el.parentNode!;
    el.remove();
    parent.append(el);
    await settled(el, 2);
    const submits: Event[] = [];
    el.addEventListener('agir-submit', (event) => submits.push(event));
    set(form, 'givenName', 'Ada');
    set(form, 'familyName', 'Lovelace');
    set(form, 'email', 'ada@example.org');
    form.requestSubmit();
    await signedView(el);
    expect(submits).to.have.length(1);
    expect(signatures()).to.have.length(1);
    expect(visibleText(el)).to.contain('78 personnes ont signé');
  });

  it('queues when the network fails', async () => {
    freshQueue({ baseDelayMs: 60_000 });
    fake.on('POST', SIGN, offline);
    const { el, form } = await mountOwn();
    set(form, 'givenName', 'Ada');
    set(form, 'familyName', 'Lovelace');
    set(form, 'email', 'ada@example.org');
    form.requestSubmit();
    await until(() => el.matches(':state(queued)'), 3000, 'the queued state');
    expect((await queuedSignatures()).length).to.equal(1);
  });

  it('unticks a consent box the page ticked, and says so in the console', async () => {
    const errors = captureErrors();
    const { form } = await mountOwn(true);
    expect((form.elements.namedItem('consent_newsletter') as HTMLInputElement).checked).to.equal(false);
    expect(errors.some((message) => message.includes('consent must start unticked'))).to.equal(true);
  });
});
