/**
 * Fired by case-card when the reader uses its call to action: the link (`href`) or the button that opens
 * the case's petition (`petition`). Cancelable: `preventDefault()` stops the navigation or keeps the
 * petition form closed, so the host page can handle the action itself.
 */
export class ActionEvent extends Event {
  static readonly type = 'agir-action';
  /** The case's id (`case` attribute or payload id); empty for an inline card without one. */
  readonly caseId: string;
  /** The validated http(s) URL of a link action. */
  readonly href: string | undefined;
  /** The petition id of a petition action. */
  readonly petition: string | undefined;

  constructor(caseId: string, action: { href?: string | undefined; petition?: string | undefined }) {
    super(ActionEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.caseId = caseId;
    this.href = action.href;
    this.petition = action.petition;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-action': ActionEvent;
  }
}
