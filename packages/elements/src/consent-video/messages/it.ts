import type { ConsentVideoMessages } from './en.js';

const it: ConsentVideoMessages = {
  notice:
    'Questo video è ospitato da {provider}. La riproduzione carica il lettore di {provider}, che può salvare cookie sul tuo dispositivo e sapere che lo hai guardato. Nulla viene caricato finché non scegli di riprodurlo.',
  play: 'Riproduci il video ({provider})',
  remember: 'Ricorda la mia scelta per {provider} su questo dispositivo',
  forget: 'Dimentica la mia scelta per {provider}',
  player: '{title} (lettore {provider})',
  untitled: 'Video',
  unavailable: 'Questo video non può essere mostrato.',
};
export default it;
