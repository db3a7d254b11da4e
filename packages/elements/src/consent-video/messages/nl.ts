import type { ConsentVideoMessages } from './en.js';

const nl: ConsentVideoMessages = {
  notice:
    'Deze video staat bij {provider}. Afspelen laadt de speler van {provider}, die cookies op je apparaat kan opslaan en kan weten dat je de video hebt bekeken. Er wordt niets geladen tot je kiest om af te spelen.',
  play: 'Video afspelen ({provider})',
  remember: 'Mijn keuze voor {provider} op dit apparaat onthouden',
  forget: 'Mijn keuze voor {provider} vergeten',
  player: '{title} ({provider}-speler)',
  untitled: 'Video',
  unavailable: 'Deze video kan niet worden getoond.',
};
export default nl;
