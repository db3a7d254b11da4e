import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

export default {
  summaryTitle: 'Il y a un problème',
  thanksTitle: 'Merci pour votre signature !',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), { one: '{count} personne a signé à ce jour.', other: '{count} personnes ont signé à ce jour.' }).replace(
      '{count}',
      formatNumber(locale, Number(count)),
    ),
  queuedTitle: 'Votre signature est enregistrée',
  queuedText: 'Le serveur est injoignable pour le moment. Votre signature est conservée sur cet appareil et sera envoyée automatiquement.',
  unsentTitle: 'Votre signature n’a pas pu être envoyée',
  unsentText: 'Le serveur a échoué plusieurs fois. Votre signature est conservée sur cet appareil : réessayez dans un instant.',
  retrySend: 'Réessayer',
  sentLater: 'Votre signature enregistrée a bien été envoyée.',
  alreadyTitle: 'Vous avez déjà signé depuis cet appareil',
  alreadyText: 'Merci ! Quelqu’un d’autre souhaite signer ?',
  signAnother: 'Signer pour une autre personne',
  closedTitle: 'Cette pétition est close',
  closedText: 'Elle n’accepte plus de signatures. Merci pour votre soutien.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'Cette pétition est introuvable',
  notFoundText: 'Elle a peut-être été retirée, ou le lien de cette page est erroné. Aucune signature ne peut être enregistrée ici.',
  shareCall: 'Invitez vos proches à signer aussi :',
  share: 'Partager',
  shareText: 'J’ai signé « {title} ». Signez vous aussi :',
  shareSubject: 'Signez cette pétition : {title}',
  copyLink: 'Copier le lien',
  copied: 'Lien copié',
  copyFailed: 'Le lien n’a pas pu être copié',
} satisfies PetitionFormViewMessages;
