/** Fired by signature-counter when the figure it shows changes (the first figure included). */
export class CountChangeEvent extends Event {
  static readonly type = 'agir-count';
  readonly signatureCount: number;
  /** Countries the signatures come from; undefined when the counter does not know (a static count). */
  readonly countryCount: number | undefined;
  /** The goal the bar measures against (after `goal="auto"`), or null when there is none. */
  readonly goal: number | null;

  constructor(signatureCount: number, countryCount: number | undefined, goal: number | null) {
    super(CountChangeEvent.type, { bubbles: true, composed: true });
    this.signatureCount = signatureCount;
    this.countryCount = countryCount;
    this.goal = goal;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-count': CountChangeEvent;
  }
}
