/**
 * English messages of case-card and case-card-list: the fallback of every other language.
 *
 * `status` receives `{ kind, date, precision, group }`: the contract's status kind, the date it started
 * already formatted in the element's locale (or undefined), how precise that date is (`year`, `month`
 * or `day`) and `1` when the case is a group of people. Gender is never known: phrasings stay neutral.
 */
type Params = Record<string, unknown>;

const phrases: Record<string, [label: string, since: boolean]> = {
  detained: ['Detained', true],
  imprisoned: ['Imprisoned', true],
  disappeared: ['Disappeared', false],
  released: ['Released', false],
  'at-risk': ['At risk', true],
  sentenced: ['Sentenced', false],
  'on-trial': ['On trial', true],
  harassed: ['Harassed', true],
  killed: ['Killed', false],
};

const en = {
  status: ({ kind, date, precision }: Params): string => {
    const [label, since] = phrases[kind as string] ?? ['', true];
    if (!date) return label;
    const preposition = since ? 'since' : precision === 'day' ? 'on' : 'in';
    return label ? `${label} ${preposition} ${date}` : `Since ${date}`;
  },
  /** "Xinjiang, China". */
  place: '{region}, {country}',
  readMore: 'Read more',
  readLess: 'Show less',
  /** The call to action when the case gives no label. */
  act: 'Take action',
  share: 'Share',
  shareText: 'Take action for {name}',
  copied: 'Link copied',
  copyFailed: 'Copy this link to share the case: {url}',
  petitionError: 'The petition form could not be loaded.',
  petitionLink: 'Sign on the campaign page',
  loading: 'Loading the case…',
  loadError: 'This case could not be loaded.',
  notFound: 'This case could not be found.',
  invalid: 'This case cannot be shown.',
  retry: 'Try again',
  listLoading: 'Loading the cases…',
  listError: 'The cases could not be loaded.',
  listEmpty: 'There are no cases to show yet.',
};

export type CaseCardMessages = typeof en;
export default en;
