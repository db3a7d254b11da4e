import type { Messages } from './en.js';

export default {
  frequencyLegend: 'Art der Spende',
  once: 'Einmalige Spende',
  monthly: 'Monatliche Spende',
  amountLegendOnce: 'Betrag Ihrer Spende',
  amountLegendMonthly: 'Betrag Ihrer monatlichen Spende',
  freeAmount: 'Oder ein anderer Betrag',
  perMonthShort: '/Monat',
  errorFormat: 'Geben Sie den Betrag in Ziffern ein, zum Beispiel {example}.',
  errorMin: 'Geben Sie einen Betrag über null ein.',
  errorMax: 'Geben Sie einen Betrag von höchstens {max} ein.',
  giftAidNote:
    'Gift Aid: Wenn Sie im Vereinigten Königreich Einkommen- oder Kapitalertragsteuer zahlen, kann die Organisation für jedes gespendete Pfund 25 Pence zurückfordern, ohne Mehrkosten für Sie. Sie müssen im Steuerjahr mindestens so viel Steuern zahlen, wie alle von Ihnen unterstützten Organisationen zurückfordern; die Spendenseite fragt nach Ihrer Gift-Aid-Erklärung.',
  unsupportedCountry: 'Für Ihr Land können wir den Steuervorteil nicht schätzen.',
  unsupportedYear: 'Für dieses Steuerjahr können wir den Steuervorteil nicht schätzen.',
  unsupported: 'Für diese Spende können wir den Steuervorteil nicht schätzen.',
  incomeError: 'Geben Sie Ihr Einkommen in Ziffern ein oder lassen Sie das Feld leer.',
  donate: 'Jetzt spenden',
} satisfies Messages;
