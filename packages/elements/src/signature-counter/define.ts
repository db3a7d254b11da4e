import { SignatureCounter } from './signature-counter.js';

// The page's language first: counters then render their words at once, with no reflow when they arrive.
// During server rendering (no document) it defines nothing.
if (globalThis.document) void SignatureCounter.preload().finally(() => SignatureCounter.define());
