import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Prädikative Partizipien sind im Deutschen geschlechtsneutral („Verschwunden seit 2018“).
const phrases: Record<string, [label: string, since: boolean]> = {
  detained: ['In Haft', true],
  imprisoned: ['Im Gefängnis', true],
  disappeared: ['Verschwunden', true],
  released: ['Freigelassen', false],
  'at-risk': ['In Gefahr', true],
  sentenced: ['Verurteilt', false],
  'on-trial': ['Vor Gericht', true],
  harassed: ['Schikaniert', true],
  killed: ['Getötet', false],
};

export default {
  status: ({ kind, date, precision }: Params): string => {
    const [label, since] = phrases[kind as string] ?? ['', true];
    if (!date) return label;
    // seit 2018 / seit März 2018 / seit dem 1. März 2018 — im Jahr 2018 / im März 2018 / am 1. März 2018
    const preposition = since
      ? precision === 'day'
        ? 'seit dem'
        : 'seit'
      : precision === 'day'
        ? 'am'
        : precision === 'month'
          ? 'im'
          : 'im Jahr';
    return label ? `${label} ${preposition} ${date}` : `Seit ${precision === 'day' ? 'dem ' : ''}${date}`;
  },
  place: '{region}, {country}',
  readMore: 'Weiterlesen',
  readLess: 'Weniger anzeigen',
  act: 'Jetzt handeln',
  share: 'Teilen',
  shareText: 'Jetzt handeln für {name}',
  copied: 'Link kopiert',
  copyFailed: 'Kopieren Sie diesen Link, um den Fall zu teilen: {url}',
  petitionError: 'Das Petitionsformular konnte nicht geladen werden.',
  petitionLink: 'Auf der Kampagnenseite unterschreiben',
  loading: 'Der Fall wird geladen…',
  loadError: 'Dieser Fall konnte nicht geladen werden.',
  notFound: 'Dieser Fall wurde nicht gefunden.',
  invalid: 'Dieser Fall kann nicht angezeigt werden.',
  retry: 'Erneut versuchen',
  listLoading: 'Die Fälle werden geladen…',
  listError: 'Die Fälle konnten nicht geladen werden.',
  listEmpty: 'Noch keine Fälle vorhanden.',
} satisfies CaseCardMessages;
