import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Genre inconnu : des tournures neutres (« En détention » plutôt que « Détenu·e »).
const phrases: Record<string, [label: string, since: boolean, group?: string]> = {
  detained: ['En détention', true],
  imprisoned: ['En prison', true],
  disappeared: ['Sans nouvelles', true],
  released: ['En liberté', true],
  'at-risk': ['En danger', true],
  sentenced: ['Condamnation', false],
  'on-trial': ['Procès en cours', true],
  harassed: ['Victime de harcèlement', true, 'Victimes de harcèlement'],
  killed: ['A perdu la vie', false, 'Ont perdu la vie'],
};

export default {
  status: ({ kind, date, precision, group }: Params): string => {
    const [single, since, plural] = phrases[kind as string] ?? ['', true];
    const label = (group ? plural : undefined) ?? single;
    if (!date) return label;
    const day = precision === 'day';
    const preposition = since ? (day ? 'depuis le' : 'depuis') : day ? 'le' : 'en';
    // « le 1er mars 2018 » : le premier du mois est un ordinal.
    const when = day ? String(date).replace(/^1(?=\s)/, '1er') : date;
    return label ? `${label} ${preposition} ${when}` : `Depuis ${day ? 'le ' : ''}${when}`;
  },
  place: '{region}, {country}',
  readMore: 'Lire la suite',
  readLess: 'Réduire',
  act: 'Agir',
  share: 'Partager',
  shareText: 'Agissez pour {name}',
  copied: 'Lien copié',
  copyFailed: 'Copiez ce lien pour partager le cas : {url}',
  petitionError: 'Le formulaire de pétition n’a pas pu être chargé.',
  petitionLink: 'Signer sur la page de la campagne',
  loading: 'Chargement du cas…',
  loadError: 'Ce cas n’a pas pu être chargé.',
  notFound: 'Ce cas est introuvable.',
  invalid: 'Ce cas ne peut pas être affiché.',
  retry: 'Réessayer',
  listLoading: 'Chargement des cas…',
  listError: 'Les cas n’ont pas pu être chargés.',
  listEmpty: 'Aucun cas à afficher pour le moment.',
} satisfies CaseCardMessages;
