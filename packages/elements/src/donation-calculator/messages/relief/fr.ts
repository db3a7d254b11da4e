import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

export default {
  ruleReduction: 'Grâce à la réduction d’impôt de {rate} (si vous êtes imposable),',
  ruleCredit: 'Grâce au crédit d’impôt de {rate} (si vous êtes imposable),',
  ruleRelief: 'Grâce à l’avantage fiscal (si vous êtes imposable),',
  netOnce: 'votre don ne vous coûtera que {amount}.',
  netMonthly: 'votre don ne vous coûtera que {amount} par mois.',
  giftAidOnce: 'Avec le Gift Aid, votre don de {gift} devient {received} pour l’association.',
  giftAidMonthly: 'Avec le Gift Aid, votre don de {gift} par mois devient {received} par mois pour l’association.',
  charityRefund:
    'Votre don vous coûte son montant total, et l’association peut récupérer {refund} d’impôt par an grâce à lui (si vous êtes imposable).',
  noRelief: 'À ce montant, votre don n’ouvre pas droit à un avantage fiscal.',
  dependsOnRate:
    'Votre don est déductible de vos revenus si vous êtes imposable\u00a0: ce qu’il vous fait économiser dépend de votre taux d’imposition, nous ne pouvons donc pas afficher de montant.',
  dependsOnSituation:
    'Votre don ouvre droit à un avantage fiscal si vous êtes imposable, mais son montant dépend de votre situation\u00a0: nous ne pouvons pas l’afficher.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `La part au-delà du plafond (${String(params.amount)}) peut être reportée sur ${plural(locale, years, { one: 'l’année suivante', other: `les ${count}\u00a0années suivantes` })}.`;
  },
  carryForwardLater: 'La part au-delà du plafond ({amount}) peut être reportée sur les années suivantes.',
  incomeLabel: 'Votre revenu imposable annuel (facultatif)',
  incomeHint: 'L’avantage fiscal ne s’applique qu’aux dons inférieurs à une part de vos revenus.',
  details: 'Comment est-ce calculé\u00a0?',
  estimateNote: 'Une estimation à titre indicatif, pas un conseil fiscal.',
  taxYear: 'Année fiscale {year}.',
  rulesYear: 'Année fiscale {year}, calcul selon les règles fiscales {rules} (les plus récentes connues).',
  source: 'Source\u00a0: {source}',
} satisfies ReliefMessages;
