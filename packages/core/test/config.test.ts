import { describe, test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { configure, getConfig, resetConfig, resolveEndpoint } from '../src/config.js';

const doc = (content: string | null) => ({
  querySelector: (selector: string) =>
    content !== null && selector === 'meta[name="agir:endpoint"]' ? { getAttribute: () => content } : null,
});

describe('endpoint resolution', () => {
  beforeEach(() => resetConfig());
  test('the attribute wins', () => {
    configure({ endpoint: 'https://configured.example/v1' });
    assert.equal(resolveEndpoint(' https://attr.example/v1 ', doc('https://meta.example/v1')), 'https://attr.example/v1');
  });
  test('else the meta tag', () => {
    configure({ endpoint: 'https://configured.example/v1' });
    assert.equal(resolveEndpoint(null, doc('https://meta.example/v1')), 'https://meta.example/v1');
    assert.equal(resolveEndpoint('  ', doc('https://meta.example/v1')), 'https://meta.example/v1');
  });
  test('else configure()', () => {
    configure({ endpoint: 'https://configured.example/v1' });
    assert.equal(resolveEndpoint(undefined, doc(null)), 'https://configured.example/v1');
    assert.equal(resolveEndpoint(undefined, doc('')), 'https://configured.example/v1');
    assert.deepEqual(getConfig(), { endpoint: 'https://configured.example/v1' });
  });
  test('undefined when nothing is set', () => {
    assert.equal(resolveEndpoint(undefined), undefined);
  });
  test('configure rejects an empty endpoint with a clear message', () => {
    assert.throws(() => configure({ endpoint: ' ' }), /non-empty URL/);
    configure({});
    assert.deepEqual(getConfig(), {});
  });
});
