import type { ConsentVideoMessages } from './en.js';

const es: ConsentVideoMessages = {
  notice:
    'Este vídeo está alojado en {provider}. Reproducirlo carga el reproductor de {provider}, que puede guardar cookies en tu dispositivo y saber que lo has visto. No se carga nada hasta que decidas reproducirlo.',
  play: 'Reproducir el vídeo ({provider})',
  remember: 'Recordar mi elección para {provider} en este dispositivo',
  forget: 'Olvidar mi elección para {provider}',
  player: '{title} (reproductor de {provider})',
  untitled: 'Vídeo',
  unavailable: 'Este vídeo no se puede mostrar.',
};
export default es;
