/**
 * The few words of the embed pages and oEmbed answers that no element catalog holds (the case card's own words
 * — status phrases, place, "Take action", "This case could not be found." — come from its catalog). One entry per
 * supported language: the type makes a missing language or message an error.
 */
import type { Language } from '@agir/core';

export interface EmbedMessages {
  /** The iframe's title (its accessible name) for a case: `{name}` is the case's name. */
  caseFrame: string;
  /** The iframe's title for a petition: `{title}` is the petition's title. */
  petitionFrame: string;
  /** The 404 page of an unknown petition. */
  petitionNotFound: string;
  /** Under a petition's form when JavaScript is off: signing needs it, the case pages do not. */
  needsScript: string;
}

export const embedMessages: Record<Language, EmbedMessages> = {
  en: {
    caseFrame: 'Case: {name}',
    petitionFrame: 'Petition: {title}',
    petitionNotFound: 'This petition could not be found.',
    needsScript: 'Signing this petition needs JavaScript.',
  },
  fr: {
    caseFrame: 'Cas : {name}',
    petitionFrame: 'Pétition : {title}',
    petitionNotFound: 'Cette pétition est introuvable.',
    needsScript: 'Pour signer cette pétition, activez JavaScript.',
  },
  es: {
    caseFrame: 'Caso: {name}',
    petitionFrame: 'Petición: {title}',
    petitionNotFound: 'No se ha encontrado esta petición.',
    needsScript: 'Para firmar esta petición hace falta JavaScript.',
  },
  de: {
    caseFrame: 'Fall: {name}',
    petitionFrame: 'Petition: {title}',
    petitionNotFound: 'Diese Petition wurde nicht gefunden.',
    needsScript: 'Zum Unterschreiben dieser Petition wird JavaScript benötigt.',
  },
  ar: {
    caseFrame: 'حالة: {name}',
    petitionFrame: 'عريضة: {title}',
    petitionNotFound: 'تعذّر العثور على هذه العريضة.',
    needsScript: 'يتطلّب التوقيع على هذه العريضة تفعيل جافاسكريبت.',
  },
  it: {
    caseFrame: 'Caso: {name}',
    petitionFrame: 'Petizione: {title}',
    petitionNotFound: 'Questa petizione non è stata trovata.',
    needsScript: 'Per firmare questa petizione serve JavaScript.',
  },
  nl: {
    caseFrame: 'Zaak: {name}',
    petitionFrame: 'Petitie: {title}',
    petitionNotFound: 'Deze petitie is niet gevonden.',
    needsScript: 'Om deze petitie te ondertekenen is JavaScript nodig.',
  },
  pt: {
    caseFrame: 'Caso: {name}',
    petitionFrame: 'Petição: {title}',
    petitionNotFound: 'Não foi possível encontrar esta petição.',
    needsScript: 'Para assinar esta petição é preciso JavaScript.',
  },
  // ug and zh-Hans: our translations (machine-assisted), to be reviewed by a native speaker.
  ug: {
    caseFrame: 'دېلو: {name}',
    petitionFrame: 'ئىلتىماس: {title}',
    petitionNotFound: 'بۇ ئىلتىماس تېپىلمىدى.',
    needsScript: 'بۇ ئىلتىماسقا ئىمزا قويۇش ئۈچۈن JavaScript كېرەك.',
  },
  'zh-Hans': {
    caseFrame: '案例：{name}',
    petitionFrame: '请愿：{title}',
    petitionNotFound: '找不到这份请愿。',
    needsScript: '签署这份请愿需要启用 JavaScript。',
  },
};
