// Every catalog of every element speaks every supported language, completely: each `createCatalog(...)` call
// in packages/elements/src registers a loader for each language of `supportedLanguages`, and each of those
// modules (the real ones, imported here) has every message English has, with the same `{placeholders}`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { supportedLanguages } from '../../packages/core/src/locale.ts';

const src = path.join(import.meta.dirname, '../../packages/elements/src');

type Message = string | ((params: Record<string, unknown>, locale: string) => string);
interface Registered {
  name: string;
  file: string;
  /** language → absolute path of its module */
  modules: Map<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The `createCatalog('name', { en, fr: () => import('./messages/fr.js'), … })` calls of a source file. */
function catalogsIn(file: string): Registered[] {
  const text = readFileSync(file, 'utf8');
  const resolve = (specifier: string) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
  const found: Registered[] = [];
  for (const call of text.matchAll(/createCatalog(?:<[^>]*>)?\(\s*'([^']+)',\s*\{([^}]*)\}\s*\)/g)) {
    const modules = new Map<string, string>();
    // A key is a name (`fr`) or, for a tag with a script, quoted (`'zh-Hans'`).
    for (const entry of call[2]!.matchAll(/(?:(\w+)|'([\w-]+)')(?::\s*(?:\(\)\s*=>\s*import\('([^']+)'\)|(\w+)))?\s*(?:,|$)/g)) {
      const [, name, quoted, specifier, identifier] = entry;
      const language = name ?? quoted;
      if (specifier) {
        modules.set(language!, resolve(specifier));
        continue;
      }
      // A bundled catalog (`en` or `en: en`): the module its identifier is imported from.
      const local = identifier ?? language!;
      const from = new RegExp(`import\\s+${local}\\b[^;]*?from\\s+'([^']+)'`).exec(text);
      assert.ok(from, `${path.relative(src, file)}: where does the bundled catalog "${local}" come from?`);
      modules.set(language!, resolve(from[1]!));
    }
    found.push({ name: call[1]!, file: path.relative(src, file), modules });
  }
  return found;
}

const catalogs = sourceFiles(src).flatMap(catalogsIn);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
/** Parameters a function message may read, with values of the right kind. */
const sampleParams = {
  value: 2,
  formatted: '2',
  count: 2,
  years: 3,
  amount: '10 €',
  kind: 'detained',
  date: '2018',
  precision: 'year',
  group: undefined,
};

test('the elements register catalogs (the scan below finds them)', () => {
  const names = catalogs.map((catalog) => catalog.name).sort();
  for (const expected of [
    'case-card',
    'donation-calculator',
    'donation-calculator (relief)',
    'petition-form',
    'petition-form (views)',
    'petition-form (journey)',
    'signature-counter',
  ])
    assert.ok(names.includes(expected), `a createCatalog('${expected}', …) call was found (got ${names.join(', ')})`);
});

for (const catalog of catalogs) {
  describe(`catalog ${catalog.name} (${catalog.file})`, () => {
    test(`registers exactly the supported languages (${supportedLanguages.join(', ')})`, () => {
      assert.deepEqual([...catalog.modules.keys()].sort(), [...supportedLanguages].sort());
    });

    for (const language of supportedLanguages.filter((l) => l !== 'en')) {
      test(`${language} has every English message, with its placeholders`, async () => {
        const englishFile = catalog.modules.get('en');
        const file = catalog.modules.get(language);
        assert.ok(englishFile && file, `${catalog.name} registers en and ${language}`);
        const english = (await import(pathToFileURL(englishFile).href)).default as Record<string, Message>;
        const messages = (await import(pathToFileURL(file).href)).default as Record<string, Message>;
        const missing = Object.keys(english).filter((key) => messages[key] === undefined);
        assert.deepEqual(missing, [], `${path.relative(src, file)} lacks ${missing.join(', ')}`);
        const extra = Object.keys(messages).filter((key) => english[key] === undefined);
        assert.deepEqual(extra, [], `${path.relative(src, file)} has messages English does not: ${extra.join(', ')}`);
        for (const [key, source] of Object.entries(english)) {
          const message = messages[key]!;
          const where = `${path.relative(src, file)}: ${key}`;
          if (typeof source === 'string') {
            assert.equal(typeof message, 'string', `${where} is text, like English`);
            assert.deepEqual(placeholders(message as string), placeholders(source), `${where} keeps the placeholders of English`);
            assert.ok((message as string).trim(), `${where} is not empty`);
          } else {
            assert.equal(typeof message, 'function', `${where} is a function of its parameters, like English`);
            const text = (message as Exclude<Message, string>)(sampleParams, language);
            assert.equal(typeof text, 'string', `${where} returns text`);
            assert.ok(text.trim() && !/\{\w+\}/.test(text), `${where} returns text with its placeholders filled: ${JSON.stringify(text)}`);
          }
        }
      });
    }
  });
}
