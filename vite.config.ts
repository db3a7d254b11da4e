/**
 * Builds packages/elements for the CDN: one ES module per element (`<tag>.js`, which registers the tag),
 * shared chunks (Lit, core), minified, plus a treemap of what each byte is (dist/cdn/stats.html).
 * `pnpm --filter @agir/elements build` (or `pnpm build` at the root) runs it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { visualizer } from 'rollup-plugin-visualizer';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const root = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(root, 'packages/elements/src');

/** Every element folder with a define.ts is a CDN entry named after the folder. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(src)) {
    const define = path.join(src, name, 'define.ts');
    if (existsSync(define)) entries[name] = define;
  }
  entries.agir = path.join(src, 'cdn/agir.ts');
  entries['agir.classic'] = path.join(src, 'cdn/agir.classic.ts');
  return entries;
}

/** Writes dist/cdn/sri.json: the Subresource Integrity hash (sha384) of every JavaScript file. */
function subresourceIntegrity(): Plugin {
  return {
    name: 'agir-sri',
    writeBundle(options, bundle) {
      const dir = options.dir!;
      const hashes: Record<string, string> = {};
      for (const file of Object.keys(bundle).sort()) {
        if (!file.endsWith('.js')) continue;
        hashes[file] = `sha384-${createHash('sha384')
          .update(readFileSync(path.join(dir, file)))
          .digest('base64')}`;
      }
      writeFileSync(path.join(dir, 'sri.json'), `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
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
        // Every element imports these few small modules (locale resolution, catalogs, number formats,
        // author errors): one shared file instead of three saves each element about 200 bytes of gzip.
        advancedChunks: {
          groups: [{ name: 'common', test: /shared\/(locale-controller|element-tools)\.ts|core\/src\/(catalog|locale|intl)\.ts/ }],
        },
      },
    },
  },
  // Lit's css`` and html`` templates keep their source whitespace unless minified here.
  plugins: [
    minifyTemplateLiterals(),
    subresourceIntegrity(),
    visualizer({ filename: path.join(root, 'packages/elements/dist/cdn/stats.html'), gzipSize: true, template: 'treemap' }),
    visualizer({ filename: path.join(root, 'packages/elements/dist/cdn/stats.json'), gzipSize: true, template: 'raw-data' }),
  ],
});
