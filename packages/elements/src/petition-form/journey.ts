/**
 * The journey after signing (issue 21): thank-you → share → donation ask → done, or the steps the page lists
 * in the `journey` attribute, in its order. Each step but the last has "Continue" and (share, donation) "Not
 * now"; focus moves to each step's heading, the status region announces it, and the page hears it as an
 * `agir-journey-step` event. The donation step shows the page's own element in the `donate` slot (a
 * `donation-calculator`, in the page's language) or a link to `donate-href`.
 *
 * A chunk of its own, with its messages (`messages/journey/`): notices.ts loads it once a signature succeeds
 * on a form that has a `journey` attribute, so neither the form's entry nor its submission code carry it.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { createCatalog, formatNumber, type Translate } from '@agir/core';
import { css } from '../shared/css.js';
import { adoptStyles } from '../shared/host-element.js';
import { JourneyStepEvent, type JourneyStep } from './journey-events.js';
import { safeHref } from './fields.js';
import type { PetitionFormJourneyMessages } from './messages/journey/en.js';
import type { PetitionForm } from './petition-form.js';
import type { SubmissionController } from './submission.js';

type Messages = PetitionFormJourneyMessages;
const catalog = createCatalog<Messages>('petition-form (journey)', {
  en: () => import('./messages/journey/en.js'),
  fr: () => import('./messages/journey/fr.js'),
  es: () => import('./messages/journey/es.js'),
  de: () => import('./messages/journey/de.js'),
  ar: () => import('./messages/journey/ar.js'),
  it: () => import('./messages/journey/it.js'),
  nl: () => import('./messages/journey/nl.js'),
  pt: () => import('./messages/journey/pt.js'),
  ug: () => import('./messages/journey/ug.js'),
  'zh-Hans': () => import('./messages/journey/zh-Hans.js'),
});
const messages = new Map<string, Translate<Messages> | Promise<unknown>>();

/** The row of the reader's buttons under a step (the rest is the notices' styles). */
const journeyStyles = css`
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
`;

/** The steps a `journey` attribute may list. */
const STEPS: readonly JourneyStep[] = ['thanks', 'share', 'donate', 'done'];

/** What the notices lend the journey: their box (a section titled by a focusable heading), sharing, the thanks. */
export interface JourneyParts {
  box(title: string, body: unknown): TemplateResult;
  share(): TemplateResult;
  thanks: TemplateResult;
  /** The title of the thank-you step (the notices' own message). */
  thanksTitle: string;
}

/** Where a reader is in the journey of one signature. */
interface Walk {
  /** The signature's result: a new signature starts a new walk. */
  readonly result: object;
  readonly steps: JourneyStep[];
  index: number;
}
const walks = new WeakMap<SubmissionController, Walk>();

/** The steps of the host's `journey` attribute that it can show, each once, in the page's order. */
export function journeySteps(host: PetitionForm): JourneyStep[] {
  const steps: JourneyStep[] = [];
  for (const token of (host.journey ?? '').split(/\s+/).filter(Boolean)) {
    const step = token as JourneyStep;
    if (!STEPS.includes(step))
      host.authorError(`unknown step "${token}" in the "journey" attribute; use any of: ${STEPS.join(', ')}, in the order to show them.`);
    else if (step === 'share' && host.noShare) continue;
    else if (step === 'donate' && !donation(host))
      host.authorError(
        'the "donate" step of its journey needs a donation-calculator (or any element) with slot="donate" inside it, or a "donate-href" attribute (an http or https URL): the step is left out.',
      );
    else if (!steps.includes(step)) steps.push(step);
  }
  return steps;
}

/** Whether the page gave the donation step something to show. */
function donation(host: PetitionForm): boolean {
  return host.querySelector(':scope > [slot="donate"]') !== null || safeHref(host.donateHref) !== undefined;
}

/** Loads the journey's messages in the form's language; the form redraws once they are in. */
function words(host: PetitionForm): Translate<Messages> | undefined {
  const locale = host.locale.locale;
  const known = messages.get(locale);
  if (typeof known === 'function') return known;
  if (!known)
    messages.set(
      locale,
      catalog.load(locale).then(
        (t) => {
          messages.set(locale, t);
          host.requestUpdate();
        },
        (error: unknown) => {
          messages.delete(locale);
          host.authorError(
            `could not load the messages of its journey (${(error as Error).message}); check that the whole CDN folder is served.`,
          );
        },
      ),
    );
  return undefined;
}

/** Shows step `index` of the walk: heading focused (after a reader's press), announced, told to the page. */
function go(c: SubmissionController, walk: Walk, index: number, skipped: boolean, t: Translate<Messages>, parts: JourneyParts): void {
  const { host } = c;
  walk.index = index;
  const step = walk.steps[index]!;
  const locale = host.locale.locale;
  c.announcement = t('stepOf', {
    index: formatNumber(locale, index + 1),
    count: formatNumber(locale, walk.steps.length),
    title: title(step, t, parts),
  });
  if (index > 0 || host.matches(':focus-within')) c.focus = '#title';
  host.dispatchEvent(new JourneyStepEvent(host.petition ?? '', step, index, skipped));
}

function title(step: JourneyStep, t: Translate<Messages>, parts: JourneyParts): string {
  return step === 'thanks' ? parts.thanksTitle : t(`${step}Title`);
}

/**
 * The journey's current step, drawn in the notices' box; undefined while its messages load (the notices then
 * show the thank-you alone), null when the page listed no step it can show (the thank-you with sharing, as
 * without a journey).
 */
export function journey(c: SubmissionController, parts: JourneyParts): TemplateResult | undefined | null {
  const { host } = c;
  const t = words(host);
  if (!t || !c.result) return undefined;
  let walk = walks.get(c);
  if (walk?.result !== c.result) {
    const steps = journeySteps(host);
    if (steps.length === 0) return null;
    walks.set(c, (walk = { result: c.result, steps, index: 0 }));
    const first = walk;
    // Told after this render, so that the page hears it once the step is drawn (and after agir-signed).
    queueMicrotask(() => walks.get(c) === first && go(c, first, 0, false, t, parts));
  }
  adoptStyles(host.renderRoot, journeyStyles);
  const current = walk;
  const step = current.steps[current.index]!;
  const last = current.index === current.steps.length - 1;
  const move = (skipped: boolean) => () => go(c, current, current.index + 1, skipped, t, parts);
  const newTab = host.locale.t('newTab');
  const href = safeHref(host.donateHref);
  const body =
    step === 'thanks'
      ? parts.thanks
      : step === 'share'
        ? parts.share()
        : step === 'donate'
          ? html`<p>${t('donateText')}</p>
              <slot name="donate"
                >${
                  href
                    ? html`<p>
                        <a href=${href} target="_blank" rel="noopener">${t('donateLink')}<span class="visually-hidden"> ${newTab}</span></a>
                      </p>`
                    : nothing
                }</slot
              >`
          : html`<p>${t('doneText')}</p>`;
  const actions = last
    ? nothing
    : html`<div class="steps">
        <button type="button" @click=${move(false)}>${t('next')}</button>
        ${step === 'share' || step === 'donate' ? html`<button type="button" class="secondary" @click=${move(true)}>${t('skip')}</button>` : nothing}
      </div>`;
  return parts.box(title(step, t, parts), html`${body}${actions}`);
}
