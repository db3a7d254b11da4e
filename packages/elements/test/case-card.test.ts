import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../src/case-card/define.js';
import { AgirError, configure, formatDate, isCleanText, resetConfig, type AgirClient } from '@agir/core';
import { ActionEvent, CaseCard } from '../src/case-card/index.js';
import { akber, offlinePhoto, type Payload } from './case-fixtures.js';
import { fakeEndpoint, json, pressSpace, until, visibleText, type FakeEndpoint } from './helpers.js';

// Fixtures: real contract payloads (./case-fixtures.ts); photos at a closed loopback port, or at data:/blob:
// URLs when a test needs a real image.

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

const root = (el: Element): ShadowRoot => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => root(el).querySelector<T>(selector);
const authorErrors = (): string[] => errors.map((args) => String(args[0])).filter((message) => message.startsWith('Agir <'));

async function settled(el: Element, state = 'ready'): Promise<void> {
  await until(() => el.matches(`:state(${state})`), 4000, `<${el.localName}> in state ${state}`);
  await (el as CaseCard).updateComplete;
}

const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

/**
 * A card written as light DOM only, as docs/elements/case-card.md ("Without JavaScript") and the server's
 * embed pages write it: readable before and without the upgrade.
 */
function lightCard(lang: string, attributes: { case?: string; petition?: string; endpoint?: string } = {}): Promise<CaseCard> {
  return fixture<CaseCard>(
    html`<case-card
      lang=${lang}
      case=${attributes.case ?? 'akber'}
      status="detained"
      petition=${attributes.petition ?? nothing}
      endpoint=${attributes.endpoint ?? nothing}
    >
      <img slot="photo" src=${gif} alt="Portrait d’Akber" width="800" height="600" />
      <h2 slot="name">Akber</h2>
      <p slot="place">Xinjiang, Chine</p>
      <p slot="status">Détenu depuis 2018</p>
      <p slot="summary">Akber fait partie de ces milliers de personnes détenues.</p>
      <a slot="action" href="https://www.example.org/agir/akber">Agir pour Akber</a>
    </case-card>`,
  );
}

interface AxeLike {
  setup(node: Node): void;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string }; aria: { getRole(node: unknown): string | null } };
}

/** Role and accessible name of a node, as axe-core computes them (flat tree: slotted nodes included). Needs axe loaded (an accessibility check first). */
function roleAndName(node: Element): [string | null, string] {
  const axe = (window as unknown as { axe?: AxeLike }).axe;
  if (!axe) throw new Error('axe-core is not loaded yet');
  axe.setup(document);
  try {
    const virtual = axe.utils.getNodeFromTree(node);
    return [axe.commons.aria.getRole(virtual), axe.commons.text.accessibleTextVirtual(virtual)];
  } finally {
    axe.teardown();
  }
}

/** Every heading the card presents: in its shadow tree, and slotted from the page. */
function headings(el: Element): Element[] {
  const selector = 'h1, h2, h3, h4, h5, h6';
  return [...root(el).querySelectorAll(selector), ...Array.from(el.querySelectorAll(selector)).filter((h) => h.assignedSlot)];
}

async function remoteCard(lang: string, overrides: Payload = {}): Promise<CaseCard> {
  fake.on('GET', '/cases/akber', () => json(akber(overrides)));
  const div = await fixture<HTMLDivElement>(html`<div lang=${lang}><case-card case="akber" endpoint=${fake.endpoint}></case-card></div>`);
  return div.querySelector('case-card')!;
}

// ---------------------------------------------------------------------------------------------

describe('case-card: accessibility in every state', () => {
  for (const lang of ['fr', 'ar', 'it', 'nl', 'pt', 'ug', 'zh-Hans']) {
    it(`loading (${lang})`, async () => {
      fake.on('GET', '/cases/akber', () => new Promise<Response>(() => {}));
      const el = await fixture<CaseCard>(html`<case-card lang=${lang} case="akber" endpoint=${fake.endpoint}></case-card>`);
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(true);
      expect($(el, '[part="card"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it(`ready (${lang})`, async () => {
      const el = await remoteCard(lang);
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it(`expanded (${lang})`, async () => {
      const el = await remoteCard(lang);
      await settled(el);
      $(el, '.more')!.click();
      await el.updateComplete;
      expect(el.matches(':state(expanded)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it(`error (${lang})`, async () => {
      const el = await fixture<CaseCard>(html`<case-card lang=${lang} case="nobody" endpoint=${fake.endpoint}></case-card>`);
      await settled(el, 'error');
      await expect(el).to.be.accessible();
    });

    it(`inline, written by the page author (${lang})`, async () => {
      const el = await fixture<CaseCard>(
        html`<case-card
          lang=${lang}
          name="Mamat"
          country="CN"
          status="detained"
          status-since="2019"
          action-href="https://www.example.org/agir/mamat"
        >
          <p slot="summary">Mamat fait partie de ces milliers de personnes détenues.</p>
          <p slot="story">Son histoire.</p>
          <p slot="quote">Rendez-le-nous.</p>
          <span slot="quote-author">Sa sœur</span>
        </case-card>`,
      );
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it(`written as light DOM, readable without JavaScript (${lang})`, async () => {
      const el = await lightCard(lang);
      await settled(el);
      await expect(el).to.be.accessible();
    });
  }
});

describe('case-card: from an endpoint', () => {
  it('fetches the case once, in the element’s language, and shows it', async () => {
    const el = await remoteCard('fr');
    await settled(el);
    expect(fake.requests).to.have.length(1);
    expect(fake.requests[0]!.url).to.equal(`${fake.endpoint}/cases/akber?locale=fr`);
    const text = visibleText(el);
    expect($(el, 'h3')!.textContent).to.equal('Akber');
    expect(text).to.contain('Xinjiang, Chine');
    expect($(el, '[part="status"]')!.textContent).to.equal('En détention depuis 2018');
    expect(text).to.contain('Akber fait partie de ces milliers');
    expect(text).to.contain('© Amnesty International');
    expect(text).not.to.contain('© ©');
    const quote = $(el, 'blockquote')!;
    expect(quote.textContent!.trim()).to.equal('Je ne serai plus jamais heureuse.');
    expect($(el, '.quote figcaption')!.textContent!.trim()).to.equal('Adila, sa fille');
    const action = $<HTMLAnchorElement>(el, 'a[part="action"]')!;
    expect(action.href).to.equal('https://www.example.org/agir/akber');
    expect(action.textContent!.trim()).to.equal('Agir');
    expect(action.getAttribute('aria-describedby')).to.equal('name');
  });

  it('renders the photo lazily, with its size and text alternative', async () => {
    const el = await remoteCard('fr');
    await settled(el);
    const img = $<HTMLImageElement>(el, '[part="photo"] img')!;
    expect(img.getAttribute('src')).to.equal(offlinePhoto);
    expect(img.alt).to.equal('Portrait d’Akber');
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('width')).to.equal('800');
    expect(img.getAttribute('height')).to.equal('600');
    const frame = img.parentElement!;
    expect(getComputedStyle(frame).aspectRatio).to.equal('800 / 600');
  });

  it('puts the story behind a "Lire la suite" disclosure button', async () => {
    const el = await remoteCard('fr');
    await settled(el);
    const button = $<HTMLButtonElement>(el, 'button.more')!;
    const story = $(el, `#${button.getAttribute('aria-controls')}`)!;
    expect(button.textContent!.trim()).to.equal('Lire la suite');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(story.offsetHeight).to.equal(0);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Réduire');
    expect(story.offsetHeight).to.be.greaterThan(0);
    expect(story.textContent).to.contain('Sa famille n’a plus de nouvelles depuis.');
    expect(el.expanded).to.equal(true);
    expect(el.hasAttribute('expanded')).to.equal(true);
    expect(el.matches(':state(expanded)')).to.equal(true);
    await pressSpace();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.matches(':state(expanded)')).to.equal(false);
  });

  it('builds the status phrase from kind and date in each language, neutral in gender', async () => {
    const expected: Record<string, string> = {
      en: 'Detained since 2018',
      fr: 'En détention depuis 2018',
      es: 'Bajo detención desde 2018',
      de: 'In Haft seit 2018',
      // Arabic digits or Western digits, as the browser's Intl formats years in Arabic.
      ar: `قيد الاحتجاز منذ ${formatDate('ar', '2018')}`,
      it: 'In detenzione dal 2018',
      nl: 'Gedetineerd sinds 2018',
      pt: 'Em detenção desde 2018',
    };
    for (const [lang, phrase] of Object.entries(expected)) {
      const el = await fixture<CaseCard>(html`<case-card lang=${lang} name="Akber" status="detained" status-since="2018"></case-card>`);
      await settled(el);
      expect($(el, '[part="status"]')!.textContent, lang).to.equal(phrase);
    }
    const sentenced = await fixture<CaseCard>(
      html`<case-card lang="fr" name="Sadir Ali" status="sentenced" status-since="2018-03-01"></case-card>`,
    );
    await settled(sentenced);
    expect($(sentenced, '[part="status"]')!.textContent).to.equal('Condamnation le 1er mars 2018');
    const group = await fixture<CaseCard>(
      html`<case-card
        lang="fr"
        name="Les Ayup"
        .data=${akber({ isGroup: true, status: { kind: 'harassed', since: '2020-05' } }) as never}
      ></case-card>`,
    );
    await settled(group);
    expect($(group, '[part="status"]')!.textContent).to.equal('Victimes de harcèlement depuis mai 2020');
  });

  it('builds the status phrase in Italian, Dutch and Portuguese: elision, first of the month, groups, prepositions', async () => {
    const cases: Array<[lang: string, status: string, since: string, group: boolean, phrase: string]> = [
      ['it', 'sentenced', '2018-03-01', false, 'Condanna emessa il 1º marzo 2018'],
      ['it', 'killed', '2018-03-08', false, 'Ha perso la vita l’8 marzo 2018'],
      ['it', 'detained', '2018-04', false, 'In detenzione dall’aprile 2018'],
      ['it', 'released', '2011', false, 'In libertà dal 2011'],
      ['it', 'killed', '2020-10', true, 'Hanno perso la vita nell’ottobre 2020'],
      ['nl', 'released', '2018-03-08', false, 'Vrijgelaten op 8 maart 2018'],
      ['nl', 'on-trial', '2020-05', true, 'Staan terecht sinds mei 2020'],
      ['pt', 'sentenced', '2018-03-08', false, 'Condenação proferida a 8 de março de 2018'],
      ['pt-BR', 'sentenced', '2018-03-08', false, 'Condenação proferida em 8 de março de 2018'],
      ['pt', 'harassed', '2020-05', true, 'Vítimas de intimidação desde maio de 2020'],
    ];
    for (const [lang, kind, since, isGroup, phrase] of cases) {
      const el = await fixture<CaseCard>(
        html`<case-card lang=${lang} name="Akber" .data=${akber({ isGroup, status: { kind, since } }) as never}></case-card>`,
      );
      await settled(el);
      expect($(el, '[part="status"]')!.textContent, `${lang} ${kind} ${since}`).to.equal(phrase);
    }
  });

  it('builds the status phrase in Uyghur (right to left) and Simplified Chinese (zh, zh-CN, zh-Hans)', async () => {
    const cases: Array<[lang: string, status: string, since: string, phrase: string]> = [
      ['ug', 'detained', '2018', '2018-يىلىدىن بۇيان تۇتۇپ تۇرۇلغان'],
      ['ug', 'detained', '2018-04', `${formatDate('ug', '2018-04')} دىن بۇيان تۇتۇپ تۇرۇلغان`],
      ['ug', 'released', '2018-03-08', `${formatDate('ug', '2018-03-08')} قويۇپ بېرىلگەن`],
      ['zh-Hans', 'detained', '2018', `自${formatDate('zh-Hans', '2018')}起被拘押`],
      ['zh-CN', 'released', '2018-03-08', `于${formatDate('zh-CN', '2018-03-08')}获释`],
      ['zh', 'on-trial', '2020-05', `自${formatDate('zh', '2020-05')}起正在受审`],
    ];
    for (const [lang, kind, since, phrase] of cases) {
      const el = await fixture<CaseCard>(
        html`<case-card lang=${lang} name="Akber" country="CN" .data=${akber({ status: { kind, since } }) as never}></case-card>`,
      );
      await settled(el);
      expect($(el, '[part="status"]')!.textContent, `${lang} ${kind} ${since}`).to.equal(phrase);
      expect(getComputedStyle($(el, '[part="status"]')!).direction, lang).to.equal(lang === 'ug' ? 'rtl' : 'ltr');
    }
  });

  it('shows status.label as it is when given', async () => {
    const el = await remoteCard('fr', { status: { kind: 'sentenced', since: '2018', label: 'Condamné à 20 ans' } });
    await settled(el);
    expect($(el, '[part="status"]')!.textContent).to.equal('Condamné à 20 ans');
  });

  it('a status label in another language never replaces the translated phrase; one in the reader’s language does (the call to action too)', async () => {
    // An English reader, a case only in French: the catalog's phrase and call to action, not the French words.
    const french = await remoteCard('en', {
      locale: 'fr',
      status: { kind: 'detained', since: '2018', label: 'Interné dans un camp' },
      action: { label: 'Agir', url: 'https://www.example.org/agir/akber' },
    });
    await settled(french);
    expect($(french, '[part="status"]')!.textContent).to.equal('Detained since 2018');
    expect($(french, '[part="action"]')!.textContent).to.equal('Take action');
    expect(visibleText(french)).not.to.contain('Interné').and.not.to.contain('Agir');
  });

  it('a status label and a call to action in the reader’s language (en-GB reading en) show as they are', async () => {
    const english = await remoteCard('en-GB', {
      locale: 'en',
      status: { kind: 'detained', label: 'Held in an internment camp' },
      action: { label: 'Act now', url: 'https://www.example.org/act/akber' },
    });
    await settled(english);
    expect($(english, '[part="status"]')!.textContent).to.equal('Held in an internment camp');
    expect($(english, '[part="action"]')!.textContent).to.equal('Act now');
  });

  it('a status of kind "other" in another language has no phrase to replace it: it shows, marked; the page’s own labels always show', async () => {
    // Kind "other" has no phrase: the label shows, marked with its language and direction.
    const other = await remoteCard('en', { locale: 'ar', status: { kind: 'other', label: 'ممنوع من السفر' } });
    await settled(other);
    const label = $(other, '[part="status"] span')!;
    expect(label.textContent).to.equal('ممنوع من السفر');
    expect([label.getAttribute('lang'), label.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    // The page's own status-label and action-label always show.
    const page = await fixture<CaseCard>(
      html`<case-card lang="en" case="akber" endpoint=${fake.endpoint} status-label="In a camp" action-label="Sign for Akber"></case-card>`,
    );
    await settled(page);
    expect($(page, '[part="status"]')!.textContent).to.equal('In a camp');
    expect($(page, '[part="action"]')!.textContent).to.equal('Sign for Akber');
  });

  it('marks a record in another language than the element’s with its lang and dir: an Arabic case in an English card', async () => {
    const el = await remoteCard('en', {
      locale: 'ar',
      name: 'أكبر',
      region: 'شينجيانغ',
      summary: 'أكبر واحد من آلاف الأشخاص المحتجزين في شينجيانغ.',
      story: ['اعتُقل أكبر في عام 2018.'],
      quote: { text: 'لن أكون سعيدة أبدًا.', author: 'عديلة' },
      photo: { src: offlinePhoto, alt: 'صورة أكبر', credit: 'منظمة العفو الدولية', width: 800, height: 600 },
    });
    await settled(el);
    expect($(el, '.wrap')!.getAttribute('lang')).to.equal('en');
    for (const selector of ['h3', '.summary', '.story', 'blockquote', '.quote figcaption', '.credit']) {
      const node = $(el, selector)!;
      expect([node.getAttribute('lang'), node.getAttribute('dir')], selector).to.deep.equal(['ar', 'rtl']);
      expect(getComputedStyle(node).direction, selector).to.equal('rtl');
    }
    expect($(el, 'img')!.getAttribute('lang'), 'the photo’s alt text').to.equal('ar');
    // The region is marked inside the card's own English phrase, whose country name is English.
    expect($(el, '.place')!.textContent).to.equal('شينجيانغ, China');
    const region = $(el, '.place [lang]')!;
    expect([region.textContent, region.getAttribute('lang'), region.getAttribute('dir')]).to.deep.equal(['شينجيانغ', 'ar', 'rtl']);
    // The element's own words stay English, left to right.
    expect($(el, 'button.share')!.closest('[lang]')!.getAttribute('lang')).to.equal('en');
    expect(getComputedStyle($(el, 'button.share')!).direction).to.equal('ltr');
    // The same case in the element's language is not marked.
    const same = await remoteCard('ar', { locale: 'ar', name: 'أكبر' });
    await settled(same);
    expect($(same, 'h3')!.hasAttribute('lang')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('localises the country name and the chrome in Arabic, right to left', async () => {
    const el = await remoteCard('ar');
    await settled(el);
    expect(fake.requests[0]!.url).to.contain('locale=ar');
    expect($(el, '.wrap')!.getAttribute('dir')).to.equal('rtl');
    expect($(el, '.place')!.textContent).to.equal('Xinjiang، الصين');
    expect($(el, 'button.more')!.textContent!.trim()).to.equal('اقرأ المزيد');
    expect($(el, 'button.share')!.textContent!.trim()).to.equal('مشاركة');
    // Content in another language than the reader's is marked as such.
    expect($(el, 'h3')!.getAttribute('lang')).to.equal('fr');
  });

  it('names the country in Uyghur and Simplified Chinese in every engine (Chromium’s Intl has no Uyghur)', async () => {
    for (const [lang, place] of [
      ['ug', 'شىنجاڭ، جۇڭگو'],
      ['zh-Hans', '中国新疆'],
    ] as const) {
      const data = akber({ locale: lang, region: lang === 'ug' ? 'شىنجاڭ' : '新疆' });
      const el = await fixture<CaseCard>(html`<case-card lang=${lang} .data=${data as never}></case-card>`);
      await settled(el);
      expect($(el, '.place')!.textContent, lang).to.equal(place);
    }
  });

  it('refetches in the new language when lang changes', async () => {
    const el = await remoteCard('fr');
    await settled(el);
    el.parentElement!.setAttribute('lang', 'es');
    await until(() => fake.requests.length === 2, 2000, 'a second request');
    await until(() => $(el, '[part="status"]')?.textContent === 'Bajo detención desde 2018', 2000, 'Spanish status');
    expect(fake.requests[1]!.url).to.contain('locale=es');
    expect($(el, 'button.more')!.textContent!.trim()).to.equal('Leer más');
  });

  it('heading-level sets the level of the name’s heading; a wrong value falls back to 3 with one author error', async () => {
    const two = await fixture<CaseCard>(html`<case-card lang="fr" name="Akber" heading-level="2"></case-card>`);
    await settled(two);
    expect($(two, 'h2')!.textContent).to.equal('Akber');
    expect($(two, 'h3')).to.equal(null);
    const six = await fixture<CaseCard>(html`<case-card lang="fr" name="Akber" heading-level="6"></case-card>`);
    await settled(six);
    expect($(six, 'h6')!.id).to.equal('name');
    const wrong = await fixture<CaseCard>(html`<case-card lang="fr" name="Akber" heading-level="9"></case-card>`);
    await settled(wrong);
    expect($(wrong, 'h3')!.textContent).to.equal('Akber');
    expect(authorErrors().filter((message) => message.includes('heading-level'))).to.have.length(1);
  });

  it('shows a localised error, and one author error, when the case does not exist', async () => {
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="nobody" endpoint=${fake.endpoint}></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas est introuvable.');
    expect(authorErrors()).to.have.length(1);
    expect(authorErrors()[0]).to.contain('case-card').and.to.contain('nobody');
  });

  it('shows an error state and one author error for a payload that fails the schema', async () => {
    fake.on('GET', '/cases/akber', () => json(akber({ name: '', status: { kind: 'jailed' } })));
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" endpoint=${fake.endpoint}></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas ne peut pas être affiché.');
    expect(authorErrors()).to.have.length(1);
    expect(authorErrors()[0]).to.contain('contract');
  });

  it('offers to try again after a server failure, and recovers', async () => {
    let fail = true;
    fake.on('GET', '/cases/akber', () => (fail ? json({ error: { code: 'internal', message: 'boom' } }, 500) : json(akber())));
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" endpoint=${fake.endpoint}></case-card>`);
    await until(() => el.matches(':state(error)'), 8000, 'error after retries');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Ce cas n’a pas pu être chargé.');
    fail = false;
    const retry = $<HTMLButtonElement>(el, 'button.retry')!;
    expect(retry.textContent!.trim()).to.equal('Réessayer');
    retry.click();
    await settled(el);
    expect($(el, 'h3')!.textContent).to.equal('Akber');
  });

  it('tells the page author when a case has no endpoint', async () => {
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber"></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas ne peut pas être affiché.');
    expect(authorErrors()).to.have.length(1);
    expect(authorErrors()[0]).to.contain('endpoint');
    expect(fake.requests).to.have.length(0);
  });

  it('takes the endpoint from <meta name="agir:endpoint">', async () => {
    fake.on('GET', '/cases/akber', () => json(akber()));
    const meta = document.createElement('meta');
    meta.name = 'agir:endpoint';
    meta.content = fake.endpoint;
    document.head.append(meta);
    try {
      const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber"></case-card>`);
      await settled(el);
      expect(fake.requests).to.have.length(1);
    } finally {
      meta.remove();
    }
  });
});

describe('case-card: .data', () => {
  it('renders a case object without any request', async () => {
    const el = await fixture<CaseCard>(html`<case-card lang="fr" .data=${akber({ name: 'Mamat' }) as never}></case-card>`);
    await settled(el);
    expect($(el, 'h3')!.textContent).to.equal('Mamat');
    expect(fake.requests).to.have.length(0);
  });

  it('validates it: an invalid object shows the error state and one author error', async () => {
    const el = await fixture<CaseCard>(
      html`<case-card
        lang="fr"
        .data=${akber({ photo: { src: 'javascript:alert(1)', alt: '', width: 1, height: 1 } }) as never}
      ></case-card>`,
    );
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas ne peut pas être affiché.');
    expect(authorErrors()).to.have.length(1);
    expect(authorErrors()[0]).to.contain('photo.src');
    expect(root(el).querySelector('img')).to.equal(null);
  });
});

describe('case-card: inline content, no endpoint', () => {
  it('renders fully with no request at all', async () => {
    const realFetch = window.fetch;
    let calls = 0;
    window.fetch = ((...args: Parameters<typeof fetch>) => {
      calls += 1;
      return realFetch(...args);
    }) as typeof fetch;
    try {
      const el = await fixture<CaseCard>(
        html`<case-card
          lang="fr"
          name="Mamat"
          country="CN"
          region="Xinjiang"
          status="detained"
          status-since="2017-11"
          photo-src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
          photo-alt="Portrait de Mamat"
          photo-credit="Famille de Mamat"
          photo-width="600"
          photo-height="400"
          action-href="/agir/mamat"
          action-label="Agir pour Mamat"
        >
          <p slot="summary">Mamat fait partie de ces milliers de personnes détenues.</p>
          <p slot="story">Il a disparu en 2017.</p>
          <p slot="quote">Nous voulons le revoir.</p>
          <span slot="quote-author">Son frère</span>
        </case-card>`,
      );
      await settled(el);
      const text = visibleText(el);
      expect($(el, 'h3')!.textContent).to.equal('Mamat');
      expect(text).to.contain('Xinjiang, Chine');
      expect($(el, '[part="status"]')!.textContent).to.equal('En détention depuis novembre 2017');
      expect(text).to.contain('Mamat fait partie de ces milliers');
      expect(text).to.contain('© Famille de Mamat');
      expect(text).to.contain('Nous voulons le revoir.');
      expect(text).to.contain('Son frère');
      const action = $<HTMLAnchorElement>(el, 'a[part="action"]')!;
      expect(action.href).to.equal(new URL('/agir/mamat', location.href).href);
      expect(action.textContent!.trim()).to.equal('Agir pour Mamat');
      expect($<HTMLImageElement>(el, 'img')!.alt).to.equal('Portrait de Mamat');
      expect(authorErrors()).to.have.length(0);
      expect(calls).to.equal(0);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shows the slotted text before the element is defined, and keeps it after the upgrade', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr">
        <case-card-pre name="Akber" status="detained" status-since="2018">
          <p slot="summary">Akber fait partie de ces milliers de personnes détenues.</p>
          <p slot="story">Akber a été arrêté en 2018.</p>
        </case-card-pre>
      </div>`,
    );
    const el = wrapper.querySelector('case-card-pre') as CaseCard;
    const summary = el.querySelector<HTMLElement>('[slot="summary"]')!;
    expect(customElements.get('case-card-pre')).to.equal(undefined);
    expect(summary.offsetHeight).to.be.greaterThan(0);
    expect(el.innerText).to.contain('Akber fait partie de ces milliers de personnes détenues.');
    CaseCard.define('case-card-pre');
    expect(customElements.get('case-card-pre')).to.not.equal(undefined);
    await settled(el);
    expect(summary.assignedSlot).to.not.equal(null);
    expect(summary.offsetHeight).to.be.greaterThan(0);
    expect(visibleText(el)).to.contain('Akber fait partie de ces milliers de personnes détenues.');
    // The story is slotted behind the disclosure.
    expect(el.querySelector<HTMLElement>('[slot="story"]')!.offsetHeight).to.equal(0);
    // Defining the same name again is harmless.
    CaseCard.define('case-card-pre');
    expect(authorErrors()).to.have.length(0);
  });

  it('lets attributes override what the endpoint says', async () => {
    const el = await remoteCard('fr');
    el.setAttribute('name', 'Akber Imin');
    el.setAttribute('action-label', 'Signer');
    el.setAttribute('status-label', 'Porté disparu');
    await settled(el);
    expect($(el, 'h3')!.textContent).to.equal('Akber Imin');
    expect($(el, 'a[part="action"]')!.textContent!.trim()).to.equal('Signer');
    expect($(el, '[part="status"]')!.textContent).to.equal('Porté disparu');
    expect(visibleText(el)).to.contain('Akber fait partie de ces milliers');
  });

  it('reports each bad attribute once and leaves the bad part out', async () => {
    const el = await fixture<CaseCard>(
      html`<case-card
        lang="fr"
        name="Akber"
        country="China"
        status="jailed"
        status-since="last year"
        photo-src="javascript:alert(1)"
        action-href="javascript:alert(1)"
        petition="not an id!"
        layout="poster"
      ></case-card>`,
    );
    await settled(el);
    el.requestUpdate();
    await el.updateComplete;
    const messages = authorErrors();
    for (const attribute of ['country=', 'status=', 'status-since=', 'photo-src=', 'action-href=', 'petition=', 'layout=']) {
      expect(
        messages.filter((message) => message.includes(attribute)),
        attribute,
      ).to.have.length(1);
    }
    expect(root(el).querySelector('img')).to.equal(null);
    expect($(el, '[part="action"]')).to.equal(null);
    expect($(el, '[part="status"]')).to.equal(null);
    expect($(el, 'h3')!.textContent).to.equal('Akber');
  });

  it('shows a localised message when there is nothing to show', async () => {
    const el = await fixture<CaseCard>(html`<case-card lang="de"></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Dieser Fall kann nicht angezeigt werden.');
    expect(authorErrors()).to.have.length(1);
  });
});

describe('case-card: light DOM (readable without JavaScript)', () => {
  it('shows the slotted name, place, status, photo and action in the card, each once, in the card’s places', async () => {
    const el = await lightCard('fr');
    await settled(el);
    const slotted = (name: string): HTMLElement => el.querySelector<HTMLElement>(`[slot="${name}"]`)!;
    // Each slotted element is shown, in the card's own box for it.
    expect(slotted('name').assignedSlot!.closest('[part="name"]')).to.not.equal(null);
    expect(slotted('place').assignedSlot!.closest('.place')).to.not.equal(null);
    expect(slotted('status').assignedSlot!.closest('[part="status"]')).to.not.equal(null);
    expect(slotted('photo').assignedSlot!.closest('[part="photo"]')).to.not.equal(null);
    expect(slotted('action').assignedSlot!.closest('.actions')).to.not.equal(null);
    // Nothing of the card's own says it a second time.
    expect(root(el).textContent).not.to.contain('Akber');
    expect(root(el).textContent).not.to.contain('Chine');
    expect(root(el).textContent).not.to.contain('2018');
    expect(root(el).querySelectorAll('img, a')).to.have.length(0);
    // The status is in the badge (accent background); the link is the call to action (accent background, 44px high).
    expect(getComputedStyle($(el, '[part="status"]')!).backgroundColor).to.equal('rgb(255, 230, 0)');
    expect(getComputedStyle(slotted('action')).backgroundColor).to.equal('rgb(255, 230, 0)');
    expect(slotted('action').getBoundingClientRect().height).to.be.at.least(44);
    // The photo fills its frame, shaped by the <img>'s width and height.
    const frame = slotted('photo').assignedSlot!.parentElement!;
    expect(getComputedStyle(frame).aspectRatio).to.equal('800 / 600');
    expect(slotted('photo').getBoundingClientRect().height).to.equal(frame.getBoundingClientRect().height);
    expect(authorErrors()).to.deep.equal([]);
  });

  it('reads by role and accessible name: one heading at the page’s level names the card; the link; the photo', async () => {
    const el = await lightCard('fr');
    await settled(el);
    await expect(el).to.be.accessible();
    expect(headings(el).map((h) => h.localName)).to.deep.equal(['h2']);
    expect(roleAndName(el.querySelector('[slot="name"]')!)).to.deep.equal(['heading', 'Akber']);
    expect(roleAndName($(el, '[part="card"]')!)).to.deep.equal(['article', 'Akber']);
    expect(roleAndName(el.querySelector('[slot="action"]')!)).to.deep.equal(['link', 'Agir pour Akber']);
    expect(roleAndName(el.querySelector('[slot="photo"]')!)).to.deep.equal(['img', 'Portrait d’Akber']);
    // The Share button is still described by the name, through the box the slotted heading sits in.
    expect($(el, 'button.share')!.getAttribute('aria-describedby')).to.equal('name');
    expect(roleAndName($(el, '#name')!)[1]).to.equal('Akber');
  });

  it('fires a cancelable agir-action from the slotted link; canceling stops the navigation', async () => {
    const el = await lightCard('fr');
    await settled(el);
    const events: ActionEvent[] = [];
    el.addEventListener('agir-action', (event) => {
      events.push(event);
      event.preventDefault();
    });
    const link = el.querySelector('[slot="action"]')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(events).to.have.length(1);
    expect(events[0]!.caseId).to.equal('akber');
    expect(events[0]!.href).to.equal('https://www.example.org/agir/akber');
    expect(click.defaultPrevented).to.equal(true);
  });

  it('lets the slotted link navigate when agir-action is not canceled', async () => {
    const el = await lightCard('fr');
    await settled(el);
    let heard = 0;
    let preventedByCard: boolean | undefined;
    el.addEventListener('agir-action', () => (heard += 1), { once: true });
    el.addEventListener('click', (event) => (preventedByCard = event.defaultPrevented), { once: true });
    window.addEventListener('click', (event) => event.preventDefault(), { once: true });
    el.querySelector<HTMLAnchorElement>('[slot="action"]')!.click();
    expect(heard).to.equal(1);
    expect(preventedByCard).to.equal(false);
  });

  it('wraps a slotted name that is not a heading in the card’s own heading (heading-level), so there is always one', async () => {
    const el = await fixture<CaseCard>(
      html`<case-card lang="fr" heading-level="4"
        ><span slot="name">Akber</span>
        <p slot="status">Détenu</p></case-card
      >`,
    );
    await settled(el);
    expect(headings(el).map((h) => h.localName)).to.deep.equal(['h4']);
    expect(el.querySelector('[slot="name"]')!.assignedSlot!.closest('h4')!.id).to.equal('name');
    await expect(el).to.be.accessible();
  });

  it('slotted content wins over the attributes for what is shown; the attributes still carry the rest', async () => {
    const el = await fixture<CaseCard>(
      html`<case-card
        lang="fr"
        name="Autre nom"
        country="CN"
        region="Xinjiang"
        status="detained"
        status-since="2018"
        action-href="https://www.example.org/autre"
        action-label="Autre action"
      >
        <h3 slot="name">Akber</h3>
        <p slot="place">Ürümqi</p>
        <p slot="status">Condamné à 20 ans</p>
        <a slot="action" href="https://www.example.org/agir/akber">Agir</a>
      </case-card>`,
    );
    await settled(el);
    const shadowText = root(el).textContent!;
    for (const text of ['Autre nom', 'Chine', 'Xinjiang', 'En détention', 'Autre action']) expect(shadowText).not.to.contain(text);
    expect(root(el).querySelector('a')).to.equal(null);
    const events: ActionEvent[] = [];
    el.addEventListener('agir-action', (event) => {
      events.push(event);
      event.preventDefault();
    });
    el.querySelector<HTMLElement>('[slot="action"]')!.click();
    expect(events[0]!.href).to.equal('https://www.example.org/agir/akber');
  });

  it('shows slotted content added after the upgrade, and leaves its error state once a name arrives', async () => {
    // As when the element is defined before the parser reaches its children.
    const el = await fixture<CaseCard>(html`<case-card lang="fr"></case-card>`);
    await settled(el, 'error');
    const name = document.createElement('h3');
    name.slot = 'name';
    name.textContent = 'Akber';
    el.append(name);
    await settled(el);
    expect(name.assignedSlot).to.not.equal(null);
    const status = document.createElement('p');
    status.slot = 'status';
    el.append(status);
    await el.updateComplete;
    expect($(el, '[part="status"]')).to.equal(null);
    status.textContent = 'Détenu depuis 2018';
    await until(() => status.assignedSlot, 2000, 'the status, once it has text');
    expect(status.assignedSlot!.closest('[part="status"]')).to.not.equal(null);
  });

  it('reports odd light DOM once, leaves it out and shows the attributes’ content instead; never breaks', async () => {
    const el = await fixture<CaseCard>(
      html`<case-card
        lang="fr"
        name="Akber"
        status="detained"
        action-href="https://www.example.org/agir/akber"
        photo-src=${gif}
        photo-width="3"
        photo-height="2"
      >
        <h3 slot="name"></h3>
        <p slot="place"></p>
        <span slot="photo">une photo</span>
        <button slot="action">Agir</button>
        <p slot="summary">Résumé.</p>
      </case-card>`,
    );
    await settled(el);
    el.requestUpdate();
    await el.updateComplete;
    const messages = authorErrors();
    for (const slot of ['name', 'place', 'photo', 'action']) {
      expect(
        messages.filter((message) => message.includes(`slot="${slot}"`)),
        slot,
      ).to.have.length(1);
      expect(el.querySelector(`[slot="${slot}"]`)!.assignedSlot, slot).to.equal(null);
    }
    expect($(el, 'h3')!.textContent).to.equal('Akber');
    expect($(el, '.place')).to.equal(null);
    expect($<HTMLImageElement>(el, '[part="photo"] img')!.getAttribute('src')).to.equal(gif);
    expect($<HTMLAnchorElement>(el, 'a[part="action"]')!.href).to.equal('https://www.example.org/agir/akber');
    await expect(el).to.be.accessible();
  });

  it('refuses a slotted link that is not http(s), and a photo without its size gets a 3:2 frame', async () => {
    const el = await fixture<CaseCard>(
      html`<case-card lang="fr">
        <img slot="photo" src=${gif} alt="" />
        <h3 slot="name">Akber</h3>
        <a slot="action" href="javascript:window.__xss=1">Agir</a>
      </case-card>`,
    );
    await settled(el);
    const link = el.querySelector('[slot="action"]')!;
    expect(link.assignedSlot).to.equal(null);
    expect($(el, '[part="action"]')).to.equal(null);
    expect(authorErrors().filter((message) => message.includes('slot="action"'))).to.have.length(1);
    expect(authorErrors().filter((message) => message.includes('width and height'))).to.have.length(1);
    expect(getComputedStyle(el.querySelector('[slot="photo"]')!.assignedSlot!.parentElement!).aspectRatio).to.equal('1200 / 800');
  });

  it('with only blank light DOM, shows the localised error and says why', async () => {
    const el = await fixture<CaseCard>(html`<case-card lang="fr"><h3 slot="name"></h3></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas ne peut pas être affiché.');
    expect(authorErrors().some((message) => message.includes('slot="name"'))).to.equal(true);
  });
});

describe('case-card: call to action', () => {
  it('fires a cancelable agir-action from the link; canceling stops the navigation', async () => {
    const el = await remoteCard('fr');
    await settled(el);
    const events: ActionEvent[] = [];
    el.addEventListener('agir-action', (event) => {
      events.push(event);
      event.preventDefault();
    });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    $(el, 'a[part="action"]')!.dispatchEvent(click);
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(ActionEvent);
    expect(events[0]!.caseId).to.equal('akber');
    expect(events[0]!.href).to.equal('https://www.example.org/agir/akber');
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(click.defaultPrevented).to.equal(true);
  });

  it('lets the link navigate when the event is not canceled', async () => {
    const el = await remoteCard('fr');
    await settled(el);
    let preventedByCard: boolean | undefined;
    let heard = 0;
    document.addEventListener('agir-action', () => (heard += 1), { once: true });
    el.addEventListener('click', (event) => (preventedByCard = event.defaultPrevented), { once: true });
    window.addEventListener('click', (event) => event.preventDefault(), { once: true });
    $(el, 'a[part="action"]')!.click();
    expect(heard).to.equal(1);
    expect(preventedByCard).to.equal(false);
  });

  describe('with a petition', () => {
    const original = CaseCard.loadPetitionForm;
    afterEach(() => {
      CaseCard.loadPetitionForm = original;
    });

    it('falls back to a link and a localised message when the petition form cannot load', async () => {
      CaseCard.loadPetitionForm = () => Promise.reject(new Error('offline'));
      const el = await fixture<CaseCard>(
        html`<case-card lang="fr" name="Akber" petition="xinjiang" action-href="https://www.example.org/petition"></case-card>`,
      );
      await settled(el);
      const button = $<HTMLButtonElement>(el, 'button[part="action"]')!;
      expect(button.textContent!.trim()).to.equal('Agir');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      button.click();
      await until(() => $(el, '.petition .problem'), 2000, 'the failure message');
      expect($(el, '.petition .problem')!.textContent).to.equal('Le formulaire de pétition n’a pas pu être chargé.');
      expect($<HTMLAnchorElement>(el, '.petition a')!.href).to.equal('https://www.example.org/petition');
      expect(authorErrors()).to.have.length(1);
      expect(authorErrors()[0]).to.contain('petition');
      await expect(el).to.be.accessible();
    });

    it('treats a module that does not define <petition-form> as a failure', async () => {
      CaseCard.loadPetitionForm = () => Promise.resolve({});
      const el = await fixture<CaseCard>(
        html`<case-card lang="fr" .data=${akber({ action: { label: 'Signer', petition: 'xinjiang' } }) as never}></case-card>`,
      );
      await settled(el);
      $<HTMLButtonElement>(el, 'button[part="action"]')!.click();
      await until(() => $(el, '.petition .problem'), 2000, 'the failure message');
      expect($(el, '.petition a')).to.equal(null);
      expect(authorErrors()).to.have.length(1);
    });

    it('does nothing when the host cancels agir-action', async () => {
      let loads = 0;
      CaseCard.loadPetitionForm = async () => {
        loads += 1;
      };
      const el = await fixture<CaseCard>(html`<case-card lang="fr" name="Akber" petition="xinjiang"></case-card>`);
      await settled(el);
      el.addEventListener('agir-action', (event) => event.preventDefault());
      $<HTMLButtonElement>(el, 'button[part="action"]')!.click();
      await el.updateComplete;
      expect(loads).to.equal(0);
      expect($(el, 'button[part="action"]')!.getAttribute('aria-expanded')).to.equal('false');
    });

    it('loads the real <petition-form> module by default', async () => {
      fake.on('GET', '/petitions/xinjiang', () => json({ error: { code: 'not_found', message: 'unknown petition' } }, 404));
      const el = await fixture<CaseCard>(
        html`<case-card lang="fr" endpoint=${fake.endpoint} name="Akber" petition="xinjiang"></case-card>`,
      );
      await settled(el);
      $<HTMLButtonElement>(el, 'button[part="action"]')!.click();
      const form = await until(() => $(el, 'petition-form'), 4000, 'the real <petition-form>');
      expect(customElements.get('petition-form')).to.not.equal(undefined);
      expect(form.shadowRoot).to.not.equal(null);
      expect(form.getAttribute('petition')).to.equal('xinjiang');
    });

    it('opens the petition form inline, loaded on demand', async () => {
      CaseCard.loadPetitionForm = async () => {
        if (!customElements.get('petition-form')) customElements.define('petition-form', class extends HTMLElement {});
      };
      const el = await fixture<CaseCard>(
        html`<case-card
          lang="fr"
          endpoint=${fake.endpoint}
          .data=${akber({ action: { label: 'Signer', petition: 'xinjiang' } }) as never}
        ></case-card>`,
      );
      await settled(el);
      const events: ActionEvent[] = [];
      el.addEventListener('agir-action', (event) => events.push(event));
      const button = $<HTMLButtonElement>(el, 'button[part="action"]')!;
      expect(button.textContent!.trim()).to.equal('Signer');
      expect($(el, 'petition-form')).to.equal(null);
      button.click();
      await until(() => $(el, 'petition-form'), 2000, '<petition-form>');
      const form = $(el, 'petition-form')!;
      expect(form.getAttribute('petition')).to.equal('xinjiang');
      expect(form.getAttribute('endpoint')).to.equal(fake.endpoint);
      expect(form.getAttribute('lang')).to.equal('fr');
      // The form's heading sits below the card's name in the page outline.
      expect(form.getAttribute('heading-level')).to.equal('4');
      expect(form.closest('#petition')!.id).to.equal(button.getAttribute('aria-controls'));
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(events).to.have.length(1);
      expect(events[0]!.petition).to.equal('xinjiang');
      expect(events[0]!.caseId).to.equal('akber');
      button.click();
      await el.updateComplete;
      expect($(el, 'petition-form')).to.equal(null);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('on a light-DOM card: the card’s button opens the form a level below the slotted heading; the slotted link is its fallback', async () => {
      // After the tests above: <petition-form> is defined by now (the real module is loaded by default).
      fake.on('GET', '/petitions/xinjiang', () => json({ error: { code: 'not_found', message: 'unknown petition' } }, 404));
      // No case id: with an endpoint, the card would fetch the case.
      const el = await lightCard('fr', { case: '', petition: 'xinjiang', endpoint: fake.endpoint });
      await settled(el);
      const link = el.querySelector<HTMLElement>('[slot="action"]')!;
      expect(link.assignedSlot).to.equal(null);
      expect(link.getClientRects()).to.have.length(0);
      const button = $<HTMLButtonElement>(el, 'button[part="action"]')!;
      button.click();
      const form = await until(() => $(el, 'petition-form'), 4000, '<petition-form>');
      expect(form.getAttribute('heading-level')).to.equal('3');
      button.click();
      await el.updateComplete;
      CaseCard.loadPetitionForm = () => Promise.reject(new Error('offline'));
      button.click();
      await until(() => $(el, '.petition .problem'), 2000, 'the failure message');
      expect($<HTMLAnchorElement>(el, '.petition a')!.href).to.equal('https://www.example.org/agir/akber');
    });
  });
});

describe('case-card: share', () => {
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).share;
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  });

  it('uses the Web Share API with share-url when present', async () => {
    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    const el = await fixture<CaseCard>(html`<case-card lang="fr" name="Akber" share-url="https://www.example.org/cas/akber"></case-card>`);
    await settled(el);
    const button = $<HTMLButtonElement>(el, 'button.share')!;
    expect(button.textContent!.trim()).to.equal('Partager');
    button.click();
    await until(() => shared.length, 2000, 'navigator.share');
    expect(shared[0]!.url).to.equal('https://www.example.org/cas/akber');
    expect(shared[0]!.title).to.equal('Akber');
    expect(shared[0]!.text).to.equal('Agissez pour Akber');
  });

  it('copies the page link with #case-<id> and says so politely', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    const el = await remoteCard('fr');
    await settled(el);
    // The reader came from a newsletter's link: their address, name and subscriber id are not passed on.
    const page = location.href;
    history.replaceState(null, '', `${location.pathname}?given_name=Amina&email=amina%40example.org&mc_eid=4f2a&utm_source=lettre#top`);
    try {
      $<HTMLButtonElement>(el, 'button.share')!.click();
      await until(() => $(el, '[role="status"]')?.textContent === 'Lien copié', 2000, '"Lien copié"');
    } finally {
      history.replaceState(null, '', page);
    }
    expect(copied).to.deep.equal([`${location.origin}${location.pathname}?utm_source=lettre#case-akber`]);
    expect($(el, '[role="status"]')!.getAttribute('role')).to.equal('status');
  });

  it('shares the page’s canonical URL, its query kept, when it has one', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    const link = Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://www.example.org/?p=123' });
    document.head.append(link);
    try {
      const el = await remoteCard('fr');
      await settled(el);
      $<HTMLButtonElement>(el, 'button.share')!.click();
      await until(() => copied.length, 2000, 'the copied link');
    } finally {
      link.remove();
    }
    expect(copied).to.deep.equal(['https://www.example.org/?p=123#case-akber']);
  });

  it('keeps the reader on the Share button, and on the story’s and the petition’s buttons, while what they control changes', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => undefined } });
    const original = CaseCard.loadPetitionForm;
    CaseCard.loadPetitionForm = async () => {
      if (!customElements.get('petition-form')) customElements.define('petition-form', class extends HTMLElement {});
    };
    try {
      const el = await remoteCard('fr', { action: { label: 'Signer', petition: 'xinjiang' } });
      await settled(el);
      // Compared as booleans: a failure prints quickly (chai would format the elements).
      const focused = (node: Element): boolean => root(el).activeElement === node;
      const share = $<HTMLButtonElement>(el, 'button.share')!;
      share.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[role="status"]')?.textContent === 'Lien copié', 2000, '"Lien copié"');
      expect(focused(share), 'focus on share').to.equal(true);
      const more = $<HTMLButtonElement>(el, 'button.more')!;
      more.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(focused(more), 'focus on more').to.equal(true);
      const petition = $<HTMLButtonElement>(el, 'button[part="action"]')!;
      petition.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, 'petition-form'), 2000, '<petition-form>');
      await el.updateComplete;
      expect(petition.getAttribute('aria-expanded')).to.equal('true');
      expect(focused(petition), 'focus on petition').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, 'petition-form')).to.equal(null);
      expect(focused(petition), 'focus on petition').to.equal(true);
    } finally {
      CaseCard.loadPetitionForm = original;
    }
  });

  it('shows the link when it cannot be copied', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    const el = await fixture<CaseCard>(html`<case-card lang="en" name="Akber" case="akber"></case-card>`);
    await settled(el);
    $<HTMLButtonElement>(el, 'button.share')!.click();
    await until(() => $(el, '[role="status"]')?.textContent?.includes('#case-akber'), 2000, 'the link to copy by hand');
    expect($(el, '[role="status"]')!.textContent).to.contain('Copy this link');
  });

  it('no-share hides the button', async () => {
    const el = await fixture<CaseCard>(html`<case-card lang="fr" name="Akber" no-share></case-card>`);
    await settled(el);
    expect($(el, 'button.share')).to.equal(null);
  });
});

describe('case-card: layouts', () => {
  async function inBox(width: number, lang = 'fr', layout?: string): Promise<{ photo: DOMRect; body: DOMRect; card: CaseCard }> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang=${lang} style="width:${width}px">
        <case-card
          name="Akber"
          status="detained"
          layout=${layout ?? nothing}
          photo-src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
          photo-width="600"
          photo-height="400"
          ><p slot="summary">Résumé.</p></case-card
        >
      </div>`,
    );
    const card = wrapper.querySelector('case-card')!;
    await settled(card);
    return { photo: $(card, '.frame')!.getBoundingClientRect(), body: $(card, '.body')!.getBoundingClientRect(), card };
  }

  it('is a card (photo on top) at medium widths', async () => {
    const { photo, body } = await inBox(480);
    expect(photo.bottom).to.be.at.most(body.top + 1);
    expect(Math.round(photo.height)).to.equal(Math.round((photo.width * 400) / 600));
  });

  it('is a feature (photo beside the text, at the inline start) when wide, mirrored in RTL', async () => {
    const ltr = await inBox(900);
    expect(ltr.photo.right).to.be.at.most(ltr.body.left + 1);
    const rtl = await inBox(900, 'ar');
    expect(rtl.photo.left).to.be.at.least(rtl.body.right - 1);
  });

  it('is a compact row with a small square photo when narrow', async () => {
    const { photo, body } = await inBox(260);
    expect(photo.width).to.be.below(100);
    expect(Math.round(photo.width)).to.equal(Math.round(photo.height));
    expect(photo.right).to.be.at.most(body.left + 1);
  });

  it('layout forces a layout whatever the width', async () => {
    const card = await inBox(900, 'fr', 'card');
    expect(card.photo.bottom).to.be.at.most(card.body.top + 1);
    const feature = await inBox(480, 'fr', 'feature');
    expect(feature.photo.right).to.be.at.most(feature.body.left + 1);
  });

  it('keeps a card’s width where the page does not give it one (flex row, inline-block)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr">
        <div style="display:flex; gap:8px"><case-card name="A"></case-card><case-card name="B"></case-card></div>
        <span style="display:inline-block"><case-card name="C"></case-card></span>
        <div style="display:flex"><case-card name="D" style="--agir-card-width: 30rem"></case-card></div>
      </div>`,
    );
    const [a, b, c, d] = Array.from(wrapper.querySelectorAll('case-card'));
    for (const card of [a, b, c, d]) await settled(card!);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    for (const card of [a, b, c]) expect(card!.getBoundingClientRect().width).to.equal(22 * rem);
    expect(d!.getBoundingClientRect().width).to.equal(30 * rem);
  });

  it('exposes its parts to the host page', async () => {
    const style = document.createElement('style');
    style.textContent =
      'case-card.themed::part(name) { color: rgb(1, 2, 3); } case-card.themed::part(card) { border-color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const el = await fixture<CaseCard>(
        html`<case-card
          class="themed"
          lang="fr"
          name="Akber"
          status="detained"
          action-href="https://www.example.org/"
          photo-src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
          photo-width="1"
          photo-height="1"
        ></case-card>`,
      );
      await settled(el);
      expect(getComputedStyle($(el, '[part="name"]')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(el, '[part="card"]')!).borderTopColor).to.equal('rgb(4, 5, 6)');
      for (const part of ['card', 'photo', 'name', 'status', 'action']) expect($(el, `[part="${part}"]`), part).to.not.equal(null);
    } finally {
      style.remove();
    }
  });
});

describe('case-card: no layout shift', () => {
  function image(width: number, height: number): Promise<string> {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#336';
    context.fillRect(0, 0, width, height);
    return new Promise((resolve) => canvas.toBlob((blob) => resolve(URL.createObjectURL(blob!)), 'image/png'));
  }

  async function measure(src: string, outcome: 'load' | 'error'): Promise<void> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr" style="width:400px">
        <case-card name="Akber" status="detained" photo-src=${src} photo-width="800" photo-height="600"
          ><p slot="summary">Résumé.</p></case-card
        >
      </div>`,
    );
    const el = wrapper.querySelector('case-card')!;
    await settled(el);
    const img = $<HTMLImageElement>(el, 'img')!;
    const settledImage = new Promise((resolve) => img.addEventListener(outcome, resolve, { once: true }));
    expect(img.naturalWidth, 'not loaded yet').to.equal(0);
    const before = el.getBoundingClientRect();
    const frameBefore = img.parentElement!.getBoundingClientRect();
    await settledImage;
    await new Promise(requestAnimationFrame);
    const after = el.getBoundingClientRect();
    expect(after.height).to.equal(before.height);
    expect(after.width).to.equal(before.width);
    expect(img.parentElement!.getBoundingClientRect().height).to.equal(frameBefore.height);
    expect(Math.round(frameBefore.height)).to.equal(Math.round((frameBefore.width * 600) / 800));
  }

  it('keeps its size while the photo loads (even when the image’s own ratio differs)', async () => {
    const src = await image(300, 100);
    try {
      await measure(src, 'load');
    } finally {
      URL.revokeObjectURL(src);
    }
  });

  it('keeps its size when the photo fails to load', async () => {
    await measure('data:image/png;base64,AAAA', 'error');
  });

  it('reserves its size while loading', async () => {
    fake.on('GET', '/cases/akber', () => new Promise<Response>(() => {}));
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" endpoint=${fake.endpoint}></case-card>`);
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile data. Every payload goes through every string field, from the endpoint and from inline
// attributes and slots: nothing runs, no unexpected element or attribute appears, URLs stay http(s).

const trap = 'window.__xss=1';
const corpus = [
  `<script>${trap}</script>`,
  `<img src=x onerror="${trap}">`,
  `"><img src=x onerror=${trap}>`,
  `'><svg onload=${trap}>`,
  `<svg><script>${trap}</script></svg>`,
  `<svg/onload=${trap}>`,
  `<iframe src="javascript:${trap}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<a href="javascript:${trap}">clic</a>`,
  `<details open ontoggle="${trap}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${trap}>`,
  `<!--<img src=x onerror=${trap}>-->`,
  `<object data="javascript:${trap}">`,
  `<base href="javascript:/">`,
  `javascript:${trap}`,
  `JaVaScRiPt:${trap}`,
  ` javascript:${trap}`,
  `java\tscript:${trap}`,
  `java\nscript:${trap}`,
  `\u0000javascript:${trap}`,
  `j\u0430vascript:${trap}`,
  `&#106;avascript:${trap}`,
  `&#x6A;avascript&#x3A;${trap}`,
  `vbscript:msgbox(1)`,
  `data:text/html,<script>${trap}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${trap}"/>`,
  `//evil.example/x.png`,
  `\\\\evil.example\\x.png`,
  `</style><style>*{display:none}</style>`,
  `</style><script>${trap}</script>`,
  `background:url(javascript:${trap})`,
  `x" style="display:none" onmouseover="${trap}`,
  `' onfocus='${trap}' autofocus='`,
  `{{constructor.constructor('${trap}')()}}`,
  '${' + trap + '}',
  `{country}{region}`,
  `\u202Egnp.exe\u202C Akber`,
  `Ak\u200Bber\u200D\uFEFF\u2060`,
  `<style>@import 'javascript:${trap}';</style>`,
];

const expectedTags = new Set(['div', 'article', 'figure', 'img', 'figcaption', 'h3', 'p', 'slot', 'button', 'a', 'blockquote', 'span']);

function assertInert(card: Element, where: string): void {
  const shadow = card.shadowRoot!;
  for (const element of Array.from(shadow.querySelectorAll('*'))) {
    expect(expectedTags.has(element.localName), `${where}: unexpected <${element.localName}>`).to.equal(true);
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.startsWith('on'), `${where}: attribute ${attribute.name}`).to.equal(false);
      if (attribute.name === 'href' || attribute.name === 'src')
        expect(attribute.value, `${where}: ${attribute.name}`).to.match(/^https?:\/\//);
      if (attribute.name === 'style') expect(attribute.value, `${where}: style`).to.match(/^--_agir-ratio: \d+ \/ \d+;$/);
    }
  }
}

function hostile(payload: string, variant: 'text' | 'photo' | 'action' | 'ids', index: number): Payload {
  const base = akber({ id: `x${index}` });
  if (variant === 'photo') return { ...base, photo: { src: payload, alt: payload, credit: payload, width: 10, height: 10 } };
  if (variant === 'action') return { ...base, action: { label: payload, url: payload } };
  if (variant === 'ids') return { ...base, category: [payload], tags: [payload], locale: payload };
  return {
    ...base,
    name: payload,
    fullName: payload,
    region: payload,
    summary: payload,
    story: [payload, payload],
    quote: { text: payload, author: payload },
    status: { kind: 'detained', label: payload, since: '2018' },
    photo: { src: 'https://img.example.org/x.jpg', alt: payload, credit: payload, width: 10, height: 10 },
    // The contract caps labels at 80 characters.
    action: { label: payload.slice(0, 80), url: 'https://www.example.org/agir' },
  };
}

const inlineAttributes = [
  'name',
  'country',
  'region',
  'status',
  'status-since',
  'status-label',
  'photo-src',
  'photo-alt',
  'photo-credit',
  'photo-width',
  'photo-height',
  'action-href',
  'action-label',
  'petition',
  'share-url',
  'layout',
  'heading-level',
  'case',
];

/** Renders the whole corpus into `doc`: every payload through the endpoint (4 variants) and inline. */
async function renderCorpus(doc: Document, endpoint: string): Promise<{ remote: Element[]; inline: Element[]; settled: boolean }> {
  const container = doc.createElement('div');
  container.setAttribute('lang', 'fr');
  doc.body.append(container);
  const remote: Element[] = [];
  const inline: Element[] = [];
  corpus.forEach((_, index) => {
    for (const variant of ['text', 'photo', 'action', 'ids']) {
      const card = doc.createElement('case-card');
      card.setAttribute('endpoint', endpoint);
      card.setAttribute('case', `x${index}-${variant}`);
      container.append(card);
      remote.push(card);
    }
    const card = doc.createElement('case-card');
    for (const name of inlineAttributes) card.setAttribute(name, corpus[index]!);
    for (const slot of ['summary', 'story', 'quote', 'quote-author']) {
      const child = doc.createElement('p');
      child.slot = slot;
      child.textContent = corpus[index]!;
      card.append(child);
    }
    container.append(card);
    inline.push(card);
  });
  const settled = await until(
    () => [...remote, ...inline].every((card) => card.matches(':state(ready), :state(error)')),
    8000,
    'every hostile card to settle',
  ).catch(() => false);
  // Let any handler that might have been injected (onerror, onload, ontoggle…) fire.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { remote, inline, settled };
}

function answerCorpus(request: { path: string }): Response {
  const [, index, variant] = /^\/cases\/x(\d+)-(\w+)$/.exec(request.path)!;
  return json(hostile(corpus[Number(index)]!, variant as 'text', Number(index)));
}

describe('case-card: hostile data', () => {
  let violations: SecurityPolicyViolationEvent[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent): void => void violations.push(event);

  before(() => {
    // Block network images for the rest of this file: hostile URLs such as //evil.example must not
    // leave the machine. Only img-src is restricted here; the strict CSP test below restricts all.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "img-src 'self' data: blob:";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', onViolation);
  });
  after(() => document.removeEventListener('securitypolicyviolation', onViolation));
  beforeEach(() => {
    violations = [];
    delete (window as unknown as Record<string, unknown>).__xss;
  });

  it(`has a corpus of ${corpus.length} payloads`, () => {
    expect(corpus.length).to.be.at.least(30);
  });

  it('renders every payload, from the endpoint and inline, as inert text', async () => {
    fake.on('GET', /^\/cases\/x\d+-\w+$/, answerCorpus);
    const { remote, inline, settled: done } = await renderCorpus(document, fake.endpoint);
    expect((window as unknown as Record<string, unknown>).__xss).to.equal(undefined);
    expect(violations.filter((event) => !event.effectiveDirective.startsWith('img-src'))).to.deep.equal([]);
    expect(done, 'every card settled').to.equal(true);
    remote.forEach((card, n) => assertInert(card, `remote #${n}`));
    inline.forEach((card, n) => assertInert(card, `inline #${n}`));
    // Text payloads show as text, exactly; URL and id payloads fail the contract's schema.
    corpus.forEach((payload, index) => {
      const [text, photo, action, ids] = remote.slice(index * 4, index * 4 + 4) as Element[];
      for (const card of [photo, action, ids]) expect(card!.matches(':state(error)'), `schema #${index}`).to.equal(true);
      // Inline content is the page's own: shown as text, whatever it holds.
      const card = inline[index]!;
      expect(card.matches(':state(ready)'), `inline #${index}`).to.equal(true);
      expect(card.shadowRoot!.querySelector('h3')!.textContent, `inline name #${index}`).to.equal(payload.trim());
      expect(Array.from(card.children).map((child) => child.localName)).to.deep.equal(['p', 'p', 'p', 'p']);
      if (!isCleanText(payload)) {
        // U+0000 and other text PostgreSQL cannot store fail the contract's text rule: refused, not shown.
        expect(text!.matches(':state(error)'), `unclean text #${index}`).to.equal(true);
        return;
      }
      expect(text!.matches(':state(ready)'), `text #${index}`).to.equal(true);
      expect(text!.shadowRoot!.querySelector('h3')!.textContent, `name #${index}`).to.equal(payload.trim());
      expect(text!.shadowRoot!.querySelector('.summary p')!.textContent, `summary #${index}`).to.equal(payload);
      expect(text!.shadowRoot!.querySelector('[part="status"]')!.textContent, `status #${index}`).to.equal(payload);
      expect((text as HTMLElement).offsetHeight, `still visible #${index}`).to.be.greaterThan(0);
    });
  });

  it('stays inert under a strict CSP with Trusted Types', async () => {
    const frame = document.createElement('iframe');
    const script = new URL('../src/case-card/define.ts', import.meta.url).href;
    // The page's origin spelled out rather than 'self': Firefox does not match 'self' to it in a srcdoc frame
    // (and then silently loads no script). Same policy: scripts and styles from this origin only.
    const self = location.origin;
    frame.srcdoc = `<!doctype html><html lang="fr"><head>
      <meta http-equiv="Content-Security-Policy" content="default-src ${self}; script-src ${self}; style-src ${self}; img-src ${self} data: blob:; require-trusted-types-for 'script'; trusted-types lit-html">
      <script type="module" src="${script}"></script></head><body></body></html>`;
    frame.style.width = '800px';
    frame.style.height = '600px';
    document.body.append(frame);
    try {
      await until(() => frame.contentWindow?.customElements?.get('case-card'), 8000, 'case-card in the CSP frame');
      const win = frame.contentWindow! as Window & typeof globalThis & { __xss?: unknown };
      const frameViolations: SecurityPolicyViolationEvent[] = [];
      win.document.addEventListener('securitypolicyviolation', (event) => frameViolations.push(event));
      const endpoint = 'https://csp.agir.test/api/v1';
      win.fetch = (async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        return answerCorpus({ path: url.pathname.slice('/api/v1'.length) });
      }) as typeof fetch;
      const { remote, inline, settled: done } = await renderCorpus(win.document, endpoint);
      expect(win.__xss).to.equal(undefined);
      expect((window as unknown as Record<string, unknown>).__xss).to.equal(undefined);
      // Only images are blocked (the hostile //evil.example photos and the payloads' https photos): no script, no Trusted Types sink.
      const unexpected = frameViolations.filter((event) => !event.effectiveDirective.startsWith('img-src'));
      expect(unexpected.map((event) => `${event.effectiveDirective} ${event.blockedURI} ${event.sample}`)).to.deep.equal([]);
      expect(done, 'every card settled').to.equal(true);
      remote.forEach((card, n) => assertInert(card, `csp remote #${n}`));
      inline.forEach((card, n) => assertInert(card, `csp inline #${n}`));
      expect(remote[0]!.matches(':state(ready)')).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});

describe('case-card: any backend (a client object)', () => {
  afterEach(() => resetConfig());

  /** A client of the page's own whose `getCase` answers with `answer(id)` and notes its calls. */
  function ownClient(answer: (id: string) => unknown) {
    const calls: Array<{ id: string; locale?: string }> = [];
    const client = {
      endpoint: 'my-cms',
      getCase: async (id: string, options: { locale?: string } = {}) => {
        calls.push({ id, locale: options.locale });
        return answer(id);
      },
    } as unknown as AgirClient;
    return { client, calls };
  }

  it('shows the case its client property gives, asked in the card’s language, with no request of its own', async () => {
    const { client, calls } = ownClient(() => akber());
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" .client=${client}></case-card>`);
    await settled(el);
    expect($(el, 'h3')!.textContent).to.equal('Akber');
    expect(calls).to.deep.equal([{ id: 'akber', locale: 'fr' }]);
    expect(fake.requests).to.have.length(0);
    expect(authorErrors()).to.have.length(0);
  });

  it('takes the page’s client from configure({ client }); a card without a case id stays inline', async () => {
    const { client, calls } = ownClient(() => akber({ name: 'Akber (client)' }));
    configure({ client });
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber"></case-card>`);
    await settled(el);
    expect($(el, 'h3')!.textContent).to.equal('Akber (client)');
    const inline = await lightCard('fr', { case: '' });
    await settled(inline);
    expect(calls).to.have.length(1);
  });

  it('a client without getCase: the author hears which method is missing, the reader that the case could not load', async () => {
    const client = { endpoint: 'counts-only', getPetition: async () => ({}) } as unknown as AgirClient;
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" .client=${client}></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas n’a pas pu être chargé.');
    expect($(el, 'button.retry')).to.equal(null);
    expect(authorErrors()).to.have.length(1);
    expect(authorErrors()[0]).to.contain('its client has no getCase() method');
  });

  it('holds what a client gives to the contract, and reads its AgirErrors as an endpoint’s', async () => {
    const invalid = ownClient(() => akber({ name: '<img src=x onerror=alert(1)>', status: { kind: 'jailed' } }));
    const el = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" .client=${invalid.client}></case-card>`);
    await settled(el, 'error');
    expect(visibleText(el)).to.equal('Ce cas ne peut pas être affiché.');
    expect($(el, 'img')).to.equal(null);
    expect(authorErrors()[0]).to.contain('its client\'s getCase("akber") is not a case of the Agir contract (status.kind');

    const missing = ownClient((id) => {
      throw new AgirError('http', `no case ${id}`, { status: 404, code: 'not_found' });
    });
    const gone = await fixture<CaseCard>(html`<case-card lang="fr" case="nobody" .client=${missing.client}></case-card>`);
    await settled(gone, 'error');
    expect(visibleText(gone)).to.equal('Ce cas est introuvable.');

    let down = true;
    const flaky = ownClient(() => {
      if (down) throw new AgirError('network', 'my CMS is down');
      return akber();
    });
    const later = await fixture<CaseCard>(html`<case-card lang="fr" case="akber" .client=${flaky.client}></case-card>`);
    await settled(later, 'error');
    expect(visibleText(later)).to.contain('Ce cas n’a pas pu être chargé.');
    down = false;
    $<HTMLButtonElement>(later, 'button.retry')!.click();
    await settled(later);
    expect($(later, 'h3')!.textContent).to.equal('Akber');
  });
});
