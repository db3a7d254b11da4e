import type { PetitionFormMessages } from './en.js';

// Phone examples start with a left-to-right mark so "+" stays before the digits in right-to-left text.
export default {
  givenName: 'الاسم الأول',
  familyName: 'اسم العائلة',
  email: 'البريد الإلكتروني',
  country: 'البلد أو الإقليم',
  postalCode: 'الرمز البريدي',
  phone: 'الهاتف',
  comment: 'تعليق',
  optional: '(اختياري)',
  chooseCountry: 'اختر…',
  emailHelp: 'نستخدمه لتسجيل توقيعك مرة واحدة فقط.',
  phoneHelp: 'مع رمز البلد، مثل \u200E+20 10 1234 5678.',
  commentHelp: 'حتى 2000 حرف.',

  givenNameRequired: 'أدخل اسمك الأول',
  givenNameInvalid: 'أدخل اسمًا أول لا يتجاوز 100 حرف',
  familyNameRequired: 'أدخل اسم عائلتك',
  familyNameInvalid: 'أدخل اسم عائلة لا يتجاوز 100 حرف',
  emailRequired: 'أدخل عنوان بريدك الإلكتروني',
  emailInvalid: 'أدخل عنوان بريد إلكتروني صحيحًا، مثل name@example.org',
  countryRequired: 'اختر بلدك أو إقليمك',
  countryInvalid: 'اختر بلدًا أو إقليمًا من القائمة',
  postalCodeRequired: 'أدخل رمزك البريدي',
  postalCodeInvalid: 'أدخل رمزًا بريديًا يتكوّن من حروف أو أرقام أو مسافات أو شرطات فقط',
  phoneRequired: 'أدخل رقم هاتفك',
  phoneInvalid: 'أدخل رقم هاتف، مثل \u200E+20 10 1234 5678',
  commentRequired: 'أدخل تعليقًا',
  commentInvalid: 'اختصر تعليقك إلى 2000 حرف أو أقل',
  errorPrefix: 'خطأ:',

  consent: 'أرغب في تلقّي رسائل بالبريد الإلكتروني عن هذه الحملة وعن طرق أخرى للتحرك. يمكنني إلغاء الاشتراك في أي وقت.',
  privacy: 'سياسة الخصوصية',
  trap: 'اترك هذا الحقل فارغًا',
  submit: 'وقّع العريضة',
  submitting: 'جارٍ إرسال توقيعك…',

  unavailable: 'لا يمكن لهذا النموذج استقبال التوقيعات في الوقت الحالي.',
  errorRejected: 'تعذّر تسجيل توقيعك. يُرجى التحقق من بياناتك والمحاولة مرة أخرى.',
  errorTooLarge: 'توقيعك أطول من أن يُرسَل. يُرجى اختصار تعليقك.',
  errorForbidden: 'لا يمكن إرسال التوقيعات على هذه العريضة من هذه الصفحة.',
  errorCaptcha: 'لم ينجح التحقق من مكافحة الرسائل المزعجة. يُرجى المحاولة مرة أخرى.',

  newTab: '(يُفتح في علامة تبويب جديدة)',
} satisfies PetitionFormMessages;
