/**
 * A `<form>` the page puts inside petition-form (`pageForm`): the element's handlers on it, its consent box
 * left unticked, and the element's state mirrored onto it (errors tied to the page's own fields, busy button,
 * country names in the form's language). Part of the lazily loaded submission chunk.
 */
import { countryOptions } from '@agir/core';
import { fieldMessage, FIELDS, likelyCountry } from './fields.js';
import { h, setAttr, setText } from '../shared/dom.js';
import type { SubmissionController } from './submission.js';

/** The newsletter consent box's name (and, with `_version`, its hidden version field's). */
export const CONSENT = 'consent_newsletter';

/** Ids given to the page's controls that have none (their errors and the summary's links point at them). */
let uid = 0;
/** The language each page form's country list was filled in. */
const filledIn = new WeakMap<HTMLFormElement, string>();

/** Wires (or unwires) a page's own form: the element's handlers, no native bubbles, consent unticked. */
export function wire({ host, submit }: SubmissionController, form: HTMLFormElement | null, on: boolean): void {
  if (!form) return;
  for (const [type, listener] of [
    ['submit', submit],
    ['focusout', host.onBlur],
    ['input', host.onInput],
    ['change', host.onInput],
  ] as const) {
    if (on) form.addEventListener(type, listener);
    else form.removeEventListener(type, listener);
  }
  if (!on) return;
  form.noValidate = true;
  const box = host.control(CONSENT) as HTMLInputElement | null;
  if (box?.checked || box?.defaultChecked) {
    box.checked = box.defaultChecked = false;
    host.authorError(`the "${CONSENT}" checkbox was ticked by the page; consent must start unticked, so it was unticked.`);
  }
  const missing = FIELDS.slice(0, 4).filter((field) => !host.control(field));
  if (missing.length) host.authorError(`the <form> inside lacks inputs named ${missing.join(', ')}; the contract needs them.`);
}

/** Mirrors errors, busy state and country names onto a page's own form (light DOM: the page's ids). */
export function syncPageForm({ host, sending }: SubmissionController): void {
  const form = host.pageForm!;
  const { locale } = host;
  const country = host.control('country');
  const filled = filledIn.get(form);
  if (
    country instanceof HTMLSelectElement &&
    locale.ready &&
    filled !== locale.locale &&
    (filled !== undefined || country.options.length < 2)
  ) {
    const chosen = country.value || likelyCountry(locale.locale);
    country.replaceChildren(
      new Option(locale.t('chooseCountry'), ''),
      ...countryOptions(locale.locale).map(({ code, name }) => new Option(name, code, code === chosen, code === chosen)),
    );
    filledIn.set(form, locale.locale);
  }
  for (const field of FIELDS) {
    const control = host.control(field);
    if (!control) continue;
    control.id ||= `agir-pf-${++uid}-${field}`;
    const errorId = `${control.id}-error`;
    let note = form.querySelector(`[id="${errorId}"]`);
    const kind = host.errors[field];
    const describedBy = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && id !== errorId);
    if (kind) {
      if (!note) (control.closest('label') ?? control).after((note = h('span', { id: errorId, class: 'agir-field-error' })));
      setText(note, fieldMessage(locale.t, field, kind));
      describedBy.push(errorId);
    } else note?.remove();
    setAttr(control, 'aria-invalid', kind ? 'true' : null);
    setAttr(control, 'aria-describedby', describedBy.join(' ') || null);
  }
  const button = form.querySelector('button:not([type]), [type="submit"]');
  for (const name of ['aria-busy', 'aria-disabled']) if (button) setAttr(button, name, sending ? 'true' : null);
}
