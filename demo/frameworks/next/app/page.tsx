// A server component: it renders the tags as they are; the client component defines them in the browser.
import { Petition } from './petition';

export default function Page() {
  return (
    <main>
      <h1>Agir in Next.js</h1>
      <p>
        <signature-counter petition="xinjiang" layout="inline"></signature-counter> people signed.
      </p>
      <Petition />
    </main>
  );
}
