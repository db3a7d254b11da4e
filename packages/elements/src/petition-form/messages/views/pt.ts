import { formatNumber, plural } from '@agir/core';
import type { PetitionFormViewMessages } from './en.js';

// Português europeu (pt-PT), legível também no Brasil.
export default {
  summaryTitle: 'Há um problema',
  thanksTitle: 'Obrigado por assinar!',
  thanksCount: ({ count }, locale) =>
    plural(locale, Number(count), {
      one: 'Até agora, assinou {count} pessoa.',
      other: 'Até agora, assinaram {count} pessoas.',
    }).replace('{count}', formatNumber(locale, Number(count))),
  queuedTitle: 'A sua assinatura está guardada',
  queuedText:
    'Não foi possível contactar o servidor neste momento. A sua assinatura fica guardada neste dispositivo e será enviada automaticamente.',
  unsentTitle: 'Não foi possível enviar a sua assinatura',
  unsentText: 'O servidor falhou várias vezes. A sua assinatura está guardada neste dispositivo: tente novamente dentro de momentos.',
  retrySend: 'Tentar novamente',
  sentLater: 'A sua assinatura guardada foi enviada.',
  alreadyTitle: 'Já assinou neste dispositivo',
  alreadyText: 'Obrigado! Mais alguém aqui quer assinar?',
  signAnother: 'Assinar por outra pessoa',
  closedTitle: 'Esta petição está encerrada',
  closedText: 'Já não aceita assinaturas. Obrigado pelo seu apoio.',
  // notFoundTitle, notFoundText: our translation (machine-assisted, from the English), to be reviewed by a native speaker.
  notFoundTitle: 'Esta petição não foi encontrada',
  notFoundText: 'Pode ter sido retirada, ou a ligação desta página está errada. Aqui não é possível registar nenhuma assinatura.',
  shareCall: 'Peça aos seus amigos que também assinem:',
  share: 'Partilhar',
  shareText: 'Assinei «{title}». Junte também o seu nome:',
  shareSubject: 'Assine esta petição: {title}',
  copyLink: 'Copiar a ligação',
  copied: 'Ligação copiada',
  copyFailed: 'Não foi possível copiar a ligação',
} satisfies PetitionFormViewMessages;
