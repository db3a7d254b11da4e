import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Voltooide deelwoorden zijn in het Nederlands genderneutraal en gelden ook voor een groep ("Verdwenen sinds 2018").
const phrases: Record<string, [label: string, since: boolean, group?: string]> = {
  detained: ['Gedetineerd', true],
  imprisoned: ['In de gevangenis', true],
  disappeared: ['Verdwenen', true],
  released: ['Vrijgelaten', false],
  'at-risk': ['In gevaar', true],
  sentenced: ['Veroordeeld', false],
  'on-trial': ['Staat terecht', true, 'Staan terecht'],
  harassed: ['Geïntimideerd', true],
  killed: ['Gedood', false],
};

export default {
  status: ({ kind, date, precision, group }: Params): string => {
    const [single, since, plural] = phrases[kind as string] ?? ['', true];
    const label = (group ? plural : undefined) ?? single;
    if (!date) return label;
    // sinds 2018 / sinds maart 2018 / sinds 3 maart 2018 — in 2018 / in maart 2018 / op 3 maart 2018
    const preposition = since ? 'sinds' : precision === 'day' ? 'op' : 'in';
    return label ? `${label} ${preposition} ${date}` : `Sinds ${date}`;
  },
  place: '{region}, {country}',
  readMore: 'Lees meer',
  readLess: 'Minder tonen',
  act: 'Kom in actie',
  share: 'Delen',
  shareText: 'Kom in actie voor {name}',
  copied: 'Link gekopieerd',
  copyFailed: 'Kopieer deze link om de zaak te delen: {url}',
  petitionError: 'Het petitieformulier kon niet worden geladen.',
  petitionLink: 'Teken op de campagnepagina',
  loading: 'De zaak wordt geladen…',
  loadError: 'Deze zaak kon niet worden geladen.',
  notFound: 'Deze zaak is niet gevonden.',
  invalid: 'Deze zaak kan niet worden getoond.',
  retry: 'Opnieuw proberen',
  listLoading: 'De zaken worden geladen…',
  listError: 'De zaken konden niet worden geladen.',
  listEmpty: 'Er zijn nog geen zaken om te tonen.',
} satisfies CaseCardMessages;
