// Issue 8: a plain HTML page on another origin with only the script tag and the four tags works through
// CORS; elements added later are upgraded; an element never on the page is never downloaded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, root, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

const pageOrigin = 'http://campaign.example';
const latencyMs = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds every response of the page's origin and of `origin` (the CDN and the API) for `latencyMs`, as a phone on a 150 ms round trip sees them. */
async function addLatency(context: BrowserContext, origin: string): Promise<void> {
  await context.route(
    (url) => url.origin === origin || url.origin === pageOrigin,
    async (route) => {
      await sleep(latencyMs);
      await route.fallback();
    },
  );
}

/** Records in the page (every frame, from the start) when `ready` (an expression) first holds, as `renderedAt`. */
async function recordRender(context: BrowserContext, ready: string): Promise<void> {
  await context.addInitScript(
    `(function check() { if (${ready}) window.renderedAt = performance.now(); else requestAnimationFrame(check); })()`,
  );
}

/**
 * In the page, once `ready` holds (see recordRender): the longest chain of requests each of which started only after the previous
 * one had finished (the page itself is 1), among those finished by then, from the Resource Timing entries: the
 * sequential round trips the page waited for.
 */
async function roundTripsUntil(page: Page): Promise<{ depth: number; ms: number; chain: string[] }> {
  await page.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt !== undefined);
  return page.evaluate(() => {
    const until = (window as unknown as { renderedAt: number }).renderedAt;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => ({ url: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd, depth: 1 }))
      .filter((e) => e.end > 0 && e.end <= until)
      .sort((x, y) => x.start - y.start);
    // A request that started after another had finished is one round trip deeper (entries in start order).
    for (const t of entries) for (const q of entries) if (q.end <= t.start) t.depth = Math.max(t.depth, q.depth + 1);
    const chain = entries.sort((x, y) => x.depth - y.depth);
    return {
      depth: Math.max(0, ...chain.map((c) => c.depth)),
      ms: Math.round(until),
      chain: chain.map((c) => `${c.depth} ${c.url} ${Math.round(c.start)}–${Math.round(c.end)} ms`),
    };
  });
}

describe('the CDN loader on a page of another origin', () => {
  let server: ReferenceServer;
  let browser: Browser;
  before(async () => {
    server = await startReferenceServer({ corsOrigins: pageOrigin });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  test('one script tag and the four tags: every element renders live data', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script>
      <meta name="agir:endpoint" content="${server.api}"></head><body><main>
      <h1><signature-counter petition="xinjiang" layout="inline"></signature-counter> personnes exigent leur libération</h1>
      <petition-form petition="xinjiang"></petition-form>
      <case-card case="akber"></case-card>
      <donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly" donate-href="https://don.example.org/?amount={amount}&frequency={frequency}"></donation-calculator>
      </main></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/`, html);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() =>
      ['signature-counter', 'petition-form', 'case-card', 'donation-calculator'].every((tag) => customElements.get(tag)),
    );
    // The counter shows the seeded figure in French (narrow no-break space), fetched across origins.
    await page.waitForFunction(
      () =>
        (document.querySelector('h1')?.textContent ?? '').length > 0 &&
        /323\u202f832/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''),
    );
    // The case card shows Akber's name from the server.
    await page.waitForFunction(() => /Akber/.test(document.querySelector('case-card')?.shadowRoot?.textContent ?? ''));
    // The form renders its fields; the calculator its net cost.
    assert.ok(await page.evaluate(() => !!document.querySelector('petition-form')?.shadowRoot?.querySelector('input[type="email"]')));
    await page.waitForFunction(() => /5,10/.test(document.querySelector('donation-calculator')?.shadowRoot?.textContent ?? ''));
    assert.ok(
      requested.some((url) => url.startsWith(`${server.api}/petitions/xinjiang`)),
      'the API was called cross-origin',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  // Issue 13: pages set no tax-year, so on 1 January the calendar moves past the last modelled rules.
  for (const day of ['2027-01-02', '2027-04-05', '2030-06-01']) {
    test(`with the clock at ${day}, the calculator still shows 5,10 € and names the rules' year`, async () => {
      const context = await browser.newContext();
      await context.clock.setFixedTime(new Date(`${day}T12:00:00`));
      const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title>
        <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main>
        <donation-calculator country="FR" amounts-monthly="8 10 15" amounts-once="80 100 250" frequency="monthly"></donation-calculator>
        </main></body></html>`;
      await servePage(context, `${pageOrigin}/don`, html);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${pageOrigin}/don`);
      await page.waitForFunction(() =>
        /5,10/.test(document.querySelector('donation-calculator')?.shadowRoot?.querySelector('output')?.textContent ?? ''),
      );
      const details = await page.evaluate(
        () => document.querySelector('donation-calculator')!.shadowRoot!.querySelector('details')!.textContent,
      );
      assert.match(details ?? '', new RegExp(`Année fiscale ${day.slice(0, 4)}, calcul selon les règles fiscales 2026`));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('an element added later is upgraded; an element never on the page is never downloaded', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main id="main"><p>Static text.</p></main></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/blog`, html);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/blog`);
    await page.waitForFunction(() => 'Agir' in window);
    assert.equal(
      requested.filter((url) => /case-card|petition-form|signature-counter|donation-calculator/.test(url)).length,
      0,
      'nothing but the loader before any element appears',
    );

    await page.evaluate(() => {
      const counter = document.createElement('signature-counter');
      counter.setAttribute('count', '1234');
      counter.setAttribute('lang', 'en');
      document.getElementById('main')!.append(counter);
    });
    await page.waitForFunction(() => /1,234/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    const loaded = requested.filter((url) => url.startsWith(`${server.origin}/cdn/`)).map((url) => new URL(url).pathname);
    assert.ok(loaded.includes('/cdn/signature-counter.js'), `counter chunk loaded: ${loaded.join(', ')}`);
    for (const never of ['petition-form', 'case-card', 'donation-calculator']) {
      assert.ok(!loaded.some((path) => path.includes(never)), `${never} was never downloaded: ${loaded.join(', ')}`);
    }
    await context.close();
  });

  test('devtools find the source map of every CDN script through the SourceMap header, though no file names it', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Compteur</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body>
      <signature-counter count="1234"></signature-counter></body></html>`;
    await servePage(context, `${pageOrigin}/maps`, html);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const parsed = new Map<string, string>();
    cdp.on('Debugger.scriptParsed', ({ url, sourceMapURL }) => {
      if (url.startsWith(`${server.origin}/cdn/`)) parsed.set(url, sourceMapURL ?? '');
    });
    await cdp.send('Debugger.enable');
    await page.goto(`${pageOrigin}/maps`);
    await page.waitForFunction(() => /1\u202f234/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    assert.ok(parsed.size >= 5, `the loader and the counter's graph: ${[...parsed.keys()].join(', ')}`);
    for (const [url, sourceMapURL] of parsed) {
      assert.equal(sourceMapURL, `${url.slice(url.lastIndexOf('/') + 1)}.map`, url);
      const script = await (await fetch(url)).text();
      assert.ok(!script.includes('sourceMappingURL'), `${url} names no map`);
      const map = (await (await fetch(new URL(sourceMapURL, url))).json()) as { sources: string[] };
      assert.ok(
        map.sources.some((source) => source.endsWith('.ts')),
        `${url}'s map leads to the TypeScript sources`,
      );
    }
    await context.close();
  });

  test('Agir.define renames a tag, lazily', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Renamed</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body>
      <script type="module">window.Agir.define('x-counter', 'signature-counter');</script>
      <x-counter count="42"></x-counter></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/renamed`, html);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/renamed`);
    await page.waitForFunction(() => /42/.test(document.querySelector('x-counter')?.shadowRoot?.textContent ?? ''));
    assert.equal(await page.evaluate(() => customElements.get('signature-counter') === undefined), true, 'the default tag stays free');
    assert.ok(!requested.some((url) => url.endsWith('/cdn/signature-counter.js')), 'the class was loaded without its define module');
    await context.close();
  });

  test('the classic script works where type="module" cannot be used, with Agir.configure queued', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CMS</title>
      <script src="${server.origin}/cdn/agir.classic.js"></script>
      <script>Agir.configure({ endpoint: '${server.api}' });</script></head><body>
      <signature-counter petition="xinjiang"></signature-counter></body></html>`;
    await servePage(context, `${pageOrigin}/cms`, html);
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/cms`);
    await page.waitForFunction(() => /323\u202f832/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await context.close();
  });

  // Issue 16: configuration from a classic inline script, before or after the loader's tag, as
  // getting-started.md shows it (its snippet, copied from the doc); a renamed tag beside the default one.
  const queueSnippet = (): string => {
    const doc = readFileSync(path.join(root, 'docs/getting-started.md'), 'utf8');
    const block = [...doc.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('.queue.push('));
    assert.ok(block, 'getting-started.md shows the queue snippet');
    return block.replaceAll('https://your-server.example/api/v1', server.api);
  };

  for (const where of ['before', 'after'] as const) {
    test(`an inline classic script ${where} the loader's tag configures the page (the getting-started snippet)`, async () => {
      const context = await browser.newContext();
      const loader = `<script type="module" src="${server.origin}/cdn/agir.js"></script>`;
      const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Queue</title>
        ${where === 'before' ? queueSnippet() + loader : loader + queueSnippet()}
        <script>(window.Agir ??= { queue: [] }).queue.push(['define', ['x-counter', 'signature-counter']], ['nonsense', []]);</script>
        </head><body><signature-counter petition="xinjiang"></signature-counter><x-counter petition="xinjiang"></x-counter></body></html>`;
      await servePage(context, `${pageOrigin}/queue-${where}`, html);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await page.goto(`${pageOrigin}/queue-${where}`);
      await page.waitForFunction(() => /323\u202f832/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
      await page.waitForFunction(() => /323\u202f832/.test(document.querySelector('x-counter')?.shadowRoot?.textContent ?? ''));
      assert.equal(await page.evaluate(() => document.querySelector('meta[name="agir:endpoint"]')?.getAttribute('content')), server.api);
      // After the loader ran, a push runs at once: a counter added later reads the newly configured endpoint.
      const other = `${server.api}?unused`;
      await page.evaluate(
        (endpoint) =>
          (window as unknown as { Agir: { queue: { push(call: unknown): void } } }).Agir.queue.push(['configure', [{ endpoint }]]),
        other,
      );
      assert.equal(await page.evaluate(() => document.querySelector('meta[name="agir:endpoint"]')?.getAttribute('content')), other);
      assert.deepEqual(
        errors.filter((text) => !/nonsense/.test(text)),
        [],
        'no error but the one for the unknown method',
      );
      assert.ok(
        errors.some((text) => /Agir\.queue: could not run "nonsense"/.test(text)),
        `the unknown method is reported: ${errors.join(' | ')}`,
      );
      await context.close();
    });
  }

  // Issue 17: the loader knows each element's whole module graph and fetches it, with the catalog of the
  // element's language, in one round: page → agir.js → graph, whatever the latency.
  // Issue 17: the calculator's first render waits for its country's rules and the words of an estimate; the loader
  // fetches them in the graph's round, chosen by the element's `country` and language.
  test(`at ${latencyMs} ms a round trip, donation-calculator shows its estimate after at most 3 sequential round trips`, async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Don</title>
      <link rel="icon" href="data:,"><script type="module" src="${server.origin}/cdn/agir.js"></script></head><body>
      <donation-calculator country="FR" amounts-monthly="8 10 15" frequency="monthly" donate-href="https://don.example.org/?a={amount}"></donation-calculator>
      </body></html>`;
    await servePage(context, `${pageOrigin}/don`, html);
    await addLatency(context, server.origin);
    await recordRender(context, `/5,10/.test(document.querySelector('donation-calculator')?.shadowRoot?.textContent ?? '')`);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pageOrigin}/don`);
    const { depth, ms, chain } = await roundTripsUntil(page);
    console.log(`donation-calculator estimated at ${ms} ms after ${depth} sequential round trips:\n${chain.join('\n')}`);
    assert.ok(depth <= 3, `more than 3 sequential round trips before the estimate showed:\n${chain.join('\n')}`);
    assert.deepEqual(errors, []);
    // Only France's rules: no other country's were fetched.
    const rules = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => /\/chunks\/(at|be|de|gb|us)-/.test(e.name)).length,
    );
    assert.equal(rules, 0);
    await context.close();
  });

  // The catalog the form will use, by the page's language: its own, Simplified Chinese for zh-CN (whose catalog
  // is named by its script), English for a language Agir has no catalog for.
  for (const [lang, label, catalog] of [
    ['fr', 'Prénom', 'fr'],
    ['zh-CN', '名', 'zh-Hans'],
    ['ru', 'Given name', 'en'],
  ] as const) {
    test(`at ${latencyMs} ms a round trip, petition-form renders after at most 3 sequential round trips (page, loader, graph), in ${lang} with the ${catalog} catalog in the graph's round`, async () => {
      const context = await browser.newContext();
      // An empty icon: the browser's own favicon request comes after load and depends on nothing of ours.
      const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Pétition</title>
        <link rel="icon" href="data:,"><meta name="agir:endpoint" content="${server.api}">
        <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body>
        <petition-form petition="xinjiang"></petition-form></body></html>`;
      await servePage(context, `${pageOrigin}/phone`, html);
      await addLatency(context, server.origin);
      await recordRender(
        context,
        `(document.querySelector('petition-form')?.shadowRoot?.querySelector('label[for="givenName"]')?.textContent ?? '').trim() === ${JSON.stringify(label)}`,
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${pageOrigin}/phone`);
      const { depth, ms, chain } = await roundTripsUntil(page);
      console.log(`petition-form (${lang}) rendered at ${ms} ms after ${depth} sequential round trips:\n${chain.join('\n')}`);
      assert.ok(depth <= 3, `more than 3 sequential round trips before the form rendered:\n${chain.join('\n')}`);
      // The catalog of the page's language arrived in the graph's round, not after the element's code ran.
      assert.ok(
        chain.some((c) => new RegExp(`^[1-3] .*/cdn/chunks/${catalog}-`).test(c)),
        `the ${catalog} catalog is in the graph's round:\n${chain.join('\n')}`,
      );
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the graph is preloaded with integrity: a CDN file that does not match its hash is refused', async () => {
    const graph = JSON.parse(/\[\[".*?\}\]\}\]/.exec(readFileSync(path.join(root, 'packages/elements/dist/cdn/agir.js'), 'utf8'))![0]) as [
      string[],
      Record<string, [number[], Record<string, string>]>,
    ];
    const [chunk, integrity] = graph[0][graph[1]['petition-form']![0][1]!]!.split(' ');
    assert.match(integrity!, /^sha256-[A-Za-z0-9+/]{43}=$/);
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pétition</title>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body>
      <petition-form></petition-form><signature-counter count="12"></signature-counter></body></html>`;
    await servePage(context, `${pageOrigin}/tampered`, html);
    // The CDN serves a changed copy of the form's main chunk (as a compromised CDN or cache could).
    await context.route(`${server.origin}/cdn/${chunk}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()};window.tampered=true;` });
    });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    await page.goto(`${pageOrigin}/tampered`);
    // The counter (which shares no changed file) renders; the form is never defined; the changed code never ran.
    await page.waitForFunction(() => /12/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await page.waitForFunction(() => document.querySelectorAll('link[rel="modulepreload"][integrity]').length > 0);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => customElements.get('petition-form') === undefined), true, 'petition-form stays undefined');
    assert.equal(await page.evaluate(() => 'tampered' in window), false, 'the changed file never ran');
    assert.ok(
      logged.some((text) => /could not load <petition-form>/.test(text)),
      `the loader says why: ${logged.join(' | ')}`,
    );
    await context.close();
  });

  // Last in the file: it signs, and the other tests read the seeded count.
  // The CSP line docs/security.md gives, as written (its example origin replaced by the server's), on a page with
  // every element: no violation of it or of Trusted Types, agir.css applied, every element shown; the form signs.
  const docsCsp = (): string => {
    const line = /^Content-Security-Policy: (.+)$/m.exec(readFileSync(path.join(root, 'docs/security.md'), 'utf8'))?.[1];
    assert.ok(line, 'docs/security.md gives a CSP line');
    return line.replaceAll('https://your-server.example', server.origin);
  };
  for (const lang of ['fr', 'ar'] as const) {
    test(`${lang}: the CSP line of docs/security.md, as written, lets every element work and nothing else`, async () => {
      const context = await browser.newContext();
      const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>CSP</title><link rel="icon" href="data:,">
        <meta name="agir:endpoint" content="${server.api}"><link rel="stylesheet" href="${server.origin}/cdn/agir.css">
        <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main>
        <signature-counter petition="xinjiang"></signature-counter><petition-form petition="xinjiang"></petition-form>
        <case-card case="akber"></case-card><case-card-list tag="xinjiang"></case-card-list>
        <donation-calculator country="FR" amounts-monthly="8 10 15" frequency="monthly" donate-href="https://don.example.org/?a={amount}"></donation-calculator>
        <consent-video provider="youtube" video="dQw4w9WgXcQ" video-title="Témoignage"></consent-video></main></body></html>`;
      await servePage(context, `${pageOrigin}/csp-${lang}`, html, { 'content-security-policy': docsCsp() });
      await context.route('https://www.youtube-nocookie.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Player</title><p>Player</p>' }),
      );
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${pageOrigin}/csp-${lang}`);
      const tags = ['signature-counter', 'petition-form', 'case-card', 'donation-calculator', 'consent-video'];
      await page.waitForFunction(
        (names) =>
          names.every((tag) => (document.querySelector(tag)?.shadowRoot?.textContent ?? '').trim().length > 0) &&
          document.querySelector('case-card-list')!.matches(':state(ready)'),
        tags,
      );
      assert.ok(
        await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[href$="/cdn/agir.css"]')?.sheet != null),
        'agir.css is applied',
      );
      await page.locator('consent-video').getByRole('button').first().click();
      await page.frameLocator('consent-video iframe').getByText('Player').waitFor();
      if (lang === 'fr') {
        const form = page.locator('petition-form');
        await form.locator('input[name="givenName"]').fill('Rahima');
        await form.locator('input[name="familyName"]').fill('Mahmut');
        await form.locator('input[name="email"]').fill(`csp.${Date.now()}@example.org`);
        await form.locator('select[name="country"]').selectOption('FR');
        await form.locator('button[type="submit"]').click();
        await page.waitForFunction(() => !!document.querySelector('petition-form')?.matches(':state(signed)'));
      }
      assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), [], 'no CSP violation');
      assert.deepEqual(errors, [], 'no error');
      await context.close();
    });
  }
});
