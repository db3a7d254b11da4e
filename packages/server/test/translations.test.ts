// The operator CLI's translations, on PGlite and on PostgreSQL (issue 19): `translations export DIR` writes
// one JSON file per record with every language's words; a translator adds a language; `translations import`
// checks every file (naming file, language and field; one bad file imports nothing) and stores each language
// with the default language's facts; exporting again gives back the same files (round trip). (What the API
// answers in each language: languages.test.ts.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { caseSchema } from '@agir/core';
import { openStore, type Store } from '../src/index.js';
import { backends, type DatabaseChoice, runCli, tempDir } from './helpers.js';

const cli = (database: DatabaseChoice, ...args: string[]) => runCli(database, args);

async function withStore<T>(database: DatabaseChoice, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database);
  try {
    return await work(store);
  } finally {
    await store.db.close();
  }
}

const readDir = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );

type File = { record: string; id: string; defaultLocale: string; texts: Record<string, Record<string, unknown>> };

for (const backend of backends) {
  describe(`agir-server translations (${backend.name})`, () => {
    test('export, translate, import, export again: the same files, and each language read back with the default language’s facts', async () => {
      const database = await backend.fresh();
      const dir = tempDir();
      // A petition and a case in French, with a photo, a story, a quote and a call to action.
      assert.equal((await cli(database, 'petition', 'create', '--id', 'water', '--title', 'De l’eau pour tous', '--locale', 'fr')).code, 0);
      const casesFile = path.join(dir, 'cases.json');
      writeFileSync(
        casesFile,
        JSON.stringify([
          {
            id: 'nadia',
            name: 'Nadia',
            isGroup: false,
            photo: { src: 'https://example.org/nadia.jpg', alt: 'Portrait de Nadia', credit: 'Amnesty', width: 800, height: 600 },
            country: 'TN',
            region: 'Tunis',
            category: ['arbitrary-detention'],
            status: { kind: 'imprisoned', label: 'Emprisonnée', since: '2024' },
            summary: 'Nadia est emprisonnée pour avoir manifesté.',
            story: ['Elle a été arrêtée en 2024.', 'Sa famille attend.'],
            quote: { text: 'Libérez ma sœur.', author: 'Sami, son frère' },
            action: { label: 'Agir', petition: 'water' },
            tags: ['tunisia'],
            updatedAt: '2026-11-01T00:00:00Z',
            locale: 'fr',
          },
        ]),
      );
      assert.equal((await cli(database, 'cases', 'import', casesFile)).code, 0);

      const first = path.join(dir, 'first');
      const exported = await cli(database, 'translations', 'export', first);
      assert.equal(exported.code, 0, exported.err);
      assert.match(exported.err, /wrote 2 file/);
      const files = readDir(first);
      assert.deepEqual(Object.keys(files), ['case.nadia.json', 'petition.water.json']);
      const nadia = JSON.parse(files['case.nadia.json']!) as File;
      assert.deepEqual(
        { record: nadia.record, id: nadia.id, defaultLocale: nadia.defaultLocale, texts: nadia.texts },
        {
          record: 'case',
          id: 'nadia',
          defaultLocale: 'fr',
          texts: {
            fr: {
              name: 'Nadia',
              region: 'Tunis',
              'status.label': 'Emprisonnée',
              summary: 'Nadia est emprisonnée pour avoir manifesté.',
              story: ['Elle a été arrêtée en 2024.', 'Sa famille attend.'],
              'quote.text': 'Libérez ma sœur.',
              'quote.author': 'Sami, son frère',
              'action.label': 'Agir',
              'photo.alt': 'Portrait de Nadia',
              'photo.credit': 'Amnesty',
            },
          },
        },
        'facts (country, status kind and date, photo address, links) are not in the file: only words',
      );

      // A translator adds English and Arabic (a formula-like start "=" and "-" stays text), and the petition's English.
      nadia.texts.en = {
        name: 'Nadia',
        region: 'Tunis',
        'status.label': 'Imprisoned',
        summary: '-Nadia is imprisoned for demonstrating.',
        story: ['She was arrested in 2024.', '=Her family waits.'],
        'quote.text': 'Free my sister.',
        'quote.author': 'Sami, her brother',
        'action.label': 'Act now',
        'photo.alt': 'Portrait of Nadia',
      };
      nadia.texts.ar = {
        name: 'نادية',
        summary: 'نادية مسجونة بسبب التظاهر.',
        'quote.text': 'أطلقوا سراح أختي.',
        'action.label': 'تحرّكوا',
        'photo.alt': 'صورة نادية',
      };
      const water = JSON.parse(files['petition.water.json']!) as File;
      water.texts.en = { title: 'Water for all', shareText: 'I signed “Water for all”.' };
      const translated = path.join(dir, 'translated');
      const caseFile = path.join(dir, 'case.nadia.json');
      const petitionFile = path.join(dir, 'petition.water.json');
      writeFileSync(caseFile, JSON.stringify(nadia, null, 2));
      writeFileSync(petitionFile, JSON.stringify(water, null, 2));
      const imported = await cli(database, 'translations', 'import', caseFile, petitionFile);
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.err, /imported 5 language\(s\) of 2 record\(s\)/);

      await withStore(database, async (store) => {
        const english = caseSchema.parse(await store.getCase('nadia', ['en']));
        assert.equal(english.summary, '-Nadia is imprisoned for demonstrating.');
        assert.deepEqual(english.story, ['She was arrested in 2024.', '=Her family waits.']);
        assert.deepEqual(
          english.status,
          { kind: 'imprisoned', label: 'Imprisoned', since: '2024' },
          'the facts stay the default language’s',
        );
        assert.deepEqual(english.photo, { src: 'https://example.org/nadia.jpg', alt: 'Portrait of Nadia', width: 800, height: 600 });
        assert.deepEqual(english.action, { label: 'Act now', petition: 'water' });
        const arabic = caseSchema.parse(await store.getCase('nadia', ['ar']));
        assert.equal(arabic.status.label, undefined, 'no Arabic label: the card shows its catalog’s phrase, never the French one');
        assert.equal(arabic.quote?.author, '');
        assert.deepEqual(arabic.tags, ['tunisia']);
        assert.equal(caseSchema.parse(await store.getCase('nadia', ['de'])).locale, 'fr', 'the default language is still French');
        const record = await store.getPetition('water');
        assert.deepEqual(record?.translations, [
          { locale: 'en', title: 'Water for all', description: null, shareText: 'I signed “Water for all”.' },
        ]);
        assert.equal(record?.title, 'De l’eau pour tous');
      });
      assert.match(
        (await cli(database, 'petition', 'show', 'water')).out,
        /^languages\tfr \(default\), en$/m,
        'the operator sees which languages the petition is in',
      );

      // Round trip: exporting again gives the translator's files back, byte for byte once formatted alike.
      assert.equal((await cli(database, 'translations', 'export', translated)).code, 0);
      const again = readDir(translated);
      assert.deepEqual(JSON.parse(again['case.nadia.json']!), {
        ...nadia,
        texts: { fr: nadia.texts.fr, ar: nadia.texts.ar, en: nadia.texts.en },
      });
      assert.deepEqual(JSON.parse(again['petition.water.json']!), water);
      // And importing the exported files changes nothing.
      assert.equal(
        (await cli(database, 'translations', 'import', ...Object.keys(again).map((name) => path.join(translated, name)))).code,
        0,
      );
      const third = path.join(dir, 'third');
      await cli(database, 'translations', 'export', third);
      assert.deepEqual(readDir(third), again);
    });

    test('import refuses a bad file, naming file, language and field, and imports nothing of the others', async () => {
      const database = await backend.fresh();
      const dir = tempDir();
      assert.equal((await cli(database, 'petition', 'create', '--id', 'water', '--title', 'De l’eau', '--locale', 'fr')).code, 0);
      const good = path.join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ record: 'petition', id: 'water', defaultLocale: 'fr', texts: { en: { title: 'Water' } } }));
      const bad = path.join(dir, 'bad.json');
      writeFileSync(
        bad,
        JSON.stringify({
          record: 'petition',
          id: 'water',
          defaultLocale: 'en',
          texts: { 'not a tag!': { title: 'x' }, de: { title: 'Wasser', slogan: 'x' }, es: { title: 'A'.repeat(501) }, it: { title: 3 } },
        }),
      );
      const missing = path.join(dir, 'missing.json');
      writeFileSync(missing, JSON.stringify({ record: 'case', id: 'nobody', texts: { en: { name: 'Nobody', summary: 'x' } } }));
      const refused = await cli(database, 'translations', 'import', good, bad, missing);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /nothing imported/);
      assert.match(refused.err, /bad\.json: "not a tag!" is not a language tag/);
      assert.match(refused.err, /bad\.json: "defaultLocale" is "en", but the petition's default language is "fr"/);
      assert.match(refused.err, /bad\.json: de: "slogan" is not one of the record's words/);
      assert.match(refused.err, /bad\.json: es: title: /);
      assert.match(refused.err, /bad\.json: it: title: expected text/);
      assert.match(refused.err, /missing\.json: no case "nobody"/);
      assert.deepEqual(await withStore(database, async (store) => (await store.getPetition('water'))?.translations), []);
      assert.equal((await cli(database, 'translations', 'import')).code, 2, 'no file: a usage error');
    });
  });
}
