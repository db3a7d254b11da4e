// Issue 16: a page's CSS stops at each element's edge. Inside a page styled by Bootstrap 5, by Tailwind's
// preflight, by a theme with aggressive inherited text styles, by one with rules for every element (`*`) or one
// whose root font size is 62.5 % (sizes in `rem` would shrink), every computed style of every node in each
// element's shadow tree is what it is in a page with no CSS, once the four properties meant to come from the
// page (font family, font size, colour, line height) are the same in both.
import { expect, fixture } from '@open-wc/testing';
import '../src/signature-counter/define.js';
import '../src/case-card/define.js';
import '../src/case-card-list/define.js';
import '../src/donation-calculator/define.js';
import '../src/petition-form/define.js';
import { list } from './case-fixtures.js';
import { emulateReducedMotion, fakeEndpoint, json, petitionPayload, until, type FakeEndpoint } from './helpers.js';

/** The four properties a page may pass on, the same on both sides of each comparison. */
const four = 'font-family: Georgia, serif; font-size: 18px; color: rgb(20, 40, 60); line-height: 1.6;';

/** A theme that sets every inherited text property a blog theme might. */
const aggressive = `.page { text-transform: uppercase; letter-spacing: 0.3em; word-spacing: 1em; white-space: pre;
  text-align: right; text-align-last: center; text-indent: 4em; font-style: italic; font-variant: small-caps;
  font-weight: 900; font-stretch: condensed; text-shadow: 2px 2px 0 red; word-break: break-all;
  overflow-wrap: anywhere; hyphens: auto; tab-size: 2; font-kerning: none; font-feature-settings: 'smcp';
  list-style: square inside; quotes: '«' '»'; cursor: crosshair; -webkit-text-stroke: 1px red;
  -webkit-text-fill-color: green; text-underline-position: under; writing-mode: horizontal-tb;
  caret-color: red; color-scheme: dark; font-synthesis: none; text-emphasis: filled red; ${four} }`;

/** A theme whose rules name every element (the element itself too) with what does not inherit. */
const everyElement = `.page * { box-sizing: content-box; margin: 0; padding: 0 }`;

/** An older theme's root: 1rem is 10px, the text is set back to 18px (the four, on the wrapper). */
const smallRoot = `html { font-size: 62.5% }`;

const sheets: Record<string, () => Promise<string>> = {
  'Bootstrap 5': () => fetch('/node_modules/bootstrap/dist/css/bootstrap.min.css').then((r) => r.text()),
  "Tailwind's preflight": () => fetch('/node_modules/tailwindcss/preflight.css').then((r) => r.text()),
  'an aggressive theme': async () => aggressive,
  'a theme with rules for every element (`*`)': async () => everyElement,
  'a theme with a 62.5 % root font size': async () => smallRoot,
};

let fake: FakeEndpoint;

const elements: Record<string, { markup: () => string; ready: (el: HTMLElement) => boolean }> = {
  'signature-counter': {
    markup: () => '<signature-counter lang="fr" count="323832" goal="500000"></signature-counter>',
    ready: (el) => /323/.test(el.shadowRoot?.textContent ?? ''),
  },
  'case-card': {
    markup: () =>
      '<case-card lang="fr" name="Akber" country="CN" status="detained" status-since="2018" action-href="https://www.example.org/agir" action-label="Agir"><span slot="summary">Détenu depuis 2018.</span></case-card>',
    // Ready (its language loaded), not only drawn: the two mounts compared must be in the same state.
    ready: (el) => el.matches(':state(ready)') && /Akber/.test(el.shadowRoot?.textContent ?? ''),
  },
  'case-card-list': {
    markup: () => `<case-card-list lang="fr" endpoint="${fake.endpoint}" tag="xinjiang"></case-card-list>`,
    ready: (el) => {
      const cards = [...(el.shadowRoot?.querySelectorAll('case-card') ?? [])];
      return cards.length === 2 && cards.every((card) => card.matches(':state(ready)'));
    },
  },
  'donation-calculator': {
    markup: () => '<donation-calculator lang="fr" country="FR" tax-year="2026"></donation-calculator>',
    // Shown, not only drawn: its box stays hidden until the reader's language has loaded.
    ready: (el) =>
      [...(el.shadowRoot?.querySelectorAll('output') ?? [])].some(
        (o) => /5,10/.test(o.textContent ?? '') && getComputedStyle(o).visibility === 'visible',
      ),
  },
  'petition-form': {
    markup: () => `<petition-form lang="fr" petition="xinjiang" endpoint="${fake.endpoint}"></petition-form>`,
    ready: (el) => el.matches(':state(form)') && /Prénom/.test(el.shadowRoot?.textContent ?? ''),
  },
};

/** Every node of a shadow tree, nested elements' shadow trees included, in document order. */
function shadowNodes(root: ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const node of root.querySelectorAll('*')) {
    found.push(node);
    if (node.shadowRoot) found.push(...shadowNodes(node.shadowRoot));
  }
  return found;
}

/** The computed style of every shadow node, as sorted "node property: value" lines. */
function computed(el: HTMLElement): string[] {
  const lines: string[] = [];
  shadowNodes(el.shadowRoot!).forEach((node, index) => {
    const style = getComputedStyle(node);
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      // The page's own custom properties (Bootstrap's --bs-*) inherit by design: theming is by --agir-*.
      if (name.startsWith('--') && !/^--_?agir/.test(name)) continue;
      lines.push(`${index} <${node.localName}> ${name}: ${style.getPropertyValue(name)}`);
    }
  });
  return lines.sort(); // custom properties come in no fixed order
}

/** Drawn in whatever language (a figure, a ready card, a shown estimate, the form's fields). */
function shown(el: HTMLElement): boolean {
  const root = el.shadowRoot;
  if (!root) return false;
  if (el.localName === 'case-card') return el.matches(':state(ready)');
  if (el.localName === 'case-card-list') return [...root.querySelectorAll('case-card')].some((card) => card.matches(':state(ready)'));
  if (el.localName === 'petition-form') return el.matches(':state(form)') && Boolean(root.querySelector('label')?.textContent?.trim());
  if (el.localName === 'donation-calculator')
    return [...root.querySelectorAll('output')].some(
      (o) => /\p{Nd}/u.test(o.textContent ?? '') && getComputedStyle(o).visibility === 'visible',
    );
  return /\p{Nd}/u.test(root.textContent ?? '');
}

async function mount(name: string, wrapperClass: string): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLDivElement>(`<div class="${wrapperClass}">${elements[name]!.markup()}</div>`);
  const el = wrapper.firstElementChild as HTMLElement;
  await until(() => elements[name]!.ready(el), 5000, `${name} rendered`);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  // Then settled: no computed style inside changed for 150 ms. On a loaded CI machine a part that arrives after
  // the first figure (a catalog, a lazy chunk) made the two mounts compared differ (14 lines, once in Chromium).
  let last = computed(el).join('\n');
  let since = performance.now();
  await until(
    () => {
      const now = computed(el).join('\n');
      if (now !== last) [last, since] = [now, performance.now()];
      return performance.now() - since >= 150;
    },
    5000,
    `${name} settled`,
  );
  return el;
}

describe('isolation from the page’s CSS', () => {
  let base: CSSStyleSheet;
  before(async () => {
    await emulateReducedMotion(true);
    base = new CSSStyleSheet();
    // The same width and the same four properties on both sides, and a containing block of their own (so that
    // the offsets of absolutely positioned nodes do not depend on the page's margins); the page's sheet comes first.
    base.replaceSync(`.plain, .page { position: relative; inline-size: 640px; ${four} }`);
  });
  after(() => emulateReducedMotion(false));
  beforeEach(() => {
    fake = fakeEndpoint();
    fake.on('GET', '/petitions/xinjiang', () => json(petitionPayload()));
    fake.on('GET', '/cases', () => json({ items: list(2) }));
  });
  afterEach(() => {
    fake.restore();
    document.adoptedStyleSheets = [];
  });

  for (const [sheetName, load] of Object.entries(sheets)) {
    for (const name of Object.keys(elements)) {
      it(`<${name}> in a page styled by ${sheetName}: every computed style inside is as in a page with no CSS`, async () => {
        document.adoptedStyleSheets = [base];
        const plain = computed(await mount(name, 'plain'));
        const page = new CSSStyleSheet();
        page.replaceSync(await load());
        document.adoptedStyleSheets = [page, base];
        const themed = computed(await mount(name, 'page'));
        expect(plain.length, 'nodes and properties').to.be.greaterThan(100);
        const [inPlain, inThemed] = [new Set(plain), new Set(themed)];
        const differences = [
          ...themed.filter((line) => !inPlain.has(line)),
          ...plain.filter((line) => !inThemed.has(line)).map((line) => `(plain) ${line}`),
        ];
        expect(differences.slice(0, 12), `${differences.length} differences, the first ones`).to.deep.equal([]);
      });
    }
  }

  // An element whose direction is not the page's (an Arabic form on a French page, a French one on an Arabic
  // page) must not push anything past the page's edge: a page scrolls sideways towards its end, so a box offset
  // towards the element's own start (the honeypot did, by 100vw) made a phone page twice as wide.
  for (const [pageDir, lang] of [
    ['ltr', 'ar'],
    ['rtl', 'fr'],
  ] as const) {
    for (const name of Object.keys(elements)) {
      it(`<${name} lang="${lang}"> on a page whose direction is ${pageDir}: the page gets no sideways scroll`, async () => {
        document.documentElement.dir = pageDir;
        try {
          const wrapper = await fixture<HTMLDivElement>(`<div>${elements[name]!.markup().replace('lang="fr"', `lang="${lang}"`)}</div>`);
          const el = wrapper.firstElementChild as HTMLElement;
          await until(() => shown(el), 5000, `${name} shown`);
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const { scrollWidth, clientWidth } = document.documentElement;
          expect(scrollWidth, 'the page’s scroll width against its width').to.be.at.most(clientWidth);
        } finally {
          document.documentElement.removeAttribute('dir');
        }
      });
    }
  }

  it('an ancestor’s visibility and pointer-events still reach in (a hidden or inert page part stays so)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      `<div style="visibility: hidden; pointer-events: none">${elements['signature-counter']!.markup()}</div>`,
    );
    const el = wrapper.firstElementChild as HTMLElement;
    await until(() => elements['signature-counter']!.ready(el), 5000, 'the counter');
    for (const node of shadowNodes(el.shadowRoot!)) {
      expect(getComputedStyle(node).visibility, node.localName).to.equal('hidden');
      expect(getComputedStyle(node).pointerEvents, node.localName).to.equal('none');
    }
  });

  it('an inline counter takes the font of its sentence (it is a number in the text)', async () => {
    const wrapper = await fixture<HTMLParagraphElement>(
      `<p style="font-style: italic; font-weight: 700">Déjà <signature-counter lang="fr" layout="inline" count="1234"></signature-counter> signatures</p>`,
    );
    const el = wrapper.querySelector('signature-counter') as HTMLElement;
    await until(() => /1/.test(el.shadowRoot?.textContent ?? ''), 5000, 'the counter');
    const number = shadowNodes(el.shadowRoot!).find((node) => /1/.test(node.textContent ?? '') && node.children.length === 0)!;
    expect(getComputedStyle(number).fontStyle).to.equal('italic');
    expect(getComputedStyle(number).fontWeight).to.equal('700');
  });
});
