export { CaseCardList } from './case-card-list.js';
