import type { ConsentVideoMessages } from './en.js';

const pt: ConsentVideoMessages = {
  notice:
    'Este vídeo está alojado no {provider}. Reproduzi-lo carrega o leitor do {provider}, que pode guardar cookies no seu dispositivo e saber que o viu. Nada é carregado até escolher reproduzir.',
  play: 'Reproduzir o vídeo ({provider})',
  remember: 'Lembrar a minha escolha para {provider} neste dispositivo',
  forget: 'Esquecer a minha escolha para {provider}',
  player: '{title} (leitor {provider})',
  untitled: 'Vídeo',
  unavailable: 'Este vídeo não pode ser mostrado.',
};
export default pt;
