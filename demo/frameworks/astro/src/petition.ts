// The page's client script (bundled by Astro): defines the elements, sets an object property, listens to events.
import '@agir/elements/petition-form/define';
import '@agir/elements/signature-counter/define';
import { SignedEvent, type PetitionForm } from '@agir/elements/petition-form';

const form = document.querySelector<PetitionForm>('petition-form')!;
form.captcha = async () => 'astro-captcha-token'; // your captcha provider's token
form.addEventListener('agir-signed', (event) => {
  if (event instanceof SignedEvent)
    document.getElementById('signed')!.textContent = `Thank you: ${event.signatureCount ?? 'your'} signatures.`;
});
