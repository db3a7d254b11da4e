/**
 * The Action Network adapter for pages without a bundler, `actionnetwork-client.js` beside the loader:
 * signatures to an Action Network petition, counts from a read URL (docs/backends.md). No element imports it:
 *
 *   import { createActionNetworkClient } from 'https://…/agir/actionnetwork-client.js';
 *   Agir.configure({ client: createActionNetworkClient({ url: '…/signatures', readUrl: '…' }) });
 */
export { actionNetworkSignature, createActionNetworkClient, type ActionNetworkClientOptions } from '@agir/core';
