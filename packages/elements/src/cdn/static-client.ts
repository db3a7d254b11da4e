/**
 * The static adapter for pages without a bundler, `static-client.js` beside the loader: counts and cases
 * from one JSON file on any host (docs/backends.md). No element imports it; a page that wants it does:
 *
 *   import { createStaticClient } from 'https://…/agir/static-client.js';
 *   Agir.configure({ client: createStaticClient({ url: '/agir.json' }) });
 */
export { createStaticClient, type StaticClientOptions, type StaticData } from '@agir/core';
