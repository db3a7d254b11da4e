import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@agir/elements/signature-counter/define';
import '@agir/elements/donation-calculator/define';

/** React 19 sets properties on custom elements and listens to their custom events natively. */
function App() {
  const [count, setCount] = useState(1234);
  const [donation, setDonation] = useState('none yet');
  return (
    <main>
      <h1>Agir in React 19</h1>
      <p>
        <signature-counter lang="en" layout="inline" count={count}></signature-counter> people signed.
      </p>
      <button type="button" onClick={() => setCount((n) => n + 1000)}>
        Add 1,000
      </button>
      <donation-calculator
        lang="en"
        country="GB"
        frequency="once"
        amounts-once="10 25 50"
        amounts-monthly="5 10 15"
        donate-href="https://donate.example.org/?amount={amount}&frequency={frequency}"
        onagir-donate={(event) => {
          // A DonateEvent (typed by @agir/elements/types/jsx), as React 19 hands over the event itself.
          event.preventDefault();
          setDonation(`${event.frequency} ${event.amount} ${event.currency}`);
        }}
      ></donation-calculator>
      <p id="donation">Donation: {donation}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
