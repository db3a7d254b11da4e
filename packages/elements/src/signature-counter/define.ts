import { SignatureCounter } from './signature-counter.js';

// The page's language first: counters then render their words at once, with no reflow when they arrive.
// During server rendering (no document) it defines nothing.
if (globalThis.document) void SignatureCounter.preload().finally(() => SignatureCounter.define());
// The element's types (its class, its events, the tag-name and event maps) come with this import too.
export type * from './index.js';
