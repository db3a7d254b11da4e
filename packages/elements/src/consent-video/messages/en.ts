/**
 * English messages of consent-video: the fallback of every other language. `{provider}` is the provider's
 * name (YouTube, Vimeo, PeerTube and its host).
 */
const en = {
  /** What playing will do, said before anything is requested from the provider. */
  notice:
    'This video is hosted by {provider}. Playing it loads {provider}’s player, which may store cookies on your device and learn that you watched it. Nothing is loaded until you choose to play.',
  play: 'Play the video ({provider})',
  remember: 'Remember my choice for {provider} on this device',
  /** Shown under the player once the choice is remembered. */
  forget: 'Forget my choice for {provider}',
  /** The player frame's accessible name, after the video's title. */
  player: '{title} ({provider} player)',
  /** When the page gave no title. */
  untitled: 'Video',
  unavailable: 'This video cannot be shown.',
};

export type ConsentVideoMessages = typeof en;
export default en;
