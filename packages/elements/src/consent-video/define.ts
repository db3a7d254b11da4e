import { ConsentVideo } from './consent-video.js';

// During server rendering (no document) it defines nothing.
if (globalThis.document) ConsentVideo.define();
// The element's types (its class, its events, the tag-name and event maps) come with this import too.
export type * from './index.js';
