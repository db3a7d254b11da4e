/**
 * Simplified Chinese messages of petition-form's journey after signing. The translation is ours (machine-assisted, from
 * the English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormJourneyMessages } from './en.js';

export default {
  stepOf: '第 {index} 步，共 {count} 步：{title}',
  next: '继续',
  skip: '以后再说',
  shareTitle: '告诉更多人',
  donateTitle: '支持这项行动',
  donateText: '哪怕是一笔小额捐款，也能让行动继续下去。',
  donateLink: '捐款',
  doneTitle: '感谢您的支持',
  doneText: '每一个声音都很重要。我们一起持续施压。',
} satisfies PetitionFormJourneyMessages;
