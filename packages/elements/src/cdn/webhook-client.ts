/**
 * The webhook adapter for pages without a bundler, `webhook-client.js` beside the loader: signatures POSTed
 * as JSON or a form body, with a field mapping (docs/backends.md). No element imports it:
 *
 *   import { createWebhookClient } from 'https://…/agir/webhook-client.js';
 *   Agir.configure({ client: createWebhookClient({ url: 'https://forms.example/hook', format: 'form' }) });
 */
export { createWebhookClient, webhookRecord, type WebhookClientOptions } from '@agir/core';
