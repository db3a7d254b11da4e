/**
 * Uyghur (Arabic script, right to left) messages of consent-video. The translation is ours (machine-assisted,
 * from the English and French catalogs), to be reviewed by a native speaker.
 */
import type { ConsentVideoMessages } from './en.js';

const ug: ConsentVideoMessages = {
  notice:
    'بۇ سىن {provider} دا ساقلانغان. ئۇنى قويسىڭىز {provider} نىڭ قويغۇچىسى يۈكلىنىدۇ، ئۇ ئۈسكۈنىڭىزگە cookie ساقلىشى ۋە سىزنىڭ بۇ سىننى كۆرگەنلىكىڭىزنى بىلىشى مۇمكىن. قويۇشنى تاللىمىغۇچە ھېچنەرسە يۈكلەنمەيدۇ.',
  play: 'سىننى قويۇش ({provider})',
  remember: 'بۇ ئۈسكۈنىدە {provider} ئۈچۈن تاللىشىمنى ئېسىدە تۇت',
  forget: '{provider} ئۈچۈن تاللىشىمنى ئۇنتۇ',
  player: '{title} ({provider} قويغۇچىسى)',
  untitled: 'سىن',
  unavailable: 'بۇ سىننى كۆرسەتكىلى بولمايدۇ.',
};
export default ug;
