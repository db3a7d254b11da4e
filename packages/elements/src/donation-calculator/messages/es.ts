import type { Messages } from './en.js';

export default {
  frequencyLegend: 'Tipo de donativo',
  once: 'Donativo único',
  monthly: 'Donativo mensual',
  amountLegendOnce: 'Importe de tu donativo',
  amountLegendMonthly: 'Importe de tu donativo mensual',
  freeAmount: 'U otro importe',
  perMonthShort: '/mes',
  errorFormat: 'Escribe el importe en cifras, por ejemplo {example}.',
  errorMin: 'Escribe un importe mayor que cero.',
  errorMax: 'Escribe un importe de {max} como máximo.',
  giftAidNote:
    'Gift Aid: si pagas el impuesto sobre la renta o sobre las ganancias de capital en el Reino Unido, la organización puede recuperar 25 peniques por cada libra que donas, sin coste adicional para ti. Debes pagar en el año fiscal al menos tantos impuestos como los que recuperan todas las organizaciones a las que donas; la página de donación te pedirá una declaración Gift Aid.',
  unsupportedCountry: 'No podemos estimar la ventaja fiscal para tu país.',
  unsupportedYear: 'No podemos estimar la ventaja fiscal para este ejercicio fiscal.',
  unsupported: 'No podemos estimar la ventaja fiscal para este donativo.',
  incomeError: 'Escribe tus ingresos en cifras o deja el campo vacío.',
  donate: 'Donar',
} satisfies Messages;
