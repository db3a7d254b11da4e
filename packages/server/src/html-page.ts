/**
 * The shell of every page the server renders itself (the embed pages, the confirmation page): the reader's
 * language and direction, the viewport, the title, the embed stylesheet. `head` and `body` come already
 * escaped (`hono/html`); the caller sets the status and the headers of its page (policy, caching).
 */
import { directionOf } from '@agir/core';
import { html } from 'hono/html';

type Html = ReturnType<typeof html>;

export const htmlPage = (lang: string, title: string, head: Html, body: Html): Html =>
  html`<!doctype html>
    <html lang="${lang}" dir="${directionOf(lang)}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="/embed/embed.css" />
        ${head}
      </head>
      <body>
        ${body}
      </body>
    </html>`;
