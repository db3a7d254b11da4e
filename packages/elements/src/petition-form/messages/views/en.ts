import { formatNumber, plural } from '@agir/core';

/**
 * English messages of what petition-form shows once its submission code is loaded: the thank-you, saved,
 * could-not-be-sent, already-signed, closed and not-found notices, the error summary's title and sharing. `thanksCount` receives
 * `{ count }` (a number); `shareText` and `shareSubject` `{ title }`.
 */
const en = {
  summaryTitle: 'There is a problem',
  thanksTitle: 'Thank you for signing!',
  thanksCount: ({ count }: Record<string, unknown>, locale: string) =>
    plural(locale, Number(count), { one: '{count} person has signed so far.', other: '{count} people have signed so far.' }).replace(
      '{count}',
      formatNumber(locale, Number(count)),
    ),
  queuedTitle: 'Your signature is saved',
  queuedText: 'We could not reach the server just now. Your signature is kept on this device and will be sent automatically.',
  unsentTitle: 'Your signature could not be sent',
  unsentText: 'The server failed several times. Your signature is kept on this device: try again in a moment.',
  retrySend: 'Try again',
  sentLater: 'Your saved signature has been sent.',
  alreadyTitle: 'You have already signed on this device',
  alreadyText: 'Thank you! Does someone else here want to sign?',
  signAnother: 'Sign for someone else',
  closedTitle: 'This petition is closed',
  closedText: 'It no longer accepts signatures. Thank you for your support.',
  notFoundTitle: 'This petition cannot be found',
  notFoundText: 'It may have been removed, or this page’s link to it is wrong. No signature can be recorded here.',
  shareCall: 'Ask your friends to sign too:',
  share: 'Share',
  shareText: 'I signed “{title}”. Add your name:',
  shareSubject: 'Sign this petition: {title}',
  copyLink: 'Copy the link',
  copied: 'Link copied',
  copyFailed: 'The link could not be copied',
};

export type PetitionFormViewMessages = typeof en;
export default en;
