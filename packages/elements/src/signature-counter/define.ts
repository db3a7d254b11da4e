import { SignatureCounter } from './signature-counter.js';

// The page's language first: counters then render their words at once, with no reflow when they arrive.
void SignatureCounter.preload().finally(() => SignatureCounter.define());
