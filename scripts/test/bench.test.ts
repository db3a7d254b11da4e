// The benchmarks `pnpm bench` records run in CI too, briefly (1 s per load measure), so that each one is
// shown to work and to produce its figures: the server's signatures/s and count reads/s on PGlite and
// PostgreSQL with latencies, and the case card's render cost of 100 cards against 1 and memory per card.
// The side-by-side bench (Agir against a hand-written Lit form and a Shoelace form) takes about 90 s a run for its
// eight pages: CI runs it for the form, the floor and the empty page only, one run; `pnpm bench` runs it whole.
// (The Lighthouse bench runs in the e2e suite, which holds its scores; the bundle budgets in bundle-size.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Row = { name: string; value: number; unit: string };
const root = path.resolve(import.meta.dirname, '../..');
const doc = path.join(root, 'docs/benchmarks.md');
let saved: string;

before(() => {
  // The benches write their figures into docs/benchmarks.md: a short CI run must not replace them.
  saved = readFileSync(doc, 'utf8');
  process.env.AGIR_BENCH_SECONDS = '1';
  process.env.CHROME_PATH ??= '/usr/bin/chromium';
});
after(() => writeFileSync(doc, saved));

const value = (rows: Row[], name: string): number => {
  const row = rows.find((r) => r.name === name);
  assert.ok(row, `the bench reports "${name}": ${rows.map((r) => r.name).join('; ')}`);
  return row.value;
};

test(
  'server bench: signatures/s and count reads/s (with and without ETag) on PGlite and PostgreSQL, with p50/p99',
  { timeout: 240_000 },
  async () => {
    // @ts-expect-error: plain ESM bench module without types
    const { default: bench } = await import('../../bench/server.mjs');
    const rows: Row[] = await bench();
    for (const database of ['PGlite', 'PostgreSQL']) {
      for (const measure of ['signatures (POST, new signer each)', 'count reads (GET, 200)', 'count reads (GET + If-None-Match, 304)']) {
        const perSecond = value(rows, `${database}: ${measure}`);
        const p50 = value(rows, `${database}: ${measure} p50`);
        const p99 = value(rows, `${database}: ${measure} p99`);
        console.log(`${database}: ${measure}: ${perSecond} req/s, p50 ${p50} ms, p99 ${p99} ms`);
        assert.ok(perSecond > 0 && p50 >= 0 && p99 >= p50, `${database} ${measure}: ${perSecond}/s, p50 ${p50}, p99 ${p99}`);
      }
    }
  },
);

test('case-card bench: render time of 100 cards against 1, one request per list, memory per card', { timeout: 240_000 }, async () => {
  // @ts-expect-error: plain ESM bench module without types
  const { default: bench } = await import('../../bench/case-card.mjs');
  const rows: Row[] = await bench();
  for (const row of rows) console.log(`case-card: ${row.name}: ${row.value} ${row.unit}`);
  assert.ok(value(rows, 'render a list of 1 card (median)') > 0);
  assert.ok(value(rows, 'render a list of 100 cards (median)') > value(rows, 'render a list of 1 card (median)'));
  assert.equal(value(rows, 'requests per list'), 1);
  assert.ok(value(rows, 'JS heap per card') > 0);
});

test(
  'page-weight bench: what a page with one element downloads in all; petition-form within 33 170 bytes gzip',
  { timeout: 240_000 },
  async () => {
    // @ts-expect-error: plain ESM bench module without types
    const { measure } = await import('../../bench/page-weight.mjs');
    const results: Record<string, { files: string[]; gzip: number }> = await measure();
    for (const [name, { files, gzip }] of Object.entries(results))
      console.log(`page weight: ${name}: ${gzip} bytes gzip in ${files.length} files`);
    const form = results['petition-form']!;
    // Every file the page fetched from the CDN counts, the page stylesheet the loader links included.
    for (const result of Object.values(results)) assert.ok(result.files.includes('agir.css'), result.files.join(' '));
    // The real load fetches the submission code and the client (started at connect) besides the entry.
    assert.ok(
      form.files.some((file) => /^chunks\/submission-/.test(file)),
      form.files.join(' '),
    );
    assert.ok(
      form.files.some((file) => /^chunks\/client-/.test(file)),
      form.files.join(' '),
    );
    // 32 000 until the loader carried each element's module graph with its integrity hashes (+1 070 B: the form
    // renders after 3 round trips instead of 6) and the contract refused U+0000 (+180 B). 33 500 until the counter
    // and the client shared core's readers (issue 15, one home for the contract's rules): their building blocks
    // became a chunk of their own, +431 B for the form's page. 34 000 until each element's place before it is
    // defined came in agir.css (issue 16: no layout shift), which getting-started links and the loader adds when a
    // page does not: +605 B. 34 700 until the loader carried the calculator's rules and catalogs by name (its
    // estimate in 3 round trips instead of 6), Uyghur's catalogs, consent-video's graph and `configure({ client })`
    // (+743 B: every element's graph is in the loader, so each page pays for the others), and the form spoke
    // Uyghur and Chinese (+205 B), and core's client and queue took any backend (issue 18: a client's own key,
    // AgirError by its brand, +275 B): 35 603. 36 200 since the form's submission code took any backend (issue 18:
    // `configure({ client })`, the `adapter` attribute's dynamic import, a client that cannot sign or has no id told
    // to the page author, the queue keyed on the client's id; the adapters themselves are chunks no page loads
    // unless it uses them): +537 B, 36 140; and the DOM helpers got one home in the common chunk (issue 15:
    // shared/dom.ts), +100 B. 31 400 since no zod reaches the browser: the form checks its fields and its queue
    // reads signatures with core's zod-free readers, held to the schemas by core's parity test (-4 954 B). 31 600
    // since the form has a journey after signing (issue 21): its two attributes in the entry and, in the submission
    // code, the thank-you's hand-off to the journey's chunk (+169 B); the journey itself (1.6 kB) loads only after a
    // signature on a form that lists steps. 31 570 since the bench counts agir.css too (+669 B: a real download, which
    // the loader links into a page that did not), while chunk names carry 7 characters of hash instead of 8 and no
    // file names its source map (-593 B over the 14 files): 31 557. 31 610 since the form shares the petition's own
    // share text when it is in the form's language (issue 19; +36 B in the submission code): 31 593; and dom.ts's h()
    // skipping absent children for the cards (issue 15) in the common chunk: 31 607. 31 930 since a form keeps the
    // reader safe from its own device and from a wrong petition id: `no-remember` and a memory that ends after 30
    // days in the entry (+73 B); the not-found state of a 404 (to the check or to a signature: its notice, one
    // console error, the `not-found` reason) in the submission code (+172 B) and its two sentences in the notices'
    // catalog: 31 920. 32 680 since no signer's email or name leaves in the page's address or tracking values
    // (core's signerSource, in the submission code: +270 B there) and the country names have their own module,
    // to load Uyghur's table where the engine has none (+371 B, a chunk the card shares): 32 667. 32 720 since the
    // form tells a reader on a page the server takes no signatures from that this page cannot send them (403
    // `forbidden`: its sentence in the French catalog, the status check) and has `no-consent`: 32 710. 32 830 since
    // the loader preloads Chinese pages' catalogs and English for languages without one (+118 B): 32 828. 32 930
    // since a form erases every ended "already signed" memory of the origin, not only its own petition's (signer
    // safety: a memory of a petition no page shows any more stayed for good), every box inside an element is
    // border-box whatever the page's `*` rule, and agir.css holds an inline counter's place with the page
    // language's separator: 32 922. 32 950 since the referrer a signature carries is cut to its origin, path and
    // tracking parameters like the page's address (signer safety; +22 B in the submission code): 32 944. 33 050
    // since a phone or postal code typed in Arabic-Indic, Persian or full-width digits is read as ASCII digits
    // (core's asciiDigits, in the form's check and in the request it builds): 33 046. 33 170 since names are asked
    // family name first in Chinese (and for Japanese, Korean, Hungarian and Vietnamese readers), and phone and
    // email read left to right in a right-to-left form: 33 161. Issue 17's goal is 24 000.
    assert.ok(form.gzip <= 33_170, `petition-form page weight ${form.gzip} bytes gzip > 33 170`);
    for (const [name, { gzip }] of Object.entries(results)) assert.ok(gzip > 0, name);
  },
);

test(
  'side-by-side bench (brief: petition-form against the hand-written Lit form, 1 run): every figure, ≤ 3 round trips',
  { timeout: 240_000 },
  async () => {
    // @ts-expect-error: plain ESM bench module without types
    const { measure, table } = await import('../../bench/side-by-side.mjs');
    const measured = await measure({ runs: 1, names: ['empty page', 'petition-form', 'hand-written Lit form'] });
    console.log(table(measured));
    const form = measured.results['petition-form'];
    const floor = measured.results['hand-written Lit form'];
    for (const r of [form, floor]) {
      assert.ok(r.gzip > 0 && r.brotli > 0 && r.brotli < r.gzip, `bytes ${r.gzip} / ${r.brotli}`);
      assert.ok(r.wall4 > 0 && r.cls >= 0 && r.clsReserved >= 0);
    }
    // Round trips are a count, not a timing: page → agir.js → the form's whole graph and catalog.
    assert.ok(form.trips <= 3, `petition-form rendered after ${form.trips} sequential round trips`);
    assert.ok(form.files > floor.files);
  },
);
