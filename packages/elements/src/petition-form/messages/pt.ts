import type { PetitionFormMessages } from './en.js';

// Português europeu (pt-PT), legível também no Brasil; tratamento formal («o seu»).
export default {
  givenName: 'Nome próprio',
  familyName: 'Apelido',
  email: 'E-mail',
  country: 'País ou território',
  postalCode: 'Código postal',
  phone: 'Telefone',
  comment: 'Comentário',
  optional: '(opcional)',
  chooseCountry: 'Escolha…',
  emailHelp: 'Serve para registarmos a sua assinatura uma única vez.',
  phoneHelp: 'Com o indicativo do país, por exemplo +351 912 345 678.',
  commentHelp: 'Até 2000 carateres.',

  givenNameRequired: 'Introduza o seu nome próprio',
  givenNameInvalid: 'Introduza um nome próprio com 100 carateres no máximo',
  familyNameRequired: 'Introduza o seu apelido',
  familyNameInvalid: 'Introduza um apelido com 100 carateres no máximo',
  emailRequired: 'Introduza o seu endereço de e-mail',
  emailInvalid: 'Introduza um endereço de e-mail válido, por exemplo nome@exemplo.pt',
  countryRequired: 'Escolha o seu país ou território',
  countryInvalid: 'Escolha um país ou território da lista',
  postalCodeRequired: 'Introduza o seu código postal',
  postalCodeInvalid: 'Introduza um código postal só com letras, algarismos, espaços ou hífenes',
  phoneRequired: 'Introduza o seu número de telefone',
  phoneInvalid: 'Introduza um número de telefone, por exemplo +351 912 345 678',
  commentRequired: 'Introduza um comentário',
  commentInvalid: 'Reduza o seu comentário para 2000 carateres no máximo',
  errorPrefix: 'Erro:',

  consent:
    'Quero receber por e-mail informações sobre esta campanha e outras formas de agir. Posso cancelar a subscrição a qualquer momento.',
  privacy: 'Política de privacidade',
  trap: 'Deixe este campo vazio',
  submit: 'Assinar a petição',
  submitting: 'A enviar a sua assinatura…',

  unavailable: 'De momento, este formulário não pode receber assinaturas.',
  errorRejected: 'Não foi possível registar a sua assinatura. Verifique os seus dados e tente novamente.',
  errorTooLarge: 'A sua assinatura é demasiado longa para ser enviada. Reduza o seu comentário.',
  errorForbidden: 'As assinaturas desta petição não podem ser enviadas a partir desta página.',
  errorCaptcha: 'A verificação antispam falhou. Tente novamente.',

  newTab: '(abre num novo separador)',
} satisfies PetitionFormMessages;
