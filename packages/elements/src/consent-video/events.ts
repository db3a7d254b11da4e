/** Fired when the reader chose to play the video: its provider's player is being loaded. */
export class VideoConsentEvent extends Event {
  static readonly type = 'agir-video-consent';
  /** The provider's key: `youtube`, `vimeo` or `peertube`. */
  readonly provider: string;
  /** True when the reader asked to remember the choice on this device (or it was remembered before). */
  readonly remembered: boolean;

  constructor(provider: string, remembered: boolean) {
    super(VideoConsentEvent.type, { bubbles: true, composed: true });
    this.provider = provider;
    this.remembered = remembered;
  }
}

/** Fired when the reader withdrew a remembered choice: the player is gone, the notice is back. */
export class VideoWithdrawEvent extends Event {
  static readonly type = 'agir-video-withdraw';
  /** The provider's key. */
  readonly provider: string;

  constructor(provider: string) {
    super(VideoWithdrawEvent.type, { bubbles: true, composed: true });
    this.provider = provider;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'agir-video-consent': VideoConsentEvent;
    'agir-video-withdraw': VideoWithdrawEvent;
  }
}
