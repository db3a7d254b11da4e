// Issue 18: a counter and a case card fed by another backend than Agir's, on a CDN page of another origin:
// a client of the page's own (set with Agir.configure, rejecting with Agir.AgirError), and the static adapter
// reading one JSON file from a third host. The reference server only serves the CDN files here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

const pageOrigin = 'http://campaign.example';
const fileUrl = 'http://files.example/agir.json';

const petition = {
  id: 'xinjiang',
  title: 'Xinjiang',
  status: 'open',
  signatureCount: 4321,
  countryCount: 12,
  goal: 10000,
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};
const akber = {
  id: 'akber',
  name: 'Akber (fichier)',
  isGroup: false,
  country: 'CN',
  category: [],
  status: { kind: 'detained', since: '2018' },
  summary: 'Détenu depuis 2018.',
  tags: ['xinjiang'],
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
};

const shadowText = (page: Page, selector: string): Promise<string> =>
  page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', selector);

describe('any backend, from a CDN page of another origin', () => {
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

  test('a client of the page’s own, set with Agir.configure before the loader runs, feeds a counter and case cards', async () => {
    const context = await browser.newContext();
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page partenaire</title>
      <script>
        window.calls = [];
        const client = {
          endpoint: 'my-crm',
          async getPetition(id) {
            calls.push('petition ' + id);
            return ${JSON.stringify({ ...petition, signatureCount: 777 })};
          },
          async getCase(id, options) {
            calls.push('case ' + id + ' ' + options.locale);
            if (id !== 'akber') throw new Agir.AgirError('http', 'my CRM has no case ' + id, { status: 404, code: 'not_found' });
            return ${JSON.stringify({ ...akber, name: 'Akber (CRM)' })};
          },
        };
        (window.Agir ??= { queue: [] }).queue.push(['configure', [{ client }]]);
      </script>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main>
      <h1><signature-counter petition="xinjiang" layout="inline"></signature-counter> personnes exigent leur libération</h1>
      <case-card case="akber"></case-card>
      <case-card id="gone" case="nobody"></case-card>
      </main></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/`, html);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    await page.waitForFunction(() => /777/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await page.waitForFunction(() => /Akber \(CRM\)/.test(document.querySelector('case-card')?.shadowRoot?.textContent ?? ''));
    // The client rejected with Agir.AgirError (404): the reader is told the case cannot be found, in French.
    await page.waitForFunction(() => document.querySelector('#gone')?.matches(':state(error)'));
    assert.match(await shadowText(page, '#gone'), /Ce cas est introuvable/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { calls: string[] }).calls.sort()), [
      'case akber fr',
      'case nobody fr',
      'petition xinjiang',
    ]);
    assert.ok(await page.evaluate(() => new window.Agir!.AgirError('http', 'x') instanceof Error));
    assert.deepEqual(
      requested.filter((url) => url.startsWith(server.api)),
      [],
      'no request to an Agir API',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the static adapter: counts and cases from one JSON file on another host', async () => {
    const context = await browser.newContext();
    const fileRequests: string[] = [];
    await context.route(
      (url) => url.origin === new URL(fileUrl).origin,
      (route) => {
        fileRequests.push(route.request().url());
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({ petitions: [petition], cases: [akber] }),
        });
      },
    );
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mon blog</title>
      <script type="module">
        import { createStaticClient } from '${server.origin}/cdn/static-client.js';
        (window.Agir ??= { queue: [] }).queue.push(['configure', [{ client: createStaticClient({ url: '${fileUrl}' }) }]]);
      </script>
      <script type="module" src="${server.origin}/cdn/agir.js"></script></head><body><main>
      <signature-counter petition="xinjiang"></signature-counter>
      <case-card case="akber"></case-card>
      <case-card-list tag="xinjiang"></case-card-list>
      </main></body></html>`;
    const requested = await servePage(context, `${pageOrigin}/`, html);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${pageOrigin}/`);
    // The counter in French (narrow no-break space) with the file's goal; the card and the list from the file.
    await page.waitForFunction(() => /4\u202f321/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    assert.match(await shadowText(page, 'signature-counter'), /10\u202f000/);
    await page.waitForFunction(() => /Akber \(fichier\)/.test(document.querySelector('case-card')?.shadowRoot?.textContent ?? ''));
    await page.waitForFunction(() => document.querySelector('case-card-list')?.matches(':state(ready)'));
    assert.equal(await page.evaluate(() => document.querySelector('case-card-list')!.shadowRoot!.querySelectorAll('case-card').length), 1);
    assert.ok(fileRequests.length >= 3, `the file was read (${fileRequests.length} times)`);
    assert.deepEqual(
      requested.filter((url) => url.startsWith(server.api)),
      [],
      'no request to an Agir API',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
