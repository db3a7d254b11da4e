/**
 * Builds packages/elements for the CDN: one ES module per element (`<tag>.js`, which registers the tag),
 * shared chunks (Lit, core), minified, plus a treemap of what each byte is (dist/cdn/stats.html).
 * `pnpm --filter @agir/elements build` (or `pnpm build` at the root) runs it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { visualizer } from 'rollup-plugin-visualizer';

const root = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(root, 'packages/elements/src');

/** Every element folder with a define.ts is a CDN entry named after the folder. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(src)) {
    const define = path.join(src, name, 'define.ts');
    if (existsSync(define)) entries[name] = define;
  }
  const loader = path.join(src, 'cdn/agir.ts');
  if (existsSync(loader)) entries.agir = loader;
  return entries;
}

export default defineConfig({
  root: path.join(root, 'packages/elements'),
  esbuild: { target: 'es2022' },
  build: {
    outDir: path.join(root, 'packages/elements/dist/cdn'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    manifest: true,
    modulePreload: false,
    lib: {
      entry: elementEntries(),
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  plugins: [visualizer({ filename: path.join(root, 'packages/elements/dist/cdn/stats.html'), gzipSize: true, template: 'treemap' }), visualizer({ filename: path.join(root, 'packages/elements/dist/cdn/stats.json'), gzipSize: true, template: 'raw-data' })],
});
