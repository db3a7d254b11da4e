// Issue 8: `pnpm docs:build` passes, and a link check of the built site finds no broken internal link.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { LinkChecker } from 'linkinator';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'docs/.vitepress/dist');

before(() => {
  const build = spawnSync('pnpm', ['run', 'docs:build'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `pnpm docs:build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
});

test('the docs site has no broken internal link', { timeout: 180_000 }, async () => {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: dist,
    recurse: true,
    // No network here, and external sites are not ours to check: internal links only.
    linksToSkip: ['^(?!http://localhost)', '^http://localhost:8787'],
  });
  const scanned = result.links.filter((link) => link.state !== 'SKIPPED');
  const broken = scanned.filter((link) => link.state === 'BROKEN').map((link) => `${link.url} (from ${link.parent}, ${link.status})`);
  // The crawl reached every page of the sidebar, and the contract document.
  for (const page of [
    'getting-started',
    'embed-builder',
    'theming',
    'localisation',
    'security',
    'accessibility',
    'analytics',
    'browser-support',
    'contract',
    'backends',
    'server',
    'benchmarks',
    'changelog',
    'elements/petition-form',
    'elements/signature-counter',
    'elements/case-card',
    'elements/donation-calculator',
    'elements/consent-video',
  ]) {
    assert.ok(
      scanned.some((link) => link.url.endsWith(`/${page}.html`)),
      `${page}.html was checked`,
    );
  }
  assert.ok(
    scanned.some((link) => link.url.endsWith('/contract/openapi.json')),
    'the OpenAPI document is published',
  );
  assert.deepEqual(broken, []);
});
