// Issue 8: a React 19 app and a Vue 3 app use the npm packages: they type-check against the typings
// generated from custom-elements.json (each app's build runs tsc / vue-tsc first, and its typings-check.ts
// fails if a tag or attribute stops being typed), then pass properties and receive events in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { getJson, launchChromium, root, serveDirectory, startReferenceServer, type ReferenceServer } from './harness.js';

for (const framework of ['react', 'vue'] as const) {
  describe(`${framework} app`, () => {
    let browser: Browser;
    let site: { url: string; close(): Promise<void> };
    before(async () => {
      const build = spawnSync('pnpm', ['--filter', `@agir/check-${framework}`, 'run', 'build'], { cwd: root, encoding: 'utf8' });
      assert.equal(build.status, 0, `the ${framework} app type-checks and builds:\n${build.stdout}\n${build.stderr}`);
      site = await serveDirectory(path.join(root, 'demo/frameworks', framework, 'dist'));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    test(`${framework}: properties reach the elements and their events reach the app`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(site.url);
      // A number property set by the framework: the counter shows it in English.
      await page.waitForFunction(() => /1,234/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
      await page.getByRole('button', { name: 'Add 1,000' }).click();
      await page.waitForFunction(() => /2,234/.test(document.querySelector('signature-counter')?.shadowRoot?.textContent ?? ''));
      // A custom event handled by the framework: the app cancels agir-donate and shows what it carried.
      await page.waitForFunction(() => /£/.test(document.querySelector('donation-calculator')?.shadowRoot?.textContent ?? ''));
      await page.locator('donation-calculator').getByRole('radio', { name: /25/ }).check();
      await page.locator('donation-calculator [part~="donate-button"]').click();
      await page.waitForFunction(() => document.getElementById('donation')?.textContent === 'Donation: once 25 GBP');
      assert.equal(new URL(page.url()).origin + '/', site.url, 'the cancelled event kept the app on its page');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

// Issue 16: a Next.js App Router app and an Astro site render their pages on the server (in Node, at build time:
// both export static pages), so they import the element modules there; the browser then defines the elements
// (and React hydrates). Against a real reference server, their pages show the count, sign, get `agir-signed`
// into the app, send what the object property (the form's `captcha` function) returned, and the server stores it.
const serverRendered = [
  { framework: 'next', out: 'out', token: 'next-captcha-token' },
  { framework: 'astro', out: 'dist', token: 'astro-captcha-token' },
] as const;

for (const { framework, out, token } of serverRendered) {
  describe(`${framework} app`, () => {
    let server: ReferenceServer;
    let browser: Browser;
    let site: { url: string; close(): Promise<void> };
    before(async () => {
      server = await startReferenceServer();
      // The endpoint is read where the page renders (here at build time) and written in <meta name="agir:endpoint">.
      const env = { ...process.env, AGIR_ENDPOINT: server.api, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' };
      const build = spawnSync('pnpm', ['--filter', `@agir/check-${framework}`, 'run', 'build'], { cwd: root, encoding: 'utf8', env });
      assert.equal(build.status, 0, `the ${framework} app renders on the server and builds:\n${build.stdout}\n${build.stderr}`);
      site = await serveDirectory(path.join(root, 'demo/frameworks', framework, out));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await server?.dispose();
    });

    test(`${framework}: the server-rendered page signs, agir-signed reaches the app, the object property is sent`, async () => {
      const signatureCount = async () => (await getJson<{ signatureCount: number }>(`${server.api}/petitions/xinjiang`)).signatureCount;
      const start = await signatureCount();
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        // The browser asks for /favicon.ico by itself; the apps have none.
        if (new URL(message.location().url || site.url).pathname === '/favicon.ico') return;
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      });
      const posts: Array<{ captcha?: string }> = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && /\/petitions\/xinjiang\/signatures$/.test(request.url())) posts.push(request.postDataJSON());
      });
      await page.goto(site.url);
      const counter = page.locator('signature-counter');
      await counter.getByText(new Intl.NumberFormat('en').format(start)).first().waitFor();
      // The app imported agir.css as getting-started says: its rules for undefined elements are in the page.
      const placeRules = await page.evaluate(() =>
        [...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
          .filter((text) => /petition-form:not\(:defined\)/.test(text)),
      );
      assert.ok(placeRules.length > 0, `the ${framework} page holds agir.css`);

      const email = `${framework}@example.org`;
      await page.locator('petition-form input[name="givenName"]').fill('Ada');
      await page.locator('petition-form input[name="familyName"]').fill('Lovelace');
      await page.locator('petition-form input[name="email"]').fill(email);
      await page.locator('petition-form select[name="country"]').selectOption('GB');
      await page.getByRole('button', { name: 'Sign the petition' }).click();

      // The app's own text, written by its agir-signed listener.
      await page
        .locator('#signed')
        .getByText(`Thank you: ${start + 1} signatures.`)
        .waitFor();
      await counter
        .getByText(new Intl.NumberFormat('en').format(start + 1))
        .first()
        .waitFor();
      assert.deepEqual(
        posts.map((post) => post.captcha),
        [token],
        'one signature sent, with the token of the function the app set',
      );
      assert.equal(await signatureCount(), start + 1, 'the server counted it');
      assert.deepEqual(problems, [], 'no page error, no hydration error or warning');
      await page.close();

      await server.stop(); // PGlite: one process at a time
      const exported = await server.cli(['signatures', 'export', '--petition', 'xinjiang']);
      assert.equal(exported.code, 0, exported.stderr);
      const rows = exported.stdout.split(/\r?\n/).filter((line) => line.includes(email));
      assert.equal(rows.length, 1, `one stored row for ${email}:\n${exported.stdout}`);
      assert.ok(rows[0]!.includes(`,xinjiang,Ada,Lovelace,${email},GB,`), rows[0]);
      assert.ok(rows[0]!.includes(`,en,${site.url},`), `the page's language and address: ${rows[0]}`);
    });
  });
}
