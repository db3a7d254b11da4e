import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Género desconocido: expresiones neutras («Bajo detención» en lugar de «Detenido/a»).
const phrases: Record<string, [label: string, since: boolean, group?: string]> = {
  detained: ['Bajo detención', true],
  imprisoned: ['En prisión', true],
  disappeared: ['Sin noticias', true],
  released: ['En libertad', true],
  'at-risk': ['En peligro', true],
  sentenced: ['Condena dictada', false],
  'on-trial': ['Juicio en curso', true],
  harassed: ['Víctima de acoso', true, 'Víctimas de acoso'],
  killed: ['Perdió la vida', false, 'Perdieron la vida'],
};

export default {
  status: ({ kind, date, precision, group }: Params): string => {
    const [single, since, plural] = phrases[kind as string] ?? ['', true];
    const label = (group ? plural : undefined) ?? single;
    if (!date) return label;
    const day = precision === 'day';
    const preposition = since ? (day ? 'desde el' : 'desde') : day ? 'el' : 'en';
    return label ? `${label} ${preposition} ${date}` : `Desde ${day ? 'el ' : ''}${date}`;
  },
  place: '{region}, {country}',
  readMore: 'Leer más',
  readLess: 'Mostrar menos',
  act: 'Actúa',
  share: 'Compartir',
  shareText: 'Actúa por {name}',
  copied: 'Enlace copiado',
  copyFailed: 'Copia este enlace para compartir el caso: {url}',
  petitionError: 'No se ha podido cargar el formulario de la petición.',
  petitionLink: 'Firmar en la página de la campaña',
  loading: 'Cargando el caso…',
  loadError: 'No se ha podido cargar este caso.',
  notFound: 'No se ha encontrado este caso.',
  invalid: 'Este caso no se puede mostrar.',
  retry: 'Reintentar',
  listLoading: 'Cargando los casos…',
  listError: 'No se han podido cargar los casos.',
  listEmpty: 'Todavía no hay casos que mostrar.',
} satisfies CaseCardMessages;
