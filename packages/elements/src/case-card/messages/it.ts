import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Genere sconosciuto: formule neutre («In detenzione» anziché «Detenuto/a»).
const phrases: Record<string, [label: string, since: boolean, group?: string]> = {
  detained: ['In detenzione', true],
  imprisoned: ['In carcere', true],
  disappeared: ['Senza notizie', true],
  released: ['In libertà', true],
  'at-risk': ['In pericolo', true],
  sentenced: ['Condanna emessa', false],
  'on-trial': ['Processo in corso', true],
  harassed: ['Vittima di intimidazioni', true, 'Vittime di intimidazioni'],
  killed: ['Ha perso la vita', false, 'Hanno perso la vita'],
};

export default {
  status: ({ kind, date, precision, group }: Params): string => {
    const [single, since, plural] = phrases[kind as string] ?? ['', true];
    const label = (group ? plural : undefined) ?? single;
    if (!date) return label;
    const day = precision === 'day';
    // «dal 2018», «dal marzo 2018», «dal 1º marzo 2018» — «nel 2018», «nel marzo 2018», «il 3 marzo 2018»;
    // elisione davanti a vocale: «dall’aprile», «nell’ottobre», «l’8 marzo», «dall’11 marzo».
    const phrase = `${since ? 'dal' : day ? 'il' : 'nel'} ${day ? String(date).replace(/^1(?=\s)/, '1º') : String(date)}`
      .replace(/^il (?=[aeiou]|8|11\b)/i, 'l’')
      .replace(/^(da|ne)l (?=[aeiou]|8|11\b)/i, '$1ll’');
    return label ? `${label} ${phrase}` : `D${phrase.slice(1)}`;
  },
  place: '{region}, {country}',
  readMore: 'Leggi tutto',
  readLess: 'Mostra meno',
  act: 'Agisci ora',
  share: 'Condividi',
  shareText: 'Agisci per {name}',
  copied: 'Link copiato',
  copyFailed: 'Copia questo link per condividere il caso: {url}',
  petitionError: 'Impossibile caricare il modulo della petizione.',
  petitionLink: 'Firma sulla pagina della campagna',
  loading: 'Caricamento del caso…',
  loadError: 'Impossibile caricare questo caso.',
  notFound: 'Questo caso non è stato trovato.',
  invalid: 'Questo caso non può essere mostrato.',
  retry: 'Riprova',
  listLoading: 'Caricamento dei casi…',
  listError: 'Impossibile caricare i casi.',
  listEmpty: 'Non ci sono ancora casi da mostrare.',
} satisfies CaseCardMessages;
