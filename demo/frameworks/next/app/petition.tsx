'use client';
import { useCallback, useState } from 'react';
// Imported while the page renders on the server too: there they define nothing; in the browser they
// define <petition-form> and <signature-counter> before React hydrates the page.
import '@agir/elements/petition-form/define';
import '@agir/elements/signature-counter/define';
import { SignedEvent, type PetitionForm } from '@agir/elements/petition-form';

export function Petition() {
  const [signed, setSigned] = useState('');
  // When React hydrates server-rendered HTML it sets neither `on…` event props nor object and function
  // properties on custom elements (react#35446): a ref callback, which runs once the element is hydrated,
  // sets them and adds the listener (its cleanup removes it).
  const form = useCallback((element: PetitionForm | null) => {
    if (!element) return;
    element.captcha = async () => 'next-captcha-token'; // your captcha provider's token
    const onSigned = (event: Event) => {
      if (event instanceof SignedEvent) setSigned(`Thank you: ${event.signatureCount ?? 'your'} signatures.`);
    };
    element.addEventListener('agir-signed', onSigned);
    return () => element.removeEventListener('agir-signed', onSigned);
  }, []);
  return (
    <>
      <petition-form ref={form} petition="xinjiang" no-share></petition-form>
      <p role="status" id="signed">
        {signed}
      </p>
    </>
  );
}
