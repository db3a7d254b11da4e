// A TypeScript page that registers every element with its `/define` import only: the tag-name map, the event
// map and the classes come with those imports. Compiled by published-types.test.ts against the packed packages
// (strict, skipLibCheck: false); each @ts-expect-error must stay an error, so typings that decay to `any` fail.
import '@agir/elements/petition-form/define';
import '@agir/elements/signature-counter/define';
import '@agir/elements/case-card/define';
import '@agir/elements/case-card-list/define';
import '@agir/elements/donation-calculator/define';
import type { PetitionForm, AgirSubmitEvent, SignedEvent, QueuedEvent, PetitionErrorEvent } from '@agir/elements/petition-form/define';
import type { SignatureCounter, CountChangeEvent } from '@agir/elements/signature-counter/define';
import type { CaseCard, ActionEvent } from '@agir/elements/case-card/define';
import type { CaseCardList } from '@agir/elements/case-card-list/define';
import type { DonationCalculator, DonateEvent, EstimateEvent } from '@agir/elements/donation-calculator/define';

/** True when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `typeOf(value).is<T>(true)` compiles only when the value's type is exactly T. */
const typeOf = <A>(value: A) => ({ value, is: <B>(proof: Same<A, B>): Same<A, B> => proof });

// The tag-name map: createElement and querySelector give each element's class.
const form = document.createElement('petition-form');
const counter = document.createElement('signature-counter');
const card = document.createElement('case-card');
const list = document.createElement('case-card-list');
const calculator = document.createElement('donation-calculator');
typeOf(form).is<PetitionForm>(true);
typeOf(counter).is<SignatureCounter>(true);
typeOf(card).is<CaseCard>(true);
typeOf(list).is<CaseCardList>(true);
typeOf(calculator).is<DonationCalculator>(true);
const foundForm = document.querySelector('petition-form');
const foundCalculators = document.querySelectorAll('donation-calculator');
typeOf(foundForm).is<PetitionForm | null>(true);
typeOf(foundCalculators).is<NodeListOf<DonationCalculator>>(true);
// @ts-expect-error: a petition-form is not a signature-counter
typeOf(form).is<SignatureCounter>(true);

// Properties, typed as the elements declare them.
form.petition = 'xinjiang';
form.headingLevel = 3;
form.captcha = async (payload) => `token-for-${payload.idempotencyKey}`;
counter.count = 1234;
counter.goal = 'auto';
counter.layout = 'inline';
card.photoWidth = 640;
list.tag = 'xinjiang';
calculator.country = 'FR';
calculator.frequency = 'monthly';
// @ts-expect-error: headingLevel is a number
form.headingLevel = 'three';
// @ts-expect-error: goal is a number or 'auto'
counter.goal = 'soon';
// @ts-expect-error: layout is 'block' or 'inline'
counter.layout = 'grid';
// @ts-expect-error: frequency is 'once' or 'monthly'
calculator.frequency = 'weekly';
// @ts-expect-error: amount is read-only
calculator.amount = 5;

// Every event, with its class, on the element and bubbling to the document.
form.addEventListener('agir-submit', (event) => {
  typeOf(event).is<AgirSubmitEvent>(true);
  event.payload.comment = 'Free them';
  event.preventDefault();
});
form.addEventListener('agir-signed', (event) => {
  typeOf(event).is<SignedEvent>(true);
  const count: number | undefined = event.signatureCount;
  const duplicate: boolean = event.duplicate;
  console.log(count, duplicate, event.petition);
  // @ts-expect-error: a SignedEvent has no `count`
  console.log(event.count);
});
form.addEventListener('agir-queued', (event) => {
  typeOf(event).is<QueuedEvent>(true);
  console.log(event.idempotencyKey);
});
form.addEventListener('agir-error', (event) => {
  typeOf(event).is<PetitionErrorEvent>(true);
  // @ts-expect-error: 'offline' is not a reason
  if (event.reason === 'offline') console.log(event.error);
});
counter.addEventListener('agir-count', (event) => {
  typeOf(event).is<CountChangeEvent>(true);
  const goal: number | null = event.goal;
  console.log(event.signatureCount, event.countryCount, goal);
});
card.addEventListener('agir-action', (event) => {
  typeOf(event).is<ActionEvent>(true);
  console.log(event.caseId, event.href, event.petition);
});
list.addEventListener('agir-action', (event) => typeOf(event).is<ActionEvent>(true));
calculator.addEventListener('agir-donate', (event) => {
  typeOf(event).is<DonateEvent>(true);
  event.url = `https://donate.example.org/?amount=${event.amountMinor}`;
  // @ts-expect-error: the amount is read-only
  event.amount = 0;
});
calculator.addEventListener('agir-estimate', (event) => {
  typeOf(event).is<EstimateEvent>(true);
  console.log(event.taxYear, event.rulesYear, event.estimate);
});
document.addEventListener('agir-signed', (event) => typeOf(event).is<SignedEvent>(true));

// The classes: `define` under another tag, with a registry.
const Form: typeof PetitionForm = customElements.get('petition-form') as typeof PetitionForm;
Form.define('campaign-petition-form', customElements);
// @ts-expect-error: a tag is a string
Form.define(42);
