// Issue 18: a counter and case cards fed by another backend than Agir's, on a CDN page of another origin: the
// worked examples of docs/backends.md (demo/backends/), run as they are. One page has a client of its own (set
// with Agir.configure, rejecting with Agir.AgirError) for the organisation's CRM; the other reads one JSON file
// with the static adapter. The reference server only serves the CDN files here, in place of your-server.example.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, root, startReferenceServer, type ReferenceServer } from './harness.js';

const pageOrigin = 'http://campaign.example';
const examples = path.join(root, 'demo/backends');

/** The newsletter consent's words as the form shows them (what the adapter records). */
const consentWords = (page: Page): Promise<string> =>
  page.evaluate(() =>
    (document.querySelector('petition-form')!.shadowRoot!.querySelector('input[type="checkbox"]') as HTMLInputElement)
      .labels![0]!.textContent!.replace(/\s+/g, ' ')
      .trim(),
  );

const shadowText = (page: Page, selector: string): Promise<string> =>
  page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', selector);

describe('any backend, from a CDN page of another origin (docs/backends.md)', () => {
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

  /**
   * A context where the page's origin serves `files` (path → [content type, body]), the CDN of the examples
   * is the reference server's, and the CRM answers with `crm(path)`. Returns every URL requested.
   */
  async function site(
    files: Record<string, [string, string]>,
    crm?: (pathname: string) => unknown,
  ): Promise<{ context: BrowserContext; requested: string[] }> {
    const context = await browser.newContext();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    await context.route('https://your-server.example/cdn/**', async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${server.origin}${url.pathname}` });
      await route.fulfill({ response });
    });
    await context.route(`${pageOrigin}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ status: 200, contentType: file[0], body: file[1] }) : route.fulfill({ status: 404, body: '' });
    });
    await context.route('https://crm.example.org/**', (route) => {
      const body = crm?.(new URL(route.request().url()).pathname);
      return route.fulfill({
        status: body === undefined ? 404 : 200,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': pageOrigin },
        body: JSON.stringify(body ?? { error: 'not found' }),
      });
    });
    return { context, requested };
  }

  async function open(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${pageOrigin}/`);
    return { page, errors };
  }

  const file = (name: string): string => readFileSync(path.join(examples, name), 'utf8');

  test('a client of the page’s own (custom-client/): the CRM’s figures and people, in the contract’s shape', async () => {
    const { context, requested } = await site(
      {
        '/': ['text/html', file('custom-client/index.html')],
        '/my-client.js': ['text/javascript', file('custom-client/my-client.js')],
      },
      (pathname) =>
        ({
          '/api/campaigns/xinjiang': {
            name: 'Xinjiang',
            closed: false,
            total: 777,
            countries: 12,
            target: 1000,
            modified: '2026-11-01T10:00:00Z',
            language: 'fr',
          },
          '/api/people/akber': {
            displayName: 'Akber (CRM)',
            countryCode: 'CN',
            detained: true,
            since: '2018',
            summary: 'Détenu depuis 2018.',
            modified: '2026-11-01T10:00:00Z',
            language: 'fr',
          },
        })[pathname],
    );
    const { page, errors } = await open(context);
    await page.waitForFunction(() => /777/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await page.waitForFunction(() => /Akber \(CRM\)/.test(document.querySelector('case-card')?.shadowRoot?.textContent ?? ''));
    // The client rejected with Agir.AgirError (404): the reader is told the case cannot be found, in French.
    await page.waitForFunction(() => document.querySelector('#unknown')?.matches(':state(error)'));
    assert.match(await shadowText(page, '#unknown'), /Ce cas est introuvable/);
    assert.deepEqual(requested.filter((url) => url.startsWith('https://crm.example.org/')).sort(), [
      'https://crm.example.org/api/campaigns/xinjiang',
      'https://crm.example.org/api/people/akber?lang=fr',
      'https://crm.example.org/api/people/nobody?lang=fr',
    ]);
    assert.deepEqual(
      requested.filter((url) => url.startsWith(server.api)),
      [],
      'no request to an Agir API',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the static adapter (static-file/): counts and cases from one JSON file beside the page', async () => {
    const { context, requested } = await site({
      '/': ['text/html', file('static-file/index.html')],
      '/agir.json': ['application/json', file('static-file/agir.json')],
    });
    const { page, errors } = await open(context);
    // The counter in French (narrow no-break space); the card and the list from the file.
    await page.waitForFunction(() => /4\u202f321/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await page.waitForFunction(() => document.querySelector('case-card')?.matches(':state(ready)'));
    assert.match(await shadowText(page, 'case-card'), /Akber/);
    await page.waitForFunction(() => document.querySelector('case-card-list')?.matches(':state(ready)'));
    assert.equal(await page.evaluate(() => document.querySelector('case-card-list')!.shadowRoot!.querySelectorAll('case-card').length), 1);
    assert.ok(requested.filter((url) => url === `${pageOrigin}/agir.json`).length >= 3, 'the file was read');
    assert.deepEqual(
      requested.filter((url) => url.startsWith(server.api)),
      [],
      'no request to an Agir API',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the static adapter is read-only: a petition form given it says at once that it takes no signatures, and the author why', async () => {
    const { context, requested } = await site({
      '/': [
        'text/html',
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mon blog</title>
        <script type="module">
          import { createStaticClient } from 'https://your-server.example/cdn/static-client.js';
          document.querySelector('petition-form').client = createStaticClient({ url: '/agir.json' });
        </script>
        <script type="module" src="https://your-server.example/cdn/agir.js"></script></head>
        <body><main><petition-form petition="xinjiang"></petition-form></main></body></html>`,
      ],
      '/agir.json': ['application/json', file('static-file/agir.json')],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(`${pageOrigin}/`);
    // Before anyone types a name: the notice instead of the form, no field to fill.
    await page.waitForFunction(() =>
      /Ce formulaire ne peut pas recevoir de signatures pour le moment/.test(
        document.querySelector('petition-form')?.shadowRoot?.textContent ?? '',
      ),
    );
    assert.equal(await page.evaluate(() => document.querySelector('petition-form')!.matches(':state(unavailable)')), true);
    assert.equal(await page.locator('petition-form input[name="email"]').count(), 0);
    assert.deepEqual(
      consoleErrors.filter((text) => /petition-form/.test(text) && /cannot record signatures/.test(text)).length,
      1,
      consoleErrors.join('\n'),
    );
    // No request went anywhere but the CDN and the page.
    assert.deepEqual(
      requested.filter((url) => !url.startsWith('https://your-server.example/cdn/') && url !== `${pageOrigin}/`),
      [],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  /** Fills and sends the form of the page (the newsletter box ticked when `newsletter`). */
  async function sign(page: Page, person: { givenName: string; familyName: string; email: string }, newsletter: boolean): Promise<void> {
    const form = page.locator('petition-form');
    await form.locator('input[name="givenName"]').fill(person.givenName);
    await form.locator('input[name="familyName"]').fill(person.familyName);
    await form.locator('input[name="email"]').fill(person.email);
    if (newsletter) await form.locator('input[type="checkbox"]').check();
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('petition-form')?.matches(':state(signed)'));
  }

  test('the Action Network adapter (actionnetwork/): counts from the read URL, signatures in the helper’s shape, "subscribed" only with consent', async () => {
    const { context } = await site({ '/': ['text/html', file('actionnetwork/index.html')] });
    const bodies: Array<Record<string, unknown>> = [];
    await context.route('https://hooks.example.org/**', (route) => {
      const request = route.request();
      const cors = { 'access-control-allow-origin': pageOrigin, 'access-control-allow-headers': 'content-type' };
      if (request.method() === 'OPTIONS')
        return route.fulfill({ status: 204, headers: { ...cors, 'access-control-allow-methods': 'POST' } });
      assert.equal(new URL(request.url()).pathname, '/actionnetwork/petitions/eau/signatures');
      bodies.push(request.postDataJSON() as Record<string, unknown>);
      return route.fulfill({
        status: 200,
        headers: cors,
        contentType: 'application/hal+json',
        body: JSON.stringify({ identifiers: ['action_network:1'] }),
      });
    });
    await context.route('https://your-server.example/api/v1/actionnetwork/petitions/eau', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': pageOrigin },
        contentType: 'application/json',
        body: JSON.stringify({
          id: 'eau',
          title: 'Eau',
          status: 'open',
          signatureCount: 4321,
          countryCount: 7,
          goal: 10000,
          updatedAt: '2026-11-01T10:00:00Z',
          locale: 'fr',
        }),
      }),
    );
    const { page, errors } = await open(context);
    await page.waitForFunction(() => /4\u202f321/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    await sign(page, { givenName: 'Ana', familyName: 'Silva', email: 'ana@example.org' }, true);
    assert.equal(bodies.length, 1);
    const [ana] = bodies as Array<{ identifiers: string[]; person: Record<string, unknown>; add_tags: string[] }>;
    assert.match(ana!.identifiers[0]!, /^agir:[0-9a-f-]{36}$/);
    assert.deepEqual(ana!.person, {
      given_name: 'Ana',
      family_name: 'Silva',
      email_addresses: [{ address: 'ana@example.org', status: 'subscribed' }],
      postal_addresses: [{ country: 'FR' }],
      custom_fields: { agir_consent_version: '2026-11', agir_consent_text: await consentWords(page) },
    });
    assert.deepEqual(ana!.add_tags, ['agir']);
    // The counter counted the signature made in the page at once.
    await page.waitForFunction(() => /4\u202f322/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
    assert.deepEqual(errors, []);
    await context.close();

    // Without consent: no status, no consent fields.
    const again = await site({ '/': ['text/html', file('actionnetwork/index.html')] });
    const raw: string[] = [];
    await again.context.route('https://hooks.example.org/**', (route) => {
      const cors = { 'access-control-allow-origin': pageOrigin, 'access-control-allow-headers': 'content-type' };
      if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      raw.push(route.request().postData() ?? '');
      return route.fulfill({ status: 200, headers: cors, contentType: 'application/json', body: '{"identifiers":["action_network:2"]}' });
    });
    await again.context.route('https://your-server.example/api/v1/**', (route) =>
      route.fulfill({ status: 503, headers: { 'access-control-allow-origin': pageOrigin } }),
    );
    const second = await open(again.context);
    await sign(second.page, { givenName: 'Ben', familyName: 'Okoro', email: 'ben@example.org' }, false);
    assert.equal(raw.length, 1);
    assert.equal(raw[0]!.includes('subscribed'), false);
    assert.equal(raw[0]!.includes('agir_consent'), false);
    await again.context.close();
  });

  test('the webhook adapter (webhook/): a form body with the page’s names, success by status code', async () => {
    const { context, requested } = await site({ '/': ['text/html', file('webhook/index.html')] });
    const posted: Array<{ type: string | undefined; body: string }> = [];
    await context.route('https://forms.example.org/**', (route) => {
      const request = route.request();
      posted.push({ type: request.headers()['content-type'], body: request.postData() ?? '' });
      return route.fulfill({
        status: 200,
        headers: { 'access-control-allow-origin': pageOrigin },
        contentType: 'text/html',
        body: '<p>Merci</p>',
      });
    });
    const { page, errors } = await open(context);
    await sign(page, { givenName: 'Amina', familyName: 'Haddad', email: 'amina@example.org' }, false);
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.type, 'application/x-www-form-urlencoded');
    const fields = [...new URLSearchParams(posted[0]!.body)];
    assert.deepEqual(
      fields.filter(([name]) => name !== 'submission_id'),
      [
        ['first_name', 'Amina'],
        ['last_name', 'Haddad'],
        ['email', 'amina@example.org'],
        ['country', 'FR'],
        ['opt_in', 'false'],
        ['opt_in_version', '2026-11'],
      ],
    );
    assert.match(new URLSearchParams(posted[0]!.body).get('submission_id')!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      requested.filter((url) => url.startsWith(server.api)),
      [],
      'no request to an Agir API',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
});
