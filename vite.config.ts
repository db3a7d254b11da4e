/**
 * Builds packages/elements for the CDN: one ES module per element (`<tag>.js`, which registers the tag),
 * shared chunks (Lit, core), minified, plus a treemap of what each byte is (dist/cdn/stats.html).
 * `pnpm --filter @agir/elements build` (or `pnpm build` at the root) runs it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { visualizer } from 'rollup-plugin-visualizer';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { agirCss } from './packages/elements/src/cdn/agir-css.js';

const root = path.dirname(fileURLToPath(import.meta.url));
/**
 * Characters of content hash in a chunk's name (`chunks/<name>-<hash>.js`), which the server caches for a year:
 * 7 (42 bits), the fewest Rolldown accepts for this many chunks, rather than its default 8. The loader names
 * every file of every element's graph and every catalog by it (about 90 hashes that gzip cannot shrink), and
 * each chunk names the ones it imports: 8 → 7 saved 63 B of the loader's gzip and 20–40 B of each element's.
 */
const hashLength = 7;
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
  // The adapters (docs/backends.md), for pages that ask for them: in no element's graph.
  for (const adapter of ['static-client', 'actionnetwork-client', 'webhook-client']) entries[adapter] = path.join(src, `cdn/${adapter}.ts`);
  return entries;
}

/**
 * Writes into the loader (agir.js, in place of `self.__agirGraph`) each element's static module graph, so
 * that it fetches the whole graph in one round when the element appears: `[files, { element: [indexes of
 * its static files, entry first, { language: the hashes in its catalogs' names }, { country: the hash in its
 * rules' name }?] }]`, each file as "path sha256-…" for the
 * modulepreload link's integrity attribute. Catalogs carry no hash (40 of them would not fit the loader's
 * 2 000-byte budget); they are data modules loaded as before, only earlier. Runs before the SRI hashes.
 */
/**
 * Modules an element loads on demand that its first render still waits for: the calculator shows no figure
 * until its country's rules and the words for an estimate have come. (The form's submission code is not here:
 * its first render does not wait for it.)
 */
const firstRender = /\/donation-calculator\/relief-view\.ts$/;

function injectModuleGraph(dir: string, bundle: Record<string, { type: string } & Record<string, unknown>>): void {
  type Chunk = {
    type: 'chunk';
    isEntry: boolean;
    name: string;
    imports: string[];
    dynamicImports: string[];
    facadeModuleId: string | null;
  };
  const chunks = bundle as unknown as Record<string, Chunk>;
  const files: string[] = [];
  const indexOf = (file: string): number => {
    let index = files.findIndex((f) => f.startsWith(`${file} `));
    if (index < 0) {
      const hash = createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('base64');
      index = files.push(`${file} sha256-${hash}`) - 1;
    }
    return index;
  };
  const elements: Record<string, [number[], Record<string, string>, Record<string, string>?]> = {};
  const hashOf = (f: string): string => f.slice(-3 - hashLength, -3);
  for (const [file, chunk] of Object.entries(chunks)) {
    if (chunk.type !== 'chunk' || !chunk.isEntry || !existsSync(path.join(src, chunk.name, 'define.ts'))) continue;
    const closure: string[] = [];
    const visit = (f: string): void => {
      if (closure.includes(f)) return;
      closure.push(f);
      for (const imported of chunks[f]?.imports ?? []) visit(imported);
    };
    visit(file);
    // Loaded on demand, but by every page that shows the element: the element's other modules that its chunks
    // import dynamically (the calculator's words for an estimate), then what any country's rules import
    // (the tax engine). They join the graph, so they come in its round instead of one or two rounds later.
    const keyed = (f: string, pattern: RegExp): RegExpExecArray | null => pattern.exec(chunks[f]?.facadeModuleId ?? '');
    const catalog = new RegExp(`/${chunk.name}/messages/(?:[a-z]+/)?([a-z]+(?:-[A-Z][a-z]+)?)\\.ts$`);
    const country = new RegExp(`/${chunk.name}/rules/([a-z]{2})\\.ts$`);
    const catalogs: Record<string, string> = {};
    const countries: Record<string, string> = {};
    for (let i = 0; i < closure.length; i++) {
      for (const dynamic of chunks[closure[i]!]?.dynamicImports ?? []) {
        const match = keyed(dynamic, catalog) ?? keyed(dynamic, country);
        if (!match) {
          // (a catalog the loader cannot name by a page's language is left to load as before)
          const id = chunks[dynamic]?.facadeModuleId ?? '';
          if (firstRender.test(id)) visit(dynamic);
          continue;
        }
        if (dynamic !== `chunks/${match[1]}-${hashOf(dynamic)}.js`) throw new Error(`unexpected file name ${dynamic}`);
        const into = keyed(dynamic, country) ? countries : catalogs;
        into[match[1]!] = into[match[1]!] ? `${into[match[1]!]} ${hashOf(dynamic)}` : hashOf(dynamic);
        if (into === countries) for (const imported of chunks[dynamic]?.imports ?? []) visit(imported);
      }
    }
    elements[chunk.name] = Object.keys(countries).length ? [closure.map(indexOf), catalogs, countries] : [closure.map(indexOf), catalogs];
  }
  const loader = path.join(dir, 'agir.js');
  const code = readFileSync(loader, 'utf8');
  const placeholder = 'self.__agirGraph';
  if (code.split(placeholder).length !== 2) throw new Error(`agir.js must hold ${placeholder} exactly once`);
  writeFileSync(loader, code.replace(placeholder, JSON.stringify([files, elements])));
}

/** Writes dist/cdn/sri.json: the Subresource Integrity hash (sha384) of every JavaScript file. */
function subresourceIntegrity(): Plugin {
  return {
    name: 'agir-sri',
    writeBundle(options, bundle) {
      const dir = options.dir!;
      injectModuleGraph(dir, bundle as never);
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

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every JavaScript, source map
 * and JSON file of the build (1 kB and more; a sibling is kept only when smaller). Compressed once here, at
 * the slowest and best settings, they serve as they are: the reference server sends them by Accept-Encoding
 * (packages/server/src/static.ts), and so can any static host (nginx gzip_static/brotli_static, Caddy's
 * `precompressed`). Runs after every other plugin has written its files (sri.json included).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipAsync = promisify(gzip);
  const written: string[] = [];
  let dir = '';
  return {
    name: 'agir-precompress',
    writeBundle(options, bundle) {
      dir = options.dir!;
      written.push(...Object.keys(bundle), 'sri.json');
    },
    async closeBundle() {
      const files = [...new Set(written)].filter((file) => /\.(js|css|map|json)$/.test(file) && !file.startsWith('.'));
      written.length = 0;
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(dir, file);
          const raw = readFileSync(full);
          if (raw.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }),
            gzipAsync(raw, { level: 9 }),
          ]);
          if (br.length < raw.length) await writeFile(`${full}.br`, br);
          if (gz.length < raw.length) await writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/** Writes dist/cdn/agir.css: each element's place until it is defined (packages/elements/src/cdn/agir-css.ts). */
function placeSheet(): Plugin {
  return {
    name: 'agir-place-sheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'agir.css', source: agirCss });
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
    // Maps beside every file, but no `//# sourceMappingURL=` comment in it: that comment is about 35 B of gzip a
    // file that every reader downloads (240 B on a counter's page, 450 B on a form's). The reference server names
    // each script's map in a `SourceMap` header instead (packages/server/src/app.ts), which browser devtools read;
    // behind another host, devtools take a map by hand (docs/server.md, "Compression").
    sourcemap: 'hidden',
    manifest: true,
    modulePreload: false,
    lib: {
      entry: elementEntries(),
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        minify: true,
        // The files are final: tree-shaking hints (/* @__PURE__ */, 62 in petition-form's chunk alone) only cost
        // bytes to readers (about 90 B gzip an element). Licence comments stay.
        comments: { legal: true, annotation: false, jsdoc: false },
        entryFileNames: '[name].js',
        chunkFileNames: `chunks/[name]-[hash:${hashLength}].js`,
        // Every element imports these few small modules (its host, locale resolution, catalogs, number formats,
        // author errors, the text reset): one shared file instead of three saves each element about 200 bytes of gzip.
        advancedChunks: {
          groups: [
            {
              name: 'common',
              test: /shared\/(locale-controller|element-tools|host-element|dom|css|text-reset|space)\.ts|core\/src\/(catalog|locale|intl|retry|id)\.ts/,
            },
            // The readers' building blocks with the count readers: the counter reads counts only; the form checks its
            // fields with them (read/person.ts). One file instead of two saves the counter about 150 bytes.
            { name: 'counts', test: /core\/src\/read\/(base|counts)\.ts/ },
          ],
        },
      },
    },
  },
  // Lit's css`` and html`` templates keep their source whitespace unless minified here.
  plugins: [
    minifyTemplateLiterals(),
    placeSheet(),
    subresourceIntegrity(),
    precompress(),
    visualizer({ filename: path.join(root, 'packages/elements/dist/cdn/stats.html'), gzipSize: true, template: 'treemap' }),
    visualizer({ filename: path.join(root, 'packages/elements/dist/cdn/stats.json'), gzipSize: true, template: 'raw-data' }),
  ],
});
