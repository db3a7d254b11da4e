import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/case-card-list/define.js';
import { CaseCard, CaseCardList as FromCaseCard } from '../src/case-card/index.js';
import { CaseCardList } from '../src/case-card-list/index.js';
import { akber, list } from './case-fixtures.js';
import { fakeEndpoint, json, until, visibleText, type FakeEndpoint } from './helpers.js';
import { AgirError, configure, resetConfig, type AgirClient } from '@agir/core';

let fake: FakeEndpoint;
let errors: unknown[][];
let originalError: typeof console.error;

beforeEach(() => {
  fake = fakeEndpoint();
  errors = [];
  originalError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args);
  };
});

afterEach(() => {
  console.error = originalError;
  fake.restore();
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const authorErrors = (): string[] => errors.map((args) => String(args[0])).filter((message) => message.startsWith('Agir <'));

async function settled(el: Element, state = 'ready'): Promise<void> {
  await until(() => el.matches(`:state(${state})`), 4000, `<${el.localName}> in state ${state}`);
  await (el as CaseCardList).updateComplete;
}

// ---------------------------------------------------------------------------------------------

describe('case-card-list: accessibility in every state', () => {
  for (const lang of ['fr', 'ar', 'it', 'nl', 'pt', 'ug', 'zh-Hans']) {
    it(`loading, ready, empty and error (${lang})`, async () => {
      let release: (value: Response) => void = () => {};
      fake.on('GET', '/cases', (request) =>
        request.url.includes('tag=none') ? json({ items: [] }) : new Promise<Response>((resolve) => (release = resolve)),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang=${lang}>
          <case-card-list tag="xinjiang" endpoint=${fake.endpoint}></case-card-list>
          <case-card-list tag="none" endpoint=${fake.endpoint}></case-card-list>
          <case-card-list tag="x" endpoint="ftp://agir.test/api"></case-card-list>
        </div>`,
      );
      const [pending, empty, broken] = Array.from(wrapper.querySelectorAll('case-card-list'));
      await until(() => fake.requests.length === 2, 2000, 'both list requests');
      await pending!.updateComplete;
      expect(pending!.matches(':state(loading)')).to.equal(true);
      await settled(empty!, 'empty');
      await settled(broken!, 'error');
      await expect(wrapper).to.be.accessible();
      release(json({ items: list(3) }));
      await settled(pending!);
      for (const card of Array.from(pending!.shadowRoot!.querySelectorAll('case-card'))) await settled(card);
      await expect(wrapper).to.be.accessible();
    });
  }
});

describe('case-card-list', () => {
  it('registers <case-card> for its cards, and stays importable from the case-card module', () => {
    expect(customElements.get('case-card-list')).to.equal(CaseCardList);
    expect(customElements.get('case-card')).to.equal(CaseCard);
    expect(FromCaseCard).to.equal(CaseCardList);
  });

  it('renders 100 cards from exactly one request', async () => {
    fake.on('GET', '/cases', () => json({ items: list(100) }));
    const el = await fixture<CaseCardList>(html`<case-card-list lang="fr" tag="xinjiang" endpoint=${fake.endpoint}></case-card-list>`);
    await settled(el);
    const items = el.shadowRoot!.querySelectorAll('ul[role="list"] > li');
    expect(items).to.have.length(100);
    const cards = Array.from(el.shadowRoot!.querySelectorAll('case-card'));
    expect(cards).to.have.length(100);
    await until(() => cards.every((card) => card.matches(':state(ready)')), 5000, '100 ready cards');
    expect(fake.requests).to.have.length(1);
    expect(fake.requests[0]!.url).to.equal(`${fake.endpoint}/cases?tag=xinjiang&locale=fr`);
    expect($(cards[42]!, 'h3')!.textContent).to.equal('Personne 42');
    expect($(cards[42]!, '[part="status"]')!.textContent).to.equal('En détention depuis 2018');
  });

  it('passes layout, heading level and no-share to its cards', async () => {
    fake.on('GET', '/cases', () => json({ items: list(2) }));
    const el = await fixture<CaseCardList>(
      html`<case-card-list lang="fr" endpoint=${fake.endpoint} layout="compact" heading-level="2" no-share></case-card-list>`,
    );
    await settled(el);
    const card = el.shadowRoot!.querySelector('case-card')!;
    await settled(card);
    expect(card.getAttribute('layout')).to.equal('compact');
    expect($(card, 'h2')!.textContent).to.equal('Personne 0');
    expect($(card, 'button.share')).to.equal(null);
    expect(fake.requests[0]!.url).to.equal(`${fake.endpoint}/cases?locale=fr`);
  });

  it('moves between cards with the arrow keys, Home and End; Tab reaches each card’s action', async () => {
    fake.on('GET', '/cases', () => json({ items: list(5) }));
    const el = await fixture<CaseCardList>(html`<case-card-list lang="fr" endpoint=${fake.endpoint}></case-card-list>`);
    await settled(el);
    const items = Array.from(el.shadowRoot!.querySelectorAll('li'));
    for (const card of Array.from(el.shadowRoot!.querySelectorAll('case-card'))) await settled(card);
    expect(items.map((item) => item.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    expect(items[0]!.getAttribute('aria-label')).to.equal('Personne 0');
    items[0]!.focus();
    const active = (): Element | null => el.shadowRoot!.activeElement;
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal(items[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(active()).to.equal(items[2]);
    await sendKeys({ press: 'ArrowUp' });
    expect(active()).to.equal(items[1]);
    await sendKeys({ press: 'End' });
    expect(active()).to.equal(items[4]);
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal(items[4]);
    await sendKeys({ press: 'Home' });
    expect(active()).to.equal(items[0]);
    await el.updateComplete;
    expect(items.map((item) => item.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    await sendKeys({ press: 'Tab' });
    const card = items[0]!.querySelector('case-card')!;
    expect(active()).to.equal(card);
    expect(card.shadowRoot!.activeElement).to.equal($(card, 'a[part="action"]'));
    await sendKeys({ press: 'Tab' });
    expect(card.shadowRoot!.activeElement).to.equal($(card, 'button.share'));
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(items[1]!.querySelector('case-card'));
    await el.updateComplete;
    // The list's tab stop followed the focus.
    expect(items[1]!.tabIndex).to.equal(0);
  });

  it('mirrors the horizontal arrow keys in RTL', async () => {
    fake.on('GET', '/cases', () => json({ items: list(3) }));
    const el = await fixture<CaseCardList>(html`<case-card-list lang="ar" endpoint=${fake.endpoint}></case-card-list>`);
    await settled(el);
    const items = Array.from(el.shadowRoot!.querySelectorAll('li'));
    items[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement).to.equal(items[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
  });

  it('says when there is no case', async () => {
    fake.on('GET', '/cases', () => json({ items: [] }));
    const el = await fixture<CaseCardList>(html`<case-card-list lang="fr" tag="vide" endpoint=${fake.endpoint}></case-card-list>`);
    await settled(el, 'empty');
    expect(visibleText(el)).to.equal('Aucun cas à afficher pour le moment.');
  });

  it('says when there is no case in Italian, Dutch and Portuguese', async () => {
    fake.on('GET', '/cases', () => json({ items: [] }));
    const expected: Record<string, string> = {
      it: 'Non ci sono ancora casi da mostrare.',
      nl: 'Er zijn nog geen zaken om te tonen.',
      pt: 'Ainda não há casos para mostrar.',
    };
    for (const [lang, text] of Object.entries(expected)) {
      const el = await fixture<CaseCardList>(html`<case-card-list lang=${lang} tag="vide" endpoint=${fake.endpoint}></case-card-list>`);
      await settled(el, 'empty');
      expect(visibleText(el), lang).to.equal(text);
    }
  });

  it('shows a localised error and one author error when the list fails the schema', async () => {
    fake.on('GET', '/cases', () => json({ items: [akber(), akber({ id: 'bad id!' })] }));
    const el = await fixture<CaseCardList>(html`<case-card-list lang="es" endpoint=${fake.endpoint}></case-card-list>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('No se han podido cargar los casos.');
    expect(authorErrors()).to.have.length(1);
    expect(el.shadowRoot!.querySelector('case-card')).to.equal(null);
  });
});

describe('case-card-list: any backend (a client object)', () => {
  afterEach(() => resetConfig());

  /** A client of the page's own whose `listCases` answers with `answer()` and notes its queries. */
  function ownClient(answer: () => unknown) {
    const calls: Array<{ tag?: string; locale?: string }> = [];
    const client = {
      endpoint: 'my-cms',
      listCases: async (query: { tag?: string; locale?: string } = {}) => {
        calls.push({ ...query });
        return answer();
      },
    } as unknown as AgirClient;
    return { client, calls };
  }

  it('lists what its client property gives, asked with its tag and language, with no request of its own', async () => {
    const { client, calls } = ownClient(() => list(3));
    const el = await fixture<CaseCardList>(html`<case-card-list lang="fr" tag="xinjiang" .client=${client}></case-card-list>`);
    await settled(el);
    const cards = Array.from(el.shadowRoot!.querySelectorAll('case-card'));
    expect(cards).to.have.length(3);
    await settled(cards[2]!);
    expect($(cards[2]!, 'h3')!.textContent).to.equal('Personne 2');
    expect(calls).to.deep.equal([{ tag: 'xinjiang', locale: 'fr' }]);
    expect(fake.requests).to.have.length(0);
    expect(authorErrors()).to.have.length(0);
  });

  it('takes the page’s client from configure({ client }), and says when it has none of its cases', async () => {
    const { client } = ownClient(() => []);
    configure({ client });
    const el = await fixture<CaseCardList>(html`<case-card-list lang="fr" tag="none"></case-card-list>`);
    await settled(el, 'empty');
    expect(fake.requests).to.have.length(0);
  });

  it('a client without listCases, or one whose cases break the contract: the reader sees the list could not load, the author why', async () => {
    const cardsOnly = { endpoint: 'cards-only', getCase: async () => akber() } as unknown as AgirClient;
    const el = await fixture<CaseCardList>(html`<case-card-list lang="fr" .client=${cardsOnly}></case-card-list>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.contain('Les cas n’ont pas pu être chargés.');
    expect(authorErrors()[0]).to.contain('its client has no listCases() method');

    const broken = ownClient(() => [akber(), akber({ id: 'x', country: 'France' })]);
    const other = await fixture<CaseCardList>(html`<case-card-list lang="fr" .client=${broken.client}></case-card-list>`);
    await settled(other, 'error');
    expect(authorErrors()[1]).to.contain("its client's listCases() gave 1.country");

    const notArray = ownClient(() => ({ items: [] }));
    const third = await fixture<CaseCardList>(html`<case-card-list lang="fr" .client=${notArray.client}></case-card-list>`);
    await settled(third, 'error');
    expect(authorErrors()[2]).to.contain("its client's listCases() gave no array");

    const down = ownClient(() => {
      throw new AgirError('network', 'my CMS is down');
    });
    const fourth = await fixture<CaseCardList>(html`<case-card-list lang="fr" .client=${down.client}></case-card-list>`);
    await settled(fourth, 'error');
    expect(fourth.shadowRoot!.querySelector('button')).to.not.equal(null);
  });
});
