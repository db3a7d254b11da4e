/**
 * Uyghur (Arabic script, right to left) messages of case-card and case-card-list. The translation is ours
 * (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker; the date
 * suffixes especially (`-يىلىدىن بۇيان`, "since the year …").
 */
import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Uyghur verbs and participles carry no gender: the phrases are neutral as they are.
const phrases: Record<string, [label: string, since: boolean]> = {
  detained: ['تۇتۇپ تۇرۇلغان', true],
  imprisoned: ['تۈرمىگە سولانغان', true],
  disappeared: ['ئىز-دېرەكسىز يوقالغان', false],
  released: ['قويۇپ بېرىلگەن', false],
  'at-risk': ['خەۋپ ئاستىدا', true],
  sentenced: ['جازا ھۆكۈمى چىقىرىلغان', false],
  'on-trial': ['سوت جەريانىدا', true],
  harassed: ['پاراكەندىچىلىككە ئۇچرىغان', true],
  killed: ['ئۆلتۈرۈلگەن', false],
};

export default {
  status: ({ kind, date, precision }: Params): string => {
    const [label, since] = phrases[kind as string] ?? ['', true];
    if (!date) return label;
    // 2018-يىلىدىن بۇيان … (since 2018) — 2018-يىلى … (in 2018); a month or a day stands as it is written.
    const year = precision === 'year';
    const when = since
      ? year
        ? `${String(date)}-يىلىدىن بۇيان`
        : `${String(date)} دىن بۇيان`
      : year
        ? `${String(date)}-يىلى`
        : String(date);
    return label ? `${when} ${label}` : when;
  },
  place: '{region}، {country}',
  readMore: 'تەپسىلىي ئوقۇش',
  readLess: 'قىسقارتىش',
  act: 'ھەرىكەتكە قاتنىشىڭ',
  share: 'ھەمبەھىرلەش',
  shareText: '{name} ئۈچۈن ھەرىكەتكە قاتنىشىڭ',
  copied: 'ئۇلانما كۆچۈرۈلدى',
  copyFailed: 'بۇ دېلونى ھەمبەھىرلەش ئۈچۈن بۇ ئۇلانمىنى كۆچۈرۈڭ: {url}',
  petitionError: 'ئىلتىماس جەدۋىلىنى يۈكلىگىلى بولمىدى.',
  petitionLink: 'پائالىيەت بېتىدە ئىمزا قويۇڭ',
  loading: 'دېلو يۈكلىنىۋاتىدۇ…',
  loadError: 'بۇ دېلونى يۈكلىگىلى بولمىدى.',
  notFound: 'بۇ دېلو تېپىلمىدى.',
  invalid: 'بۇ دېلونى كۆرسەتكىلى بولمايدۇ.',
  retry: 'قايتا سىناش',
  listLoading: 'دېلولار يۈكلىنىۋاتىدۇ…',
  listError: 'دېلولارنى يۈكلىگىلى بولمىدى.',
  listEmpty: 'ھازىرچە كۆرسىتىدىغان دېلو يوق.',
} satisfies CaseCardMessages;
