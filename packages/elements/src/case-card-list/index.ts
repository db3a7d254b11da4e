export { CaseCardList } from './case-card-list.js';
export { ActionEvent } from '../case-card/events.js';
