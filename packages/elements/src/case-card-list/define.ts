// The list's cards are <case-card>s: registering the list registers them too.
import '../case-card/define.js';
import { CaseCardList } from './case-card-list.js';

CaseCardList.define();
