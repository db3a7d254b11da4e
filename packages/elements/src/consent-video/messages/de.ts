import type { ConsentVideoMessages } from './en.js';

const de: ConsentVideoMessages = {
  notice:
    'Dieses Video liegt bei {provider}. Beim Abspielen wird der Player von {provider} geladen, der Cookies auf Ihrem Gerät speichern und erfahren kann, dass Sie es angesehen haben. Nichts wird geladen, bevor Sie es abspielen.',
  play: 'Video abspielen ({provider})',
  remember: 'Meine Wahl für {provider} auf diesem Gerät merken',
  forget: 'Meine Wahl für {provider} vergessen',
  player: '{title} ({provider}-Player)',
  untitled: 'Video',
  unavailable: 'Dieses Video kann nicht angezeigt werden.',
};
export default de;
