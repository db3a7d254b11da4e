import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

export default {
  summaryTitle: 'Er is een probleem',
  thanksTitle: 'Bedankt voor je handtekening!',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), {
      one: 'Tot nu toe heeft {count} persoon getekend.',
      other: 'Tot nu toe hebben {count} mensen getekend.',
    }).replace('{count}', formatNumber(locale, Number(count))),
  queuedTitle: 'Je handtekening is bewaard',
  queuedText: 'We konden de server zojuist niet bereiken. Je handtekening wordt op dit apparaat bewaard en automatisch verstuurd.',
  unsentTitle: 'Je handtekening kon niet worden verzonden',
  unsentText: 'De server gaf meerdere keren een fout. Je handtekening is op dit apparaat bewaard: probeer het zo nog eens.',
  retrySend: 'Opnieuw proberen',
  sentLater: 'Je bewaarde handtekening is verstuurd.',
  alreadyTitle: 'Je hebt al getekend op dit apparaat',
  alreadyText: 'Bedankt! Wil iemand anders hier ook tekenen?',
  signAnother: 'Teken voor iemand anders',
  closedTitle: 'Deze petitie is gesloten',
  closedText: 'Er kunnen geen handtekeningen meer worden gezet. Bedankt voor je steun.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'Deze petitie is niet gevonden',
  notFoundText: 'Misschien is ze ingetrokken, of klopt de link op deze pagina niet. Hier kan geen handtekening worden vastgelegd.',
  shareCall: 'Vraag je vrienden om ook te tekenen:',
  share: 'Delen',
  shareText: 'Ik heb “{title}” getekend. Zet jij ook je naam eronder:',
  shareSubject: 'Teken deze petitie: {title}',
  copyLink: 'Kopieer de link',
  copied: 'Link gekopieerd',
  copyFailed: 'De link kon niet worden gekopieerd',
} satisfies PetitionFormViewMessages;
