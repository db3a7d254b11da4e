// Issue 16: a docs code block titled with a file of the repository (```tsx [demo/frameworks/next/app/page.tsx])
// shows that file as it is, so the recipes stay the example apps that the e2e tests build and drive.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

const blocks = markdownFiles(path.join(root, 'docs')).flatMap((doc) =>
  [...readFileSync(doc, 'utf8').matchAll(/^```\w+ \[([\w./-]+)\]\n([\s\S]*?)^```$/gm)].map((match) => ({
    doc: path.relative(root, doc),
    file: match[1]!,
    code: match[2]!,
  })),
);

test('the docs show the Next.js and Astro example apps file by file', () => {
  const shown = blocks.map((block) => block.file);
  for (const file of [
    'demo/frameworks/next/app/layout.tsx',
    'demo/frameworks/next/app/page.tsx',
    'demo/frameworks/next/app/petition.tsx',
    'demo/frameworks/astro/src/pages/index.astro',
    'demo/frameworks/astro/src/petition.ts',
  ])
    assert.ok(shown.includes(file), `a docs block shows ${file} (blocks: ${shown.join(', ')})`);
});

for (const { doc, file, code } of blocks) {
  test(`${doc} shows ${file} as it is`, () => {
    assert.equal(code, readFileSync(path.join(root, file), 'utf8'), `copy ${file} into its block in ${doc}`);
  });
}
