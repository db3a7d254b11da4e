import type { ConsentVideoMessages } from './en.js';

const fr: ConsentVideoMessages = {
  notice:
    'Cette vidéo est hébergée par {provider}. Sa lecture charge le lecteur de {provider}, qui peut déposer des cookies sur votre appareil et savoir que vous l’avez regardée. Rien n’est chargé tant que vous ne choisissez pas de la lire.',
  play: 'Lire la vidéo ({provider})',
  remember: 'Retenir mon choix pour {provider} sur cet appareil',
  forget: 'Oublier mon choix pour {provider}',
  player: '{title} (lecteur {provider})',
  untitled: 'Vidéo',
  unavailable: 'Cette vidéo ne peut pas être affichée.',
};
export default fr;
