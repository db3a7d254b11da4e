export { CaseCard } from './case-card.js';
export { CaseCardList } from './case-card-list.js';
export { ActionEvent } from './events.js';
export type { CaseView } from './case-view.js';
export type { CaseCardMessages } from './messages/en.js';
