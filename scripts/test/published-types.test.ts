// Issue 16: types that compile, as an npm user gets them. The packed tarballs are installed into a throwaway app,
// and `tsc` / `vue-tsc` / `svelte-check` (strict, `skipLibCheck: false`) compile a vanilla TypeScript page, a React 19
// app, a Vue 3 app and a Svelte 5 app that use every element and every event (published-types/: each
// `@ts-expect-error` proves a wrong use is rejected, so typings that decay to `any` fail; svelte-check reads no
// `@ts-expect-error` in markup, so Svelte's wrong uses are a second file that must have exactly its expected errors).
// getting-started.md's TypeScript snippets are copied from the doc: the npm one is compiled, bundled with Vite from
// the packed package and run in Chromium; the React one is the React app's agir-jsx.d.ts, the Vue one the Vue app's
// env.d.ts, the Svelte one the Svelte app's agir-svelte.d.ts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, serveDirectory } from '../../demo/e2e/harness.js';
import { root } from '../lib.mjs';
import { packedApp, type PackedApp } from '../packed-app.js';

const fixtures = path.join(import.meta.dirname, 'published-types');

/** The compiler options of a strict project that checks its libraries' typings (`skipLibCheck: false`). */
const compilerOptions = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  types: [],
};

/** getting-started.md's ```ts blocks. */
function gettingStartedSnippets(): string[] {
  const doc = readFileSync(path.join(root, 'docs/getting-started.md'), 'utf8');
  return [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** getting-started.md's npm snippet: the one that imports an element's `/define`. */
function npmSnippet(): string {
  const snippet = gettingStartedSnippets().find((text) => /import '@agir\/elements\/[a-z-]+\/define'/.test(text));
  assert.ok(snippet, 'getting-started.md shows the npm snippet');
  return snippet;
}

describe('the packed packages type-check in a strict project with skipLibCheck: false', { timeout: 240_000 }, () => {
  let app: PackedApp;
  /** Each project's compilation, started together in `before` (each compiler is single-threaded). */
  const compiled = new Map<string, Promise<{ status: number | null; output: string }>>();

  /**
   * Writes `tsconfig.<name>.json` over `files` (and `include`) and runs the compiler on it: `tsc`, `vue-tsc`, or
   * `svelte-check` (which checks the `.svelte` files the config includes, and prints one line per diagnostic).
   */
  function compile(
    name: string,
    files: string[],
    options: Record<string, unknown> = {},
    compiler = 'typescript/bin/tsc',
    include: string[] = [],
  ) {
    const config = path.join(app.dir, `tsconfig.${name}.json`);
    const tsconfig = {
      compilerOptions: { ...compilerOptions, ...options },
      files,
      ...(include.length > 0 ? { include } : {}),
      vueCompilerOptions: { strictTemplates: true },
    };
    writeFileSync(config, JSON.stringify(tsconfig));
    const args = compiler.startsWith('svelte-check/')
      ? ['--tsconfig', config, '--output', 'machine', '--no-color']
      : ['-p', config, '--pretty', 'false'];
    const child = spawn(process.execPath, [path.join(app.dir, 'node_modules', compiler), ...args], { cwd: app.dir });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    compiled.set(name, new Promise((resolve) => child.on('close', (status) => resolve({ status, output: output.trim() }))));
  }

  /** The doc's snippet that opens with `// <file>`, written to that file in the app. */
  function snippetFile(file: string): string {
    const snippet = gettingStartedSnippets().find((text) => text.startsWith(`// ${file}\n`));
    assert.ok(snippet, `getting-started.md shows ${file}`);
    writeFileSync(path.join(app.dir, file), snippet);
    return file;
  }

  before(() => {
    app = packedApp('types', ['typescript', 'react', '@types/react', 'vue', 'vue-tsc', 'svelte', 'svelte-check']);
    for (const file of ['vanilla.ts', 'react.tsx', 'vue.vue', 'svelte.svelte', 'svelte-wrong.svelte']) {
      copyFileSync(path.join(fixtures, file), path.join(app.dir, file));
    }
    writeFileSync(path.join(app.dir, 'snippet.ts'), npmSnippet());
    compile('vanilla', ['vanilla.ts']);
    // The npm snippet imports the classes, which would bring their types to the /define-only page: it is
    // compiled with the React app (one compiler run fewer).
    compile('react', [snippetFile('agir-jsx.d.ts'), 'react.tsx', 'snippet.ts'], { jsx: 'react-jsx' });
    compile('vue', [snippetFile('env.d.ts'), 'vue.vue'], {}, 'vue-tsc/bin/vue-tsc.js');
    compile('svelte', [snippetFile('agir-svelte.d.ts')], {}, 'svelte-check/bin/svelte-check', ['*.svelte']);
  });
  after(() => app?.remove());

  const compiles = async (name: string) => {
    const { status, output } = await compiled.get(name)!;
    assert.equal(status, 0, output);
  };

  test('a vanilla TypeScript page: /define imports give every tag its class and every event its class', () => compiles('vanilla'));

  test("a React 19 app: every tag, attribute and onagir-* handler typed with the event class, with getting-started.md's agir-jsx.d.ts", () =>
    compiles('react'));

  test("a Vue 3 app: every tag, attribute and @agir-* handler typed with the event class, with getting-started.md's env.d.ts", () =>
    compiles('vue'));

  test("a Svelte 5 app: every tag, attribute and onagir-* handler typed with the event class, with getting-started.md's agir-svelte.d.ts", async () => {
    const { output } = await compiled.get('svelte')!;
    // svelte-check's machine output: `<time> ERROR|WARNING "<file>" <line>:<column> "<message>"`, one line each.
    const diagnostics = [...output.matchAll(/^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (".*")$/gm)].map(([, kind, file, line, message]) => ({
      kind,
      file,
      line: Number(line),
      message: JSON.parse(message!) as string,
    }));
    assert.match(output, /COMPLETED \d+ FILES/, output);
    const ours = diagnostics.filter(({ file }) => file !== 'svelte-wrong.svelte');
    assert.deepEqual(ours, [], 'the app and the typings have no error and no warning');
    // Each `<!-- expected error (why): text -->` line announces an error on the next line whose message holds the text.
    const expected = readFileSync(path.join(fixtures, 'svelte-wrong.svelte'), 'utf8')
      .split('\n')
      .flatMap((text, index) => {
        const match = /^<!-- expected error \([^)]*\): (.*) -->$/.exec(text);
        return match ? [{ line: index + 2, text: match[1]! }] : [];
      });
    assert.ok(expected.length >= 6, 'svelte-wrong.svelte announces its errors');
    const wrong = diagnostics.filter(({ file }) => file === 'svelte-wrong.svelte');
    assert.deepEqual(
      wrong.map(({ kind, line }) => `${kind} on line ${line}`),
      expected.map(({ line }) => `ERROR on line ${line}`),
      'svelte-wrong.svelte has exactly one error on each line that expects one, and no other',
    );
    for (const [index, { line, text }] of expected.entries()) {
      assert.ok(wrong[index]!.message.includes(text), `line ${line}: "${wrong[index]!.message}" says "${text}"`);
    }
  });

  test("getting-started.md's npm snippet compiles, and runs in Chromium from the packed package", async (t) => {
    await compiles('react');
    const npm = npmSnippet();

    // Bundled as an app would bundle it, from the packed package.
    const site = path.join(app.dir, 'site');
    mkdirSync(site);
    writeFileSync(
      path.join(site, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snippet</title>
      <link rel="icon" href="data:,"><script type="module" src="../snippet.ts"></script></head><body></body></html>`,
    );
    await build({
      root: realpathSync(site),
      logLevel: 'silent',
      configFile: false,
      build: { outDir: path.join(app.dir, 'dist'), emptyOutDir: true, target: 'es2022' },
    });
    const served = await serveDirectory(path.join(app.dir, 'dist'));
    t.after(() => served.close());
    const browser: Browser = await launchChromium();
    t.after(() => browser.close());
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(served.url);
    // The module ran before the load event: a second definition of the same constructor would have thrown.
    assert.deepEqual(errors, [], 'the snippet threw nothing and logged no error');
    // Every tag the snippet registers is defined, and each draws itself.
    const tags = [...npm.matchAll(/import '@agir\/elements\/([a-z-]+)\/define'/g), ...npm.matchAll(/\.define\('([a-z-]+)'\)/g)].map(
      (m) => m[1]!,
    );
    assert.ok(tags.length >= 2, `tags the snippet registers: ${tags.join(', ')}`);
    for (const tag of tags) {
      await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
      const drawn = await page.evaluate(async (name) => {
        const element = document.body.appendChild(document.createElement(name)) as HTMLElement & { updateComplete: Promise<boolean> };
        await element.updateComplete;
        return (element.shadowRoot?.childNodes.length ?? 0) > 0;
      }, tag);
      assert.ok(drawn, `<${tag}> draws itself`);
    }
    assert.deepEqual(errors, [], 'the elements threw nothing and logged no error');
  });
});
