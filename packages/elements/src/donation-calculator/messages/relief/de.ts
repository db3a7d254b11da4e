import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

// German puts the verb right after the fronted phrase: "Dank der Steuerermäßigung von 66 % (…) kostet Sie
// Ihre Spende nur 5,10 € im Monat." — so the rule phrases end without a comma and the result starts with the verb.
export default {
  ruleReduction: 'Dank der Steuerermäßigung von {rate} (wenn Sie Steuern zahlen)',
  ruleCredit: 'Dank der Steuergutschrift von {rate} (wenn Sie Steuern zahlen)',
  ruleRelief: 'Dank des Steuervorteils (wenn Sie Steuern zahlen)',
  netOnce: 'kostet Sie Ihre Spende nur {amount}.',
  netMonthly: 'kostet Sie Ihre Spende nur {amount} im Monat.',
  giftAidOnce: 'Mit Gift Aid werden aus Ihren {gift} {received} für die Organisation.',
  giftAidMonthly: 'Mit Gift Aid werden aus Ihren {gift} im Monat {received} im Monat für die Organisation.',
  charityRefund:
    'Ihre Spende kostet Sie den vollen Betrag, und die Organisation kann dafür {refund} im Jahr an Steuern zurückfordern (wenn Sie Steuern zahlen).',
  noRelief: 'Bei diesem Betrag bringt Ihre Spende keinen Steuervorteil.',
  dependsOnRate:
    'Ihre Spende ist steuerlich absetzbar, wenn Sie Steuern zahlen: Wie viel Sie sparen, hängt von Ihrem Steuersatz ab, daher können wir keinen Betrag anzeigen.',
  dependsOnSituation:
    'Ihre Spende ist steuerlich begünstigt, wenn Sie Steuern zahlen, aber die Höhe hängt von Ihrer Situation ab, daher können wir keinen Betrag anzeigen.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `Der Teil über der Höchstgrenze (${String(params.amount)}) kann ${plural(locale, years, { one: 'in das folgende Jahr', other: `in die folgenden ${count} Jahre` })} vorgetragen werden.`;
  },
  carryForwardLater: 'Der Teil über der Höchstgrenze ({amount}) kann in die folgenden Jahre vorgetragen werden.',
  incomeLabel: 'Ihr jährliches zu versteuerndes Einkommen (optional)',
  incomeHint: 'Der Steuervorteil gilt nur für Spenden bis zu einem Anteil Ihres Einkommens.',
  details: 'Wie wird das berechnet?',
  estimateNote: 'Eine unverbindliche Schätzung, keine Steuerberatung.',
  taxYear: 'Steuerjahr {year}.',
  rulesYear: 'Steuerjahr {year}, berechnet nach den Steuerregeln {rules} (den neuesten, die uns vorliegen).',
  source: 'Quelle: {source}',
} satisfies ReliefMessages;
