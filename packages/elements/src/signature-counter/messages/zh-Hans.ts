/**
 * Simplified Chinese messages of signature-counter. The translation is ours (machine-assisted, from the
 * English and French catalogs), to be reviewed by a native speaker.
 */
import type { SignatureCounterMessages } from './en.js';

// Chinese has no plural forms (Intl.PluralRules answers "other" for every number): a measure word instead.
const zhHans: SignatureCounterMessages = {
  label: () => '个签名',
  countries: ({ formatted }) => `来自 ${String(formatted)} 个国家和地区`,
  goal: '目标：{formatted}',
  progress: '{count} {label}，目标 {goal}',
  progressLabel: '目标完成进度',
  loading: '正在加载签名人数…',
  unavailable: '人数暂不可用',
};

export default zhHans;
