// The README's first command, `npm start`, serves the demo campaign page over HTTP; its arguments reach the
// server; and with its defaults a page on another origin (another localhost port, no CSS of its own) reads a
// count and a case and signs (issue 16); SIGTERM to npm alone stops the server. Started once for the file: each start
// builds everything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, launchChromium, root } from './harness.js';
import { allShown, delayingProxy, elementTags, embeddingPage, recordShifts, servePageOnOwnOrigin } from './layout-shift.js';

describe('`npm start`', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  let dataDir: string;
  let origin: string;

  before(
    async () => {
      const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
      assert.match(readme, /^npm start\b/m, 'the README gives `npm start`');
      assert.match(readme, /^npm test\b/m, 'the README gives `npm test`');
      port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'agir-start-'));
      const { HOST: _host, ...environment } = process.env; // no HOST: the default must be this machine only
      // Arguments after `--` go to `agir-server start`: forms signed at once count (no 3 s bot rule), no request log.
      child = spawn('npm', ['start', '--', '--min-fill-ms', '0', '--quiet'], {
        cwd: root,
        detached: true,
        env: { ...environment, PORT: String(port), AGIR_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line after 240 s:\n${output.slice(-3000)}`)), 240_000);
        const check = setInterval(() => {
          if (/agir-server listening on http/.test(output)) {
            clearTimeout(timer);
            clearInterval(check);
            resolve();
          }
        }, 100);
        child.on('exit', (code) => {
          clearTimeout(timer);
          clearInterval(check);
          reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
        });
      });
    },
    { timeout: 300_000 },
  );

  after(async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.keys`, { recursive: true, force: true });
  });

  test('`npm start` (the README command) installs, builds and serves the demo page and the API', async () => {
    assert.match(output, new RegExp(`agir-server listening on http://127\\.0\\.0\\.1:${port}\\b`), 'listens on 127.0.0.1 by default');
    const page = await fetch(`${origin}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<html lang="fr"/);
    assert.match(html, /Xinjiang|Agir/);

    const petition = (await (await fetch(`${origin}/api/v1/petitions/xinjiang`)).json()) as {
      signatureCount: number;
      countryCount: number;
    };
    assert.equal(petition.signatureCount, 323832, 'seeded with the campaign page count');
    assert.equal(petition.countryCount, 184);
    const loader = await fetch(`${origin}/cdn/agir.js`);
    assert.equal(loader.status, 200, 'the CDN loader is served');
    const listening = output.slice(output.indexOf('agir-server listening on'));
    assert.doesNotMatch(listening, /"method"/, '--quiet reached the server: no request log after the listening line');
  });

  test('a page on another localhost port, with no CSS of its own, reads a count and a case and signs', { timeout: 120_000 }, async () => {
    const before = ((await (await fetch(`${origin}/api/v1/petitions/xinjiang`)).json()) as { signatureCount: number }).signatureCount;
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Section locale</title>
      <meta name="agir:endpoint" content="${origin}/api/v1">
      <script type="module" src="${origin}/cdn/agir.js"></script></head><body><main>
      <p><signature-counter petition="xinjiang" layout="inline"></signature-counter> signatures</p>
      <case-card case="akber"></case-card>
      <petition-form petition="xinjiang" consent-text="Je souhaite recevoir les actualités." consent-version="e2e-start"
        privacy-href="https://www.example.org/confidentialite"></petition-form>
      </main></body></html>`;
    const site = http.createServer((request, response) => {
      if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    assert.notEqual(siteOrigin, origin);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const apiAnswers: Array<{ method: string; url: string; status: number; allowOrigin: string | undefined }> = [];
      page.on('response', (response) => {
        if (!response.url().startsWith(`${origin}/api/`)) return;
        apiAnswers.push({
          method: response.request().method(),
          url: response.url(),
          status: response.status(),
          allowOrigin: response.headers()['access-control-allow-origin'],
        });
      });
      await page.goto(`${siteOrigin}/`);

      const shadowText = (tag: string) => page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent ?? '', tag);
      await page.waitForFunction(
        (count) => (document.querySelector('signature-counter')?.shadowRoot?.textContent ?? '').replace(/\D/g, '').includes(String(count)),
        before,
        { timeout: 30_000 },
      );
      await page.waitForFunction(() => /Akber/.test(document.querySelector('case-card')?.shadowRoot?.textContent ?? ''), undefined, {
        timeout: 30_000,
      });
      assert.match(await shadowText('case-card'), /Akber/);

      const form = page.locator('petition-form');
      const email = `cross.origin.${Date.now()}@example.org`;
      await form.locator('input[name="givenName"]').fill('Rosa');
      await form.locator('input[name="familyName"]').fill('Parks');
      await form.locator('input[name="email"]').fill(email);
      await form.locator('select[name="country"]').selectOption('BE');
      await form.locator('button[type="submit"]').click();
      await page.waitForFunction(() => !!document.querySelector('petition-form')?.matches(':state(signed)'), undefined, {
        timeout: 30_000,
      });
      const after = ((await (await fetch(`${origin}/api/v1/petitions/xinjiang`)).json()) as { signatureCount: number }).signatureCount;
      assert.equal(after, before + 1, 'the server counted the signature from the other origin');

      const signed = apiAnswers.find((answer) => answer.method === 'POST' && answer.url.endsWith('/petitions/xinjiang/signatures'));
      assert.equal(signed?.status, 201, JSON.stringify(apiAnswers));
      assert.equal(signed?.allowOrigin, '*');
      for (const read of apiAnswers.filter((answer) => answer.method === 'GET'))
        assert.equal(read.allowOrigin, '*', `${read.url} answers every origin`);
      assert.ok(
        apiAnswers.some((answer) => answer.url.includes('/cases/akber')),
        `the case came from the server: ${apiAnswers.map((a) => a.url).join(' ')}`,
      );
      assert.deepEqual(errors, []);
    } finally {
      await browser?.close();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });

  test(
    'every element on a page of another origin, with no CSS of its own (or a theme’s 62.5 % root and line height on every element) and a slow CDN and API, moves nothing while it loads, then signs',
    { timeout: 180_000 },
    async () => {
      // Every response of the server (CDN files and API) held back 400 ms; the page as getting-started gives it:
      // agir.css and agir.js in its <head>, the elements in its body, and nothing else.
      const proxy = await delayingProxy(origin, 400);
      const site = await servePageOnOwnOrigin(embeddingPage(proxy.origin, `${proxy.origin}/api/v1`));
      // An older theme: 1rem is 10 px, the text set back to 16 px, a line height on every element. The places
      // agir.css holds are in em of the element's font, and so is everything inside it (in rem, the form's fields
      // would shrink with the root); the form and the calculator keep their own line height inside, which a rule
      // for every element reaches no more than one for the page.
      const themed = await servePageOnOwnOrigin(
        embeddingPage(proxy.origin, `${proxy.origin}/api/v1`, 'html{font-size:62.5%}body{font-size:1.6rem}*{line-height:2.2}'),
      );
      let browser: Browser | undefined;
      try {
        browser = await launchChromium();
        for (const [host, viewport] of [
          [site, { width: 375, height: 800 }],
          [site, { width: 1280, height: 3200 }], // every element on screen: a shift anywhere counts
          [themed, { width: 1280, height: 3600 }],
        ] as const) {
          const { report, context } = await recordShifts(browser, `${host.origin}/`, allShown, viewport);
          const where = `${host === themed ? 'themed, ' : ''}${viewport.width}×${viewport.height}: ${JSON.stringify(report)}`;
          assert.ok(report.total < 0.01, `cumulative layout shift ${report.total} < 0.01 at ${where}`);
          assert.deepEqual(
            Object.keys(report.before).sort(),
            Object.keys(report.after).sort(),
            `every element was painted before it was defined: ${where}`,
          );
          for (const [element, height] of Object.entries(report.after)) {
            // A list's length is known only once its cases arrive (it holds one row until then, and sits last).
            if (element.startsWith('case-card-list')) assert.ok(height >= report.before[element]!, `${element} only grows: ${where}`);
            else
              assert.ok(
                Math.abs(height - report.before[element]!) <= 1,
                `${element} keeps the height it had before it was defined: ${where}`,
              );
          }
          assert.equal(Object.keys(report.after).length, elementTags.length + 1, 'both counters, and one of each other element');
          await context.close();
        }

        // The same page reads the live count and signs, through the slow server.
        const before = ((await (await fetch(`${origin}/api/v1/petitions/xinjiang`)).json()) as { signatureCount: number }).signatureCount;
        const { page, context } = await recordShifts(browser, `${site.origin}/`, allShown, { width: 1280, height: 900 }, 0);
        const counted = await page.evaluate(() => document.querySelector('signature-counter')!.shadowRoot!.textContent!.replace(/\D/g, ''));
        assert.ok(counted.includes(String(before)), `the counter shows the count ${before}: ${counted}`);
        const form = page.locator('petition-form');
        await form.locator('input[name="givenName"]').fill('Ilham');
        await form.locator('input[name="familyName"]').fill('Tohti');
        await form.locator('input[name="email"]').fill(`slow.page.${Date.now()}@example.org`);
        await form.locator('select[name="country"]').selectOption('FR');
        await form.locator('input[name="postalCode"]').fill('75011');
        await form.locator('button[type="submit"]').click();
        await page.waitForFunction(() => !!document.querySelector('petition-form')?.matches(':state(signed)'), undefined, {
          timeout: 30_000,
        });
        const after = ((await (await fetch(`${origin}/api/v1/petitions/xinjiang`)).json()) as { signatureCount: number }).signatureCount;
        assert.equal(after, before + 1, 'the server counted the signature');
        await context.close();
      } finally {
        await browser?.close();
        await site.close();
        await themed.close();
        await proxy.close();
      }
    },
  );
  // Last: it stops the server. `docker stop`, systemd and `kill` send SIGTERM to the one process they started
  // (here npm), not to its whole group as Ctrl-C does: the server must stop too and free its data folder.
  test('SIGTERM to `npm start` alone stops the server and frees the data folder', { timeout: 60_000 }, async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await exited;
    const deadline = Date.now() + 20_000;
    let listening = true;
    while (listening && Date.now() < deadline) {
      listening = await fetch(`${origin}/api/v1/petitions/xinjiang`).then(
        () => true,
        () => false,
      );
      if (listening) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(listening, false, 'nothing answers on the port any more');
    const list = spawnSync(
      process.execPath,
      [path.join(root, 'packages/server/bin/agir-server.mjs'), 'petition', 'list', '--data-dir', dataDir],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(list.status, 0, `the data folder is free: ${list.stderr}`);
    assert.match(list.stdout, /xinjiang/);
  });
});
