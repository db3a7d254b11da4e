// Bundle sizes of the CDN build: for each entry, the gzip bytes a page with only that element downloads
// (the entry, its static imports — Lit and core included — and the largest language catalog it may load).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

export const cdnDir = path.join(root, 'packages/elements/dist/cdn');

/** Budgets in bytes (1 kB = 1000 bytes), from the issues. */
export const budgets = {
  // Issue 17 set 2 000 for the loader; it now carries every element's module graph with a sha256 SRI hash per
  // file (16 files: about 600 bytes of gzip that no encoding can shrink) and the catalog names, so an element
  // renders one round trip after the loader instead of four. Without the hashes it would fit 2 000. 2 800
  // since it takes calls from any script, before or after it runs (`Agir.queue.push`, issue 16): +66 B. 2 850
  // since it links `agir.css` (each element's place before it is defined) into a page that did not (issue 16): +48 B.
  // 2 890 since Uyghur has a catalog (issue 19): its hash in each element's graph, +34 B (zh-Hans catalogs are
  // not in the graph: its language is not the tag's first subtag, which is all the loader reads).
  // 3 260 since the calculator's estimate comes in the graph's round (issue 17: 6 round trips to 3, 450 ms at
  // 150 ms a round trip): the tax engine and the estimate's words with their hashes, each country's rules and
  // the estimate's catalogs by name (Uyghur's too), and the `country` lookup: +361 B. 3 460 since it loads
  // consent-video (issue 21): its graph (two files with their hashes) and its catalogs, about +200 B. 3 600
  // since a page without a bundler can use any backend (issue 18): `Agir.configure({ client })` and
  // `Agir.AgirError` (core's error, by its brand, for a page's own client to reject with): +131 B. 3 500 since
  // the chunks' names carry 7 characters of hash instead of 8 (about 90 of them in its graph: -63 B) and no
  // file names its source map (the server sends a `SourceMap` header instead: -25 B): 3 493. 3 560 since country
  // names have a module of their own (a Uyghur reader in Chromium, whose Intl has no Uyghur, read "China"): one
  // more file with its hash in the form's and the card's graphs, +62 B (3 549). 3 655 since it preloads the catalog
  // the element will really use: Simplified Chinese for zh, zh-CN, zh-SG (its catalogs, named by their script, were
  // not in the graph) and English for a language with no catalog (ru, ja…), each one round trip earlier (e2e at
  // 150 ms a trip: 4 → 3 for zh-CN and ru): the zh-Hans keys in six graphs and the choice, +116 B (3 665).
  agir: 3670,
  // 10 000 until its store read the server's answers with core's readers (issue 15: one home for the contract's
  // rules; its own copy had drifted, it dropped the goal a count event may carry): +648 B, the readers' shared
  // building blocks (read/base.ts, read/counts.ts), the smallest they split to. 10 460 since every element's
  // loading state holds the place agir.css gives it before it is defined (issue 16: no layout shift): the
  // shared selector helpers (shared/space.ts) in the common chunk, +57 B. 10 600 since every element speaks Uyghur
  // and Simplified Chinese (issue 19): two more loaders in its catalog map (their hashed names do not compress)
  // and core's rule for the languages whose catalog is one script of them (zh → zh-Hans, ug-Cyrl → English):
  // +135 B static (the largest catalog is still Arabic's). 10 960 since it reads through any backend (issue 18):
  // the `client` property, `configure({ client })`, a client's figures held to the contract, polling a client
  // without a stream, a live connection per client: +361 B; the static adapter is not in its graph. 10 720 since
  // chunk names carry 7 characters of hash (-22 B) and no file names its source map (-35 B a file): 10 712.
  // 10 690 since country names left the common chunk for their own module (core's country-names.ts): 10 684.
  'signature-counter': 10690,
  // 18 000 until the contract refused U+0000 and non-characters (issue 14): the person schema the form checks
  // fields with as they are typed carries that rule, +106 B after its shortest spelling. 18 200 since the
  // country list waits for the reader to reach the form (+80 B): it saves naming, sorting and laying out 250
  // options on every page view, 20 to 40 ms of main thread on this machine, for readers who never open it.
  // 18 300 since every element stops the page's inherited text styles at its edge (issue 16): +65 B. 18 500
  // since its loading state is sized by its attributes (fields, consent, privacy link), as agir.css sizes it
  // before it is defined, instead of a fixed 30rem that moved everything below it (issue 16): +280 B. 18 700
  // since it speaks Uyghur and Simplified Chinese (issue 19): +129 B static, and Uyghur's catalog, 1 178 B,
  // is its largest (Arabic's is 1 092 B). 18 830 since the DOM helpers of the elements drawn by reference
  // (h, setText, setAttr) have one home, shared/dom.ts, in the common chunk (issue 15: three copies were in the
  // counter, the calculator and the video): +124 B for the form, which uses them only to mirror errors onto a
  // page's own <form> (18 684 → 18 808). 15 100 since it checks its fields with core's zod-free person readers
  // (read/person.ts, held to personSchema's verdicts by core's parity test; the email pattern is zod's own):
  // zod/mini left its graph, -3 738 B (18 808 → 15 070). 15 150 since it has a journey after signing (issue 21):
  // two attribute-backed properties, `journey` and `donate-href` (the framework typings need a property per
  // attribute), and the journey chunk’s name in the dynamic-import map: +23 B. The journey itself (1.6 kB gzip and
  // its catalog) is a chunk loaded only once a signature succeeds on a form that lists steps. 14 790 since chunk
  // names carry 7 characters of hash and no file names its source map (the server's `SourceMap` header does): 14 782.
  // 14 810 since the submission controller keeps the petition's own share text (issue 19) and dom.ts's h() skips
  // absent children for the cards (issue 15), both in its entry: 14 803. 14 890 since a form keeps the reader safe
  // from its own device and from a wrong petition id: the `no-remember` attribute (no "already signed" memory for
  // campaigns where having signed endangers the reader), a memory that ends after 30 days (read, and erased once
  // ended, before the first render: it decides whether the form shows), and the `not-found` state of a petition
  // the endpoint does not have: +73 B (14 876). The not-found notice, its words and the 404 handling are in the
  // submission code, loaded after the form shows (+172 B there). 15 290 since it names countries in Uyghur
  // in Chromium, whose Intl has none (core's country-names.ts: whether the engine supports the language, and
  // Uyghur's CLDR table, a 2.5 kB chunk loaded only there), and no country is chosen for Uyghur and Simplified
  // Chinese readers: +404 B, most of it a chunk the card shares (371 B: too small to compress well): 15 286 with both.
  // 15 330 since it tells a reader whose page the server takes no signatures from (403 `forbidden`) that this page
  // cannot send them, instead of "saved, sent later" for a signature no retry could deliver: +40 B, its Uyghur
  // catalog (the largest) holding the new sentence, and the status check. 15 355 with `no-consent` (no newsletter
  // box, for signers who must not be written to: docs/security.md): +20 B. 15 440 since a phone or postal code
  // typed in Arabic-Indic, Persian or full-width digits (an Arabic reader's keyboard, a Chinese input method) is
  // read as the same number instead of refused as "not a phone number" (core's asciiDigits): +80 B (15 437).
  // 15 550 since names are asked family name first in Chinese, Japanese, Korean, Hungarian and Vietnamese (on the
  // page, in the error summary, for focus), and a phone number or email address reads left to right in a
  // right-to-left form ("+20 100 123 4567" showed its groups in reverse order): +107 B (15 544).
  'petition-form': 15550,
  // 12 150 since its skeleton holds the place agir.css gives it before it is defined, by layout and width
  // (issue 16), with the photo's frame at the ratio `photo-width`/`photo-height` give: +107 B. 12 340 since it
  // speaks Uyghur and Simplified Chinese (issue 19): +124 B static, and Uyghur's catalog, 911 B, is its largest
  // (Arabic's was 811 B). 12 560 since it reads through any backend (issue 18): the `client` property and
  // `configure({ client })` (the config chunk), +178 B; checking a client's answer and its missing methods is in
  // load.ts, loaded on use. 12 640 since the DOM helpers have one home in the common chunk (issue 15; patch.ts, since
  // removed, set attributes with its setAttr): +81 B (12 551 → 12 632). 12 790 since a record in another language than the
  // card's (issue 19) has its words marked with their own `lang` and `dir`, and its status label and call to action
  // give way to the catalog's translated phrases: +107 B; and its region marked inside the card's place phrase,
  // +39 B. 12 500 since chunk names carry 7 characters of hash and no file names its source map: 12 493. 12 410 since
  // it is drawn by reference like the other small elements (issue 15: built with dom.ts's h() when its record
  // changes, the story, petition and note set on kept nodes; patch.ts, a third way to draw, is gone): 12 406.
  // 12 770 since its place line names the country in Uyghur in Chromium, whose Intl has none (the form's
  // country-names chunk, 371 B, shared with it; Uyghur's table loads only there): +353 B (12 759). 12 790 since its
  // sizes are in em of its own font, not rem (a theme's `html { font-size: 62.5% }` drew its small print at 8.75 px):
  // the photo credit's padding stays in line with the text under it whatever the card's padding, +23 B (12 781).
  // 12 870 since Share passes on the page's canonical URL, else the page's with no query but `utm_*`/`mtm_*`
  // (a newsletter's `?email=…&given_name=…` or subscriber id went out with every shared card), by core's rule for
  // their names: +97 B (12 878).
  'case-card': 12880,
  // 13 100 since it is split by concern (issue 15: a pure config reader, the estimate controller, form
  // association, the view; the class wires them): +608 B over the one-file class (12 386 → 12 994), the price of
  // modules a newcomer can read and a config reader tested in Node; and the shared loading-space helpers
  // (shared/space.ts, issue 16) every element carries: +70 B (13 064). 13 280 since it speaks Uyghur and
  // Simplified Chinese (issue 19): +133 B static, and Uyghur's catalog, 782 B, is its largest (Arabic's is 706 B).
  // 13 320 since its view's DOM helpers are the common chunk's (shared/dom.ts, issue 15: one home, not three): +35 B.
  // 13 090 since chunk names carry 7 characters of hash and no file names its source map: 13 082. 13 075 since
  // country names left the common chunk for their own module (core's country-names.ts): 13 069. 13 085 since a
  // free amount typed with a Chinese or Japanese input method (full-width digits and marks, "。") is read: 13 080.
  'donation-calculator': 13085,
  // Issue 21: 8 000 with everything it loads before consent. 6 750 since chunk names carry 7 characters of hash and
  // no file names its source map: 6 738 (it was 6 912 under the 8 000 of the issue). 6 760 since dom.ts's h()
  // skips absent children for the cards (issue 15): 6 751. 6 715 since country names left the common chunk for
  // their own module (core's country-names.ts): 6 707.
  'consent-video': 6715,
};

const gzipCache = new Map();
export function gzipBytes(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(path.join(cdnDir, file)), { level: 9 }).length);
  return gzipCache.get(file);
}

export function readManifest() {
  const file = path.join(cdnDir, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`No CDN build at ${cdnDir}: run \`pnpm build\` first.`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Sizes of every CDN entry: { name, file, files, staticGzip, catalogGzip, totalGzip, budget }. */
export function entrySizes() {
  const manifest = readManifest();
  const rows = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    const files = new Set();
    const visit = (k) => {
      const c = manifest[k];
      if (!c || files.has(c.file)) return;
      files.add(c.file);
      for (const imported of c.imports ?? []) visit(imported);
    };
    visit(key);
    const staticGzip = [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
    // Catalogs are loaded on demand by the entry or any chunk it imports statically.
    const dynamicKeys = Object.entries(manifest)
      .filter(([, c]) => files.has(c.file))
      .flatMap(([, c]) => c.dynamicImports ?? []);
    const catalogs = dynamicKeys
      .map((k) => manifest[k])
      .filter((c) => c && /messages/.test(c.src ?? c.file))
      .map((c) => gzipBytes(c.file));
    const catalogGzip = catalogs.length ? Math.max(...catalogs) : 0;
    const name = chunk.name ?? path.basename(chunk.file, '.js');
    rows.push({
      name,
      file: chunk.file,
      files: [...files],
      staticGzip,
      catalogGzip,
      totalGzip: staticGzip + catalogGzip,
      budget: budgets[name],
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export function sizesTable(rows) {
  const lines = ['| CDN entry | files | static gzip | + largest catalog | total gzip | budget |', '|---|---:|---:|---:|---:|---:|'];
  for (const row of rows) {
    const budget = row.budget ? `${row.budget} ${row.totalGzip <= row.budget ? '✓' : '✗ OVER'}` : '—';
    lines.push(`| ${row.name} | ${row.files.length} | ${row.staticGzip} | ${row.catalogGzip} | ${row.totalGzip} | ${budget} |`);
  }
  return lines.join('\n');
}

/** The source modules in an entry's static files (from the build's visualizer data), e.g. to show what a budget holds. */
export function staticModules(name) {
  const row = entrySizes().find((r) => r.name === name);
  if (!row) throw new Error(`No CDN entry named ${name}`);
  const stats = JSON.parse(readFileSync(path.join(cdnDir, 'stats.json'), 'utf8'));
  const files = new Set(row.files);
  return Object.values(stats.nodeMetas)
    .filter((meta) => Object.keys(meta.moduleParts).some((file) => files.has(file)))
    .map((meta) => meta.id);
}
