/**
 * The video providers consent-video knows: small data entries. Each gives its name as readers know it, what
 * a valid video id looks like, and the address of its privacy-enhanced player (YouTube's no-cookie host,
 * Vimeo with Do Not Track, PeerTube at the host the page names), which is requested only after consent.
 */
export interface PlayerOptions {
  /** The video's id at the provider. */
  video: string;
  /** A PeerTube instance's host name (e.g. `video.example.org`). */
  host: string | undefined;
  /** The captions' language (BCP 47), where the provider takes one. */
  captions: string;
}

export interface Provider {
  /** The provider's name, as the notice says it. */
  readonly name: (options: PlayerOptions) => string;
  /** What a video id at this provider looks like. */
  readonly id: RegExp;
  /** Whether the page must give the provider's host. */
  readonly needsHost?: true;
  /** The player's address; it starts playing when the reader has just asked to play (`autoplay`). */
  readonly player: (options: PlayerOptions, autoplay: boolean) => URL;
}

const url = (base: string, autoplay: boolean, params: Record<string, string>): URL => {
  const address = new URL(base);
  if (autoplay) address.searchParams.set('autoplay', '1');
  for (const [name, value] of Object.entries(params)) address.searchParams.set(name, value);
  return address;
};

/** Hosts whose images (thumbnails) belong to a provider: a poster from one would contact it before consent. */
export const providerImageHost = /(^|\.)(ytimg\.com|youtube\.com|youtube-nocookie\.com|ggpht\.com|vimeocdn\.com|vimeo\.com)$/i;

export const providers: Record<string, Provider> = {
  youtube: {
    name: () => 'YouTube',
    id: /^[\w-]{11}$/,
    player: ({ video, captions }, autoplay) =>
      url(`https://www.youtube-nocookie.com/embed/${video}`, autoplay, { cc_load_policy: '1', cc_lang_pref: captions, hl: captions }),
  },
  vimeo: {
    name: () => 'Vimeo',
    id: /^\d{1,12}$/,
    player: ({ video, captions }, autoplay) => url(`https://player.vimeo.com/video/${video}`, autoplay, { dnt: '1', texttrack: captions }),
  },
  peertube: {
    name: ({ host }) => `PeerTube (${host})`,
    id: /^[\w-]{1,64}$/,
    needsHost: true,
    player: ({ video, host, captions }, autoplay) => url(`https://${host}/videos/embed/${video}`, autoplay, { subtitle: captions }),
  },
};

/** A host name with an optional port: letters, digits, dots and hyphens (no scheme, path or credentials). */
export const isHost = (value: string | undefined): value is string =>
  !!value && /^(?=.{1,253}(:|$))[a-z\d]([a-z\d-]*[a-z\d])?(\.[a-z\d]([a-z\d-]*[a-z\d])?)*(:\d{1,5})?$/i.test(value);
