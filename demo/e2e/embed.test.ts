// Issue 16: a blog that strips scripts pastes what oEmbed gives (an <iframe>) and the case and the petition work
// inside it, in Chromium, against the real reference server: the case card's name shows in its frame, the petition
// frame signs (the stored row read back with `agir-server signatures export`), and with JavaScript disabled the
// case frame still shows the name, the status and the link to act.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Frame, FrameLocator } from 'playwright-core';
import { launchChromium, servePage, startReferenceServer, type ReferenceServer } from './harness.js';

// The blog: another origin, https (a secure context, as a real blog; the frames on loopback are trustworthy too).
const blogUrl = 'https://blog.example/2026/12/xinjiang';

interface OEmbed {
  type: string;
  html: string;
  width: number;
  height: number;
}

describe('embedding through oEmbed on a page that strips scripts', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let caseFrame: OEmbed;
  let petitionFrame: OEmbed;

  before(async () => {
    server = await startReferenceServer();
    browser = await launchChromium();
    const oembed = async (page: string): Promise<OEmbed> => {
      const response = await fetch(`${server.origin}/oembed?url=${encodeURIComponent(`${server.origin}${page}`)}&maxwidth=600`);
      assert.equal(response.status, 200, page);
      return (await response.json()) as OEmbed;
    };
    caseFrame = await oembed('/embed/cases/akber');
    petitionFrame = await oembed('/embed/petitions/xinjiang');
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** The blog post: its own words, then the iframes exactly as oEmbed gave them; no script of its own. */
  const blogPost = (...frames: OEmbed[]): string =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Notre blog</title></head>
    <body><main><h1>Xinjiang : agir</h1><p>Lisez, puis signez.</p>${frames.map((frame) => frame.html).join('\n')}</main></body></html>`;

  async function openBlog(javaScriptEnabled: boolean, ...frames: OEmbed[]): Promise<{ context: BrowserContext; errors: string[] }> {
    // Tall enough for both frames to be in view: they are `loading="lazy"`.
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 2000 } });
    // The blog's own policy forbids every script: what the frames do, they do in their own documents.
    await servePage(context, blogUrl, blogPost(...frames), { 'Content-Security-Policy': "script-src 'none'; object-src 'none'" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(blogUrl);
    return { context, errors };
  }

  const frame = async (context: BrowserContext, title: string): Promise<FrameLocator> => {
    const page = context.pages()[0]!;
    assert.equal(await page.locator(`iframe[title="${title}"]`).count(), 1, `an iframe titled ${title}`);
    return page.frameLocator(`iframe[title="${title}"]`);
  };

  /** The document of the blog's frame showing `path` of the server. */
  const documentOf = (context: BrowserContext, path: string): Frame => {
    const found = context
      .pages()[0]!
      .frames()
      .find((f) => f.url().startsWith(server.origin) && new URL(f.url()).pathname === path);
    assert.ok(found, `a frame showing ${path}`);
    return found;
  };

  test('the case frame shows the card, upgraded by the CDN’s case-card', async () => {
    const { context, errors } = await openBlog(true, caseFrame);
    try {
      const card = (await frame(context, 'Cas : Akber')).locator('case-card');
      await card.waitFor({ state: 'attached', timeout: 20_000 });
      await documentOf(context, '/embed/cases/akber').waitForFunction(
        () => document.querySelector('case-card')?.matches(':state(ready)'),
        undefined,
        {
          timeout: 20_000,
        },
      );
      const name = card.getByRole('heading', { name: 'Akber' });
      await name.waitFor({ state: 'visible' });
      assert.equal(await name.isVisible(), true);
      assert.equal(await card.evaluate((el) => el.shadowRoot !== null), true, 'upgraded: the element ran inside the frame');
      assert.equal(await card.getByRole('link', { name: 'Agir' }).count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the petition frame signs: a stored row', async () => {
    const { context, errors } = await openBlog(true, petitionFrame);
    const email = `embed.${randomUUID().slice(0, 8)}@example.org`;
    try {
      const inside = await frame(context, 'Pétition : Liberté pour les détenus des camps d’internement du Xinjiang');
      const form = inside.locator('petition-form');
      await form.locator('input[name="givenName"]').waitFor({ timeout: 20_000 });
      await form.locator('input[name="givenName"]').fill('Inès');
      await form.locator('input[name="familyName"]').fill('Embed');
      await form.locator('input[name="email"]').fill(email);
      await form.locator('select[name="country"]').selectOption('FR');
      await form.getByRole('button', { name: 'Signer la pétition' }).click();
      await documentOf(context, '/embed/petitions/xinjiang').waitForFunction(
        () => document.querySelector('petition-form')?.matches(':state(signed)'),
        undefined,
        {
          timeout: 20_000,
        },
      );
      assert.equal(await form.getByText('Merci pour votre signature').count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
    // What the server stored, read with the operator CLI (PGlite: one process at a time).
    await server.stop();
    try {
      const result = await server.cli(['signatures', 'export', '--petition', 'xinjiang']);
      assert.equal(result.code, 0, result.stderr);
      const [header, ...lines] = result.stdout.trim().split(/\r?\n/);
      const rows = lines.filter((line) => line.includes(email));
      assert.equal(rows.length, 1, `one stored signature for ${email}`);
      const columns = header!.split(',');
      const values = rows[0]!.split(',');
      const row = Object.fromEntries(columns.map((name, i) => [name, values[i]]));
      assert.equal(row.given_name, 'Inès');
      assert.equal(row.country, 'FR');
    } finally {
      await server.start();
    }
  });

  test('with JavaScript disabled, the case frame still shows the name, the status and the link to act', async () => {
    const { context } = await openBlog(false, caseFrame);
    try {
      const inside = await frame(context, 'Cas : Akber');
      const card = inside.locator('case-card');
      const name = card.getByRole('heading', { name: 'Akber', level: 2 });
      await name.waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await card.evaluate((el) => el.shadowRoot), null, 'not upgraded: the light DOM is all there is');
      assert.equal(await card.getByText('Interné dans un camp').isVisible(), true);
      const link = card.getByRole('link', { name: 'Agir' });
      assert.equal(await link.isVisible(), true);
      assert.equal(await link.getAttribute('href'), '/embed/petitions/xinjiang');
      const summary = card.getByText('Akber fait partie de ces milliers');
      assert.equal(await summary.isVisible(), true);
      // Name, status, then the link, from top to bottom.
      const tops = await Promise.all(
        [name, card.getByText('Interné dans un camp'), summary, link].map(async (l) => (await l.boundingBox())!.y),
      );
      assert.deepEqual(
        [...tops].sort((a, b) => a - b),
        tops,
      );
    } finally {
      await context.close();
    }
  });
});
