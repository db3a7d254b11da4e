import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Português europeu (pt-PT), legível também no Brasil. Género desconhecido: expressões neutras
// («Em detenção» em vez de «Detido/a»).
const phrases: Record<string, [label: string, since: boolean, group?: string]> = {
  detained: ['Em detenção', true],
  imprisoned: ['Na prisão', true],
  disappeared: ['Sem notícias', true],
  released: ['Em liberdade', true],
  'at-risk': ['Em perigo', true],
  sentenced: ['Condenação proferida', false],
  'on-trial': ['Em julgamento', true],
  harassed: ['Vítima de intimidação', true, 'Vítimas de intimidação'],
  killed: ['Perdeu a vida', false, 'Perderam a vida'],
};

export default {
  status: ({ kind, date, precision, group }: Params, locale?: string): string => {
    const [single, since, plural] = phrases[kind as string] ?? ['', true];
    const label = (group ? plural : undefined) ?? single;
    if (!date) return label;
    // desde 2018 / desde março de 2018 / desde 3 de março de 2018 — em 2018 / em março de 2018 /
    // a 3 de março de 2018 (no Brasil: em 3 de março de 2018)
    const onDay = /^pt-BR\b/i.test(locale ?? '') ? 'em' : 'a';
    const preposition = since ? 'desde' : precision === 'day' ? onDay : 'em';
    return label ? `${label} ${preposition} ${date}` : `Desde ${date}`;
  },
  place: '{region}, {country}',
  readMore: 'Ler mais',
  readLess: 'Mostrar menos',
  act: 'Agir agora',
  share: 'Partilhar',
  shareText: 'Aja por {name}',
  copied: 'Ligação copiada',
  copyFailed: 'Copie esta ligação para partilhar o caso: {url}',
  petitionError: 'Não foi possível carregar o formulário da petição.',
  petitionLink: 'Assinar na página da campanha',
  loading: 'A carregar o caso…',
  loadError: 'Não foi possível carregar este caso.',
  notFound: 'Este caso não foi encontrado.',
  invalid: 'Este caso não pode ser apresentado.',
  retry: 'Tentar novamente',
  listLoading: 'A carregar os casos…',
  listError: 'Não foi possível carregar os casos.',
  listEmpty: 'Ainda não há casos para mostrar.',
} satisfies CaseCardMessages;
