/**
 * Simplified Chinese messages of case-card and case-card-list. The translation is ours (machine-assisted,
 * from the English and French catalogs), to be reviewed by a native speaker.
 */
import type { CaseCardMessages } from './en.js';

type Params = Record<string, unknown>;

// Chinese verbs carry no gender: the phrases are neutral as they are.
const phrases: Record<string, [label: string, since: boolean]> = {
  detained: ['被拘押', true],
  imprisoned: ['被监禁', true],
  disappeared: ['下落不明', true],
  released: ['获释', false],
  'at-risk': ['处境危险', true],
  sentenced: ['被判刑', false],
  'on-trial': ['正在受审', true],
  harassed: ['遭受骚扰', true],
  killed: ['遇害', false],
};

export default {
  status: ({ kind, date }: Params): string => {
    const [label, since] = phrases[kind as string] ?? ['', true];
    if (!date) return label;
    // 自2018年起被拘押 — 于2018年3月5日获释
    return since ? `自${String(date)}起${label}` : `于${String(date)}${label}`;
  },
  place: '{country}{region}',
  readMore: '阅读全文',
  readLess: '收起',
  act: '立即行动',
  share: '分享',
  shareText: '为{name}采取行动',
  copied: '链接已复制',
  copyFailed: '复制此链接以分享该案例：{url}',
  petitionError: '无法加载请愿表单。',
  petitionLink: '在活动页面上签名',
  loading: '正在加载案例…',
  loadError: '无法加载此案例。',
  notFound: '找不到此案例。',
  invalid: '无法显示此案例。',
  retry: '重试',
  listLoading: '正在加载案例…',
  listError: '无法加载案例。',
  listEmpty: '暂无可显示的案例。',
} satisfies CaseCardMessages;
