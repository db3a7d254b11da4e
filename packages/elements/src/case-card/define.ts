import { CaseCard } from './case-card.js';
import { CaseCardList } from './case-card-list.js';

CaseCard.define();
CaseCardList.define();
