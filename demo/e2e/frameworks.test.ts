// Issue 8: a React 19 app and a Vue 3 app use the npm packages: they type-check against the typings
// generated from custom-elements.json (each app's build runs tsc / vue-tsc first, and its typings-check.ts
// fails if a tag or attribute stops being typed), then pass properties and receive events in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, root, serveDirectory } from './harness.js';

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
