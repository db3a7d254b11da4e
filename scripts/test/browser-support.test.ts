// The browser support policy (package.json "browserslist") and what the built CDN files may use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import browserslist from 'browserslist';

const root = path.resolve(import.meta.dirname, '../..');
const policy: string[] = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).browserslist;

/**
 * Platform features the elements rely on, with the first version of each engine that ships them (MDN
 * browser-compat-data). docs/browser-support.md lists the same table.
 */
export const features: Record<string, Record<string, number>> = {
  'ES2022 syntax (class fields, static blocks, top-level await)': { chrome: 94, edge: 94, firefox: 93, safari: 16.4, ios_saf: 16.4 },
  'Custom elements, shadow DOM': { chrome: 67, edge: 79, firefox: 63, safari: 10.1, ios_saf: 10.3 },
  'Constructable stylesheets (adoptedStyleSheets)': { chrome: 73, edge: 79, firefox: 101, safari: 16.4, ios_saf: 16.4 },
  'ElementInternals and form-associated custom elements': { chrome: 77, edge: 79, firefox: 93, safari: 16.4, ios_saf: 16.4 },
  'Custom state pseudo-class :state()': { chrome: 125, edge: 125, firefox: 126, safari: 17.4, ios_saf: 17.4 },
  'CSS container queries (size)': { chrome: 105, edge: 105, firefox: 110, safari: 16, ios_saf: 16 },
  'Intl.DisplayNames (region)': { chrome: 81, edge: 81, firefox: 86, safari: 14.1, ios_saf: 14.5 },
  'Intl.NumberFormat, PluralRules, Locale': { chrome: 74, edge: 79, firefox: 75, safari: 14, ios_saf: 14 },
  'Dynamic import()': { chrome: 63, edge: 79, firefox: 67, safari: 11.1, ios_saf: 11.3 },
  IndexedDB: { chrome: 24, edge: 12, firefox: 16, safari: 10, ios_saf: 10 },
  'EventSource (SSE)': { chrome: 6, edge: 79, firefox: 6, safari: 5, ios_saf: 4 },
  'CSS logical properties (inline/block)': { chrome: 89, edge: 89, firefox: 66, safari: 15, ios_saf: 15 },
};

test('the policy resolves to recent Chrome, Edge, Firefox (and ESR), Safari and iOS Safari', () => {
  const resolved = browserslist(policy);
  for (const family of ['chrome', 'edge', 'firefox', 'safari', 'ios_saf']) {
    assert.ok(
      resolved.some((entry) => entry.startsWith(`${family} `)),
      `${family} is in the policy: ${resolved.join(', ')}`,
    );
  }
});

for (const [feature, minimums] of Object.entries(features)) {
  test(`every browser of the policy has: ${feature}`, () => {
    for (const entry of browserslist(policy)) {
      const [family, version] = entry.split(' ') as [string, string];
      const minimum = minimums[family];
      assert.ok(minimum !== undefined, `no data for ${family}`);
      assert.ok(Number.parseFloat(version) >= minimum, `${entry} < ${family} ${minimum} needed for ${feature}`);
    }
  });
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '.vite' ? [] : jsFiles(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

test('the built CDN and npm files contain no syntax newer than ES2022 (what the whole policy supports)', () => {
  const dirs = ['packages/elements/dist'].map((d) => path.join(root, d));
  const files = dirs.flatMap((dir) => jsFiles(dir));
  assert.ok(files.length > 0, 'the build produced JavaScript files');
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const sourceType = file.endsWith('.classic.js') ? 'script' : 'module';
    assert.doesNotThrow(
      () => parse(source, { ecmaVersion: 2022, sourceType }),
      `${path.relative(root, file)} uses syntax newer than ES2022`,
    );
  }
});
