import type { Messages } from './en.js';

// Aanspreekvorm: "je", zoals in Nederlandse campagnes.
export default {
  frequencyLegend: 'Soort gift',
  once: 'Eenmalige gift',
  monthly: 'Maandelijkse gift',
  amountLegendOnce: 'Bedrag van je gift',
  amountLegendMonthly: 'Bedrag van je maandelijkse gift',
  freeAmount: 'Of een ander bedrag',
  perMonthShort: '/maand',
  errorFormat: 'Vul het bedrag in cijfers in, bijvoorbeeld {example}.',
  errorMin: 'Vul een bedrag in dat groter is dan nul.',
  errorMax: 'Vul een bedrag in van maximaal {max}.',
  giftAidNote:
    'Gift Aid: als je in het Verenigd Koninkrijk inkomstenbelasting of vermogenswinstbelasting betaalt, kan de organisatie 25 pence terugvragen voor elk pond dat je geeft, zonder extra kosten voor jou. Je moet in het belastingjaar minstens zoveel belasting betalen als alle organisaties waaraan je geeft terugvragen; op de donatiepagina wordt om je Gift Aid-verklaring gevraagd.',
  unsupportedCountry: 'We kunnen het belastingvoordeel voor jouw land niet schatten.',
  unsupportedYear: 'We kunnen het belastingvoordeel voor dit belastingjaar niet schatten.',
  unsupported: 'We kunnen het belastingvoordeel voor deze gift niet schatten.',
  incomeError: 'Vul je inkomen in cijfers in, of laat het veld leeg.',
  donate: 'Doneer',
} satisfies Messages;
