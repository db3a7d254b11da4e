import type { Messages } from './en.js';

// Português europeu (pt-PT), legível também no Brasil; tratamento formal («o seu»).
export default {
  frequencyLegend: 'Tipo de donativo',
  once: 'Donativo único',
  monthly: 'Donativo mensal',
  amountLegendOnce: 'Montante do seu donativo',
  amountLegendMonthly: 'Montante do seu donativo mensal',
  freeAmount: 'Ou outro montante',
  perMonthShort: '/mês',
  errorFormat: 'Introduza o montante em algarismos, por exemplo {example}.',
  errorMin: 'Introduza um montante superior a zero.',
  errorMax: 'Introduza um montante igual ou inferior a {max}.',
  giftAidNote:
    'Gift Aid: se pagar imposto sobre o rendimento ou sobre mais-valias no Reino Unido, a organização pode recuperar 25 pence por cada libra que doar, sem custos adicionais para si. No ano fiscal, tem de pagar pelo menos tanto imposto quanto o que todas as organizações a que doa recuperam; a página de donativo pedirá a sua declaração Gift Aid.',
  unsupportedCountry: 'Não podemos estimar o benefício fiscal para o seu país.',
  unsupportedYear: 'Não podemos estimar o benefício fiscal para este ano fiscal.',
  unsupported: 'Não podemos estimar o benefício fiscal para este donativo.',
  incomeError: 'Introduza o seu rendimento em algarismos, ou deixe o campo vazio.',
  donate: 'Doar',
} satisfies Messages;
