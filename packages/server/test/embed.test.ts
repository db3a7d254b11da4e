// Issue 16: embed pages for blogs that strip scripts (/embed/cases/:id, /embed/petitions/:id) and oEmbed
// (/oembed). What a reader and a host page get: the light-DOM card's slots and the petition form in the right
// language and direction, every stored text escaped, a frame policy open to every site on these pages only,
// and the oEmbed answers (rich iframe, sizes, errors) that a CMS reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { Case } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import { backends, getJson, repoRoot, startTestServer } from './helpers.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;
type Element = DefaultTreeAdapterTypes.Element;

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_TEXT = '</p><script>alert(1)</script><p class="x" onclick=\'y\'>';

/** Every element under `node`, in document order (template contents and noscript text aside). */
function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (current: Node): void => {
    if ('tagName' in current) found.push(current);
    if ('childNodes' in current) for (const child of current.childNodes) walk(child);
  };
  walk(node);
  return found;
}
const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map((child) => text(child)).join('')
      : '';
const one = (list: Element[], what: string): Element => {
  assert.equal(list.length, 1, `exactly one ${what} (got ${list.length})`);
  return list[0]!;
};

interface Page {
  status: number;
  headers: Headers;
  body: string;
  all: Element[];
  html: Element;
}
async function getPage(url: string): Promise<Page> {
  const response = await fetch(url);
  const body = await response.text();
  const all = elements(parse(body));
  return {
    status: response.status,
    headers: response.headers,
    body,
    all,
    html: one(
      all.filter((e) => e.tagName === 'html'),
      'html',
    ),
  };
}
const bySlot = (page: Page, slot: string): Element =>
  one(
    page.all.filter((e) => attr(e, 'slot') === slot),
    `slot="${slot}"`,
  );

/** What strict CSP and "no inline code" mean for a page: scripts by src only, no <style>, no style or on* attributes. */
function assertNoInlineCode(page: Page): void {
  for (const element of page.all) {
    if (element.tagName === 'script') {
      assert.ok(attr(element, 'src'), `a script without src: ${text(element)}`);
      assert.equal(text(element).trim(), '');
    }
    assert.notEqual(element.tagName, 'style');
    for (const { name } of element.attrs) assert.ok(name !== 'style' && !name.startsWith('on'), `<${element.tagName} ${name}>`);
  }
}

interface OEmbed {
  type: string;
  version: string;
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}

describe('embed pages and oEmbed', () => {
  let server: RunningServer;
  let base: string;

  before(async () => {
    // The repository's demo and CDN folders, as `agir-server start` serves them: the pages load the CDN's scripts.
    server = await startTestServer(await backends[0]!.fresh(), { seed: true, rateLimit: false, staticDirs: {} });
    base = server.url;
    const now = new Date().toISOString();
    const cases: Case[] = [
      {
        id: 'hostile',
        name: HOSTILE,
        isGroup: false,
        country: 'FR',
        region: '"Lyon" & <environs>',
        category: [],
        status: { kind: 'other', label: HOSTILE_TEXT },
        summary: HOSTILE_TEXT,
        photo: { src: 'https://photos.example/a.jpg?x="><script>alert(1)</script>', alt: HOSTILE, width: 800, height: 600 },
        action: { label: HOSTILE, url: 'https://act.example/?q="><script>alert(1)</script>' },
        updatedAt: now,
        locale: 'en',
      },
      {
        id: 'dated',
        name: 'Nasrin',
        isGroup: false,
        country: 'IR',
        category: [],
        status: { kind: 'imprisoned', since: '2018' },
        summary: 'A lawyer.',
        updatedAt: now,
        locale: 'en',
      },
    ];
    await server.app.store.upsertCases(cases);
    assert.ok(await server.app.store.createPetition({ id: 'hostile', title: HOSTILE, locale: 'en', goal: 100 }));
  });

  test('a case page: the light-DOM card in document order, server-rendered, with no case attribute and no endpoint', async () => {
    const page = await getPage(`${base}/embed/cases/akber`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(attr(page.html, 'lang'), 'fr', 'the case’s own language');
    assert.equal(attr(page.html, 'dir'), 'ltr');
    const card = one(
      page.all.filter((e) => e.tagName === 'case-card'),
      'case-card',
    );
    assert.equal(attr(card, 'case'), undefined, 'no case attribute: the card does not fetch');
    assert.equal(attr(card, 'status'), 'detained');
    assert.equal(page.all.filter((e) => e.tagName === 'meta' && attr(e, 'name') === 'agir:endpoint').length, 0);
    const name = bySlot(page, 'name');
    assert.equal(name.tagName, 'h2');
    assert.equal(text(name), 'Akber');
    assert.equal(text(bySlot(page, 'place')), 'Xinjiang, Chine');
    assert.equal(text(bySlot(page, 'status')), 'Interné dans un camp');
    assert.match(text(bySlot(page, 'summary')), /^Akber fait partie de ces milliers de personnes détenues/);
    const action = bySlot(page, 'action');
    assert.equal(action.tagName, 'a');
    assert.equal(text(action), 'Agir');
    assert.equal(attr(action, 'href'), '/embed/petitions/xinjiang', 'the case’s petition, as an embed page of this server');
    // Document order: name, place, status, summary, link (what a reader without JavaScript reads).
    const order = ['name', 'place', 'status', 'summary', 'action'].map((slot) => page.all.indexOf(bySlot(page, slot)));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    // The element module from this server's CDN path, the stylesheet beside the page; nothing inline.
    assert.deepEqual(
      page.all.filter((e) => e.tagName === 'script').map((e) => [attr(e, 'type'), attr(e, 'src')]),
      [['module', '/cdn/case-card.js']],
    );
    const sheet = one(
      page.all.filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet'),
      'stylesheet',
    );
    const css = await fetch(new URL(attr(sheet, 'href')!, base));
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(await css.text(), /case-card:not\(:defined\)\s*>\s*img/);
    assertNoInlineCode(page);
    const script = await fetch(`${base}/cdn/case-card.js`);
    assert.equal(script.status, 200, 'the CDN serves the module the page loads (run `pnpm run build` first)');
    await script.body?.cancel();
  });

  test('the embed policy: framed by any site, scripts and styles from this server only, Trusted Types, no cookies', async () => {
    for (const path of ['/embed/cases/akber', '/embed/petitions/xinjiang', '/embed/cases/nope']) {
      const response = await fetch(`${base}${path}`);
      await response.body?.cancel();
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((part) => part.trim().split(/\s+/) as [string, ...string[]])
          .map(([k, ...v]) => [k, v]),
      );
      assert.deepEqual(directives.get('frame-ancestors'), ['*'], path);
      assert.deepEqual(directives.get('default-src'), ["'self'"], path);
      assert.deepEqual(directives.get('script-src'), ["'self'"], path);
      assert.deepEqual(directives.get('require-trusted-types-for'), ["'script'"], path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(response.headers.get('x-frame-options'), null, path);
      assert.equal(response.headers.get('set-cookie'), null, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  test('every other route still refuses framing by other sites', async () => {
    for (const path of ['/api/v1/health', '/api/v1/petitions/xinjiang', '/api/v1/cases/akber', '/api/v1/cases', '/oembed', '/']) {
      const response = await fetch(`${base}${path}`);
      await response.body?.cancel();
      const csp = response.headers.get('content-security-policy') ?? '';
      const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.trim();
      assert.ok(ancestors === "'none'" || ancestors === "'self'", `${path}: frame-ancestors ${ancestors}`);
    }
  });

  test('a status without words gets the card’s phrase in the page’s language', async () => {
    const en = await getPage(`${base}/embed/cases/dated`);
    assert.equal(text(bySlot(en, 'status')), 'Imprisoned since 2018');
    assert.equal(text(bySlot(en, 'place')), 'Iran');
    assert.equal(en.all.filter((e) => attr(e, 'slot') === 'action').length, 0, 'a case without an action has no link');
    assert.equal(en.all.filter((e) => attr(e, 'slot') === 'photo').length, 0);
  });

  test('?lang= among the supported languages; Arabic is right to left, stored text keeps its own language', async () => {
    const ar = await getPage(`${base}/embed/cases/akber?lang=ar`);
    assert.equal(attr(ar.html, 'lang'), 'ar');
    assert.equal(attr(ar.html, 'dir'), 'rtl');
    assert.equal(text(bySlot(ar, 'name')), 'أكبر', 'the seed has Akber in Arabic');
    assert.equal(attr(bySlot(ar, 'name'), 'lang'), undefined);
    assert.equal(text(bySlot(ar, 'place')), 'شينجيانغ، الصين', 'the country named in Arabic, by Intl');
    const frenchOnly = await getPage(`${base}/embed/cases/hayrigul-niyaz?lang=ar`);
    assert.equal(attr(bySlot(frenchOnly, 'name'), 'lang'), 'fr', 'a case without Arabic words: French, marked');
    assert.equal(attr(bySlot(frenchOnly, 'name'), 'dir'), 'ltr');
    assert.equal(attr(bySlot(ar, 'action'), 'href'), '/embed/petitions/xinjiang?lang=ar', 'the petition in the same language');
    const de = await getPage(`${base}/embed/cases/dated?lang=de`);
    assert.equal(attr(de.html, 'lang'), 'de');
    assert.equal(text(bySlot(de, 'status')), 'Im Gefängnis seit 2018');
    const ug = await getPage(`${base}/embed/cases/dated?lang=ug`);
    assert.equal(attr(ug.html, 'lang'), 'ug');
    assert.equal(attr(ug.html, 'dir'), 'rtl');
    assert.equal(text(bySlot(ug, 'status')), '2018-يىلىدىن بۇيان تۈرمىگە سولانغان');
    const zh = await getPage(`${base}/embed/cases/dated?lang=zh-CN`);
    assert.equal(attr(zh.html, 'lang'), 'zh-CN');
    assert.equal(attr(zh.html, 'dir'), 'ltr');
    assert.equal(text(bySlot(zh, 'status')), '自2018年起被监禁');
    assert.equal(text(bySlot(zh, 'place')), '伊朗', 'the country named in Chinese, by Intl');
    const hant = await getPage(`${base}/embed/cases/akber?lang=zh-TW`);
    assert.equal(attr(hant.html, 'lang'), 'fr', 'an unsupported language (Traditional Chinese has no catalog yet): the case’s own');
    const junk = await getPage(`${base}/embed/cases/akber?lang=%3Cx%3E`);
    assert.equal(junk.status, 200);
    assert.equal(attr(junk.html, 'lang'), 'fr');
  });

  test('a petition page: title, counter and form wired to this server’s API, in the petition’s language', async () => {
    const page = await getPage(`${base}/embed/petitions/xinjiang`);
    assert.equal(page.status, 200);
    assert.equal(attr(page.html, 'lang'), 'fr');
    assert.equal(
      text(
        one(
          page.all.filter((e) => e.tagName === 'h1'),
          'h1',
        ),
      ),
      'Liberté pour les détenus des camps d’internement du Xinjiang',
    );
    const english = await getPage(`${base}/embed/petitions/xinjiang?lang=en`);
    const englishTitle = one(
      english.all.filter((e) => e.tagName === 'h1'),
      'h1',
    );
    assert.equal(text(englishTitle), 'Freedom for the detainees of Xinjiang’s internment camps', 'the petition’s English title');
    assert.equal(attr(englishTitle, 'lang'), undefined);
    const german = one(
      (await getPage(`${base}/embed/petitions/xinjiang?lang=de`)).all.filter((e) => e.tagName === 'h1'),
      'h1',
    );
    assert.equal(attr(german, 'lang'), 'fr', 'no German title: the French one, marked');
    const endpoint = one(
      page.all.filter((e) => e.tagName === 'meta' && attr(e, 'name') === 'agir:endpoint'),
      'endpoint meta',
    );
    assert.equal(new URL(attr(endpoint, 'content')!, base).href, `${base}/api/v1`);
    const form = one(
      page.all.filter((e) => e.tagName === 'petition-form'),
      'petition-form',
    );
    assert.equal(attr(form, 'petition'), 'xinjiang');
    // No newsletter box: an embed has no words or version of the organisation's to record a consent under.
    assert.equal(attr(form, 'no-consent'), '');
    assert.equal(attr(form, 'privacy-href'), undefined, 'no privacy notice given to this server');
    assert.equal(
      attr(
        one(
          page.all.filter((e) => e.tagName === 'signature-counter'),
          'counter',
        ),
        'petition',
      ),
      'xinjiang',
    );
    assert.deepEqual(
      page.all.filter((e) => e.tagName === 'script').map((e) => attr(e, 'src')),
      ['/cdn/signature-counter.js', '/cdn/petition-form.js'],
    );
    // Without JavaScript, the reader is told why there is no form (in French here).
    assert.match(page.body, /<noscript>.*Pour signer cette pétition, activez JavaScript\..*<\/noscript>/s);
    assertNoInlineCode(page);
    const ar = await getPage(`${base}/embed/petitions/xinjiang?lang=ar`);
    assert.equal(attr(ar.html, 'dir'), 'rtl');
    const arabicTitle = one(
      ar.all.filter((e) => e.tagName === 'h1'),
      'h1',
    );
    assert.equal(
      text(arabicTitle),
      'الحرية للمحتجزين في معسكرات الاعتقال في شينجيانغ',
      'the seed’s Arabic title, in the Arabic page’s language',
    );
    assert.equal(attr(arabicTitle, 'lang'), undefined);
  });

  test('stored text is escaped everywhere: a hostile name, summary, place, photo, link and title stay text', async () => {
    const page = await getPage(`${base}/embed/cases/hostile`);
    assert.equal(page.status, 200);
    assert.equal(text(bySlot(page, 'name')), HOSTILE);
    assert.equal(text(bySlot(page, 'summary')), HOSTILE_TEXT);
    assert.equal(text(bySlot(page, 'status')), HOSTILE_TEXT);
    assert.equal(text(bySlot(page, 'place')), '"Lyon" & <environs>, France');
    assert.equal(text(bySlot(page, 'action')), HOSTILE);
    assert.equal(attr(bySlot(page, 'action'), 'href'), 'https://act.example/?q="><script>alert(1)</script>');
    const photo = bySlot(page, 'photo');
    assert.equal(photo.tagName, 'img');
    assert.equal(attr(photo, 'alt'), HOSTILE);
    assert.equal(attr(photo, 'src'), 'https://photos.example/a.jpg?x="><script>alert(1)</script>');
    assert.equal(page.all.filter((e) => e.tagName === 'img').length, 1, 'the photo is the only image');
    assert.equal(
      text(
        one(
          page.all.filter((e) => e.tagName === 'title'),
          'title',
        ),
      ),
      HOSTILE,
    );
    assertNoInlineCode(page);
    const petition = await getPage(`${base}/embed/petitions/hostile`);
    assert.equal(
      text(
        one(
          petition.all.filter((e) => e.tagName === 'h1'),
          'h1',
        ),
      ),
      HOSTILE,
    );
    assert.equal(petition.all.filter((e) => e.tagName === 'img').length, 0);
    assertNoInlineCode(petition);
    // And in oEmbed's html: one iframe, its title the localised words around the name, nothing else.
    const { body } = await getJson(`${base}/oembed?url=${encodeURIComponent(`${base}/embed/cases/hostile`)}`);
    const fragment = elements(parseFragment((body as OEmbed).html));
    assert.deepEqual(
      fragment.map((e) => e.tagName),
      ['iframe'],
    );
    assert.equal(attr(fragment[0]!, 'title'), `Case: ${HOSTILE}`);
    assert.equal((body as OEmbed).title, HOSTILE);
  });

  test('unknown and malformed ids: a localised 404 page, never a 5xx', async () => {
    const fr = await getPage(`${base}/embed/cases/nope?lang=fr`);
    assert.equal(fr.status, 404);
    assert.equal(attr(fr.html, 'lang'), 'fr');
    assert.match(fr.body, /<p>Ce cas est introuvable\.<\/p>/);
    const de = await getPage(`${base}/embed/petitions/nope?lang=de`);
    assert.equal(de.status, 404);
    assert.match(de.body, /<p>Diese Petition wurde nicht gefunden\.<\/p>/);
    const ar = await getPage(`${base}/embed/petitions/nope?lang=ar`);
    assert.equal(attr(ar.html, 'dir'), 'rtl');
    for (const id of ['%3Cscript%3E', 'a'.repeat(65), '-leading', '%E0%A4%A', 'x%2Fy', '..']) {
      for (const kind of ['cases', 'petitions']) {
        const response = await fetch(`${base}/embed/${kind}/${id}`);
        const body = await response.text();
        assert.ok(response.status === 404 || response.status === 400, `${kind}/${id}: ${response.status}`);
        assert.doesNotMatch(body, /<script>/);
      }
    }
  });

  test('discovery: each embed page links its oEmbed answer', async () => {
    for (const [path, kind] of [
      ['/embed/cases/akber', 'cases'],
      ['/embed/petitions/xinjiang?lang=ar', 'petitions'],
    ] as const) {
      const page = await getPage(`${base}${path}`);
      const link = one(
        page.all.filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'alternate'),
        'alternate link',
      );
      assert.equal(attr(link, 'type'), 'application/json+oembed');
      const href = new URL(attr(link, 'href')!);
      assert.equal(href.origin, base);
      assert.equal(href.pathname, '/oembed');
      assert.equal(href.searchParams.get('url'), `${base}${path}`);
      assert.equal(href.searchParams.get('format'), 'json');
      const { status, body } = await getJson(href.href);
      assert.equal(status, 200);
      assert.equal(
        new URL(attr(elements(parseFragment((body as OEmbed).html))[0]!, 'src')!).pathname,
        `/embed/${kind}/${path.split('/')[3]!.split('?')[0]}`,
      );
    }
  });

  test('oEmbed: a rich iframe of the page, sized within maxwidth and maxheight, titled in the page’s language', async () => {
    const url = `${base}/embed/cases/akber`;
    const { status, body, headers } = await getJson(`${base}/oembed?url=${encodeURIComponent(url)}&format=json`);
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    const answer = body as OEmbed;
    assert.equal(answer.type, 'rich');
    assert.equal(answer.version, '1.0');
    assert.equal(answer.title, 'Akber');
    assert.equal(answer.provider_name, 'Agir');
    const iframe = one(elements(parseFragment(answer.html)), 'iframe');
    assert.equal(iframe.tagName, 'iframe');
    assert.equal(attr(iframe, 'src'), url);
    assert.equal(attr(iframe, 'title'), 'Cas : Akber');
    assert.equal(attr(iframe, 'loading'), 'lazy');
    assert.equal(attr(iframe, 'style'), undefined, 'no inline style: the host page may have a strict CSP');
    assert.equal(Number(attr(iframe, 'width')), answer.width);
    assert.equal(Number(attr(iframe, 'height')), answer.height);
    assert.ok(answer.width > 0 && answer.height > 0);

    const small = (await getJson(`${base}/oembed?url=${encodeURIComponent(url)}&maxwidth=300&maxheight=200`)).body as OEmbed;
    assert.equal(small.width, 300);
    assert.equal(small.height, 200);
    assert.equal(attr(elements(parseFragment(small.html))[0]!, 'width'), '300');
    const roomy = (await getJson(`${base}/oembed?url=${encodeURIComponent(url)}&maxwidth=5000&maxheight=5000`)).body as OEmbed;
    assert.equal(roomy.width, answer.width, 'a larger maximum leaves the size as it is');

    const ar = (await getJson(`${base}/oembed?url=${encodeURIComponent(`${base}/embed/petitions/xinjiang?lang=ar`)}`)).body as OEmbed;
    const arFrame = elements(parseFragment(ar.html))[0]!;
    // The petition's own title in the page's language (the seed has an Arabic one), as the page itself has it.
    assert.equal(ar.title, 'الحرية للمحتجزين في معسكرات الاعتقال في شينجيانغ');
    assert.equal(attr(arFrame, 'title'), 'عريضة: الحرية للمحتجزين في معسكرات الاعتقال في شينجيانغ');
    assert.equal(attr(arFrame, 'src'), `${base}/embed/petitions/xinjiang?lang=ar`);
    // The API's URL of a case names the same page.
    const api = (await getJson(`${base}/oembed?url=${encodeURIComponent(`${base}/api/v1/cases/akber`)}`)).body as OEmbed;
    assert.equal(attr(elements(parseFragment(api.html))[0]!, 'src'), url);
  });

  test('behind a TLS proxy (--public-url): oEmbed takes the public https URLs, and the pages and iframes name them; --privacy-url is linked', async () => {
    const proxied = await startTestServer(await backends[0]!.fresh(), {
      seed: true,
      rateLimit: false,
      staticDirs: {},
      publicUrl: 'https://agir.example.org/',
      privacyUrl: 'https://www.example.org/confidentialite?x="><script>',
    });
    const local = proxied.url.replace(/\/$/, '');
    const page = 'https://agir.example.org/embed/cases/akber';
    // A CMS asks with the public URL; the request itself reaches the server over plain http on loopback.
    const { status, body } = await getJson(`${local}/oembed?url=${encodeURIComponent(page)}`);
    assert.equal(status, 200);
    const answer = body as OEmbed;
    assert.equal(attr(one(elements(parseFragment(answer.html)), 'iframe'), 'src'), page);
    assert.equal(answer.provider_url, 'https://agir.example.org/');
    // The loopback address is not the server's public one: refused like any other origin's.
    assert.equal((await getJson(`${local}/oembed?url=${encodeURIComponent(`${local}/embed/cases/akber`)}`)).status, 404);
    // The page's discovery link points at the public oEmbed URL.
    const discovery = (await getPage(`${local}/embed/cases/akber`)).all.filter(
      (e) => e.tagName === 'link' && attr(e, 'rel') === 'alternate',
    );
    const href = new URL(attr(one(discovery, 'alternate link'), 'href')!);
    assert.equal(href.origin, 'https://agir.example.org');
    assert.equal(href.searchParams.get('url'), page);
    // The organisation's privacy notice (--privacy-url), linked by the petition page's form, as text.
    const petitionPage = await getPage(`${local}/embed/petitions/xinjiang`);
    const form = one(
      petitionPage.all.filter((e) => e.tagName === 'petition-form'),
      'petition-form',
    );
    assert.equal(attr(form, 'privacy-href'), 'https://www.example.org/confidentialite?x="><script>');
    assert.equal(petitionPage.all.filter((e) => e.tagName === 'script' && !attr(e, 'src')).length, 0);
  });

  test('oEmbed errors: missing url 400, unknown or foreign URL 404, format=xml 501, bad sizes or format 400', async () => {
    const at = (query: string) =>
      fetch(`${base}/oembed${query}`).then(async (r) => ({
        status: r.status,
        body: await r.text(),
        cors: r.headers.get('access-control-allow-origin'),
      }));
    const missing = await at('');
    assert.equal(missing.status, 400);
    assert.equal((JSON.parse(missing.body) as { error: { code: string } }).error.code, 'validation');
    assert.equal(missing.cors, '*');
    for (const url of [
      `${base}/embed/cases/nope`,
      `${base}/embed/petitions/nope`,
      `https://elsewhere.example/embed/cases/akber`,
      `${base}/`,
      `${base}/embed/cases/%3Cx%3E`,
      'not a url',
      'javascript:alert(1)',
    ]) {
      const answer = await at(`?url=${encodeURIComponent(url)}`);
      assert.equal(answer.status, 404, url);
      assert.equal((JSON.parse(answer.body) as { error: { code: string } }).error.code, 'not_found', url);
    }
    const xml = await at(`?url=${encodeURIComponent(`${base}/embed/cases/akber`)}&format=xml`);
    assert.equal(xml.status, 501);
    assert.equal((await at(`?url=${encodeURIComponent(`${base}/embed/cases/akber`)}&format=yaml`)).status, 400, 'not an oEmbed format');
    for (const size of ['maxwidth=-1', 'maxheight=abc', 'maxwidth=0', 'maxwidth=1e3']) {
      assert.equal((await at(`?url=${encodeURIComponent(`${base}/embed/cases/akber`)}&${size}`)).status, 400, size);
    }
  });

  test('the iframe docs/server.md shows is the one oEmbed gives', async () => {
    const docs = readFileSync(path.join(repoRoot, 'docs/server.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## Embedding in pages that strip scripts'));
    const shown = /```html\n([\s\S]*?)\n```/.exec(section)?.[1];
    assert.ok(shown, 'the section has an html block');
    const src = attr(elements(parseFragment(shown))[0]!, 'src')!;
    const url = src.replace('https://your-server.example', base);
    const answer = (await getJson(`${base}/oembed?url=${encodeURIComponent(url)}`)).body as OEmbed;
    assert.equal(answer.html.replaceAll(base, 'https://your-server.example'), shown);
  });
});
