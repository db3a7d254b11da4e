/**
 * The words of the confirmation email and of the confirmation page (src/mail.ts, src/confirm.ts), in every
 * supported language: the type makes a missing language or message an error. Placeholders: `{title}` the
 * petition's title, `{name}` the signer's given name, `{date}` the link's expiry (formatted with Intl).
 */
import type { Language } from '@agir/core';

export interface MailMessages {
  subject: string;
  greeting: string;
  thanks: string;
  /** Before the confirmation link, when a consent was granted. */
  confirmIntro: string;
  /** After the link. */
  confirmIgnore: string;
  signoff: string;
  /** The confirmation page. */
  pageTitle: string;
  pageAsk: string;
  pageButton: string;
  pageConfirmed: string;
  pageAlready: string;
  pageExpired: string;
  pageInvalid: string;
}

export const mailMessages: Record<Language, MailMessages> = {
  en: {
    subject: 'Thank you for signing “{title}”',
    greeting: 'Hello {name},',
    thanks: 'Thank you for signing the petition “{title}”. Your signature has been counted.',
    confirmIntro: 'You also asked to hear from the campaign. To confirm, open this link (it works once, until {date}):',
    confirmIgnore: 'If you did not ask for this, ignore this message: you will not be added.',
    signoff: 'The campaign team',
    pageTitle: 'Confirm your subscription',
    pageAsk: 'Confirm that you want to hear from the campaign of the petition “{title}”.',
    pageButton: 'Confirm my subscription',
    pageConfirmed: 'Thank you: your subscription is confirmed.',
    pageAlready: 'Your subscription is already confirmed.',
    pageExpired: 'This confirmation link has expired: your subscription was not confirmed.',
    pageInvalid: 'This confirmation link is not valid.',
  },
  fr: {
    subject: 'Merci d’avoir signé « {title} »',
    greeting: 'Bonjour {name},',
    thanks: 'Merci d’avoir signé la pétition « {title} ». Votre signature a été comptée.',
    confirmIntro:
      'Vous avez aussi demandé à recevoir des nouvelles de la campagne. Pour le confirmer, ouvrez ce lien (valable une fois, jusqu’au {date}) :',
    confirmIgnore: 'Si vous ne l’avez pas demandé, ignorez ce message : vous ne serez pas inscrit·e.',
    signoff: 'L’équipe de la campagne',
    pageTitle: 'Confirmez votre inscription',
    pageAsk: 'Confirmez que vous voulez recevoir des nouvelles de la campagne de la pétition « {title} ».',
    pageButton: 'Confirmer mon inscription',
    pageConfirmed: 'Merci : votre inscription est confirmée.',
    pageAlready: 'Votre inscription est déjà confirmée.',
    pageExpired: 'Ce lien de confirmation a expiré : votre inscription n’a pas été confirmée.',
    pageInvalid: 'Ce lien de confirmation n’est pas valide.',
  },
  es: {
    subject: 'Gracias por firmar «{title}»',
    greeting: 'Hola, {name}:',
    thanks: 'Gracias por firmar la petición «{title}». Tu firma se ha contado.',
    confirmIntro: 'También pediste recibir noticias de la campaña. Para confirmarlo, abre este enlace (sirve una vez, hasta el {date}):',
    confirmIgnore: 'Si no lo pediste, ignora este mensaje: no se te inscribirá.',
    signoff: 'El equipo de la campaña',
    pageTitle: 'Confirma tu suscripción',
    pageAsk: 'Confirma que quieres recibir noticias de la campaña de la petición «{title}».',
    pageButton: 'Confirmar mi suscripción',
    pageConfirmed: 'Gracias: tu suscripción está confirmada.',
    pageAlready: 'Tu suscripción ya está confirmada.',
    pageExpired: 'Este enlace de confirmación ha caducado: tu suscripción no se ha confirmado.',
    pageInvalid: 'Este enlace de confirmación no es válido.',
  },
  de: {
    subject: 'Danke, dass Sie „{title}“ unterschrieben haben',
    greeting: 'Hallo {name},',
    thanks: 'Danke, dass Sie die Petition „{title}“ unterschrieben haben. Ihre Unterschrift wurde gezählt.',
    confirmIntro:
      'Sie möchten außerdem Neuigkeiten der Kampagne erhalten. Bitte bestätigen Sie das über diesen Link (einmal gültig, bis {date}):',
    confirmIgnore: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Sie werden nicht eingetragen.',
    signoff: 'Das Kampagnenteam',
    pageTitle: 'Anmeldung bestätigen',
    pageAsk: 'Bestätigen Sie, dass Sie Neuigkeiten der Kampagne zur Petition „{title}“ erhalten möchten.',
    pageButton: 'Meine Anmeldung bestätigen',
    pageConfirmed: 'Danke: Ihre Anmeldung ist bestätigt.',
    pageAlready: 'Ihre Anmeldung ist bereits bestätigt.',
    pageExpired: 'Dieser Bestätigungslink ist abgelaufen: Ihre Anmeldung wurde nicht bestätigt.',
    pageInvalid: 'Dieser Bestätigungslink ist ungültig.',
  },
  ar: {
    subject: 'شكرًا لتوقيعك على «{title}»',
    greeting: 'مرحبًا {name}،',
    thanks: 'شكرًا لتوقيعك على عريضة «{title}». لقد احتُسب توقيعك.',
    confirmIntro: 'لقد طلبت أيضًا تلقّي أخبار الحملة. للتأكيد، افتح هذا الرابط (يصلح مرة واحدة، حتى {date}):',
    confirmIgnore: 'إن لم تطلب ذلك، فتجاهل هذه الرسالة: لن تُسجَّل.',
    signoff: 'فريق الحملة',
    pageTitle: 'أكّد اشتراكك',
    pageAsk: 'أكّد أنك تريد تلقّي أخبار حملة عريضة «{title}».',
    pageButton: 'تأكيد اشتراكي',
    pageConfirmed: 'شكرًا: تم تأكيد اشتراكك.',
    pageAlready: 'اشتراكك مؤكَّد من قبل.',
    pageExpired: 'انتهت صلاحية رابط التأكيد هذا: لم يُؤكَّد اشتراكك.',
    pageInvalid: 'رابط التأكيد هذا غير صالح.',
  },
  it: {
    subject: 'Grazie per aver firmato «{title}»',
    greeting: 'Ciao {name},',
    thanks: 'Grazie per aver firmato la petizione «{title}». La tua firma è stata contata.',
    confirmIntro:
      'Hai anche chiesto di ricevere notizie dalla campagna. Per confermarlo, apri questo link (vale una volta, fino al {date}):',
    confirmIgnore: 'Se non l’hai chiesto, ignora questo messaggio: non verrai iscritto/a.',
    signoff: 'Il team della campagna',
    pageTitle: 'Conferma la tua iscrizione',
    pageAsk: 'Conferma che vuoi ricevere notizie dalla campagna della petizione «{title}».',
    pageButton: 'Conferma la mia iscrizione',
    pageConfirmed: 'Grazie: la tua iscrizione è confermata.',
    pageAlready: 'La tua iscrizione è già confermata.',
    pageExpired: 'Questo link di conferma è scaduto: la tua iscrizione non è stata confermata.',
    pageInvalid: 'Questo link di conferma non è valido.',
  },
  nl: {
    subject: 'Bedankt voor het ondertekenen van ‘{title}’',
    greeting: 'Hallo {name},',
    thanks: 'Bedankt voor het ondertekenen van de petitie ‘{title}’. Je handtekening is geteld.',
    confirmIntro: 'Je wilt ook nieuws van de campagne ontvangen. Bevestig dat via deze link (één keer geldig, tot {date}):',
    confirmIgnore: 'Heb je dit niet gevraagd? Negeer dan dit bericht: je wordt niet ingeschreven.',
    signoff: 'Het campagneteam',
    pageTitle: 'Bevestig je inschrijving',
    pageAsk: 'Bevestig dat je nieuws wilt ontvangen van de campagne van de petitie ‘{title}’.',
    pageButton: 'Mijn inschrijving bevestigen',
    pageConfirmed: 'Bedankt: je inschrijving is bevestigd.',
    pageAlready: 'Je inschrijving is al bevestigd.',
    pageExpired: 'Deze bevestigingslink is verlopen: je inschrijving is niet bevestigd.',
    pageInvalid: 'Deze bevestigingslink is niet geldig.',
  },
  pt: {
    subject: 'Obrigado por assinar «{title}»',
    greeting: 'Olá, {name},',
    thanks: 'Obrigado por assinar a petição «{title}». A sua assinatura foi contada.',
    confirmIntro: 'Também pediu para receber notícias da campanha. Para confirmar, abra este link (vale uma vez, até {date}):',
    confirmIgnore: 'Se não o pediu, ignore esta mensagem: não será inscrito/a.',
    signoff: 'A equipa da campanha',
    pageTitle: 'Confirme a sua inscrição',
    pageAsk: 'Confirme que quer receber notícias da campanha da petição «{title}».',
    pageButton: 'Confirmar a minha inscrição',
    pageConfirmed: 'Obrigado: a sua inscrição está confirmada.',
    pageAlready: 'A sua inscrição já está confirmada.',
    pageExpired: 'Este link de confirmação expirou: a sua inscrição não foi confirmada.',
    pageInvalid: 'Este link de confirmação não é válido.',
  },
  // Uyghur and Simplified Chinese: our translations (machine-assisted), to be reviewed by a native speaker.
  ug: {
    subject: '«{title}» غا ئىمزا قويغىنىڭىزغا رەھمەت',
    greeting: 'ياخشىمۇسىز {name}،',
    thanks: '«{title}» ناملىق ئىلتىماسقا ئىمزا قويغىنىڭىزغا رەھمەت. ئىمزايىڭىز ھېسابلاندى.',
    confirmIntro:
      'سىز يەنە پائالىيەتنىڭ خەۋەرلىرىنى تاپشۇرۇۋېلىشنى تەلەپ قىلدىڭىز. جەزملەشتۈرۈش ئۈچۈن بۇ ئۇلىنىشنى ئېچىڭ ({date} غىچە بىرلا قېتىم كۈچكە ئىگە):',
    confirmIgnore: 'ئەگەر بۇنى تەلەپ قىلمىغان بولسىڭىز، بۇ ئۇچۇرغا پەرۋا قىلماڭ: سىز قوشۇلمايسىز.',
    signoff: 'پائالىيەت گۇرۇپپىسى',
    pageTitle: 'مۇشتەرىلىكىڭىزنى جەزملەشتۈرۈڭ',
    pageAsk: '«{title}» ناملىق ئىلتىماس پائالىيىتىنىڭ خەۋەرلىرىنى تاپشۇرۇۋېلىشنى خالايدىغانلىقىڭىزنى جەزملەشتۈرۈڭ.',
    pageButton: 'مۇشتەرىلىكىمنى جەزملەشتۈرۈش',
    pageConfirmed: 'رەھمەت: مۇشتەرىلىكىڭىز جەزملەشتۈرۈلدى.',
    pageAlready: 'مۇشتەرىلىكىڭىز ئاللىبۇرۇن جەزملەشتۈرۈلگەن.',
    pageExpired: 'بۇ جەزملەشتۈرۈش ئۇلىنىشىنىڭ ۋاقتى ئۆتۈپ كەتتى: مۇشتەرىلىكىڭىز جەزملەشتۈرۈلمىدى.',
    pageInvalid: 'بۇ جەزملەشتۈرۈش ئۇلىنىشى ئىناۋەتسىز.',
  },
  'zh-Hans': {
    subject: '感谢您签署“{title}”',
    greeting: '{name}，您好：',
    thanks: '感谢您签署请愿“{title}”。您的签名已被计入。',
    confirmIntro: '您还要求接收本次活动的消息。请打开此链接予以确认（仅可使用一次，有效期至 {date}）：',
    confirmIgnore: '如果您没有提出此请求，请忽略此邮件：您不会被加入名单。',
    signoff: '活动团队',
    pageTitle: '确认您的订阅',
    pageAsk: '请确认您希望接收请愿“{title}”所属活动的消息。',
    pageButton: '确认订阅',
    pageConfirmed: '谢谢：您的订阅已确认。',
    pageAlready: '您的订阅已经确认过了。',
    pageExpired: '此确认链接已过期：您的订阅未被确认。',
    pageInvalid: '此确认链接无效。',
  },
};
