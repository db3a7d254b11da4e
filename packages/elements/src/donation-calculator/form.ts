/**
 * <donation-calculator> as a form control (ElementInternals): the value it submits (`{name}-amount`,
 * `{name}-frequency`), its validity, a disabled form or fieldset, and what the browser restores.
 */
import type { DonationFrequency } from './events.js';
import { majorString, parseAmount, type AmountProblem } from './money.js';

/** Why the control is invalid: the flags, the message the browser shows, the field it points at. */
export type Invalidity = readonly [flags: ValidityStateFlags, message: string, anchor: HTMLElement];

/** The validity flags of a refused amount. */
export const validityFlags = (problem: AmountProblem): ValidityStateFlags =>
  problem === 'min' ? { rangeUnderflow: true } : problem === 'max' ? { rangeOverflow: true } : { badInput: true };

/** The element's side of form association: its value, validity, and a disabled form or fieldset. */
export class FormAssociation {
  readonly #internals: ElementInternals;
  /** A disabled form or fieldset disables the control (the element re-renders when it changes). */
  disabled = false;

  constructor(internals: ElementInternals) {
    this.#internals = internals;
  }

  /**
   * Publishes the value to submit, or why there is none.
   * @param name the `name` attribute: the fields are `{name}-amount` and `{name}-frequency`
   * @returns true when the control is valid
   */
  publish(name: string, value: { readonly minor: number; readonly frequency: DonationFrequency } | Invalidity): boolean {
    const internals = this.#internals;
    if (Array.isArray(value)) {
      internals.setValidity(...(value as Invalidity));
      internals.setFormValue(null);
      return false;
    }
    const { minor, frequency } = value as { minor: number; frequency: DonationFrequency };
    const prefix = name ? `${name}-` : '';
    const data = new FormData();
    data.append(`${prefix}amount`, majorString(minor));
    data.append(`${prefix}frequency`, frequency);
    internals.setValidity({});
    internals.setFormValue(data, data);
    return true;
  }
}

/** What the browser restores (back navigation, autofill): the frequency, and the amount when it reads. */
export function restoredValue(saved: unknown, name: string): { frequency: DonationFrequency; minor: number | undefined } | undefined {
  if (!(saved instanceof FormData)) return undefined;
  const prefix = name ? `${name}-` : '';
  const frequency = saved.get(`${prefix}frequency`);
  if (frequency !== 'once' && frequency !== 'monthly') return undefined;
  return { frequency, minor: parseAmount(String(saved.get(`${prefix}amount`)), '.', Infinity).minor };
}
