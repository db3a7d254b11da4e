import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

// Aanspreekvorm: "je". Na een vooropgeplaatste bepaling volgt in het Nederlands direct de persoonsvorm:
// "Dankzij de belastingvermindering van 45% (…) kost je gift je maar € 55." — dus geen komma na de regel.
// rulesYear: the message the lead adds to every relief catalog in a parallel change; the intersection keeps
// this file checked until it reaches en.ts (then ReliefMessages alone says the same).
export default {
  ruleReduction: 'Dankzij de belastingvermindering van {rate} (als je belasting betaalt)',
  ruleCredit: 'Dankzij het belastingkrediet van {rate} (als je belasting betaalt)',
  ruleRelief: 'Dankzij het belastingvoordeel (als je belasting betaalt)',
  netOnce: 'kost je gift je maar {amount}.',
  netMonthly: 'kost je gift je maar {amount} per maand.',
  giftAidOnce: 'Met Gift Aid wordt je gift van {gift} {received} voor de organisatie.',
  giftAidMonthly: 'Met Gift Aid wordt je gift van {gift} per maand {received} per maand voor de organisatie.',
  charityRefund:
    'Je gift kost je het volledige bedrag, en de organisatie kan er {refund} per jaar aan belasting over terugvragen (als je belasting betaalt).',
  noRelief: 'Bij dit bedrag levert je gift geen belastingvoordeel op.',
  dependsOnRate:
    'Je gift is aftrekbaar als je belasting betaalt: hoeveel je terugkrijgt, hangt af van je belastingtarief, dus we kunnen geen bedrag tonen.',
  dependsOnSituation:
    'Je gift geeft recht op belastingvoordeel als je belasting betaalt, maar het bedrag hangt af van je situatie, dus we kunnen geen bedrag tonen.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `Het deel boven het plafond (${String(params.amount)}) kan worden overgedragen naar ${plural(locale, years, { one: 'het volgende jaar', other: `de volgende ${count} jaar` })}.`;
  },
  carryForwardLater: 'Het deel boven het plafond ({amount}) kan worden overgedragen naar latere jaren.',
  incomeLabel: 'Je jaarlijkse belastbare inkomen (optioneel)',
  incomeHint: 'Het belastingvoordeel geldt alleen voor giften tot een deel van je inkomen.',
  details: 'Hoe wordt dit berekend?',
  estimateNote: 'Een schatting ter informatie, geen belastingadvies.',
  taxYear: 'Belastingjaar {year}.',
  rulesYear: 'Belastingjaar {year}, berekend met de belastingregels van {rules} (de meest recente die we hebben).',
  source: 'Bron: {source}',
} satisfies ReliefMessages;
