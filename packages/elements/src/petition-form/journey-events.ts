/**
 * The event of the journey after signing, in a module of its own so that it travels in the journey's chunk (the
 * form's other events, in events.ts, travel in its submission code, which every page with a form loads).
 */
/** The steps of the journey after signing, in the order the page lists them (`journey` attribute). */
export type JourneyStep = 'thanks' | 'share' | 'donate' | 'done';

/**
 * Fired when the journey after signing shows a step (the first one right after the signature). For a page's
 * analytics, nothing personal: which `step`, its `index` among the steps shown (from 0), and whether the reader
 * `skipped` the step before it ("Not now") rather than going on ("Continue").
 */
export class JourneyStepEvent extends Event {
  static readonly type = 'agir-journey-step';
  readonly petition: string;
  readonly step: JourneyStep;
  readonly index: number;
  readonly skipped: boolean;

  constructor(petition: string, step: JourneyStep, index: number, skipped: boolean) {
    super(JourneyStepEvent.type, { bubbles: true, composed: true });
    this.petition = petition;
    this.step = step;
    this.index = index;
    this.skipped = skipped;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-journey-step': JourneyStepEvent;
  }
}
