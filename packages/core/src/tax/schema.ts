/**
 * Input schema of the rules engine (zod/mini, tree-shakable).
 * @module
 */

import * as z from 'zod/mini';

/** Largest accepted amount or income, in major units (keeps every product exact). */
export const MAX_MAJOR = 1_000_000_000;

const money = (what: string) =>
  z
    .number({ error: `${what} must be a finite number` })
    .check(z.minimum(0, { error: `${what} must be ≥ 0` }), z.maximum(MAX_MAJOR, { error: `${what} must be ≤ ${MAX_MAJOR}` }));

const rate = (what: string) =>
  z
    .number({ error: `${what} must be a number between 0 and 1` })
    .check(
      z.minimum(0, { error: `${what} must be between 0 and 1 (e.g. 0.41 for 41 %)` }),
      z.maximum(1, { error: `${what} must be between 0 and 1 (e.g. 0.41 for 41 %)` }),
    );

const bool = (what: string) => z.boolean({ error: `${what} must be true or false` });

/**
 * Optional facts about the donor; all optional, and an absent fact is "not limiting"
 * (see tax-cases.README.md). Money in major units of the country's currency.
 */
export const reliefProfileSchema = z.strictObject(
  {
    /** Effective marginal rate, surcharges included, 0..1 (GB: the donor's income-tax rate). */
    marginalRate: z.optional(rate('profile.marginalRate')),
    /** GB (and every country): false = the donor pays no income tax. Default true. */
    taxpayer: z.optional(bool('profile.taxpayer')),
    /** FR revenu imposable; CA taxable income; ES base liquidable. */
    taxableIncome: z.optional(money('profile.taxableIncome')),
    /** FR, BE, ES, IT, IE: income tax due; a non-refundable relief cannot exceed it. */
    incomeTaxDue: z.optional(money('profile.incomeTaxDue')),
    /** FR: IFI due. */
    ifiDue: z.optional(money('profile.ifiDue')),
    /** FR company: turnover excl. VAT. */
    turnover: z.optional(money('profile.turnover')),
    /** IE, GB companies: corporation-tax rate 0..1. */
    corporationTaxRate: z.optional(rate('profile.corporationTaxRate')),
    /** BE total net income; CH net income; LU total net income. */
    netIncome: z.optional(money('profile.netIncome')),
    /** ES: gifts to the same charity in each of the 2 previous years of at least the same amount. */
    recurring: z.optional(bool('profile.recurring')),
    /** IT: `detrazione` (30 %/35 % credit) or `deduzione` (deduction). */
    option: z.optional(z.enum(['detrazione', 'deduzione'], { error: 'profile.option must be "detrazione" or "deduzione"' })),
    /** IT: reddito complessivo. */
    income: z.optional(money('profile.income')),
    /** NL: drempelinkomen. */
    thresholdIncome: z.optional(money('profile.thresholdIncome')),
    /** DE, AT: Gesamtbetrag der Einkünfte. */
    totalIncome: z.optional(money('profile.totalIncome')),
    /** DE: other special expenses a year (for the 36 € Pauschbetrag). */
    otherSpecialExpenses: z.optional(money('profile.otherSpecialExpenses')),
    /** CA: province or territory, two letters (e.g. ON). */
    province: z.optional(
      z
        .string({ error: 'profile.province must be a string' })
        .check(z.regex(/^[A-Za-z]{2}$/, { error: 'profile.province must be two letters, e.g. "ON"' })),
    ),
    /** CA: compute the federal credit only. */
    federalOnly: z.optional(bool('profile.federalOnly')),
    /** US: itemizes deductions. */
    itemizes: z.optional(bool('profile.itemizes')),
    /** US (and DE joint allowance): `single` or `married-joint`. */
    filing: z.optional(z.enum(['single', 'married-joint'], { error: 'profile.filing must be "single" or "married-joint"' })),
    /** US: adjusted gross income. */
    agi: z.optional(money('profile.agi')),
    /** PT: coleta (tax assessed). */
    taxAssessed: z.optional(money('profile.taxAssessed')),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'profile must be an object') },
);

/**
 * Schema of `computeRelief`'s input: exactly the `input` objects of tax-cases.public.json.
 * Unknown keys are rejected so a misspelt limit (which would otherwise be "absent, not limiting")
 * is caught.
 */
export const reliefInputSchema = z.strictObject(
  {
    /** ISO 3166-1 alpha-2; case-insensitive. */
    country: z
      .string({ error: 'country must be a string' })
      .check(z.regex(/^[A-Za-z]{2}$/, { error: 'country must be an ISO 3166-1 alpha-2 code, e.g. "FR"' })),
    /**
     * Calendar year of the gift (GB: the tax year starting in April of that year). Absent: the tax year of
     * `giftDate`, else the one in progress, with the latest rules in force (see `rulesYear` in the result).
     */
    taxYear: z.optional(
      z
        .int({ error: 'taxYear must be an integer year' })
        .check(z.minimum(1900, { error: 'taxYear must be a 4-digit year' }), z.maximum(2999, { error: 'taxYear must be a 4-digit year' })),
    ),
    /** ISO date (YYYY-MM-DD) of the gift, where a rule changes within a year. */
    giftDate: z.optional(z.iso.date({ error: 'giftDate must be an ISO date YYYY-MM-DD' })),
    donor: z.enum(['individual', 'company'], { error: 'donor must be "individual" or "company"' }),
    /** The gift per period, in major units (may be decimal, e.g. 42.5). */
    amount: money('amount'),
    frequency: z.enum(['once', 'monthly', 'quarterly', 'yearly'], {
      error: 'frequency must be one of "once", "monthly", "quarterly", "yearly"',
    }),
    /** `general` by default. */
    scheme: z.optional(
      z
        .string({ error: 'scheme must be a string' })
        .check(z.regex(/^[a-z][a-z0-9-]*$/, { error: 'scheme must be a lower-case id, e.g. "general"' })),
    ),
    profile: z.optional(reliefProfileSchema),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'input must be an object') },
);

/** Validated input. */
export type ReliefInput = z.infer<typeof reliefInputSchema>;
/** Validated profile. */
export type ReliefProfile = z.infer<typeof reliefProfileSchema>;
