/**
 * A record's words in every language, as translators get and give them back (`agir-server translations
 * export DIR` / `import FILE…`): one JSON file per record (`petition.<id>.json`, `case.<id>.json`), its
 * languages side by side, each a flat object of the record's words only:
 *
 *   { "record": "case", "id": "akber", "defaultLocale": "fr",
 *     "texts": { "fr": { "name": "Akber", "summary": "…", "status.label": "…" }, "en": { … } } }
 *
 * Why this format and not a CSV with a column per language: a translator copies the default language's block,
 * renames it `en` and translates it in any text editor or a translation tool's JSON mode; a story is a list of
 * paragraphs, kept as one; and nothing is changed on the way (a CSV opened in a spreadsheet has its cells
 * starting with = + - @ escaped, which a round trip could not tell from a translator's own words). Facts
 * (country, status kind and date, photo address, links, tags) are not words: they stay the default language's,
 * and a file cannot change them. One bad file imports nothing.
 */
import { caseSchema, fieldErrors, idSchema, isCleanText, localeSchema, petitionSchema, type Case } from '@agir/core';
import type { Queryable } from './db.js';
import './messages.js';
import type { PetitionTexts, Store } from './store.js';

/** A case's words, in the order a file lists them. */
const CASE_WORDS = [
  'name',
  'fullName',
  'region',
  'status.label',
  'summary',
  'story',
  'quote.text',
  'quote.author',
  'action.label',
  'photo.alt',
  'photo.credit',
] as const;
const PETITION_WORDS = ['title', 'description', 'shareText'] as const;

type Words = Record<string, string | string[]>;

export interface TranslationFile {
  $comment?: string;
  record: 'petition' | 'case';
  id: string;
  /** The record's default language (its own; a file cannot change it). */
  defaultLocale: string;
  texts: Record<string, Words>;
}

const COMMENT =
  'Translate each language’s words; add a language by copying the block of the default one under its tag (en, ar, pt-BR…). Import with: agir-server translations import FILE';

/** A case's words in one language. */
function caseWords(item: Case): Words {
  const words: Words = {};
  const values: Record<(typeof CASE_WORDS)[number], string | string[] | undefined> = {
    name: item.name,
    fullName: item.fullName,
    region: item.region,
    'status.label': item.status.label,
    summary: item.summary,
    story: item.story,
    'quote.text': item.quote?.text,
    'quote.author': item.quote?.author || undefined, // no author: left out, as an import takes it
    'action.label': item.action?.label,
    'photo.alt': item.photo?.alt,
    'photo.credit': item.photo?.credit,
  };
  for (const key of CASE_WORDS) if (values[key] !== undefined) words[key] = values[key];
  return words;
}

/** Every petition and case as a file: `petition.<id>.json`, `case.<id>.json`, in list order. */
export async function exportTranslations(store: Store): Promise<Array<{ name: string; file: TranslationFile }>> {
  const files: Array<{ name: string; file: TranslationFile }> = [];
  for (const petition of await store.listPetitions()) {
    const texts: Record<string, Words> = {};
    for (const item of [petition, ...petition.translations]) {
      const words: Words = { title: item.title };
      if (item.description !== null) words.description = item.description;
      if (item.shareText !== null) words.shareText = item.shareText;
      texts[item === petition ? petition.locale : (item as PetitionTexts).locale] = words;
    }
    files.push({
      name: `petition.${petition.id}.json`,
      file: { $comment: COMMENT, record: 'petition', id: petition.id, defaultLocale: petition.locale, texts },
    });
  }
  for (const id of await store.caseIds()) {
    const languages = await store.caseLanguages(id);
    const texts: Record<string, Words> = {};
    for (const language of languages) texts[language.locale] = caseWords(language.data);
    files.push({ name: `case.${id}.json`, file: { $comment: COMMENT, record: 'case', id, defaultLocale: languages[0]!.locale, texts } });
  }
  return files;
}

type Change = { kind: 'petition'; id: string; texts: PetitionTexts } | { kind: 'case'; item: Case };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks translation files against the database and applies them in one transaction: every language of every
 * file, or nothing. Resolves with the records and languages written, or the problems, each naming its file,
 * language and field.
 */
export async function importTranslations(
  store: Store,
  files: ReadonlyArray<{ name: string; data: unknown }>,
  now = new Date(),
): Promise<{ ok: true; records: number; languages: number } | { ok: false; errors: string[] }> {
  return store.db.transaction(async (tx) => {
    const errors: string[] = [];
    const changes: Change[] = [];
    for (const { name, data } of files) {
      const problem = (message: string) => errors.push(`${name}: ${message}`);
      if (!isObject(data) || (data.record !== 'petition' && data.record !== 'case') || !isObject(data.texts)) {
        problem('expected { "record": "petition" | "case", "id": …, "texts": { "<language>": { … } } }');
        continue;
      }
      const id = typeof data.id === 'string' && idSchema.safeParse(data.id).success ? data.id : undefined;
      if (!id) {
        problem('"id" is not a record id');
        continue;
      }
      const languages = Object.entries(data.texts);
      for (const [locale] of languages)
        if (!localeSchema.safeParse(locale).success) problem(`"${locale}" is not a language tag such as en or pt-BR`);
      if (data.record === 'petition') checkPetition(await store.getPetition(id, tx), id, languages, data.defaultLocale, problem, changes);
      else checkCase(await store.caseLanguages(id, tx), id, languages, data.defaultLocale, now, problem, changes);
    }
    if (errors.length > 0) return { ok: false as const, errors };
    for (const change of changes) {
      if (change.kind === 'petition') await store.setPetitionTexts(change.id, change.texts, tx);
      else await writeCaseLanguage(tx, change.item);
    }
    return { ok: true as const, records: files.length, languages: changes.length };
  });
}

function checkPetition(
  record: Awaited<ReturnType<Store['getPetition']>>,
  id: string,
  languages: Array<[string, unknown]>,
  defaultLocale: unknown,
  problem: (message: string) => void,
  changes: Change[],
): void {
  if (!record) return void problem(`no petition "${id}" (create it first: agir-server petition create)`);
  if (defaultLocale !== undefined && defaultLocale !== record.locale)
    problem(
      `"defaultLocale" is "${String(defaultLocale)}", but the petition's default language is "${record.locale}" (a file cannot change it)`,
    );
  for (const [locale, words] of languages) {
    if (!checkWords(words, PETITION_WORDS, locale, problem)) continue;
    const texts = {
      locale: locale.toLowerCase() === record.locale.toLowerCase() ? record.locale : locale,
      title: words.title as string,
      description: (words.description as string | undefined) ?? null,
      shareText: (words.shareText as string | undefined) ?? null,
    };
    const parsed = petitionSchema.safeParse({
      id,
      title: texts.title,
      ...(texts.description === null ? {} : { description: texts.description }),
      ...(texts.shareText === null ? {} : { shareText: texts.shareText }),
      status: 'open',
      signatureCount: 0,
      countryCount: 0,
      goal: null,
      updatedAt: new Date(0).toISOString(),
      locale: texts.locale,
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error.issues))) problem(`${locale}: ${field}: ${message}`);
      continue;
    }
    if (!texts.title.trim()) {
      problem(`${locale}: title is required`);
      continue;
    }
    changes.push({ kind: 'petition', id, texts });
  }
}

function checkCase(
  rows: Awaited<ReturnType<Store['caseLanguages']>>,
  id: string,
  languages: Array<[string, unknown]>,
  defaultLocale: unknown,
  now: Date,
  problem: (message: string) => void,
  changes: Change[],
): void {
  const base = rows.find((row) => row.isDefault);
  if (!base) return void problem(`no case "${id}" (import it first: agir-server cases import)`);
  if (defaultLocale !== undefined && defaultLocale !== base.locale)
    problem(`"defaultLocale" is "${String(defaultLocale)}", but the case's default language is "${base.locale}" (a file cannot change it)`);
  const facts = base.data;
  for (const [locale, words] of languages) {
    if (!checkWords(words, CASE_WORDS, locale, problem)) continue;
    const word = (key: string) => words[key] as string | undefined;
    // The default language's facts, with this language's words (and only them: none carried over from another language).
    const record = {
      id,
      name: word('name'),
      ...(word('fullName') === undefined ? {} : { fullName: word('fullName') }),
      isGroup: facts.isGroup,
      ...(facts.photo
        ? {
            photo: {
              src: facts.photo.src,
              alt: word('photo.alt'),
              ...(word('photo.credit') === undefined ? {} : { credit: word('photo.credit') }),
              width: facts.photo.width,
              height: facts.photo.height,
            },
          }
        : {}),
      country: facts.country,
      ...(word('region') === undefined ? {} : { region: word('region') }),
      category: facts.category,
      status: {
        kind: facts.status.kind,
        ...(word('status.label') === undefined ? {} : { label: word('status.label') }),
        ...(facts.status.since === undefined ? {} : { since: facts.status.since }),
      },
      summary: word('summary'),
      ...(words.story === undefined ? {} : { story: words.story }),
      ...(facts.quote || words['quote.text'] !== undefined
        ? { quote: { text: word('quote.text'), author: word('quote.author') ?? '' } }
        : {}),
      ...(facts.action ? { action: { ...facts.action, label: word('action.label') } } : {}),
      ...(facts.tags === undefined ? {} : { tags: facts.tags }),
      updatedAt: now.toISOString(),
      locale: locale.toLowerCase() === base.locale.toLowerCase() ? base.locale : locale,
    };
    const required = ['name', 'summary', ...(facts.photo ? ['photo.alt'] : []), ...(facts.action ? ['action.label'] : [])];
    const missing = required.filter((key) => word(key) === undefined);
    if (missing.length > 0) {
      problem(`${locale}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required`);
      continue;
    }
    const parsed = caseSchema.safeParse(record);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error.issues))) problem(`${locale}: ${field}: ${message}`);
      continue;
    }
    changes.push({ kind: 'case', item: parsed.data });
  }
}

/** True when `words` is an object of known keys with text values (a story: a list of texts). */
function checkWords(
  words: unknown,
  known: readonly string[],
  locale: string,
  problem: (message: string) => void,
): words is Record<string, string | string[]> {
  if (!isObject(words)) return (problem(`${locale}: expected an object of words (${known.join(', ')})`), false);
  let ok = true;
  for (const [key, value] of Object.entries(words)) {
    const text = typeof value === 'string' || (key === 'story' && Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!known.includes(key)) problem(`${locale}: "${key}" is not one of the record's words (${known.join(', ')})`);
    else if (!text) problem(`${locale}: ${key}: expected ${key === 'story' ? 'a list of paragraphs' : 'text'}`);
    else if (![value].flat().every((item) => isCleanText(item as string))) problem(`${locale}: ${key}: holds characters that are not text`);
    else continue;
    ok = false;
  }
  return ok;
}

/** Writes one language of a case, keeping its place in the list and its tags (the default language's). */
async function writeCaseLanguage(tx: Queryable, item: Case): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, locale, tags, position, data, updated_at, is_default)
     SELECT $1, $2, d.tags, d.position, $3::jsonb, $4, false FROM cases d WHERE d.id = $1 AND d.is_default
     ON CONFLICT (id, locale) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [item.id, item.locale, JSON.stringify(item), item.updatedAt],
  );
}
