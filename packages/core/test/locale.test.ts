import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalLocale,
  catalogLanguage,
  directionOf,
  languageOf,
  supportedLanguage,
  supportedLanguages,
  type LangNode,
} from '../src/locale.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCatalog, resetMissingKeyWarnings } from '../src/catalog.js';
import { countryNameFiles, namesDir } from '../scripts/write-country-names.js';
import { formatNumber, plural, pluralCategory } from '../src/intl.js';
import { formatDate } from '../src/intl-date.js';
import { formatMoney, formatPercent } from '../src/intl-money.js';
import { countryCodes, countryOptions, defaultCountry, likelyRegions } from '../src/countries.js';
import { countryName, lacksCountryNames } from '../src/country-names.js';

/** A minimal DOM stand-in: a chain of nodes with lang attributes. */
function node(lang: string | null, parent?: LangNode, documentLang: string | null = null): LangNode {
  return {
    getAttribute: (name) => (name === 'lang' ? lang : null),
    closest: (selector) => {
      assert.equal(selector, '[lang]');
      if (lang !== null) return { getAttribute: () => lang };
      return parent ? parent.closest(selector) : null;
    },
    ownerDocument: { documentElement: { getAttribute: () => documentLang } },
  };
}

describe('language resolution', () => {
  test('own lang, else nearest ancestor, else document, else browser, else en', () => {
    const root = node(null, undefined, 'de');
    const es = node('es', root);
    const fr = node('fr', root);
    assert.equal(languageOf(node(null, es), 'it'), 'es');
    assert.equal(languageOf(node(null, fr), 'it'), 'fr');
    assert.equal(languageOf(node('ar', fr), 'it'), 'ar');
    assert.equal(languageOf(node(null, root, 'de'), 'it'), 'de');
    assert.equal(languageOf(node(null, undefined, null), 'it'), 'it');
    assert.equal(languageOf(node(null, undefined, null), ''), 'en');
  });
  test('invalid tags are skipped', () => {
    assert.equal(languageOf(node('not a tag!', undefined, 'fr'), 'en'), 'fr');
    assert.equal(canonicalLocale('FR-fr'), 'fr-FR');
    assert.equal(canonicalLocale('%%'), undefined);
    assert.equal(canonicalLocale(undefined), undefined);
  });
  test('direction', () => {
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('ar-EG'), 'rtl');
    assert.equal(directionOf('he'), 'rtl');
    assert.equal(directionOf('fa-IR'), 'rtl');
    assert.equal(directionOf('fr'), 'ltr');
    assert.equal(directionOf('az-Arab'), 'rtl');
    assert.equal(directionOf('ku-Latn'), 'ltr');
    assert.equal(directionOf('???'), 'ltr');
    assert.equal(directionOf('ug'), 'rtl');
    assert.equal(directionOf('ug-CN'), 'rtl');
    assert.equal(directionOf('ug-Cyrl'), 'ltr');
    assert.equal(directionOf('zh-Hans'), 'ltr');
  });
  test('catalog language', () => {
    assert.equal(catalogLanguage('fr-CA'), 'fr');
    assert.equal(catalogLanguage('pt-BR'), 'pt');
    assert.equal(catalogLanguage('pt-PT'), 'pt');
    assert.equal(catalogLanguage('it-CH'), 'it');
    assert.equal(catalogLanguage('nl-BE'), 'nl');
    assert.equal(catalogLanguage('zh-Hant'), 'en');
    assert.equal(catalogLanguage('ru'), 'en');
    assert.equal(catalogLanguage(undefined), 'en');
    assert.equal(catalogLanguage('ar-MA'), 'ar');
    // Uyghur in Arabic script; Chinese in Simplified script, whichever way the tag says it.
    assert.equal(catalogLanguage('ug'), 'ug');
    assert.equal(catalogLanguage('ug-Arab-CN'), 'ug');
    assert.equal(catalogLanguage('ug-Cyrl'), 'en');
    for (const tag of ['zh', 'zh-Hans', 'zh-CN', 'zh-SG', 'zh-Hans-HK', 'ZH-hans-cn']) assert.equal(catalogLanguage(tag), 'zh-Hans', tag);
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-CN']) assert.equal(catalogLanguage(tag), 'en', tag);
    assert.equal(supportedLanguage('zh-TW'), undefined);
    assert.equal(supportedLanguage('de-AT'), 'de');
  });
});

describe('Intl helpers', () => {
  test('fr formats 323832 as "323 832" with a narrow no-break space', () => {
    assert.equal(formatNumber('fr', 323832), '323\u202f832');
    assert.equal(formatNumber('en', 323832), '323,832');
    assert.equal(formatNumber('ar', 323832), new Intl.NumberFormat('ar').format(323832));
  });
  test('money from minor units', () => {
    assert.equal(formatMoney('fr', 510, 'EUR'), '5,10\u00a0€');
    assert.equal(formatMoney('en-GB', 1250, 'GBP'), '£12.50');
    assert.equal(formatMoney('fr', 163200, 'EUR'), '1\u202f632,00\u00a0€');
    assert.equal(formatMoney('fr', 1700, 'EUR', { minimumFractionDigits: 0 }), '17\u00a0€');
    assert.equal(formatMoney('ja', 500, 'JPY'), '￥500');
  });
  test('percent', () => {
    assert.equal(formatPercent('fr', 0.66), '66\u00a0%');
    assert.equal(formatPercent('en', 0.66), '66%');
  });
  test('plurals', () => {
    assert.equal(pluralCategory('fr', 1), 'one');
    assert.equal(pluralCategory('fr', 0), 'one');
    assert.equal(pluralCategory('en', 0), 'other');
    assert.equal(pluralCategory('ar', 3), 'few');
    assert.equal(plural('en', 1, { one: 'signature', other: 'signatures' }), 'signature');
    assert.equal(plural('en', 2, { one: 'signature', other: 'signatures' }), 'signatures');
    assert.equal(plural('ar', 3, { other: 'x' }), 'x');
  });
  test('dates of three precisions', () => {
    assert.equal(formatDate('fr', '2018'), '2018');
    assert.equal(formatDate('fr', '2018-03'), 'mars 2018');
    assert.equal(formatDate('fr', '2018-03-01'), '1 mars 2018');
    assert.equal(formatDate('fr', 'garbage'), 'garbage');
  });
  test('country names come from Intl.DisplayNames', () => {
    assert.equal(countryName('fr', 'CN'), 'Chine');
    assert.equal(countryName('en', 'cn'), 'China');
    assert.equal(countryName('de', 'FR'), 'Frankreich');
    assert.equal(countryName('%%', 'FR'), 'FR');
  });
  test('a CLDR table stands in for the names an engine lacks, and only then', () => {
    // Chromium 156 as measured: `ug` unsupported (it would name countries in the browser's own language), the other catalog languages supported.
    const chromium = {
      supportedLocalesOf: (locales: string[]) => Intl.DisplayNames.supportedLocalesOf(locales.filter((locale) => !locale.startsWith('ug'))),
    };
    assert.equal(lacksCountryNames('ug', chromium), 'ug');
    assert.equal(lacksCountryNames('ug-CN', chromium), 'ug');
    for (const language of ['fr', 'ar', 'zh-Hans', 'zh-CN', 'pt-PT'])
      assert.equal(lacksCountryNames(language, chromium), undefined, language);
    // A table only where one exists: not for another script of Uyghur, nor a language without a catalog, nor one every engine names.
    const nothing = { supportedLocalesOf: () => [] };
    for (const language of ['ug-Cyrl', 'ru', 'ar', 'en']) assert.equal(lacksCountryNames(language, nothing), undefined, language);
    assert.equal(lacksCountryNames('%%'), undefined);
    // Node's full ICU names every catalog language: no table is loaded, the names are Intl's.
    for (const language of supportedLanguages) assert.equal(lacksCountryNames(language), undefined, language);
    assert.equal(countryName('ug', 'CN'), 'جۇڭگو');
  });
  test('the country-name tables are CLDR as this Node holds it (run `pnpm country-names` when this fails)', () => {
    const tables = countryNameFiles();
    assert.deepEqual(Object.keys(tables), ['ug.ts']);
    assert.deepEqual(readdirSync(namesDir).sort(), Object.keys(tables).sort(), 'no table left behind');
    for (const [file, text] of Object.entries(tables)) assert.equal(readFileSync(path.join(namesDir, file), 'utf8'), text, file);
  });
  test('a table names every country in its language, in its order', async () => {
    const { default: ug } = await import('../src/country-names/ug.js');
    assert.deepEqual(Object.keys(ug).sort(), [...countryCodes()].sort());
    assert.equal(ug.CN, 'جۇڭگو');
    assert.equal(ug.DE, 'گېرمانىيە');
    const names = Object.values(ug);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('ug').compare));
  });
  test('every country, and no pseudo-regions', () => {
    const codes = countryCodes();
    assert.ok(codes.length >= 240 && codes.length <= 260, `got ${codes.length}`);
    for (const code of ['FR', 'CN', 'SN', 'PS', 'TW', 'XK']) assert.ok(codes.includes(code), code);
    for (const code of ['EU', 'UN', 'ZZ', 'QO']) assert.ok(!codes.includes(code), code);
    assert.equal(countryCodes(), codes, 'cached');
    for (const locale of supportedLanguages) {
      const names = codes.map((code) => countryName(locale, code));
      const twice = names.filter((name, index) => names.indexOf(name) !== index);
      assert.deepEqual(twice, [], `each country once in ${locale}`);
    }
    const options = countryOptions('fr');
    assert.equal(options.length, codes.length);
    const names = options.map((o) => o.name);
    assert.ok(names.indexOf('Afghanistan') < names.indexOf('Zimbabwe'));
  });
  test('default country from the locale', () => {
    assert.equal(defaultCountry('fr-BE'), 'BE');
    assert.equal(defaultCountry('fr'), 'FR');
    assert.equal(defaultCountry('de'), 'DE');
    assert.equal(defaultCountry('ar'), 'EG');
    assert.equal(defaultCountry('%%'), undefined);
    assert.equal(defaultCountry('pt'), 'BR');
    assert.equal(defaultCountry('zh-Hant'), 'TW');
    assert.equal(defaultCountry('it'), 'IT');
    assert.equal(defaultCountry('nl'), 'NL');
    assert.equal(defaultCountry('pt-PT'), 'PT');
    // Uyghur and Simplified Chinese readers pick their country: a default of China misrecords the diaspora.
    for (const tag of ['ug', 'ug-CN', 'ug-Arab-KZ', 'zh-Hans', 'zh', 'zh-CN', 'zh-Hans-SG'])
      assert.equal(defaultCountry(tag), undefined, tag);
    assert.equal(defaultCountry('zh-TW'), 'TW');
    // The shortcut for the catalog languages gives what Intl would, and covers every one of them.
    assert.deepEqual(Object.keys(likelyRegions).sort(), [...supportedLanguages].sort());
    for (const [language, region] of Object.entries(likelyRegions))
      assert.equal(new Intl.Locale(language).maximize().region, region, language);
  });
});

describe('message catalogs', () => {
  const en = {
    hello: 'Hello {name}',
    count: (p: Record<string, unknown>, locale: string) => `${formatNumber(locale, Number(p.n))} signatures`,
    onlyEn: 'English only',
  };
  const catalog = createCatalog('test', {
    en,
    fr: async () => ({
      default: {
        hello: 'Bonjour {name}',
        count: (p: Record<string, unknown>, locale: string) => `${formatNumber(locale, Number(p.n))} signatures`,
      },
    }),
    de: async () => {
      throw new Error('chunk failed to load');
    },
  });

  test('loads a language on demand and interpolates', async () => {
    const t = await catalog.load('fr-FR');
    assert.equal(t('hello', { name: 'Amina' }), 'Bonjour Amina');
    assert.equal(t('count', { n: 323832 }), '323\u202f832 signatures');
    assert.equal(t('hello'), 'Bonjour {name}');
  });

  test('a missing key falls back to English and logs once', async () => {
    resetMissingKeyWarnings();
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const t = await catalog.load('fr');
      assert.equal(t('onlyEn'), 'English only');
      assert.equal(t('onlyEn'), 'English only');
    } finally {
      console.warn = original;
    }
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /"fr" catalog of test has no message "onlyEn"/);
  });

  test('unsupported languages and a language without a loader get English', async () => {
    assert.equal((await catalog.load('pt-BR'))('hello', { name: 'A' }), 'Hello A');
    assert.equal((await catalog.load('es'))('hello', { name: 'A' }), 'Hello A');
    assert.equal(catalog.english('onlyEn'), 'English only');
  });

  test('a catalog that fails to load falls back to English with an error', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      assert.equal((await catalog.load('de'))('hello', { name: 'A' }), 'Hello A');
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
  });

  test('an unknown key returns the key itself', async () => {
    const t = await catalog.load('en');
    assert.equal(t('nope' as never), 'nope');
  });
});

describe('message catalogs with English loaded on demand', () => {
  type M = { hello: string; bye: string };
  const loads: string[] = [];
  let failFrench = false;
  let failEnglish = false;
  const catalog = createCatalog<M>('lazy', {
    en: async () => {
      loads.push('en');
      if (failEnglish) throw new Error('en chunk failed');
      return { default: { hello: 'Hello {name}', bye: 'Bye' } };
    },
    fr: async () => {
      loads.push('fr');
      if (failFrench) throw new Error('fr chunk failed');
      return { default: { hello: 'Bonjour {name}', bye: 'Au revoir' } };
    },
  });

  test('a French page loads French only; English loads when a page asks for it, once', async () => {
    loads.length = 0;
    assert.equal((await catalog.load('fr'))('hello', { name: 'Amina' }), 'Bonjour Amina');
    assert.deepEqual(loads, ['fr']);
    assert.equal((await catalog.load('en-GB'))('bye'), 'Bye');
    assert.equal((await catalog.load('ru'))('bye'), 'Bye');
    assert.deepEqual(loads, ['fr', 'en']);
    // Nothing is bundled: before a catalog is loaded, a key reads as itself.
    assert.equal(catalog.english('bye'), 'bye');
  });

  test('a language that fails to load falls back to English, and is tried again next time', async () => {
    const lazy = createCatalog<M>('lazy-retry', {
      en: async () => ({ default: { hello: 'Hello', bye: 'Bye' } }),
      fr: async () => {
        if (failFrench) throw new Error('fr chunk failed');
        return { default: { hello: 'Bonjour', bye: 'Au revoir' } };
      },
    });
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      failFrench = true;
      assert.equal((await lazy.load('fr'))('hello'), 'Hello');
      failFrench = false;
      assert.equal((await lazy.load('fr'))('hello'), 'Bonjour');
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]![0]), /could not load the "fr" messages of lazy-retry; showing English/);
  });

  test('when English itself cannot load, load() rejects (the element keeps its reserved place and reports it)', async () => {
    const lazy = createCatalog<M>('lazy-down', {
      en: async () => {
        if (failEnglish) throw new Error('en chunk failed');
        return { default: { hello: 'Hello', bye: 'Bye' } };
      },
    });
    failEnglish = true;
    await assert.rejects(lazy.load('en'), /en chunk failed/);
    failEnglish = false;
    assert.equal((await lazy.load('en'))('bye'), 'Bye');
  });
});
