import { defaultCountry, type Translate } from '@agir/core';
import type { PetitionFormMessages } from './messages/en.js';

/** The person fields of petition-form, shared by the element and its submission code. */
export type Field = 'givenName' | 'familyName' | 'email' | 'country' | 'postalCode' | 'phone' | 'comment';
/** Kinds of field error; a message is named `<field><Kind>` in the catalogs. */
export type Kind = 'Required' | 'Invalid';

/** A field's error message (`<field><Kind>` in the form's catalog). */
export const fieldMessage = (t: Translate<PetitionFormMessages>, field: Field, kind: Kind): string =>
  t(`${field}${kind}` as keyof PetitionFormMessages);

/** Fields in page order; the first four are always shown and required (the contract needs them). */
export const FIELDS: readonly Field[] = ['givenName', 'familyName', 'email', 'country', 'postalCode', 'phone', 'comment'];

/** Whether names are written family name first in `locale` (Chinese, Japanese, Korean, Hungarian, Vietnamese). */
export const familyFirst = (locale: string): boolean => /^(zh|ja|ko|hu|vi)\b/i.test(locale);

/** The fields in the order the form shows them in `locale`: the family name first where names are written so. */
export const fieldsIn = (locale: string): readonly Field[] =>
  familyFirst(locale) ? ['familyName', 'givenName', ...FIELDS.slice(2)] : FIELDS;

/** An http(s) URL resolved against the page, or undefined (no `javascript:` links from attributes). */
export function safeHref(value: string | undefined): string | undefined {
  try {
    const url = new URL(value!, document.baseURI);
    return value && /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where this device remembers that it signed a petition (the petition id only, no personal data). */
export const signedKey = (petition: string): string => `agir:signed:${petition}`;

/**
 * Today in whole days since the epoch (UTC). The memory of a signature holds the day it ends (see `remember`
 * in ./submission-code.ts): no time of day, and an older value (`"1"`, kept before it had an end) has ended.
 */
export const today = (): number => Math.floor(Date.now() / 864e5);

/** Whether a stored "signed" memory (`localStorage`'s value for `signedKey`) still runs. */
export const running = (memory: string | null): boolean => Number(memory) > today();

/** The country a form in `locale` starts with: the browser's region when it speaks that language, else the language's usual country. */
export function likelyCountry(locale: string): string | undefined {
  const browser = navigator.language;
  return (browser?.split('-')[0] === locale.split('-')[0] && defaultCountry(browser)) || defaultCountry(locale);
}
