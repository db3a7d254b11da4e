/**
 * What <donation-calculator> says about an estimate: the rule in plain words, the net cost (or what the
 * charity receives), the notes and the source. Loaded with a country's rules, so a page for a country the
 * engine does not model never downloads it.
 */
import type { ReactiveControllerHost } from 'lit';
import { createCatalog, formatNumber, formatPercent, type Params } from '@agir/core';
import { taxYearBounds, type ReliefEstimate } from '@agir/core/tax';
import { LocaleController } from '../shared/locale-controller.js';
import en, { type ReliefMessages } from './messages/relief/en.js';
import { formatLegacyFr } from './legacy-format.js';

import { EstimateEvent } from './events.js';

/** Tells the page about a new estimate (`agir-estimate`); the event travels with the rules, not in the entry. */
export function announceEstimate(host: HTMLElement, estimate: ReliefEstimate): void {
  host.dispatchEvent(new EstimateEvent(estimate));
}

const catalog = createCatalog<ReliefMessages>('donation-calculator (relief)', {
  en,
  fr: () => import('./messages/relief/fr.js'),
  es: () => import('./messages/relief/es.js'),
  de: () => import('./messages/relief/de.js'),
  ar: () => import('./messages/relief/ar.js'),
  it: () => import('./messages/relief/it.js'),
  nl: () => import('./messages/relief/nl.js'),
  pt: () => import('./messages/relief/pt.js'),
  ug: () => import('./messages/relief/ug.js'),
  'zh-Hans': () => import('./messages/relief/zh-Hans.js'),
});

export type ReliefKey = keyof ReliefMessages & string;

export interface ReliefContext {
  readonly estimate: ReliefEstimate;
  /** The gift per period, minor units. */
  readonly amountMinor: number;
  readonly locale: string;
  /** Formats minor units in the estimate's currency ("5,10 €"; "10 €" when `whole` and the cents are 0). */
  readonly money: (minor: number, whole?: boolean) => string;
  /** `legacy-format` is on (and the currency is EUR). */
  readonly legacy: boolean;
  readonly rateLabel: string | undefined;
  /** Translates a key, honouring the element's `messages` overrides. */
  readonly t: (key: ReliefKey, params?: Params) => string;
}

export interface ReliefParts {
  /** "Thanks to the 66 % tax reduction (if you pay tax)," — before the live result. */
  readonly rule?: string;
  /** The live result line; with a `figure`, U+0000 marks its place (messages are text, never HTML). */
  readonly line: string;
  /** The net cost, shown emphasised in the line. */
  readonly figure?: string;
  /** A note under it (the part carried forward). */
  readonly note?: string;
  /** Tax year and source, for the disclosure. */
  readonly details: readonly string[];
}

/** The relief sentences' catalog for one element, following its language like its other messages. */
export class ReliefView {
  readonly #locale: LocaleController<ReliefMessages>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#locale = new LocaleController<ReliefMessages>(host, catalog);
  }

  /** Resolves once the sentences in the element's language are loaded. */
  get loaded(): Promise<void> {
    return this.#locale.loaded;
  }

  /** True once they are (until then the result line stays empty rather than in the wrong language). */
  get ready(): boolean {
    return this.#locale.ready;
  }

  t(key: ReliefKey, params?: Params): string {
    return this.#locale.t(key, params);
  }
}

/** The sentences for an estimate (never a figure the engine did not give). */
export function reliefParts(context: ReliefContext): ReliefParts {
  const { estimate, money, t, locale } = context;
  const { minor, rule, periodsPerYear } = estimate;
  const monthly = periodsPerYear > 1;
  // "2026", or "2026/27" where the tax year straddles two calendar years (GB: core's calendar says where each starts).
  const yearText = (year: number) =>
    formatNumber(locale, year, { useGrouping: false }) +
    (taxYearBounds(estimate.country, year)[1].startsWith(String(year))
      ? ''
      : `/${formatNumber(locale, (year + 1) % 100, { minimumIntegerDigits: 2 })}`);
  const { taxYear, rulesYear } = estimate;
  const yearLine =
    rulesYear === taxYear
      ? t('taxYear', { year: yearText(taxYear) })
      : t('rulesYear', { year: yearText(taxYear), rules: yearText(rulesYear) });
  // Two sentences: a space between them, but none after a full-width full stop ("2026 纳税年度。仅为…").
  const details = [`${yearLine}${/[。！？]$/.test(yearLine) ? '' : ' '}${t('estimateNote')}`, t('source', { source: rule.source })];

  if (rule.kind === 'gift-aid') {
    if (!minor.giftAidUpliftPerYear) return { line: t('noRelief'), details };
    const received = Math.round(minor.charityReceivesPerYear / periodsPerYear);
    return {
      line: t(monthly ? 'giftAidMonthly' : 'giftAidOnce', { gift: money(context.amountMinor, true), received: money(received, true) }),
      details,
    };
  }
  if (rule.kind === 'charity-refund') {
    return {
      line: minor.charityRefundPerYear ? t('charityRefund', { refund: money(minor.charityRefundPerYear) }) : t('noRelief'),
      details,
    };
  }
  if (minor.reliefPerYear === null)
    return { line: t(estimate.missing.includes('marginalRate') ? 'dependsOnRate' : 'dependsOnSituation'), details };
  if (!minor.reliefPerYear || minor.netCostPerPeriod === null) return { line: t('noRelief'), details };

  // The statutory rate ("66 %") where there is one; the gift's effective rate for tiered rules (ES, CA).
  const ratio = rule.rate !== null && !rule.tiers ? rule.rate : estimate.effectiveRate;
  const rate = context.rateLabel || (ratio === null ? undefined : formatPercent(locale, ratio, { maximumFractionDigits: 1 }));
  const phrase = rate === undefined || rule.kind === 'deduction' ? 'ruleRelief' : rule.kind === 'credit' ? 'ruleCredit' : 'ruleReduction';
  const net = minor.netCostPerPeriod;
  const carry = minor.carryForward ?? 0;
  const years = estimate.carryForwardYears;
  return {
    rule: t(phrase, { rate }),
    line: t(monthly ? 'netMonthly' : 'netOnce', { amount: '\u0000' }),
    figure: context.legacy ? formatLegacyFr(net) : money(net),
    note: carry > 0 ? t(years ? 'carryForward' : 'carryForwardLater', { amount: money(carry), years: years ?? undefined }) : undefined,
    details,
  };
}
