/**
 * The built-in adapters a form's `adapter` attribute names, loaded only by a form that has one (a chunk of
 * its own: no element's entry carries them). `adapter="actionnetwork"` sends to the Action Network helper
 * at the `endpoint` URL; `adapter="webhook"` POSTs JSON there, `adapter="webhook form"` a form body.
 * Anything more (a read URL, tags, a field mapping) is the adapter's options: `configure({ client })`.
 */
import { createActionNetworkClient, createWebhookClient, type AgirClient } from '@agir/core';

/** The client an `adapter` attribute names, for the `endpoint` URL; throws a message for the page author. */
export function adapterClient(adapter: string, url: string): AgirClient {
  const [kind, format] = adapter.split(/\s+/);
  if (kind === 'actionnetwork' && !format) return createActionNetworkClient({ url });
  if (kind === 'webhook' && (!format || format === 'json' || format === 'form'))
    return createWebhookClient({ url, format: format as 'json' | 'form' | undefined });
  throw new Error(`the "adapter" attribute must be "actionnetwork", "webhook" or "webhook form" (got "${adapter}").`);
}
