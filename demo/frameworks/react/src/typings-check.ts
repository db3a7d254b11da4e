// Compile-time checks that the generated typings type Agir's tags: each @ts-expect-error must stay an
// error, so typings that decay to `any` fail `tsc`.
import type { CustomElements } from '@agir/elements/types/jsx';

type Calculator = NonNullable<CustomElements['donation-calculator']>;
type Counter = NonNullable<CustomElements['signature-counter']>;

export const good: Calculator & Counter = { country: 'FR', count: 12, 'legacy-format': true };
// @ts-expect-error: `count` is a number
export const badCount: Counter = { count: { many: true } };
// @ts-expect-error: `country` is a string
export const badCountry: Calculator = { country: 42 };
// @ts-expect-error: no such element
export const unknownTag: CustomElements['petition-frm'] = {};
