/**
 * Simplified Chinese messages of petition-form's form. The translation is ours (machine-assisted, from the
 * English and French catalogs), to be reviewed by a native speaker.
 */
import type { PetitionFormMessages } from './en.js';

export default {
  givenName: '名',
  familyName: '姓',
  email: '电子邮箱',
  country: '国家或地区',
  postalCode: '邮政编码',
  phone: '电话',
  comment: '留言',
  optional: '（选填）',
  chooseCountry: '请选择…',
  emailHelp: '我们用它确保您的签名只记录一次。',
  phoneHelp: '请包含国家代码，例如 +44 20 7946 0958。',
  commentHelp: '最多 2,000 个字符。',

  givenNameRequired: '请输入您的名',
  givenNameInvalid: '名不能超过 100 个字符',
  familyNameRequired: '请输入您的姓',
  familyNameInvalid: '姓不能超过 100 个字符',
  emailRequired: '请输入您的电子邮箱地址',
  emailInvalid: '请输入有效的电子邮箱地址，例如 name@example.org',
  countryRequired: '请选择您所在的国家或地区',
  countryInvalid: '请从列表中选择国家或地区',
  postalCodeRequired: '请输入您的邮政编码',
  postalCodeInvalid: '邮政编码只能包含字母、数字、空格或连字符',
  phoneRequired: '请输入您的电话号码',
  phoneInvalid: '请输入电话号码，例如 +44 20 7946 0958',
  commentRequired: '请输入留言',
  commentInvalid: '请将留言缩短至 2,000 个字符以内',
  errorPrefix: '错误：',

  consent: '请通过电子邮件告诉我有关此活动及其他行动方式的消息。我可以随时退订。',
  privacy: '隐私政策',
  trap: '请将此栏留空',
  submit: '签署请愿',
  submitting: '正在提交您的签名…',

  unavailable: '此请愿表单目前无法接受签名。',
  errorRejected: '无法记录您的签名。请检查您填写的信息后重试。',
  errorTooLarge: '您的签名内容过长，无法提交。请缩短您的留言。',
  errorForbidden: '无法从此页面提交此请愿的签名。',
  errorCaptcha: '反垃圾验证未通过。请重试。',

  newTab: '（在新标签页中打开）',
} satisfies PetitionFormMessages;
