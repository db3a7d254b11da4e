// Petitions and cases in the reader's language (issue 19), against PGlite and PostgreSQL: the seed's Akber
// and Mamat in fr, en and ar by `?locale=` and by Accept-Language, the fallback order (?locale=, then
// Accept-Language by q-value, then the record's default language), Content-Language, Vary, and an ETag and a
// 304 per language.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { caseListSchema, caseSchema, petitionSchema, readCase, readPetition } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import { backends, getJson, startTestServer } from './helpers.js';

const SUMMARY = {
  fr: 'Akber fait partie de ces milliers de personnes détenues dans la région autonome ouïghoure du Xinjiang. Agissez pour exiger sa libération !',
  en: 'Akber is one of the thousands of people detained in the Xinjiang Uyghur Autonomous Region. Act to demand his release!',
  ar: 'أكبر واحد من آلاف الأشخاص المحتجزين في منطقة شينجيانغ الأويغورية ذاتية الحكم. تحرّكوا للمطالبة بالإفراج عنه!',
};
const STATUS = { fr: 'Interné dans un camp', en: 'Held in an internment camp', ar: 'محتجز في معسكر اعتقال' };
const TITLE = {
  fr: 'Liberté pour les détenus des camps d’internement du Xinjiang',
  en: 'Freedom for the detainees of Xinjiang’s internment camps',
  ar: 'الحرية للمحتجزين في معسكرات الاعتقال في شينجيانغ',
};
type Lang = keyof typeof SUMMARY;

for (const backend of backends) {
  describe(`words per language (${backend.name})`, () => {
    let server: RunningServer;
    let api: string;

    before(async () => {
      server = await startTestServer(await backend.fresh(), { seed: true, rateLimit: false });
      api = `${server.url}/api/v1`;
    });

    const getCase = async (query: string, headers: Record<string, string> = {}) => {
      const response = await getJson(`${api}/cases/akber${query}`, headers);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return { item: caseSchema.parse(response.body), headers: response.headers };
    };

    test('the same case in fr, en and ar by ?locale= and by Accept-Language, each saying its language', async () => {
      for (const lang of ['fr', 'en', 'ar'] as Lang[]) {
        for (const { item, headers } of [await getCase(`?locale=${lang}`), await getCase('', { 'accept-language': lang })]) {
          assert.equal(item.locale, lang);
          assert.equal(item.summary, SUMMARY[lang]);
          assert.equal(item.status.label, STATUS[lang]);
          assert.equal(headers.get('content-language'), lang);
          assert.match(headers.get('vary') ?? '', /Accept-Language/i);
        }
      }
      assert.equal((await getCase('?locale=ar')).item.name, 'أكبر');
      // The zod-free reader the elements use reads every language's words.
      const read = readCase((await getJson(`${api}/cases/mamat?locale=ar`)).body);
      assert.ok(read.success);
      assert.equal(read.success && read.data.locale, 'ar');
      assert.equal(read.success && read.data.name, 'مامات');
    });

    test('fallback order: ?locale= first, then Accept-Language by q-value, then the default language (fr)', async () => {
      // ?locale= wins over the header.
      assert.equal((await getCase('?locale=ar', { 'accept-language': 'en' })).item.locale, 'ar');
      // A ?locale= the case lacks falls to the header, then to the default.
      assert.equal((await getCase('?locale=de', { 'accept-language': 'de, en;q=0.5' })).item.locale, 'en');
      assert.equal((await getCase('?locale=de')).item.locale, 'fr');
      // q-values order the header, whatever the order written; q=0 refuses a language.
      assert.equal((await getCase('', { 'accept-language': 'en;q=0.3, ar;q=0.9, fr;q=0.1' })).item.locale, 'ar');
      assert.equal((await getCase('', { 'accept-language': 'ar;q=0, en;q=0.2' })).item.locale, 'en');
      // A regional wish gets its language; nothing wished, or only languages it lacks, or *: the default.
      assert.equal((await getCase('', { 'accept-language': 'en-GB' })).item.locale, 'en');
      assert.equal((await getCase('?locale=ar-EG')).item.locale, 'ar');
      assert.equal((await getCase('')).item.locale, 'fr');
      assert.equal((await getCase('', { 'accept-language': 'de-CH, de;q=0.9' })).item.locale, 'fr');
      assert.equal((await getCase('', { 'accept-language': '*' })).item.locale, 'fr');
      // A case with one language (Hayrigul Niyaz) answers in it, saying so.
      const french = await getJson(`${api}/cases/hayrigul-niyaz?locale=en`);
      assert.equal(caseSchema.parse(french.body).locale, 'fr');
      assert.equal(french.headers.get('content-language'), 'fr');
      // An invalid ?locale= is refused, whatever the header.
      assert.equal((await getJson(`${api}/cases/akber?locale=!!`, { 'accept-language': 'en' })).status, 422);
    });

    test('the list negotiates each case: the English list has Akber and Mamat in English, the rest in their default', async () => {
      for (const [query, headers] of [
        ['?tag=xinjiang&locale=en', {}],
        ['?tag=xinjiang', { 'accept-language': 'en-US,en;q=0.9,fr;q=0.5' }],
      ] as const) {
        const response = await getJson(`${api}/cases${query}`, headers);
        const items = caseListSchema.parse(response.body).items;
        assert.deepEqual(
          items.map((item) => `${item.id}:${item.locale}`),
          ['akber:en', 'mamat:en', 'hayrigul-niyaz:fr', 'sadir-ali:fr', 'sajidugul-ayup:fr', 'erkin-ayup:fr'],
        );
        assert.equal(response.headers.get('content-language'), null, 'cases in two languages: no single Content-Language');
        assert.match(response.headers.get('vary') ?? '', /Accept-Language/i);
      }
    });

    test('the petition in fr, en and ar: title, description and share text, by ?locale= and Accept-Language', async () => {
      for (const lang of ['fr', 'en', 'ar'] as Lang[]) {
        for (const response of [
          await getJson(`${api}/petitions/xinjiang?locale=${lang}`),
          await getJson(`${api}/petitions/xinjiang`, { 'accept-language': `${lang};q=0.8, de` }),
        ]) {
          const petition = petitionSchema.parse(response.body);
          assert.equal(petition.locale, lang);
          assert.equal(petition.title, TITLE[lang]);
          assert.ok(petition.shareText?.includes(TITLE[lang]), `the ${lang} share text quotes the ${lang} title`);
          assert.ok(petition.description && petition.description.length > 50);
          assert.equal(petition.signatureCount, 323_832);
          assert.equal(response.headers.get('content-language'), lang);
          assert.match(response.headers.get('vary') ?? '', /Accept-Language/i);
          const read = readPetition(response.body);
          assert.ok(read.success && read.data.shareText === petition.shareText);
        }
      }
      assert.equal(petitionSchema.parse((await getJson(`${api}/petitions/xinjiang?locale=zh-Hans`)).body).locale, 'fr');
      assert.equal((await getJson(`${api}/petitions/xinjiang?locale=%20`)).status, 422);
    });

    test('an ETag per language, and a 304 only for the language it names', async () => {
      for (const path of ['/cases/akber', '/petitions/xinjiang', '/cases?tag=xinjiang']) {
        const etags: Record<string, string> = {};
        for (const lang of ['fr', 'en', 'ar'] as Lang[]) {
          const response = await fetch(`${api}${path}`, { headers: { 'accept-language': lang } });
          assert.equal(response.status, 200);
          await response.arrayBuffer();
          etags[lang] = response.headers.get('etag') ?? '';
          // A case's answer and the list have weak ETags (they may be compressed), the petition a strong one.
          assert.match(etags[lang], path.startsWith('/petitions') ? /^"[\w-]+"$/ : /^W\/"[\w-]+"$/);
        }
        assert.equal(new Set(Object.values(etags)).size, 3, `${path}: three languages, three ETags`);
        for (const lang of ['fr', 'en', 'ar'] as Lang[]) {
          const same = await fetch(`${api}${path}`, { headers: { 'accept-language': lang, 'if-none-match': etags[lang]! } });
          assert.equal(same.status, 304, `${path} in ${lang} with its own ETag`);
          assert.equal(await same.text(), '');
          assert.match(same.headers.get('vary') ?? '', /Accept-Language/i);
          const other = lang === 'fr' ? 'en' : 'fr';
          const changed = await fetch(`${api}${path}`, { headers: { 'accept-language': other, 'if-none-match': etags[lang]! } });
          assert.equal(changed.status, 200, `${path}: the ${lang} ETag does not answer a reader of ${other}`);
          const body = (await changed.json()) as { locale?: string; items?: Array<{ id: string; locale: string }> };
          assert.equal(body.locale ?? body.items?.find((item) => item.id === 'akber')?.locale, other);
        }
      }
    });

    test('a translation added later is served at once, and the default language stays the first stored', async () => {
      const [hayrigul] = caseListSchema
        .parse((await getJson(`${api}/cases?tag=xinjiang`)).body)
        .items.filter((c) => c.id === 'hayrigul-niyaz');
      await server.app.store.upsertCases([
        { ...hayrigul!, locale: 'en', name: 'Hayrigul Niyaz', summary: 'Memeteli’s sister was arrested.' },
      ]);
      assert.equal(caseSchema.parse((await getJson(`${api}/cases/hayrigul-niyaz?locale=en`)).body).locale, 'en');
      assert.equal(caseSchema.parse((await getJson(`${api}/cases/hayrigul-niyaz?locale=de`)).body).locale, 'fr');
      assert.ok(
        await server.app.store.setPetitionTexts('xinjiang', { locale: 'de', title: 'Freiheit', description: null, shareText: null }),
      );
      // The petition cache keeps a read for a few seconds; a fresh server (same database) sees it at once.
      const record = await server.app.store.getPetition('xinjiang');
      assert.deepEqual(
        record?.translations.map((item) => item.locale),
        ['ar', 'de', 'en'],
      );
      assert.equal(record?.locale, 'fr');
      assert.equal(record?.title, TITLE.fr);
    });
  });
}
