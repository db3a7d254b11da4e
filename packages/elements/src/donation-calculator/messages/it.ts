import type { Messages } from './en.js';

// Registro: «tu», come nelle campagne italiane.
export default {
  frequencyLegend: 'Tipo di donazione',
  once: 'Donazione singola',
  monthly: 'Donazione mensile',
  amountLegendOnce: 'Importo della tua donazione',
  amountLegendMonthly: 'Importo della tua donazione mensile',
  freeAmount: 'Oppure un altro importo',
  perMonthShort: '/mese',
  errorFormat: 'Inserisci l’importo in cifre, per esempio {example}.',
  errorMin: 'Inserisci un importo maggiore di zero.',
  errorMax: 'Inserisci un importo non superiore a {max}.',
  giftAidNote:
    'Gift Aid: se paghi l’imposta sul reddito o sulle plusvalenze nel Regno Unito, l’organizzazione può recuperare 25 pence per ogni sterlina che doni, senza alcun costo per te. Nell’anno fiscale devi pagare almeno tante imposte quanto recuperano tutte le organizzazioni a cui doni; la pagina di donazione ti chiederà la dichiarazione Gift Aid.',
  unsupportedCountry: 'Non possiamo stimare l’agevolazione fiscale per il tuo paese.',
  unsupportedYear: 'Non possiamo stimare l’agevolazione fiscale per questo anno fiscale.',
  unsupported: 'Non possiamo stimare l’agevolazione fiscale per questa donazione.',
  incomeError: 'Inserisci il tuo reddito in cifre, oppure lascia vuoto il campo.',
  donate: 'Dona',
} satisfies Messages;
