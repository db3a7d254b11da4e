// A React 19 app that uses every element and every event, typed by getting-started.md's agir-jsx.d.ts (which
// the test copies beside it). Compiled by published-types.test.ts against the packed packages (strict, skipLibCheck: false); every
// `@ts-expect-error` must stay an error, so typings that decay to `any` fail.
import { useRef, useState } from 'react';
import '@agir/elements/petition-form/define';
import '@agir/elements/signature-counter/define';
import '@agir/elements/case-card-list/define';
import '@agir/elements/donation-calculator/define';
import { PetitionForm, SignedEvent, type AgirSubmitEvent, type QueuedEvent, type PetitionErrorEvent } from '@agir/elements/petition-form';
import type { CountChangeEvent } from '@agir/elements/signature-counter';
import type { ActionEvent } from '@agir/elements/case-card';
import type { DonateEvent, EstimateEvent } from '@agir/elements/donation-calculator';

/** True when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `typeOf(value).is<T>(true)` compiles only when the value's type is exactly T. */
const typeOf = <A,>(value: A) => ({ value, is: <B,>(proof: Same<A, B>): Same<A, B> => proof });

export function Campaign() {
  const [count, setCount] = useState(1234);
  const form = useRef<PetitionForm>(null);
  return (
    <main>
      <signature-counter
        petition="xinjiang"
        count={count}
        goal="auto"
        layout="inline"
        show-countries
        onagir-count={(event) => {
          typeOf(event).is<CountChangeEvent>(true);
          setCount(event.signatureCount);
        }}
      ></signature-counter>
      <petition-form
        ref={form}
        petition="xinjiang"
        heading-level={3}
        consent-text="Keep me informed"
        captcha={async () => 'token'}
        onagir-submit={(event) => typeOf(event).is<AgirSubmitEvent>(true)}
        onagir-signed={(event) => {
          typeOf(event).is<SignedEvent>(true);
          if (event instanceof SignedEvent && event.signatureCount !== undefined) setCount(event.signatureCount);
        }}
        onagir-queued={(event) => console.log(event.idempotencyKey satisfies string)}
        onagir-error={(event: PetitionErrorEvent) => console.log(event.reason)}
      >
        <p slot="thanks">Thank you</p>
      </petition-form>
      <case-card
        case="akber"
        name="Akber"
        photo-width={640}
        no-share
        onagir-action={(event) => {
          typeOf(event).is<ActionEvent>(true);
          event.preventDefault();
        }}
      ></case-card>
      <case-card-list tag="xinjiang" heading-level={2} onagir-action={(event) => console.log(event.caseId)}></case-card-list>
      <donation-calculator
        country="FR"
        frequency="once"
        amounts-once="10 25 50"
        onagir-donate={(event) => {
          typeOf(event).is<DonateEvent>(true);
          event.preventDefault();
        }}
        onagir-estimate={(event) => typeOf(event).is<EstimateEvent>(true)}
        onchange={(event) => typeOf(event).is<Event>(true)}
      ></donation-calculator>
      {/* @ts-expect-error: count is a number */}
      <signature-counter count="many"></signature-counter>
      {/* @ts-expect-error: frequency is 'once' or 'monthly' */}
      <donation-calculator frequency="weekly"></donation-calculator>
      {/* @ts-expect-error: a SignedEvent has no `count` */}
      <petition-form onagir-signed={(event) => console.log(event.count)}></petition-form>
      {/* @ts-expect-error: the handler takes the event itself, not a CustomEvent */}
      <petition-form onagir-queued={(event: CustomEvent<QueuedEvent>) => console.log(event.detail)}></petition-form>
      {/* @ts-expect-error: renderRoot is read-only, not a prop */}
      <case-card renderRoot={null}></case-card>
      {/* @ts-expect-error: no such element */}
      <petition-frm></petition-frm>
    </main>
  );
}
