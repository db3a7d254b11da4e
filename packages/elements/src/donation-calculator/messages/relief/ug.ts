/**
 * Uyghur (Arabic script, right to left) sentences about the tax relief. The translation is ours
 * (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker.
 */
import { formatNumber } from '@agir/core';
import type { ReliefMessages } from './en.js';

export default {
  ruleReduction: '{rate} باج كېمەيتىش ئېتىبارى سەۋەبىدىن (ئەگەر باج تاپشۇرسىڭىز)،',
  ruleCredit: '{rate} باج كرېدىتى سەۋەبىدىن (ئەگەر باج تاپشۇرسىڭىز)،',
  ruleRelief: 'باج ئېتىبارى سەۋەبىدىن (ئەگەر باج تاپشۇرسىڭىز)،',
  netOnce: 'ئىئانىڭىز سىزگە پەقەت {amount} غا چۈشىدۇ.',
  netMonthly: 'ئىئانىڭىز سىزگە ئايدا پەقەت {amount} غا چۈشىدۇ.',
  giftAidOnce: 'Gift Aid بىلەن، سىزنىڭ {gift} ئىئانىڭىز خەيرىيە تەشكىلاتى ئۈچۈن {received} بولىدۇ.',
  giftAidMonthly: 'Gift Aid بىلەن، سىزنىڭ ئايلىق {gift} ئىئانىڭىز خەيرىيە تەشكىلاتى ئۈچۈن ئايدا {received} بولىدۇ.',
  charityRefund:
    'ئىئانىڭىز سىزگە تولۇق سوممىسىغا چۈشىدۇ، خەيرىيە تەشكىلاتى ئۇنىڭ ئۈچۈن يىلىغا {refund} باج قايتۇرۇۋالالايدۇ (ئەگەر باج تاپشۇرسىڭىز).',
  noRelief: 'بۇ مىقداردا ئىئانىڭىز باج ئېتىبارىغا ئېرىشەلمەيدۇ.',
  dependsOnRate:
    'ئەگەر باج تاپشۇرسىڭىز، ئىئانىڭىز باجدىن چىقىرىۋېتىلىدۇ: قايتۇرۇۋالىدىغىنىڭىز باج نىسبىتىڭىزگە باغلىق، شۇڭا سانىنى كۆرسىتەلمەيمىز.',
  dependsOnSituation:
    'ئەگەر باج تاپشۇرسىڭىز، ئىئانىڭىز باج ئېتىبارىغا ئېرىشىدۇ، ئەمما مىقدارى ئەھۋالىڭىزغا باغلىق، شۇڭا سانىنى كۆرسىتەلمەيمىز.',
  // A noun after a number stays singular: "كېيىنكى 3 يىلغا".
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const period = years === 1 ? 'كېيىنكى يىلغا' : `كېيىنكى ${formatNumber(locale, years)} يىلغا`;
    return `يۇقىرى چەكتىن ئاشقان قىسمى (${String(params.amount)}) ${period} يۆتكەلسە بولىدۇ.`;
  },
  carryForwardLater: 'يۇقىرى چەكتىن ئاشقان قىسمى ({amount}) كېيىنكى يىللارغا يۆتكەلسە بولىدۇ.',
  incomeLabel: 'يىللىق باج تاپشۇرۇلىدىغان كىرىمىڭىز (ئىختىيارىي)',
  incomeHint: 'باج ئېتىبارى پەقەت كىرىمىڭىزنىڭ مەلۇم نىسبىتىگىچە بولغان ئىئانىگىلا ماس كېلىدۇ.',
  details: 'بۇ قانداق ھېسابلىنىدۇ؟',
  estimateNote: 'بۇ پەقەت پايدىلىنىش ئۈچۈن مۆلچەر، باج مەسلىھەتى ئەمەس.',
  taxYear: '{year} باج يىلى.',
  rulesYear: '{year} باج يىلى، {rules} يىلىنىڭ باج قائىدىلىرى بويىچە ھېسابلاندى (بىزدىكى ئەڭ يېڭىسى).',
  source: 'مەنبە: {source}',
} satisfies ReliefMessages;
