/**
 * Portugal: IRS dedução à coleta for gifts (EBF art. 63).
 * @module
 */

import { amt, capToTaxDue, unsupportedDonor, unsupportedScheme } from '../helpers.js';
import { percentOf } from '../money.js';
import { currencies } from '../country-facts.js';
import type { Confidence, CountryModule } from '../types.js';

/** One tax year of Portuguese rules. Rates in basis points. */
export interface PtYearRules {
  readonly rateBps: number;
  /** Private non-profits: deduction ≤ this share of the coleta. */
  readonly coletaCapBps: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * Portuguese rules by tax year. Only 2025: the EBF art. 63 regime was extended to 31 Dec 2025, an
 * extension into 2026 was not verified ⚠, so 2026 and later are "cannot estimate" (`lastYearInForce`):
 * a benefit with an end date is not carried forward as other countries' rules are.
 */
export const PT_RULES: Readonly<Record<number, PtYearRules>> = {
  2025: {
    rateBps: 2500, // 25 % of cash gifts: EBF art. 63 (portaldasfinancas) — H (2025)
    coletaCapBps: 1500, // ≤ 15 % of the coleta for private non-profits — H (2025)
    source: 'EBF art. 63 (portaldasfinancas; extended to 31 Dec 2025); eco.sapo.pt (23 Dec 2025)',
    confidence: 'H',
  },
};

/** Portugal rules module. */
export const pt: CountryModule<PtYearRules> = {
  country: 'PT',
  currency: currencies.PT,
  name: 'Portugal',
  schemes: [],
  years: PT_RULES,
  lastYearInForce: {
    year: 2025,
    reason: 'the EBF art. 63 benefit was extended to 31 December 2025 only, and no later extension is modelled.',
  },
  compute(ctx, rules) {
    if (ctx.donor === 'company') return unsupportedDonor(ctx);
    if (ctx.scheme !== 'general') return unsupportedScheme(ctx, ['general']);
    let relief = percentOf(ctx.annualMinor, rules.rateBps);
    const coleta = ctx.money('taxAssessed');
    if (coleta === undefined) {
      ctx.note('coleta-not-given', 'Tax assessed (coleta) not given: the 15 % of coleta limit was not applied.');
    } else {
      const cap = percentOf(coleta, rules.coletaCapBps);
      if (relief > cap) {
        relief = cap;
        ctx.note('coleta-cap', `The deduction is limited to 15 % of the coleta (${amt(cap)} €).`);
      }
    }
    ctx.note(
      'private-non-profit',
      'Assumes a private non-profit (IPSS, association, NGO); gifts to the State or religious bodies follow other limits.',
    );
    relief = capToTaxDue(ctx, relief, 'taxAssessed');
    return {
      ok: true,
      rule: {
        id: `PT-${ctx.rulesYear}-individual-general`,
        scheme: 'general',
        name: 'IRS deduction from tax assessed for gifts',
        kind: 'credit',
        rate: rules.rateBps / 10_000,
        ceiling: 'Deduction ≤ 15 % of the tax assessed (coleta) for private non-profits',
        source: rules.source,
        confidence: rules.confidence,
      },
      figures: { reliefPerYear: relief },
    };
  },
};
