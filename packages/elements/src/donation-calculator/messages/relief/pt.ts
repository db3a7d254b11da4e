import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

// Português europeu (pt-PT), legível também no Brasil; tratamento formal («o seu»).
// rulesYear: the message the lead adds to every relief catalog in a parallel change; the intersection keeps
// this file checked until it reaches en.ts (then ReliefMessages alone says the same).
export default {
  ruleReduction: 'Graças à redução de imposto de {rate} (se pagar impostos),',
  ruleCredit: 'Graças à dedução à coleta de {rate} (se pagar impostos),',
  ruleRelief: 'Graças ao benefício fiscal (se pagar impostos),',
  netOnce: 'o seu donativo só lhe vai custar {amount}.',
  netMonthly: 'o seu donativo só lhe vai custar {amount} por mês.',
  giftAidOnce: 'Com o Gift Aid, o seu donativo de {gift} passa a valer {received} para a organização.',
  giftAidMonthly: 'Com o Gift Aid, o seu donativo de {gift} por mês passa a valer {received} por mês para a organização.',
  charityRefund:
    'O seu donativo custa-lhe o montante total, e a organização pode recuperar {refund} de impostos por ano graças a ele (se pagar impostos).',
  noRelief: 'Com este montante, o seu donativo não dá direito a benefício fiscal.',
  dependsOnRate:
    'O seu donativo é dedutível se pagar impostos: o que recupera depende da sua taxa de imposto, por isso não podemos mostrar um valor.',
  dependsOnSituation:
    'O seu donativo dá direito a um benefício fiscal se pagar impostos, mas o montante depende da sua situação, por isso não podemos mostrar um valor.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `A parte acima do limite (${String(params.amount)}) pode ser transportada para ${plural(locale, years, { one: 'o ano seguinte', other: `os ${count} anos seguintes` })}.`;
  },
  carryForwardLater: 'A parte acima do limite ({amount}) pode ser transportada para os anos seguintes.',
  incomeLabel: 'O seu rendimento coletável anual (opcional)',
  incomeHint: 'O benefício fiscal só se aplica a donativos até uma parte do seu rendimento.',
  details: 'Como é calculado?',
  estimateNote: 'Uma estimativa indicativa, não um aconselhamento fiscal.',
  taxYear: 'Ano fiscal {year}.',
  rulesYear: 'Ano fiscal {year}, calculado com as regras fiscais de {rules} (as mais recentes que temos).',
  source: 'Fonte: {source}',
} satisfies ReliefMessages;
