import { CaseCard } from './case-card.js';

CaseCard.define();
// The element's types (its class, its events, the tag-name and event maps) come with this import too.
export type * from './index.js';
