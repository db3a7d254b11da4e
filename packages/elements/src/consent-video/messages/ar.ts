import type { ConsentVideoMessages } from './en.js';

const ar: ConsentVideoMessages = {
  notice:
    'هذا الفيديو مستضاف لدى {provider}. تشغيله يحمّل مشغّل {provider}، الذي قد يخزّن ملفات تعريف الارتباط على جهازك ويعرف أنك شاهدته. لا يُحمَّل أي شيء قبل أن تختار التشغيل.',
  play: 'تشغيل الفيديو ({provider})',
  remember: 'تذكّر اختياري لـ {provider} على هذا الجهاز',
  forget: 'انسَ اختياري لـ {provider}',
  player: '{title} (مشغّل {provider})',
  untitled: 'فيديو',
  unavailable: 'لا يمكن عرض هذا الفيديو.',
};
export default ar;
