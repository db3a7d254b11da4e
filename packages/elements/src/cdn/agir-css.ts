/**
 * `agir.css`, the CDN's one stylesheet: each element's place before it is defined (see shared/space.ts),
 * so a page that links it in its `<head>` does not move when the elements arrive. Written by the build
 * (vite.config.ts); no rule in it applies to a defined element.
 */
import { calculatorSpace } from '../donation-calculator/space.js';
import { caseSpace } from '../case-card/space.js';
import { listSpace } from '../case-card-list/space.js';
import { formPageSpace } from '../petition-form/space.js';
import { pageSelect } from '../shared/space.js';
import { counterSpace } from '../signature-counter/space.js';
import { videoSpace } from '../consent-video/space.js';

export const agirCss =
  '/* Agir: the place of each element until it is defined (https://github.com/agir/agir, MIT) */\n' +
  counterSpace(pageSelect('signature-counter')) +
  formPageSpace(pageSelect('petition-form')) +
  // A card written out in light DOM (slotted name, status…) shows as it is until then.
  caseSpace(pageSelect('case-card', ':not(:has(>[slot]))')) +
  // …and its photo stays in its column (once defined, the card frames it at the same ratio).
  'case-card:not(:defined)>img{max-inline-size:100%;block-size:auto}' +
  listSpace(pageSelect('case-card-list')) +
  calculatorSpace(pageSelect('donation-calculator')) +
  videoSpace(pageSelect('consent-video'));
