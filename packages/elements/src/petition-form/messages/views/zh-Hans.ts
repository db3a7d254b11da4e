/**
 * Simplified Chinese messages of petition-form's notices and sharing. The translation is ours
 * (machine-assisted, from the English and French catalogs), to be reviewed by a native speaker.
 */
import { formatNumber } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

// Chinese has no plural forms: one sentence for every count.
export default {
  summaryTitle: '出现了问题',
  thanksTitle: '感谢您的签名！',
  thanksCount: ({ count }, locale) => `目前已有 ${formatNumber(locale, Number(count))} 人签名。`,
  queuedTitle: '您的签名已保存',
  queuedText: '暂时无法连接服务器。您的签名已保存在此设备上，稍后将自动提交。',
  unsentTitle: '您的签名未能提交',
  unsentText: '服务器多次出错。您的签名已保存在此设备上：请稍后重试。',
  retrySend: '重试',
  sentLater: '您保存的签名已提交。',
  alreadyTitle: '您已在此设备上签过名',
  alreadyText: '谢谢！这里还有其他人想签名吗？',
  signAnother: '为其他人签名',
  closedTitle: '此请愿已结束',
  closedText: '它不再接受签名。感谢您的支持。',
  notFoundTitle: '找不到此请愿',
  notFoundText: '它可能已被撤下，或本页面的链接有误。此处无法记录签名。',
  shareCall: '请邀请您的朋友也来签名：',
  share: '分享',
  shareText: '我签署了“{title}”。请您也加入联署：',
  shareSubject: '请签署这份请愿：{title}',
  copyLink: '复制链接',
  copied: '链接已复制',
  copyFailed: '无法复制链接',
} satisfies PetitionFormViewMessages;
