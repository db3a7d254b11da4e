import { CaseCard } from './case-card.js';

CaseCard.define();
