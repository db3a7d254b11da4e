// Compile-time checks that Agir's tags are typed in Vue templates: each @ts-expect-error must stay an
// error, so typings that decay to `any` fail `vue-tsc`.
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const good: Props<'donation-calculator'> & Props<'signature-counter'> = { country: 'FR', count: 12, 'legacy-format': true };
// @ts-expect-error: `count` is a number
export const badCount: Props<'signature-counter'> = { count: { many: true } };
// @ts-expect-error: `country` is a string
export const badCountry: Props<'donation-calculator'> = { country: 42 };
// @ts-expect-error: no such element
export const unknownTag: Props<'petition-frm'> = {};
