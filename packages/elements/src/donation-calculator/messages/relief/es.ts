import { formatNumber, plural } from '@agir/core';
import type { ReliefMessages } from './en.js';

export default {
  ruleReduction: 'Gracias a la reducción de impuestos del {rate} (si pagas impuestos),',
  ruleCredit: 'Gracias a la deducción fiscal del {rate} (si pagas impuestos),',
  ruleRelief: 'Gracias a la ventaja fiscal (si pagas impuestos),',
  netOnce: 'tu donativo solo te costará {amount}.',
  netMonthly: 'tu donativo solo te costará {amount} al mes.',
  giftAidOnce: 'Con Gift Aid, tus {gift} se convierten en {received} para la organización.',
  giftAidMonthly: 'Con Gift Aid, tus {gift} al mes se convierten en {received} al mes para la organización.',
  charityRefund:
    'Tu donativo te cuesta su importe completo, y la organización puede recuperar {refund} al año en impuestos gracias a él (si pagas impuestos).',
  noRelief: 'Con este importe, tu donativo no da derecho a ninguna ventaja fiscal.',
  dependsOnRate:
    'Tu donativo es deducible de tus ingresos si pagas impuestos: lo que recuperas depende de tu tipo impositivo, así que no podemos mostrar una cifra.',
  dependsOnSituation:
    'Tu donativo da derecho a una ventaja fiscal si pagas impuestos, pero su importe depende de tu situación, así que no podemos mostrar una cifra.',
  carryForward: (params: Record<string, unknown>, locale: string) => {
    const years = Number(params.years);
    const count = formatNumber(locale, years);
    return `La parte que supera el límite (${String(params.amount)}) puede aplicarse en ${plural(locale, years, { one: 'el año siguiente', other: `los ${count} años siguientes` })}.`;
  },
  carryForwardLater: 'La parte que supera el límite ({amount}) puede aplicarse en los años siguientes.',
  incomeLabel: 'Tus ingresos imponibles anuales (opcional)',
  incomeHint: 'La ventaja fiscal solo se aplica a los donativos hasta una parte de tus ingresos.',
  details: '¿Cómo se calcula?',
  estimateNote: 'Una estimación orientativa, no un asesoramiento fiscal.',
  taxYear: 'Ejercicio fiscal {year}.',
  rulesYear: 'Ejercicio fiscal {year}, calculado con las normas fiscales de {rules} (las más recientes que conocemos).',
  source: 'Fuente: {source}',
} satisfies ReliefMessages;
