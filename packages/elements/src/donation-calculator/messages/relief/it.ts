import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

// Registro: «tu», come nelle campagne italiane.
// rulesYear: the message the lead adds to every relief catalog in a parallel change; the intersection keeps
// this file checked until it reaches en.ts (then ReliefMessages alone says the same).
export default {
  ruleReduction: 'Grazie alla riduzione d’imposta del {rate} (se paghi le tasse),',
  ruleCredit: 'Grazie alla detrazione d’imposta del {rate} (se paghi le tasse),',
  ruleRelief: 'Grazie all’agevolazione fiscale (se paghi le tasse),',
  netOnce: 'la tua donazione ti costerà solo {amount}.',
  netMonthly: 'la tua donazione ti costerà solo {amount} al mese.',
  giftAidOnce: 'Con il Gift Aid, la tua donazione di {gift} diventa {received} per l’organizzazione.',
  giftAidMonthly: 'Con il Gift Aid, la tua donazione di {gift} al mese diventa {received} al mese per l’organizzazione.',
  charityRefund:
    'La tua donazione ti costa l’intero importo, e l’organizzazione può recuperare {refund} di imposte all’anno grazie a essa (se paghi le tasse).',
  noRelief: 'Con questo importo, la tua donazione non dà diritto ad agevolazioni fiscali.',
  dependsOnRate:
    'La tua donazione è deducibile se paghi le tasse: quanto risparmi dipende dalla tua aliquota, quindi non possiamo mostrare una cifra.',
  dependsOnSituation:
    'La tua donazione dà diritto a un’agevolazione fiscale se paghi le tasse, ma l’importo dipende dalla tua situazione, quindi non possiamo mostrare una cifra.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `La parte oltre il limite (${String(params.amount)}) può essere riportata ${plural(locale, years, { one: 'all’anno successivo', other: `ai ${count} anni successivi` })}.`;
  },
  carryForwardLater: 'La parte oltre il limite ({amount}) può essere riportata agli anni successivi.',
  incomeLabel: 'Il tuo reddito imponibile annuo (facoltativo)',
  incomeHint: 'L’agevolazione fiscale si applica solo alle donazioni fino a una quota del tuo reddito.',
  details: 'Come viene calcolato?',
  estimateNote: 'Una stima a titolo indicativo, non una consulenza fiscale.',
  taxYear: 'Anno fiscale {year}.',
  rulesYear: 'Anno fiscale {year}, calcolato con le regole fiscali del {rules} (le più recenti che abbiamo).',
  source: 'Fonte: {source}',
} satisfies ReliefMessages;
