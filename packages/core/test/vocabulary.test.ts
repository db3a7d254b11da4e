// The clean-text rule has two spellings: Unicode properties for the bundles, UTF-16 code units for the published
// JSON Schema. They must refuse exactly the same strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN_TEXT_PATTERN, CLEAN_TEXT_PORTABLE_PATTERN, isCleanText } from '../src/vocabulary.js';

test('the two spellings of the clean-text rule agree on every code point, alone and between letters, and on surrogate pairs', () => {
  const portable = new RegExp(CLEAN_TEXT_PORTABLE_PATTERN);
  const refused: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const char = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    for (const value of [char, `a${char}b`]) {
      assert.equal(CLEAN_TEXT_PATTERN.test(value), portable.test(value), `U+${cp.toString(16).toUpperCase()} in ${JSON.stringify(value)}`);
    }
    if (!isCleanText(char)) refused.push(cp);
  }
  for (const value of ['\uD800\uD800', '\uDC00\uD800', '\uD83F\uDFFE', '\uD83F\uDFFD', '\uDBFF\uDFFF', 'x\uDFFF', '', 'Ilham Tohti']) {
    assert.equal(CLEAN_TEXT_PATTERN.test(value), portable.test(value), JSON.stringify(value));
  }
  // U+0000, 2 048 surrogates, 32 + 34 non-characters.
  assert.equal(refused.length, 1 + 2048 + 32 + 34);
  assert.ok(isCleanText('Мухәммәд 穆罕默德 محمد 👩🏽‍⚕️'));
});
