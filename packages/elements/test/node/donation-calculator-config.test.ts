// <donation-calculator>'s attribute reader (src/donation-calculator/config.ts) in Node: it needs no DOM.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { supportedCountries } from '@agir/core/tax';
import { fillHref, readConfig, type ConfigSource } from '../../src/donation-calculator/config.js';

const BASE = 'https://campaign.example/page/';

/** The element's properties as a page leaves them, with some set; the attributes' text follows the properties. */
function source(set: Partial<Record<keyof ConfigSource, unknown>> = {}): ConfigSource {
  const values = {
    country: 'FR',
    currency: undefined,
    frequency: 'monthly',
    amountsMonthly: '8 10 15',
    amountsOnce: '80 100 250',
    defaultMonthly: undefined,
    defaultOnce: undefined,
    maxAmount: 100_000,
    taxYear: undefined,
    scheme: undefined,
    donateHref: undefined,
    legacyFormat: false,
    ...set,
  } as Omit<ConfigSource, 'getAttribute'>;
  const attributes: Record<string, keyof ConfigSource> = { 'tax-year': 'taxYear', 'max-amount': 'maxAmount' };
  return {
    ...values,
    getAttribute: (name) => {
      const value = values[attributes[name] as keyof typeof values];
      return value === undefined ? null : String(value);
    },
  };
}

const read = (set?: Parameters<typeof source>[0]) => readConfig(source(set), BASE, new Date(2026, 5, 1));

describe('donation-calculator config', () => {
  test('the defaults: no error, presets in cents, the last one selected, monthly', () => {
    const { config, errors } = read();
    assert.deepEqual(errors, []);
    assert.deepEqual(config.presets, { monthly: [800, 1000, 1500], once: [8000, 10000, 25000] });
    assert.deepEqual(config.defaults, { monthly: 1500, once: 25000 });
    assert.equal(config.frequency, 'monthly');
    assert.equal(config.maxMinor, 10_000_000);
    assert.equal(config.taxYear, undefined);
    assert.equal(config.country, 'FR');
    assert.equal(config.currency, 'EUR');
  });

  test("a modelled country's currency comes from core (its own currency attribute is ignored)", () => {
    for (const { country, currency } of supportedCountries) {
      const { config, errors } = read({ country: country.toLowerCase(), currency: 'SEK' });
      assert.equal(config.currency, currency, country);
      assert.deepEqual(errors, [], country);
    }
  });

  test('a country the engine does not model takes the currency attribute, checked by Intl', () => {
    assert.equal(read({ country: 'SE', currency: ' sek ' }).config.currency, 'SEK');
    const none = read({ country: 'SE' });
    assert.equal(none.config.currency, undefined);
    assert.deepEqual(none.errors, ['country="SE" has no known currency: add currency="…" (ISO 4217).']);
    const bad = read({ country: 'SE', currency: 'kroner' });
    assert.equal(bad.config.currency, undefined);
    assert.match(bad.errors[0]!, /^currency="kroner" must be an ISO 4217 code/);
  });

  test('an invalid country, tax year, scheme, frequency and maximum each give one error and a fallback', () => {
    const { config, errors } = read({
      country: 'France',
      taxYear: Number('2026a'),
      scheme: 'Bad Scheme',
      frequency: 'weekly',
      maxAmount: -5,
    });
    assert.equal(config.country, 'FRANCE');
    assert.equal(config.taxYear, undefined);
    assert.equal(config.scheme, undefined);
    assert.equal(config.frequency, 'monthly');
    assert.equal(config.maxMinor, 10_000_000);
    assert.deepEqual(errors, [
      'country="France" must be an ISO 3166-1 alpha-2 code, e.g. country="FR".',
      'country="FRANCE" has no known currency: add currency="…" (ISO 4217).',
      'tax-year="NaN" must be a year, e.g. 2026; remove it for the current tax year.',
      'scheme="Bad Scheme" must be a scheme id, e.g. "aid-to-people-in-difficulty".',
      'max-amount="-5" must be a number from 0 to 1000000000; using 100000.',
      'frequency="weekly" must be "once" or "monthly"; showing monthly.',
    ]);
  });

  test('a valid tax year and scheme are kept', () => {
    const { config, errors } = read({ taxYear: 2025, scheme: 'aid-to-people-in-difficulty', frequency: 'once' });
    assert.deepEqual(errors, []);
    assert.equal(config.taxYear, 2025);
    assert.equal(config.scheme, 'aid-to-people-in-difficulty');
    assert.equal(config.frequency, 'once');
  });

  test('presets: what is not an amount is dropped, repeats kept once, a default must be one of them', () => {
    const { config, errors } = read({ amountsMonthly: '5, 5;7.50 abc -3', defaultMonthly: '9', amountsOnce: 'x', maxAmount: 200 });
    assert.deepEqual(config.presets, { monthly: [500, 750], once: [8000, 10000, 25000] });
    assert.deepEqual(config.defaults, { monthly: 750, once: 25000 });
    assert.deepEqual(errors, [
      'amounts-once must list amounts from 0 to max-amount separated by spaces, e.g. amounts-once="80 100 250"; ignoring x.',
      'amounts-monthly must list amounts from 0 to max-amount separated by spaces, e.g. amounts-monthly="8 10 15"; ignoring abc, -3.',
      'default-monthly="9" is not one of amounts-monthly; selecting 7.50.',
    ]);
    assert.equal(read({ amountsOnce: '50 500', maxAmount: 100 }).config.presets.once.join(), '5000');
  });

  test('legacy-format applies to EUR only', () => {
    assert.equal(read({ legacyFormat: true }).config.legacy, true);
    const gb = read({ country: 'GB', legacyFormat: true });
    assert.equal(gb.config.legacy, false);
    assert.deepEqual(gb.errors, ['legacy-format only applies to EUR; ignored for GBP.']);
  });

  test('donate-href: an http(s) template, filled in and resolved against the page', () => {
    const { config, errors } = read({ donateHref: ' give?amount={amount}&cents={amountMinor}&f={frequency} ' });
    assert.deepEqual(errors, []);
    assert.equal(config.hrefInvalid, false);
    assert.equal(fillHref(config.href!, 1250, 'monthly', BASE), 'https://campaign.example/page/give?amount=12.50&cents=1250&f=monthly');
    const bad = read({ donateHref: 'javascript:alert(1)//{amount}' });
    assert.equal(bad.config.hrefInvalid, true);
    assert.match(bad.errors[0]!, /^donate-href="javascript:alert\(1\)\/\/\{amount\}" must be an http\(s\) URL/);
  });
});
