/**
 * The confirmation page of the emailed link (src/mail.ts): `GET /confirm?token=…` shows a button, in the
 * signer's language, that POSTs the token to `/confirm`; only the POST confirms. Link scanners (mail
 * providers', antivirus') fetch links but submit no forms, so they confirm nothing, and the reader sees
 * what they confirm. The token rides in the query string and the form body, never in the path: the request
 * log holds paths only. The pages are sent with no referrer, no cache, and a policy that allows no script.
 */
import { catalogLanguage, interpolate } from '@agir/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { htmlPage } from './html-page.js';
import { lookUpToken, useToken, type TokenLookup } from './mail.js';
import { mailMessages } from './mail-messages.js';
import type { Store } from './store.js';

const CONFIRM_CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The HTTP status of each answer: a reader sees the words; a tool or a test sees the status. */
const STATUS: Record<TokenLookup['kind'], ContentfulStatusCode> = {
  pending: 200,
  done: 200,
  confirmed: 409,
  expired: 410,
  invalid: 404,
};

export function confirmRoutes(store: Store): Hono {
  const routes = new Hono();

  const page = (c: Context, found: TokenLookup, token?: string) => {
    const locale = found.kind === 'invalid' ? 'en' : found.locale;
    const lang = catalogLanguage(locale);
    const words = mailMessages[lang];
    const title = found.kind === 'invalid' ? '' : found.title;
    const message = {
      pending: interpolate(words.pageAsk, { title }),
      done: words.pageConfirmed,
      confirmed: words.pageAlready,
      expired: words.pageExpired,
      invalid: words.pageInvalid,
    }[found.kind];
    c.header('Content-Security-Policy', CONFIRM_CSP);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(
      htmlPage(
        lang,
        words.pageTitle,
        html`<meta name="robots" content="noindex" />`,
        html`<main>
          <h1>${words.pageTitle}</h1>
          ${found.kind === 'pending' ? html`<p>${message}</p>` : html`<p role="status">${message}</p>`}
          ${
            found.kind === 'pending' && token
              ? html`<form method="post" action="/confirm">
                  <input type="hidden" name="token" value="${token}" />
                  <button type="submit">${words.pageButton}</button>
                </form>`
              : ''
          }
        </main>`,
      ),
      STATUS[found.kind],
    );
  };

  routes.get('/confirm', async (c) => {
    const token = c.req.query('token') ?? '';
    return page(c, await lookUpToken(store, token), token);
  });

  routes.post('/confirm', bodyLimit({ maxSize: 4096 }), async (c) => {
    let token = '';
    try {
      const body = await c.req.parseBody();
      token = typeof body.token === 'string' ? body.token : '';
    } catch {
      // An unreadable body is a missing token: the page says the link is not valid.
    }
    return page(c, await useToken(store, token));
  });

  return routes;
}
