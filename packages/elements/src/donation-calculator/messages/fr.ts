import type { Messages } from './en.js';

export default {
  frequencyLegend: 'Type de don',
  once: 'Don ponctuel',
  monthly: 'Don mensuel',
  amountLegendOnce: 'Montant de votre don',
  amountLegendMonthly: 'Montant de votre don mensuel',
  freeAmount: 'Ou montant libre',
  perMonthShort: '/mois',
  errorFormat: 'Saisissez le montant en chiffres, par exemple {example}.',
  errorMin: 'Saisissez un montant supérieur à zéro.',
  errorMax: 'Saisissez un montant inférieur ou égal à {max}.',
  giftAidNote:
    'Gift Aid\u00a0: si vous payez l’impôt sur le revenu ou sur les plus-values au Royaume-Uni, l’association peut récupérer 25\u00a0pence pour chaque livre donnée, sans frais pour vous. Vous devez payer dans l’année fiscale au moins autant d’impôt que ce que récupèrent toutes les associations que vous soutenez\u00a0; la page de don vous demandera une déclaration Gift Aid.',
  unsupportedCountry: 'Nous ne pouvons pas estimer la réduction d’impôt pour votre pays.',
  unsupportedYear: 'Nous ne pouvons pas estimer la réduction d’impôt pour cette année fiscale.',
  unsupported: 'Nous ne pouvons pas estimer la réduction d’impôt pour ce don.',
  incomeError: 'Saisissez votre revenu en chiffres, ou laissez le champ vide.',
  donate: 'Faire un don',
} satisfies Messages;
