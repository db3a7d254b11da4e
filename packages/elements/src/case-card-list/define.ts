// The list's cards are <case-card>s: registering the list registers them too.
import '../case-card/define.js';
import { CaseCardList } from './case-card-list.js';

CaseCardList.define();
// The element's types (its class, its events, the tag-name and event maps) come with this import too.
export type * from './index.js';
