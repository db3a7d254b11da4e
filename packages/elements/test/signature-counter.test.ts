import { expect, fixture, html } from '@open-wc/testing';
import { AgirError, configure, resetConfig, type AgirClient } from '@agir/core';
import '../src/signature-counter/define.js';
import { CountChangeEvent, SignatureCounter, autoGoal, counterConfig } from '../src/signature-counter/index.js';
import { PetitionStore, petitionStoreConfig } from '../src/shared/petition-store.js';
import { pageSelect } from '../src/shared/space.js';
import { counterSpace } from '../src/signature-counter/space.js';
import { emulateReducedMotion, fakeEndpoint as installFakeEndpoint, json, petitionPayload, until, type FakeEndpoint } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Test doubles: a clock for the store's and the counter's timers, an EventSource, page visibility.

/** A manual clock: timers run only when the test moves time on with `tick`. */
class FakeClock {
  time = 0;
  private id = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  readonly now = (): number => this.time;
  readonly setTimeout = (run: () => void, ms: number): number => {
    this.id += 1;
    this.timers.set(this.id, { at: this.time + Math.max(0, ms), run });
    return this.id;
  };
  readonly clearTimeout = (id: unknown): void => {
    this.timers.delete(id as number);
  };
  /** Moves time on by `ms`, running each timer due on the way and letting the promises it starts settle. */
  async tick(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

/** Lets fetch promises, JSON parsing and renders finish (a few real macrotasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  readyState = 0;
  constructor(url: string | URL) {
    super();
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }
  close(): void {
    this.readyState = 2;
  }
  get closed(): boolean {
    return this.readyState === 2;
  }
  /** Sends a `count` event with raw `data`. */
  send(data: string): void {
    this.readyState = 1;
    this.dispatchEvent(new MessageEvent('count', { data }));
  }
  count(signatureCount: number, countryCount = 184): void {
    this.send(JSON.stringify({ signatureCount, countryCount }));
  }
  fail(closed = false): void {
    this.readyState = closed ? 2 : 0;
    this.dispatchEvent(new Event('error'));
  }
}

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

class TestSignedEvent extends Event {
  constructor(
    readonly petition: string,
    readonly endpoint?: string,
    readonly signatureCount?: number,
    readonly duplicate = false,
  ) {
    super('agir-signed', { bubbles: true, composed: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

const realEventSource = window.EventSource;
const storeDefaults = { ...petitionStoreConfig };
const counterDefaults = { ...counterConfig };
let clock: FakeClock;
let api: FakeEndpoint | undefined;
const installed: FakeEndpoint[] = [];

/** A fake endpoint (see helpers.ts), taken down after the test. */
function fakeEndpoint(): FakeEndpoint {
  const endpoint = installFakeEndpoint();
  installed.push(endpoint);
  return endpoint;
}
let errors: unknown[][];
const realConsoleError = console.error;

/** A fake endpoint whose petition answers with `payload()` (the seed's figures by default). */
function endpointWith(payload: () => unknown = () => petitionPayload()): FakeEndpoint {
  api = fakeEndpoint();
  api.on('GET', '/petitions/xinjiang', () => json(payload()));
  return api;
}

const petitionRequests = (endpoint: FakeEndpoint): number => endpoint.requests.filter((r) => r.path === '/petitions/xinjiang').length;
const part = (el: Element, name: string): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
/** The digits on screen (the animated, aria-hidden ones). */
const digits = (el: Element): string => el.shadowRoot?.querySelector('[part~="number"]')?.lastElementChild?.textContent ?? '';
/** What a screen reader reads for the number. */
const spoken = (el: Element): string => part(el, 'number').nextElementSibling!.textContent!;
const announcer = (el: Element): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[aria-live]')!;
const shows = (el: Element, text: string): Promise<unknown> => until(() => digits(el) === text, 3000, `"${text}" in ${el.outerHTML}`);

function box(el: Element): { width: number; height: number } {
  const { width, height } = el.getBoundingClientRect();
  return { width, height };
}

/** A hostile title: must never become markup. */
const hostileTitle = '<img src=x onerror="window.__agirInjected = true">';

// define.ts registers the tag once the page's messages are loaded.
before(() => customElements.whenDefined('signature-counter'));

beforeEach(() => {
  clock = new FakeClock();
  Object.assign(petitionStoreConfig, { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, random: () => 1 }); // jitter × 1: exact doubling
  Object.assign(counterConfig, { now: clock.now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout });
  FakeEventSource.instances = [];
  window.EventSource = FakeEventSource as unknown as typeof EventSource;
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  errors = [];
  console.error = (...args: unknown[]) => errors.push(args);
});

afterEach(async () => {
  console.error = realConsoleError;
  // Leave the page as it was: fixtures are removed by @open-wc/testing after this hook.
  delete (document as { visibilityState?: unknown }).visibilityState;
  window.EventSource = realEventSource;
  // Each fake wraps the fetch before it: take them down in reverse order.
  for (const endpoint of installed.reverse()) endpoint.restore();
  installed.length = 0;
  api = undefined;
  await emulateReducedMotion(false);
});

after(() => {
  Object.assign(petitionStoreConfig, storeDefaults);
  Object.assign(counterConfig, counterDefaults);
});

// ---------------------------------------------------------------------------------------------

describe('signature-counter: accessibility in every state', () => {
  for (const lang of ['fr', 'ar', 'it', 'nl', 'pt', 'ug', 'zh-Hans']) {
    it(`is accessible while loading, ready and in error (${lang})`, async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      api = fakeEndpoint();
      api.on('GET', '/petitions/xinjiang', async () => {
        await gate;
        return json(petitionPayload());
      });
      const page = await fixture<HTMLDivElement>(
        html`<div lang=${lang} dir=${lang === 'ar' || lang === 'ug' ? 'rtl' : 'ltr'}>
          <h1>
            Ouïghours : <signature-counter layout="inline" petition="xinjiang" endpoint=${api.endpoint}></signature-counter> personnes
          </h1>
          <signature-counter petition="xinjiang" endpoint=${api.endpoint} show-countries></signature-counter>
        </div>`,
      );
      const [inline, block] = Array.from(page.querySelectorAll('signature-counter'));
      // Loading, with the language's catalog in place.
      await until(() => spoken(block!) !== 'Loading the number of signatures…');
      expect(block!.matches(':state(loading)')).to.equal(true);
      expect(block!.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
      expect(digits(block!)).to.equal('—');
      await expect(page).to.be.accessible();

      release();
      const formatted = new Intl.NumberFormat(lang).format(323832);
      await shows(block!, formatted);
      await shows(inline!, formatted);
      expect(block!.matches(':state(loading)')).to.equal(false);
      expect(block!.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
      await expect(page).to.be.accessible();
      const bar = part(block!, 'bar');
      expect(bar.localName).to.equal('progress');
      expect(bar.getAttribute('aria-valuetext')).to.contain(formatted).and.contain(new Intl.NumberFormat(lang).format(500000));

      const down = fakeEndpoint();
      down.on('GET', '/petitions/xinjiang', () => json({ error: { code: 'internal', message: 'down' } }, 500));
      const broken = await fixture<HTMLDivElement>(
        html`<div lang=${lang} dir=${lang === 'ar' || lang === 'ug' ? 'rtl' : 'ltr'}>
          <signature-counter petition="xinjiang" endpoint=${down.endpoint}></signature-counter>
          <p>Ouïghours : <signature-counter layout="inline" petition="xinjiang" endpoint=${down.endpoint}></signature-counter> personnes</p>
        </div>`,
      );
      for (const el of Array.from(broken.querySelectorAll('signature-counter')))
        await until(() => el.matches(':state(error)'), 3000, 'the error state');
      const el = broken.querySelector('signature-counter')!;
      expect(digits(el)).to.equal('—');
      const unavailable: Record<string, string> = {
        fr: 'nombre indisponible',
        ar: 'العدد غير متاح',
        it: 'numero non disponibile',
        nl: 'aantal niet beschikbaar',
        pt: 'número indisponível',
        ug: 'سانى ئېنىق ئەمەس',
        'zh-Hans': '人数暂不可用',
      };
      expect(spoken(el)).to.equal(unavailable[lang]);
      await expect(broken).to.be.accessible();
    });
  }
});

describe('signature-counter: numbers in the element’s language', () => {
  for (const [lang, expected] of [
    ['fr', '323\u202f832'],
    ['en', '323,832'],
    ['ar', new Intl.NumberFormat('ar').format(323832)],
    // Arabic-Indic digits where the page asks for them (docs/localisation.md): a region that uses them, or -u-nu-arab.
    ['ar-EG', '\u0663\u0662\u0663\u066c\u0668\u0663\u0662'],
    ['ar-u-nu-arab', '\u0663\u0662\u0663\u066c\u0668\u0663\u0662'],
    ['it', '323.832'],
    ['nl', '323.832'],
    ['pt', '323.832'],
    ['pt-PT', '323\u00a0832'],
  ] as const) {
    it(`renders 323832 as "${expected}" in ${lang}`, async () => {
      const endpoint = endpointWith();
      const el = await fixture<SignatureCounter>(
        html`<signature-counter lang=${lang} petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
      );
      await shows(el, expected);
      expect(spoken(el)).to.equal(expected);
      expect(new Intl.NumberFormat(lang).format(323832)).to.equal(expected);
    });
  }

  it('shows the goal, the countries and the label in French, and the bar’s text alternative', async () => {
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="fr" petition="xinjiang" endpoint=${endpoint.endpoint} show-countries></signature-counter>`,
    );
    await shows(el, '323\u202f832');
    const text = el.shadowRoot!.textContent!;
    expect(part(el, 'label').textContent!.trim()).to.equal('signatures');
    expect(text).to.contain('Objectif\u202f: 500\u202f000');
    expect(text).to.contain('dans 184 pays');
    const bar = part(el, 'bar') as HTMLProgressElement;
    expect(bar.max).to.equal(500000);
    expect(bar.value).to.equal(323832);
    expect(bar.getAttribute('aria-valuetext')).to.equal('323\u202f832 signatures sur 500\u202f000');
    expect(bar.getAttribute('aria-label')).to.equal('Progression vers l’objectif');
  });

  it('shows the goal, the countries, the label and the bar’s text alternative in Italian, Dutch and Portuguese', async () => {
    const expected = {
      it: ['firme', 'Obiettivo: 500.000', 'in 184 paesi', '323.832 firme su 500.000', 'Avanzamento verso l’obiettivo'],
      nl: ['handtekeningen', 'Doel: 500.000', 'in 184 landen', '323.832 handtekeningen van 500.000', 'Voortgang naar het doel'],
      pt: ['assinaturas', 'Objetivo: 500.000', 'em 184 países', '323.832 assinaturas de 500.000', 'Progresso em direção ao objetivo'],
    };
    for (const [lang, [label, goal, countries, valueText, barLabel]] of Object.entries(expected)) {
      const endpoint = endpointWith();
      const el = await fixture<SignatureCounter>(
        html`<signature-counter lang=${lang} petition="xinjiang" endpoint=${endpoint.endpoint} show-countries></signature-counter>`,
      );
      await shows(el, '323.832');
      const text = el.shadowRoot!.textContent!;
      expect(part(el, 'label').textContent!.trim(), lang).to.equal(label);
      expect(text, lang).to.contain(goal).and.contain(countries);
      expect(part(el, 'bar').getAttribute('aria-valuetext'), lang).to.equal(valueText);
      expect(part(el, 'bar').getAttribute('aria-label'), lang).to.equal(barLabel);
    }
  });

  it('shows the goal, the countries, the label and the bar’s text alternative in Uyghur (right to left) and Simplified Chinese', async () => {
    const expected = {
      ug: ['ئىمزا', 'نىشان: 500,000', '184 دۆلەت ۋە رايوندىن', '323,832 ئىمزا، نىشان 500,000', 'نىشانغا يېتىش ئەھۋالى', 'rtl'],
      'zh-Hans': ['个签名', '目标：500,000', '来自 184 个国家和地区', '323,832 个签名，目标 500,000', '目标完成进度', 'ltr'],
    };
    for (const [lang, [label, goal, countries, valueText, barLabel, dir]] of Object.entries(expected)) {
      const endpoint = endpointWith();
      const el = await fixture<SignatureCounter>(
        html`<signature-counter lang=${lang} petition="xinjiang" endpoint=${endpoint.endpoint} show-countries></signature-counter>`,
      );
      await shows(el, '323,832');
      const text = el.shadowRoot!.textContent!;
      expect(part(el, 'label').textContent!.trim(), lang).to.equal(label);
      expect(text, lang).to.contain(goal).and.contain(countries);
      expect(part(el, 'bar').getAttribute('aria-valuetext'), lang).to.equal(valueText);
      expect(part(el, 'bar').getAttribute('aria-label'), lang).to.equal(barLabel);
      expect(getComputedStyle(part(el, 'number')).direction, lang).to.equal(dir);
    }
  });

  it('inline: a number inside a heading, in the heading’s font, with no words of its own', async () => {
    const endpoint = endpointWith();
    const heading = await fixture<HTMLHeadingElement>(
      html`<h1 lang="fr" style="font: italic 700 40px serif; color: rgb(10, 20, 30)">
        Ouïghours, Kazakhs, et autres minorités musulmanes :
        <signature-counter layout="inline" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
        personnes exigent leur libération
      </h1>`,
    );
    const el = heading.querySelector('signature-counter')!;
    await shows(el, '323\u202f832');
    const number = getComputedStyle(part(el, 'number'));
    expect(number.fontSize).to.equal('40px');
    expect(number.fontStyle).to.equal('italic');
    expect(number.fontFamily).to.equal(getComputedStyle(heading).fontFamily);
    expect(number.color).to.equal('rgb(10, 20, 30)');
    expect(part(el, 'bar')).to.equal(null);
    expect(part(el, 'label').hidden).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('inline');
  });

  it('takes its words from the label attribute or the slot, and the countries when asked', async () => {
    const endpoint = endpointWith();
    const page = await fixture<HTMLDivElement>(
      html`<p lang="fr">
        <signature-counter
          layout="inline"
          label="signatures"
          show-countries
          petition="xinjiang"
          endpoint=${endpoint.endpoint}
        ></signature-counter>
        <signature-counter layout="inline" petition="xinjiang" endpoint=${endpoint.endpoint}><em>personnes</em></signature-counter>
      </p>`,
    );
    const [attribute, slotted] = Array.from(page.querySelectorAll('signature-counter'));
    await shows(attribute!, '323\u202f832');
    await until(() => !part(slotted!, 'label').hidden);
    expect(part(attribute!, 'label').textContent!.trim()).to.equal('signatures');
    expect(attribute!.shadowRoot!.textContent).to.contain('dans 184 pays');
    const slot = part(slotted!, 'label').querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('personnes');
  });
});

describe('signature-counter: one shared store per petition', () => {
  it('makes one request for ten counters of one petition', async () => {
    const endpoint = endpointWith();
    const page = await fixture<HTMLDivElement>(
      html`<div lang="fr">
        ${Array.from({ length: 10 }, (_, i) => html`<signature-counter layout=${i % 2 ? 'inline' : 'block'} petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`)}
      </div>`,
    );
    const counters = Array.from(page.querySelectorAll('signature-counter'));
    for (const el of counters) await shows(el, '323\u202f832');
    expect(petitionRequests(endpoint)).to.equal(1);
    expect(FakeEventSource.instances).to.have.length(1);
    expect(FakeEventSource.instances[0]!.url).to.equal(`${endpoint.endpoint}/petitions/xinjiang/stream`);
  });

  it('brings one stream update to every counter, in each one’s language', async () => {
    await emulateReducedMotion(true);
    const endpoint = endpointWith();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <signature-counter lang="fr" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
        <signature-counter lang="en" layout="inline" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
        <signature-counter lang="ar" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
      </div>`,
    );
    const [fr, en, ar] = Array.from(page.querySelectorAll('signature-counter'));
    await shows(ar!, new Intl.NumberFormat('ar').format(323832));
    FakeEventSource.instances[0]!.count(323900, 185);
    await shows(fr!, '323\u202f900');
    await shows(en!, '323,900');
    await shows(ar!, new Intl.NumberFormat('ar').format(323900));
    expect(petitionRequests(endpoint)).to.equal(1);
  });

  it('falls back to polling when the stream fails before any message, and polls at the interval', async () => {
    let count = 323832;
    const endpoint = endpointWith(() => petitionPayload({ signatureCount: count }));
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" interval="5" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    // The stream opens once the count is shown: WebKit may render the count a turn before the state.
    await until(() => el.matches(':state(live)'), 3000, ':state(live)');
    const stream = FakeEventSource.instances[0]!;
    stream.fail(true); // e.g. a 404: this endpoint has no stream
    expect(stream.closed).to.equal(true);
    count = 324000;
    await clock.tick(4999);
    expect(petitionRequests(endpoint)).to.equal(1);
    await clock.tick(1);
    expect(petitionRequests(endpoint)).to.equal(2);
    await shows(el, '324,000');
    await clock.tick(5000);
    expect(petitionRequests(endpoint)).to.equal(3);
    expect(FakeEventSource.instances).to.have.length(1);
    expect(el.matches(':state(live)')).to.equal(true);
  });

  it('falls back to polling after repeated stream errors', async () => {
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    const stream = FakeEventSource.instances[0]!;
    stream.count(323832);
    stream.fail();
    stream.fail();
    expect(stream.closed).to.equal(false); // the browser reconnects by itself
    stream.fail();
    expect(stream.closed).to.equal(true);
    await clock.tick(30_000);
    expect(petitionRequests(endpoint)).to.equal(2);
  });

  it('polls without EventSource, backing off exponentially on errors, honouring Retry-After', async () => {
    window.EventSource = undefined as unknown as typeof EventSource;
    let fail = false;
    const answer: { retryAfter?: string } = {};
    api = fakeEndpoint();
    api.on('GET', '/petitions/xinjiang', () =>
      fail
        ? json({ error: { code: 'internal', message: 'down' } }, 503, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {})
        : json(petitionPayload()),
    );
    const endpoint = api;
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" interval="10" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    fail = true;
    const times: number[] = [];
    const record = async (ms: number): Promise<void> => {
      const before = petitionRequests(endpoint);
      await clock.tick(ms);
      if (petitionRequests(endpoint) > before) times.push(clock.time);
    };
    for (let i = 0; i < 190; i++) await record(5000);
    // 10 s, then 20, 40, 80, 160 s after each failure (doubling), then capped at 5 min.
    expect(times).to.deep.equal([10_000, 30_000, 70_000, 150_000, 310_000, 610_000, 910_000]);
    // The figure stays, and the reader is not told anything failed.
    expect(digits(el)).to.equal('323,832');
    expect(el.matches(':state(error)')).to.equal(false);
    expect(el.matches(':state(live)')).to.equal(false);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('<signature-counter>').and.contain('HTTP 503');

    // Retry-After longer than the backoff wins.
    fail = false;
    await clock.tick(300_000);
    expect(digits(el)).to.equal('323,832');
    const before = petitionRequests(endpoint);
    fail = true;
    answer.retryAfter = '120';
    await clock.tick(10_000); // the next poll fails and asks for 2 minutes
    expect(petitionRequests(endpoint)).to.equal(before + 1);
    await clock.tick(119_000);
    expect(petitionRequests(endpoint)).to.equal(before + 1);
    await clock.tick(1000);
    expect(petitionRequests(endpoint)).to.equal(before + 2);
  });
});

describe('signature-counter: a hidden page makes no request', () => {
  it('waits for the page to show before its first request', async () => {
    visibility = 'hidden';
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await clock.tick(120_000);
    expect(petitionRequests(endpoint)).to.equal(0);
    expect(FakeEventSource.instances).to.have.length(0);
    expect(el.matches(':state(loading)')).to.equal(true);
    setVisibility('visible');
    await shows(el, '323,832');
    expect(petitionRequests(endpoint)).to.equal(1);
  });

  it('stops polling while hidden and refreshes on return', async () => {
    window.EventSource = undefined as unknown as typeof EventSource;
    let count = 323832;
    const endpoint = endpointWith(() => petitionPayload({ signatureCount: count }));
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" interval="5" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    await clock.tick(5000);
    expect(petitionRequests(endpoint)).to.equal(2);
    setVisibility('hidden');
    await clock.tick(600_000);
    expect(petitionRequests(endpoint)).to.equal(2);
    count = 330000;
    setVisibility('visible');
    await settle();
    expect(petitionRequests(endpoint)).to.equal(3);
    await shows(el, '330,000');
    await clock.tick(5000);
    expect(petitionRequests(endpoint)).to.equal(4);
  });

  it('closes the stream while hidden and opens it again on return', async () => {
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    const first = FakeEventSource.instances[0]!;
    setVisibility('hidden');
    expect(first.closed).to.equal(true);
    await clock.tick(600_000);
    expect(petitionRequests(endpoint)).to.equal(1);
    expect(FakeEventSource.instances).to.have.length(1);
    setVisibility('visible');
    await until(() => FakeEventSource.instances.length === 2);
    expect(petitionRequests(endpoint)).to.equal(2);
    expect(FakeEventSource.instances[1]!.closed).to.equal(false);
  });
});

describe('signature-counter: no layout shift', () => {
  for (const layout of ['block', 'inline'] as const) {
    for (const lang of ['fr', 'en', 'ar']) {
      it(`keeps the same box before and after the figure arrives (${layout}, ${lang})`, async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        api = fakeEndpoint();
        api.on('GET', '/petitions/xinjiang', async () => {
          await gate;
          return json(petitionPayload());
        });
        const page = await fixture<HTMLDivElement>(
          html`<div lang=${lang} style="inline-size: 40rem">
            <p>
              Ouïghours :
              <signature-counter layout=${layout} show-countries petition="xinjiang" endpoint=${api.endpoint}></signature-counter>
              personnes exigent leur libération
            </p>
          </div>`,
        );
        const el = page.querySelector('signature-counter')!;
        const following = page.querySelector('p')!.lastChild!;
        const range = document.createRange();
        range.selectNodeContents(following);
        await until(() => el.matches(':state(loading)') && (lang === 'en' || !spoken(el).startsWith('Loading')));
        const before = box(el);
        const textBefore = range.getBoundingClientRect().x;
        expect(before.width).to.be.greaterThan(0);
        expect(before.height).to.be.greaterThan(0);
        // What the browser itself counts as layout shift (the metric of Core Web Vitals), from here on.
        // Only what moves in this page: the counter, the sentence around it (a node in a shadow root is null).
        type Shift = PerformanceEntry & { value: number; sources: Array<{ node: Node | null }> };
        const shifts: number[] = [];
        const collect = (entries: PerformanceEntry[]): void => {
          for (const entry of entries as Shift[])
            if (entry.sources.some(({ node }) => !node || page.contains(node))) shifts.push(entry.value);
        };
        const observer = new PerformanceObserver((list) => collect(list.getEntries()));
        observer.observe({ type: 'layout-shift' });
        release();
        await shows(el, new Intl.NumberFormat(lang).format(323832));
        await new Promise((resolve) => setTimeout(resolve, 100));
        collect(observer.takeRecords());
        observer.disconnect();
        expect(box(el)).to.deep.equal(before);
        expect(range.getBoundingClientRect().x).to.equal(textBefore);
        expect(shifts).to.deep.equal([]);
      });
    }
  }

  it('never shows 0 before data, and reserves room for the count it is given', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    api = fakeEndpoint();
    api.on('GET', '/petitions/xinjiang', async () => {
      await gate;
      return json(petitionPayload({ signatureCount: 1234 }));
    });
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" count="1200" petition="xinjiang" endpoint=${api.endpoint}></signature-counter>`,
    );
    // With a count attribute as a starting figure there is no loading state at all.
    expect(digits(el)).to.equal('1,200');
    expect(el.matches(':state(loading)')).to.equal(false);
    const before = box(el);
    release();
    await shows(el, '1,234');
    expect(box(el)).to.deep.equal(before);

    // Every text the number ever shows, from creation to data: a dash, then the figure.
    const slow = endpointWith();
    const fresh = document.createElement('signature-counter');
    Object.assign(fresh, { lang: 'en', petition: 'xinjiang', endpoint: slow.endpoint });
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(`${digits(fresh)}|${spoken(fresh)}`));
    observer.observe(fresh.shadowRoot!, { subtree: true, childList: true, characterData: true });
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.append(fresh);
    await shows(fresh, '323,832');
    observer.disconnect();
    expect([...seen]).to.deep.equal(['—|Loading the number of signatures…', '323,832|323,832']);
  });
});

describe('signature-counter: the place agir.css holds inline, before the script has run', () => {
  // agir.css's rules, for a tag no script defines here: the counter before it is defined.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(counterSpace(pageSelect('agir-undefined-counter')));
  before(() => void (document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]));
  after(() => void (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)));

  for (const lang of ['fr', 'en', 'de', 'ar', 'zh-Hans']) {
    it(`is as wide as the counter's own place while it loads, in its language's number format (${lang})`, async function () {
      // agir.css holds Latin digits, as every engine but an old ICU formats these languages (WebKitGTK's on
      // Debian 12 writes Arabic in Arabic-Indic digits, 11 px narrower at 32 px): a stylesheet cannot know the engine.
      if (!/^[0-9]/.test(new Intl.NumberFormat(lang).format(999_999))) this.skip();
      api = fakeEndpoint();
      api.on('GET', '/petitions/xinjiang', () => new Promise(() => undefined)); // never answers: loading
      const page = await fixture<HTMLHeadingElement>(
        html`<h2 lang=${lang} style="font: 700 32px/1.2 serif">
          <agir-undefined-counter layout="inline"></agir-undefined-counter><br />
          <signature-counter layout="inline" petition="xinjiang" endpoint=${api.endpoint}></signature-counter>
        </h2>`,
      );
      const counter = page.querySelector('signature-counter')!;
      await until(() => counter.matches(':state(loading)'));
      const before = page.querySelector('agir-undefined-counter')!.getBoundingClientRect().width;
      const loading = part(counter, 'number').getBoundingClientRect().width;
      expect(before).to.be.greaterThan(50);
      expect(Math.abs(before - loading), `agir.css ${before}px, the loading counter ${loading}px`).to.be.lessThan(0.5);
    });
  }
});

describe('signature-counter: a figure smaller than the place held for it', () => {
  for (const lang of ['fr', 'ar']) {
    it(`takes its own width once it arrives: no blank before the number in the sentence (${lang})`, async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      api = fakeEndpoint();
      api.on('GET', '/petitions/xinjiang', async () => {
        await gate;
        return json(petitionPayload({ signatureCount: 1234, goal: 5000 }));
      });
      const page = await fixture<HTMLParagraphElement>(
        html`<p lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
          Déjà <signature-counter layout="inline" petition="xinjiang" endpoint=${api.endpoint}></signature-counter> personnes
        </p>`,
      );
      const el = page.querySelector('signature-counter')!;
      const number = part(el, 'number');
      await until(() => el.matches(':state(loading)'));
      const loadingWidth = number.getBoundingClientRect().width;
      release();
      await shows(el, new Intl.NumberFormat(lang).format(1234));
      // The glyphs on screen: the digits' own text node, measured by a range.
      const range = document.createRange();
      range.selectNodeContents(number.lastElementChild!);
      const glyphs = range.getBoundingClientRect().width;
      const width = number.getBoundingClientRect().width;
      expect(width).to.be.lessThan(loadingWidth);
      expect(Math.abs(width - glyphs), `number ${width}px, its digits ${glyphs}px`).to.be.lessThan(1);
    });
  }
});

describe('signature-counter: motion and announcements', () => {
  it('counts up to a new figure through intermediate values', async () => {
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    const seen = new Set<string>();
    FakeEventSource.instances[0]!.count(324832);
    await until(() => {
      seen.add(digits(el));
      return digits(el) === '324,832';
    });
    seen.delete('323,832');
    seen.delete('324,832');
    expect(seen.size).to.be.greaterThan(0);
    for (const value of seen) {
      const n = Number(value.replace(/,/g, ''));
      expect(n).to.be.within(323833, 324831);
    }
  });

  it('jumps straight to the new figure under prefers-reduced-motion (media emulation in Chromium, matchMedia elsewhere)', async () => {
    await emulateReducedMotion(true);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    const frames: string[] = [];
    FakeEventSource.instances[0]!.count(324832);
    await el.updateComplete;
    // Eight painted frames, however long a loaded machine takes to paint them (a fixed 300 ms gave too few).
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      frames.push(digits(el));
    }
    expect(frames.length).to.equal(8);
    expect(new Set(frames)).to.deep.equal(new Set(['324,832']));
  });

  it('announces changes politely, at most once in 30 s, the latest figure at the end of the window', async () => {
    await emulateReducedMotion(true);
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="fr" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323\u202f832');
    const region = announcer(el);
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(part(el, 'number').getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'number').contains(region)).to.equal(false);
    expect(region.textContent).to.equal(''); // the first figure is not announced
    const heard: Array<{ at: number; text: string }> = [];
    const observer = new MutationObserver(() => {
      if (region.textContent) heard.push({ at: clock.time, text: region.textContent });
    });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    const stream = FakeEventSource.instances[0]!;
    stream.count(323833);
    await clock.tick(0);
    for (let i = 1; i <= 20; i++) {
      await clock.tick(1000);
      stream.count(323833 + i);
    }
    await clock.tick(9000); // t = 29 s: still one announcement
    await settle();
    expect(heard.map((h) => h.text)).to.deep.equal(['323\u202f833 signatures']);
    await clock.tick(1000); // t = 30 s: the latest figure
    await settle();
    observer.disconnect();
    expect(heard).to.deep.equal([
      { at: 0, text: '323\u202f833 signatures' },
      { at: 30_000, text: '323\u202f853 signatures' },
    ]);
    // The region empties afterwards (a counter inside a heading keeps no extra words).
    await clock.tick(5000);
    expect(region.textContent).to.equal('');
  });
});

describe('signature-counter: hostile and malformed data', () => {
  const cases: Array<[string, () => Response]> = [
    ['a negative count', () => json(petitionPayload({ signatureCount: -5 }))],
    ['a count as a string', () => json(petitionPayload({ signatureCount: '323832' }))],
    [
      'a count above MAX_SAFE_INTEGER',
      () =>
        new Response(
          '{"id":"xinjiang","title":"t","status":"open","signatureCount":9007199254740993,"countryCount":184,"goal":null,"updatedAt":"2026-11-01T10:00:00Z","locale":"fr"}',
          { headers: { 'content-type': 'application/json' } },
        ),
    ],
    ['missing counts', () => json({ id: 'xinjiang', title: 'x', status: 'open', goal: null })],
    [
      'HTML in the title and the counts',
      () => json(petitionPayload({ title: hostileTitle, signatureCount: hostileTitle, goal: hostileTitle })),
    ],
    [
      'a body that is not JSON',
      () => new Response(`<html><body>${hostileTitle}</body></html>`, { headers: { 'content-type': 'text/html' } }),
    ],
    ['JSON null', () => json(null)],
  ];
  for (const [name, answer] of cases) {
    it(`keeps calm with ${name}: fallback, no markup, one console error`, async () => {
      api = fakeEndpoint();
      api.on('GET', '/petitions/xinjiang', answer);
      const el = await fixture<SignatureCounter>(
        html`<signature-counter lang="en" interval="5" petition="xinjiang" endpoint=${api.endpoint}></signature-counter>`,
      );
      await until(() => el.matches(':state(error)'), 3000, 'the error state');
      await clock.tick(60_000); // more failed polls: still one console error
      expect(petitionRequests(api)).to.be.greaterThan(1);
      expect(digits(el)).to.equal('—');
      expect(spoken(el)).to.equal('count unavailable');
      expect(el.shadowRoot!.querySelector('img, script, iframe')).to.equal(null);
      expect(el.querySelector('*')).to.equal(null);
      expect((window as { __agirInjected?: boolean }).__agirInjected).to.equal(undefined);
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.match(/^Agir <signature-counter>: could not load petition "xinjiang"/);
    });
  }

  it('renders a hostile title nowhere, and shows the counts of an otherwise valid payload', async () => {
    const endpoint = endpointWith(() => petitionPayload({ title: hostileTitle }));
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.not.contain('<img');
    expect(errors).to.have.length(0);
  });

  it('takes a goal the stream sends, and ignores a count event whose goal breaks the contract', async () => {
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="fr" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323\u202f832');
    const stream = FakeEventSource.instances[0]!;
    stream.send(JSON.stringify({ signatureCount: 323900, countryCount: 185, goal: 1000000 }));
    await shows(el, '323\u202f900');
    expect((part(el, 'bar') as HTMLProgressElement).max).to.equal(1000000);
    expect(el.shadowRoot!.textContent).to.contain('Objectif\u202f: 1\u202f000\u202f000');
    stream.send(JSON.stringify({ signatureCount: 324000, countryCount: 185, goal: 0 }));
    await settle();
    expect(el.shadowRoot!.textContent).to.contain('323\u202f900');
    expect((part(el, 'bar') as HTMLProgressElement).max).to.equal(1000000);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('"count" event that does not match the Agir contract');
  });

  it('keeps the last figure when an update fails, and when the stream sends garbage', async () => {
    let broken = false;
    const endpoint = endpointWith(() => (broken ? { signatureCount: -1 } : petitionPayload()));
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    const stream = FakeEventSource.instances[0]!;
    stream.count(323840);
    await shows(el, '323,840');
    for (const garbage of [
      'not json',
      '{"signatureCount":"lots","countryCount":1}',
      '{"signatureCount":-1,"countryCount":1}',
      `{"signatureCount":1e300,"countryCount":1}`,
      'null',
      JSON.stringify({ signatureCount: hostileTitle }),
    ]) {
      stream.send(garbage);
    }
    await settle();
    expect(digits(el)).to.equal('323,840');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('"count" event that does not match the Agir contract');
    expect(stream.closed).to.equal(false);

    // A failed refresh keeps the figure too.
    broken = true;
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(petitionRequests(endpoint)).to.equal(2);
    expect(digits(el)).to.equal('323,840');
    expect(el.matches(':state(error)')).to.equal(false);
  });
});

describe('signature-counter: a signature made in the page', () => {
  it('bumps at once on agir-signed (the form’s figure, else +1), then the server’s figure wins', async () => {
    await emulateReducedMotion(true);
    const endpoint = endpointWith(() => petitionPayload({ signatureCount: 323850 }));
    endpoint.on('GET', '/petitions/other', () => json(petitionPayload({ id: 'other', signatureCount: 10 })));
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <signature-counter petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
        <signature-counter petition="other" endpoint=${endpoint.endpoint}></signature-counter>
        <form-stand-in></form-stand-in>
      </div>`,
    );
    const [counter, other] = Array.from(page.querySelectorAll('signature-counter'));
    await shows(counter!, '323,850');
    await shows(other!, '10');
    // From inside a shadow root, as a petition-form would fire it (bubbles, composed).
    const host = page.querySelector('form-stand-in')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    shadow.append(button);
    button.dispatchEvent(new TestSignedEvent('xinjiang', endpoint.endpoint, 324000));
    await shows(counter!, '324,000');
    button.dispatchEvent(new TestSignedEvent('xinjiang', `${endpoint.endpoint}/`));
    await shows(counter!, '324,001');
    document.dispatchEvent(new TestSignedEvent('xinjiang', 'https://elsewhere.agir.test/api/v1', 1));
    document.dispatchEvent(new TestSignedEvent('xinjiang', endpoint.endpoint, -4));
    await shows(counter!, '324,002'); // an invalid figure counts as one more
    expect(digits(other!)).to.equal('10');
    expect(petitionRequests(endpoint)).to.equal(1);
    // The stream (or the next fetch) brings the server's figure back. Two petitions, two streams: which
    // opens first depends on which answer came first, so pick this petition's by its URL (once it is open:
    // Firefox may open it a turn after the count shows).
    const stream = await until(
      () => FakeEventSource.instances.find((candidate) => candidate.url.endsWith('/petitions/xinjiang/stream')),
      3000,
      'the stream of the petition',
    );
    stream.count(323851);
    await shows(counter!, '323,851');
  });
});

describe('signature-counter: static pages and configuration errors', () => {
  it('shows count and goal without any request', async () => {
    const fetches: unknown[] = [];
    const realFetch = window.fetch;
    window.fetch = ((...args: unknown[]) => {
      fetches.push(args);
      return realFetch(...(args as Parameters<typeof fetch>));
    }) as typeof fetch;
    try {
      const el = await fixture<SignatureCounter>(html`<signature-counter lang="fr" count="323832" goal="500000"></signature-counter>`);
      await shows(el, '323\u202f832');
      const bar = part(el, 'bar') as HTMLProgressElement;
      expect(bar.value).to.equal(323832);
      expect(bar.max).to.equal(500000);
      expect(el.shadowRoot!.textContent).to.contain('Objectif\u202f: 500\u202f000');
      expect(el.matches(':state(live)')).to.equal(false);
      await clock.tick(600_000);
      expect(fetches).to.have.length(0);
      expect(FakeEventSource.instances).to.have.length(0);
      expect(errors).to.have.length(0);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('a fixed count adds a signature made in the page (not one already counted, not another petition’s)', async () => {
    await emulateReducedMotion(true);
    const el = await fixture<SignatureCounter>(html`<signature-counter lang="en" petition="xinjiang" count="323832"></signature-counter>`);
    await shows(el, '323,832');
    document.dispatchEvent(new TestSignedEvent('xinjiang', 'https://api.example.org/api/v1', 12));
    // One more: the page's own figure, not the endpoint's (a static counter may count more than one platform).
    await shows(el, '323,833');
    document.dispatchEvent(new TestSignedEvent('xinjiang', undefined, undefined, true));
    document.dispatchEvent(new TestSignedEvent('other'));
    await el.updateComplete;
    expect(digits(el)).to.equal('323,833');
    // Disconnected, it stops listening.
    el.remove();
    document.dispatchEvent(new TestSignedEvent('xinjiang'));
    document.body.append(el);
    await shows(el, '323,832');
  });

  it('reports a counter with neither endpoint nor count once, and shows the fallback', async () => {
    const el = await fixture<SignatureCounter>(html`<signature-counter lang="fr" petition="xinjiang"></signature-counter>`);
    await until(() => spoken(el) === 'nombre indisponible');
    expect(digits(el)).to.equal('—');
    expect(el.matches(':state(error)')).to.equal(true);
    el.label = 'personnes';
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('Agir <signature-counter>: no endpoint and no count');
  });

  it('finds its endpoint in a meta tag', async () => {
    const endpoint = endpointWith();
    const meta = document.createElement('meta');
    meta.name = 'agir:endpoint';
    meta.content = endpoint.endpoint;
    document.head.append(meta);
    try {
      const el = await fixture<SignatureCounter>(html`<signature-counter lang="en" petition="xinjiang"></signature-counter>`);
      await shows(el, '323,832');
    } finally {
      meta.remove();
    }
  });

  it('reports bad attributes once each: interval below 5 s (clamped), goal, goal-steps, count, endpoint, petition', async () => {
    window.EventSource = undefined as unknown as typeof EventSource;
    const endpoint = endpointWith();
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" interval="2" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>`,
    );
    await shows(el, '323,832');
    await clock.tick(4999);
    expect(petitionRequests(endpoint)).to.equal(1);
    await clock.tick(1);
    expect(petitionRequests(endpoint)).to.equal(2);
    expect(errors.map((e) => String(e[0]))).to.deep.equal([
      'Agir <signature-counter>: interval="2" must be a number of seconds, 5 or more; polling every 5 s.',
    ]);
    errors.length = 0;
    await fixture(
      html`<div>
        <signature-counter goal="lots" count="12"></signature-counter>
        <signature-counter goal="auto" goal-steps="10 ten" count="12"></signature-counter>
        <signature-counter count="-3" endpoint=${endpoint.endpoint} petition="xinjiang"></signature-counter>
        <signature-counter endpoint="ftp://example.org" petition="xinjiang"></signature-counter>
        <signature-counter endpoint=${endpoint.endpoint}></signature-counter>
      </div>`,
    );
    await settle();
    const messages = errors.map((e) => String(e[0]));
    expect(messages).to.have.length(5);
    expect(messages[0]).to.contain('goal="lots"');
    expect(messages[1]).to.contain('goal-steps="10 ten"');
    expect(messages[2]).to.contain('count="-3"');
    expect(messages[3]).to.contain('endpoint "ftp://example.org" is not an http(s) URL');
    expect(messages[4]).to.contain('the petition attribute is missing');
  });
});

describe('signature-counter: goal="auto"', () => {
  it('picks the next round milestone strictly above the count', () => {
    expect(autoGoal(0)).to.equal(100);
    expect(autoGoal(99)).to.equal(100);
    expect(autoGoal(100)).to.equal(200);
    expect(autoGoal(1999)).to.equal(2000);
    expect(autoGoal(2000)).to.equal(2500);
    expect(autoGoal(2500)).to.equal(5000);
    expect(autoGoal(323832)).to.equal(500000);
    expect(autoGoal(500000)).to.equal(1000000);
    expect(autoGoal(1000000)).to.equal(2000000);
    for (let count = 100; count < 10_000_000; count = Math.ceil(count * 1.07)) {
      const goal = autoGoal(count);
      expect(goal).to.be.greaterThan(count);
      expect(count / goal).to.be.within(0.33, 1);
    }
    expect(autoGoal(1200, [1000, 5000, 10000])).to.equal(5000);
    expect(autoGoal(20000, [1000, 5000, 10000])).to.equal(25000);
  });

  it('shows the milestone and follows the steps', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <signature-counter goal="auto" count="323832"></signature-counter>
        <signature-counter goal="auto" goal-steps="1000 5000 10000 50000 100000 250000 500000 1000000" count="1200"></signature-counter>
      </div>`,
    );
    const [seed, stepped] = Array.from(page.querySelectorAll('signature-counter'));
    await shows(seed!, '323,832');
    await shows(stepped!, '1,200');
    expect((part(seed!, 'bar') as HTMLProgressElement).max).to.equal(500000);
    expect((part(stepped!, 'bar') as HTMLProgressElement).max).to.equal(5000);
    expect(stepped!.shadowRoot!.textContent).to.contain('Goal: 5,000');
  });
});

describe('signature-counter: API', () => {
  it('fires agir-count (bubbling, composed) when the figure changes', async () => {
    await emulateReducedMotion(true);
    const endpoint = endpointWith();
    const received: CountChangeEvent[] = [];
    const page = await fixture<HTMLDivElement>(
      html`<div @agir-count=${(event: CountChangeEvent) => received.push(event)}>
        <signature-counter lang="en" goal="auto" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
      </div>`,
    );
    const el = page.querySelector('signature-counter')!;
    await shows(el, '323,832');
    await until(() => received.length === 1);
    expect(received[0]).to.be.instanceOf(CountChangeEvent);
    expect(received[0]!.type).to.equal('agir-count');
    expect(received[0]!.bubbles && received[0]!.composed).to.equal(true);
    expect([received[0]!.signatureCount, received[0]!.countryCount, received[0]!.goal]).to.deep.equal([323832, 184, 500000]);
    FakeEventSource.instances[0]!.count(500001, 185);
    await until(() => received.length === 2);
    expect([received[1]!.signatureCount, received[1]!.countryCount, received[1]!.goal]).to.deep.equal([500001, 185, 1000000]);
    FakeEventSource.instances[0]!.count(500001, 185); // no change, no event
    await settle();
    expect(received).to.have.length(2);
  });

  it('reflects its properties to attributes and back', async () => {
    const el = await fixture<SignatureCounter>(html`<signature-counter count="5"></signature-counter>`);
    expect(el.count).to.equal(5);
    el.petition = 'xinjiang';
    el.endpoint = 'https://example.org/api/v1';
    el.count = 12;
    el.goal = 'auto';
    el.interval = 60;
    el.layout = 'inline';
    el.showCountries = true;
    el.label = 'personnes';
    expect(el.getAttribute('petition')).to.equal('xinjiang');
    expect(el.getAttribute('endpoint')).to.equal('https://example.org/api/v1');
    expect(el.getAttribute('count')).to.equal('12');
    expect(el.getAttribute('goal')).to.equal('auto');
    expect(el.getAttribute('interval')).to.equal('60');
    expect(el.getAttribute('layout')).to.equal('inline');
    expect(el.hasAttribute('show-countries')).to.equal(true);
    expect(el.getAttribute('label')).to.equal('personnes');
    el.goal = 1000;
    expect(el.goal).to.equal(1000);
    el.showCountries = false;
    el.endpoint = undefined;
    expect(el.hasAttribute('show-countries')).to.equal(false);
    expect(el.hasAttribute('endpoint')).to.equal(false);
    el.setAttribute('interval', '45');
    expect(el.interval).to.equal(45);
  });

  it('takes properties set before the tag was defined', async () => {
    class Renamed extends SignatureCounter {}
    const el = document.createElement('renamed-counter') as SignatureCounter;
    Object.assign(el, { count: 42, lang: 'en' });
    document.body.append(el);
    try {
      Renamed.define('renamed-counter');
      expect(customElements.get('renamed-counter')).to.equal(Renamed);
      await until(() => digits(el) === '42');
      expect(el.getAttribute('count')).to.equal('42');
    } finally {
      el.remove();
    }
  });

  it('exposes parts, custom properties and states', async () => {
    const el = await fixture<SignatureCounter>(
      html`<signature-counter
        lang="en"
        count="250"
        goal="1000"
        style="--agir-counter-bar-height: 20px; --agir-counter-bar-color: rgb(1, 2, 3)"
      ></signature-counter>`,
    );
    await shows(el, '250');
    expect(part(el, 'number')).to.exist;
    expect(part(el, 'label')).to.exist;
    expect(part(el, 'bar').getBoundingClientRect().height).to.equal(20);
    expect(getComputedStyle(part(el, 'bar')).getPropertyValue('--_bar').trim()).to.equal('rgb(1, 2, 3)');
    expect(el.matches(':state(loading)') || el.matches(':state(error)') || el.matches(':state(live)')).to.equal(false);
  });

  it('keeps its store while moved in the page, and lets it go when removed', async () => {
    const endpoint = endpointWith();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <section></section>
        <signature-counter lang="en" petition="xinjiang" endpoint=${endpoint.endpoint}></signature-counter>
      </div>`,
    );
    const el = page.querySelector('signature-counter')!;
    await shows(el, '323,832');
    const store = PetitionStore.for(endpoint.endpoint, 'xinjiang');
    page.querySelector('section')!.append(el);
    await settle();
    expect(PetitionStore.for(endpoint.endpoint, 'xinjiang')).to.equal(store);
    expect(digits(el)).to.equal('323,832');
    expect(petitionRequests(endpoint)).to.equal(1);
    expect(FakeEventSource.instances[0]!.closed).to.equal(false);
    el.remove();
    await settle();
    expect(FakeEventSource.instances[0]!.closed).to.equal(true);
    expect(PetitionStore.for(endpoint.endpoint, 'xinjiang')).to.not.equal(store);
  });
});

describe('signature-counter: one live connection per endpoint, whatever the number of petitions', () => {
  const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
  function endpointOfFive(): FakeEndpoint {
    const endpoint = fakeEndpoint();
    ids.forEach((id, i) => endpoint.on('GET', `/petitions/${id}`, () => json(petitionPayload({ id, signatureCount: 1000 * (i + 1) }))));
    return endpoint;
  }
  const open = (): FakeEventSource[] => FakeEventSource.instances.filter((stream) => !stream.closed);

  it('ten counters of five petitions: one stream of the five, each counter gets its own petition’s counts', async () => {
    const endpoint = endpointOfFive();
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        ${Array.from({ length: 10 }, (_, i) => html`<signature-counter petition=${ids[i % 5]} endpoint=${endpoint.endpoint}></signature-counter>`)}
      </div>`,
    );
    const counters = Array.from(page.querySelectorAll('signature-counter'));
    for (const [i, el] of counters.entries()) await shows(el, `${(i % 5) + 1},000`);
    await until(() => open().length === 1 && open()[0]!.url.includes('/stream?'), 3000, 'one stream of several');
    expect(open()).to.have.length(1);
    expect(open()[0]!.url).to.equal(`${endpoint.endpoint}/stream?petitions=p1,p2,p3,p4,p5`);
    expect(FakeEventSource.instances.length, 'reconnections while the counters start').to.be.at.most(3);
    open()[0]!.send(JSON.stringify({ petition: 'p3', signatureCount: 3500, countryCount: 9 }));
    await shows(counters[2]!, '3,500');
    await shows(counters[7]!, '3,500');
    expect(digits(counters[0]!)).to.equal('1,000');
    // A petition the page does not follow, and an event naming none: ignored, the second reported once.
    open()[0]!.send(JSON.stringify({ petition: 'p9', signatureCount: 1, countryCount: 1 }));
    open()[0]!.send(JSON.stringify({ signatureCount: 2, countryCount: 1 }));
    open()[0]!.send(JSON.stringify({ signatureCount: 2, countryCount: 1 }));
    await settle();
    for (const [i, el] of counters.entries()) expect(digits(el)).to.equal(i % 5 === 2 ? '3,500' : `${(i % 5) + 1},000`);
    expect(errors.filter((args) => /does not match the Agir contract/.test(String(args[0])))).to.have.length(1);
    errors.length = 0;
    for (const el of counters) expect(el.matches(':state(live)')).to.equal(true);
    // Hidden: no connection; back: one again.
    setVisibility('hidden');
    expect(open()).to.have.length(0);
    setVisibility('visible');
    await until(() => open().length === 1 && open()[0]!.url.includes('petitions=p1,p2,p3,p4,p5'), 3000, 'the stream of several again');
  });

  it('goes back to the petition’s own stream when the other petitions’ counters leave', async () => {
    const endpoint = endpointOfFive();
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <signature-counter petition="p1" endpoint=${endpoint.endpoint}></signature-counter>
        <signature-counter petition="p2" endpoint=${endpoint.endpoint}></signature-counter>
      </div>`,
    );
    await until(() => open()[0]?.url.endsWith('petitions=p1,p2'), 3000, 'the stream of two');
    page.querySelector('[petition="p2"]')!.remove();
    await until(() => open()[0]?.url.endsWith('/petitions/p1/stream'), 3000, 'the stream of one');
    expect(open()).to.have.length(1);
  });

  it('an endpoint without the stream of several: its petitions are polled, never one connection each', async () => {
    const endpoint = endpointOfFive();
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        ${ids.map((id) => html`<signature-counter interval="5" petition=${id} endpoint=${endpoint.endpoint}></signature-counter>`)}
      </div>`,
    );
    const counters = Array.from(page.querySelectorAll('signature-counter'));
    await until(() => open()[0]?.url.includes('/stream?'), 3000, 'the stream of several');
    open()[0]!.fail(true); // a 404: no such route there
    expect(open()).to.have.length(0);
    const requests = (): number => endpoint.requests.filter((r) => r.path === '/petitions/p4').length;
    const before = requests();
    await clock.tick(5000);
    await until(() => requests() === before + 1, 3000, 'a poll of p4');
    expect(open()).to.have.length(0);
    for (const el of counters) expect(el.matches(':state(live)')).to.equal(true);
    expect(FakeEventSource.instances.filter((stream) => /\/petitions\/p\d\/stream$/.test(stream.url))).to.have.length.at.most(1);
  });
});

describe('signature-counter: any backend (a client object)', () => {
  /** A client of the page's own: `getPetition` answers with `answer()`, and counts its calls. */
  function ownClient(answer: () => unknown = () => petitionPayload(), extra: Partial<AgirClient> = {}) {
    const calls: string[] = [];
    const client = {
      endpoint: 'my-backend',
      getPetition: async (id: string) => {
        calls.push(id);
        return answer();
      },
      ...extra,
    } as unknown as AgirClient;
    return { client, calls };
  }

  afterEach(() => resetConfig());

  it('reads through its client property: one read, then polls it (no streamUrl), and makes no request of its own', async () => {
    await emulateReducedMotion(true);
    const fetches: unknown[] = [];
    const realFetch = window.fetch;
    window.fetch = ((...args: Parameters<typeof fetch>) => (fetches.push(args), realFetch(...args))) as typeof fetch;
    try {
      let count = 1200;
      const { client, calls } = ownClient(() => petitionPayload({ signatureCount: count }));
      const el = document.createElement('signature-counter') as SignatureCounter;
      el.lang = 'en';
      el.petition = 'xinjiang';
      el.interval = 10;
      el.client = client;
      document.body.append(el);
      try {
        await shows(el, '1,200');
        expect(calls).to.deep.equal(['xinjiang']);
        expect(el.matches(':state(live)')).to.equal(true);
        count = 1250;
        await clock.tick(10_000);
        await shows(el, '1,250');
        expect(calls).to.have.length(2);
        expect(FakeEventSource.instances).to.have.length(0);
        expect(fetches).to.have.length(0);
        expect(errors).to.have.length(0);
      } finally {
        el.remove();
      }
    } finally {
      window.fetch = realFetch;
    }
  });

  it('follows the client’s stream when it has streamUrl', async () => {
    await emulateReducedMotion(true);
    const { client } = ownClient(undefined, { streamUrl: (id: string) => `https://live.example.org/${id}` });
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" .client=${client}></signature-counter>`,
    );
    await shows(el, '323,832');
    await until(() => FakeEventSource.instances.length === 1);
    expect(FakeEventSource.instances[0]!.url).to.equal('https://live.example.org/xinjiang');
    FakeEventSource.instances[0]!.count(323900);
    await shows(el, '323,900');
    // Another client, even under the same endpoint name, has its own store and its own connection.
    const { client: other } = ownClient(() => petitionPayload({ signatureCount: 5 }), {
      streamUrl: (id: string) => `https://other.example.org/${id}`,
    });
    const second = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" .client=${other}></signature-counter>`,
    );
    await shows(second, '5');
    await until(() => FakeEventSource.instances.length === 2);
    expect(FakeEventSource.instances[1]!.url).to.equal('https://other.example.org/xinjiang');
    expect(digits(el)).to.equal('323,900');
  });

  it('takes the page’s client from configure({ client }); its own client wins over it', async () => {
    await emulateReducedMotion(true);
    const page = ownClient(() => petitionPayload({ signatureCount: 10 }));
    const own = ownClient(() => petitionPayload({ signatureCount: 20 }));
    configure({ client: page.client });
    const el = await fixture<SignatureCounter>(html`<signature-counter lang="en" petition="xinjiang"></signature-counter>`);
    await shows(el, '10');
    el.client = own.client;
    await shows(el, '20');
    expect(own.calls).to.deep.equal(['xinjiang']);
    expect(() => configure({ client: 'https://example.org' as unknown as AgirClient })).to.throw(AgirError, /"client" must be an object/);
  });

  it('a client without getPetition: one console error for the author, "count unavailable" for the reader', async () => {
    const client = { endpoint: 'cases-only', getCase: async () => ({}) } as unknown as AgirClient;
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="fr" petition="xinjiang" .client=${client}></signature-counter>`,
    );
    await until(() => spoken(el) === 'nombre indisponible');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('Agir <signature-counter>: its client has no getPetition(id) method');
  });

  it('a client that rejects, or answers outside the contract: unavailable, and the author hears why', async () => {
    const failing = ownClient(() => {
      throw new AgirError('http', 'Agir: my backend answered HTTP 503.', { status: 503 });
    });
    const el = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" .client=${failing.client}></signature-counter>`,
    );
    await until(() => spoken(el) === 'count unavailable');
    expect(String(errors[0]![0])).to.contain('could not load petition "xinjiang": my backend answered HTTP 503.');
    // It tries again later, backing off.
    await clock.tick(60_000);
    expect(failing.calls.length).to.be.greaterThan(1);

    errors.length = 0;
    const wrong = ownClient(() => ({ ...petitionPayload(), signatureCount: '<b>many</b>' }));
    const other = await fixture<SignatureCounter>(
      html`<signature-counter lang="en" petition="xinjiang" .client=${wrong.client}></signature-counter>`,
    );
    await until(() => spoken(other) === 'count unavailable');
    expect(other.shadowRoot!.querySelector('b')).to.equal(null);
    expect(String(errors[0]![0])).to.contain("the client's getPetition answered signatureCount:");
  });
});
