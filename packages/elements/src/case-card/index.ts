export { CaseCard } from './case-card.js';
// The list has its own folder (and CDN entry); it stays importable from here.
export { CaseCardList } from '../case-card-list/case-card-list.js';
export { ActionEvent } from './events.js';
export type { CaseView } from './case-view.js';
export type { CaseCardMessages } from './messages/en.js';
