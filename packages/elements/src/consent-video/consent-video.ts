import { createCatalog, directionOf, languageOf } from '@agir/core';
import { h, setText } from '../shared/dom.js';
import { authorError, defineElement } from '../shared/element-tools.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
import { LocaleController } from '../shared/locale-controller.js';
import { VideoConsentEvent, VideoWithdrawEvent } from './events.js';
import en, { type ConsentVideoMessages } from './messages/en.js';
import { isHost, providerImageHost, providers, type PlayerOptions, type Provider } from './providers.js';
import { styles } from './consent-video.styles.js';

const catalog = createCatalog<ConsentVideoMessages>('consent-video', {
  en,
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
  de: () => import('./messages/de.js'),
  ar: () => import('./messages/ar.js'),
  it: () => import('./messages/it.js'),
  nl: () => import('./messages/nl.js'),
  pt: () => import('./messages/pt.js'),
  ug: () => import('./messages/ug.js'),
  'zh-Hans': () => import('./messages/zh-Hans.js'),
});

/** The device's memory of a reader's choice, per provider (and PeerTube host). Storage may be refused. */
const choice = {
  key: (provider: string, host: string | undefined): string => `agir:video-consent:${provider}${host ? `@${host}` : ''}`,
  get(key: string): boolean {
    try {
      return localStorage.getItem(key) === 'granted';
    } catch {
      return false;
    }
  },
  set(key: string, granted: boolean): void {
    try {
      if (granted) localStorage.setItem(key, 'granted');
      else localStorage.removeItem(key);
    } catch {
      // A browser that refuses storage remembers nothing: the notice shows on every visit.
    }
  },
};

interface Video extends PlayerOptions {
  key: string;
  provider: Provider;
  /** Where the reader's choice is remembered. */
  memory: string;
}

/**
 * A video from YouTube, Vimeo or PeerTube that contacts its provider only once the reader chooses to play it:
 * until then it shows the page's own poster, the title, a notice naming the provider and what playing will
 * do, one play button and a "remember my choice" box. On play it inserts the provider's privacy-enhanced
 * player (youtube-nocookie.com, Vimeo with `dnt=1`, the PeerTube host the page names) in the same frame.
 * A remembered choice loads the player at once on the next visit, with a button to forget it.
 *
 * Its shadow tree is built once with DOM calls and kept by reference; the player is added and removed.
 *
 * @tagname consent-video
 * @summary A video behind the reader's consent: nothing is requested from the provider before they play it.
 *
 * @attr {'youtube' | 'vimeo' | 'peertube'} provider - Who hosts the video (property `provider`).
 * @attr {string} video - The video's id at the provider, e.g. `dQw4w9WgXcQ` (property `video`).
 * @attr {string} host - A PeerTube instance's host name, e.g. `video.example.org` (property `host`).
 * @attr {string} video-title - The video's title, shown over the poster and naming the player (property `videoTitle`).
 * @attr {string} poster - An image of the page's own (never the provider's thumbnail, which would contact it), shown until the player loads (property `poster`).
 * @attr {string} captions - The captions' language where the provider takes one (default: the element's language) (property `captions`).
 *
 * @fires {VideoConsentEvent} agir-video-consent - The reader chose to play (or a remembered choice loaded the player): `provider`, `remembered`.
 * @fires {VideoWithdrawEvent} agir-video-withdraw - The reader forgot a remembered choice: the notice is back.
 *
 * @csspart frame - The frame at the video's ratio, holding the poster and notice, then the player.
 * @csspart poster - The page's poster image.
 * @csspart notice - The title, notice, play button and remember box over the poster.
 * @csspart title - The video's title.
 * @csspart play - The play button.
 * @csspart player - The provider's player (an iframe).
 * @csspart forget - The button that forgets a remembered choice.
 *
 * @cssprop --agir-video-ratio - The frame's aspect ratio (default 16/9); agir.css holds it before the element is defined.
 * @cssprop --agir-video-background - The frame's colour behind the poster (default #1a1a1a).
 *
 * @cssstate notice - The notice shows: nothing has been requested from the provider.
 * @cssstate playing - The provider's player is in the frame.
 * @cssstate unavailable - The element is misconfigured (see the console).
 */
export class ConsentVideo extends HostElement {
  static override styles = styles;

  static {
    attributeProperties(this, {
      provider: 'provider',
      video: 'video',
      host: 'host',
      videoTitle: 'video-title',
      poster: 'poster',
      captions: 'captions',
    });
  }

  /** Registers the element under `tag` (default `consent-video`), unless that tag is taken. */
  static define(tag = 'consent-video', registry?: CustomElementRegistry): void {
    defineElement(tag, this, registry);
  }

  /** Who hosts the video: `youtube`, `vimeo` or `peertube`. */
  declare provider: string | undefined;
  /** The video's id at the provider. */
  declare video: string | undefined;
  /** A PeerTube instance's host name, e.g. `video.example.org`. */
  declare host: string | undefined;
  /** The video's title. */
  declare videoTitle: string | undefined;
  /** An image of the page's own, shown until the player loads. */
  declare poster: string | undefined;
  /** The captions' language where the provider takes one (default: the element's language). */
  declare captions: string | undefined;

  private readonly locale = new LocaleController<ConsentVideoMessages>(this, catalog);
  /** The attributes last checked, so each mistake is reported once. */
  private checked: string | undefined;
  private current: Video | undefined;
  private player: HTMLIFrameElement | undefined;
  /** The reader forgot a remembered choice during this visit. */
  private forgotten = false;
  private focusPlay = false;
  /** The attributes for which a bad poster was last reported. */
  private reportedPoster: string | undefined;

  private readonly posterImage = h('img', { class: 'poster', part: 'poster', alt: '' }) as HTMLImageElement;
  private readonly titleText = h('p', { class: 'title', part: 'title' });
  private readonly noticeText = h('p');
  private readonly playButton = h('button', { type: 'button', class: 'play', part: 'play' });
  private readonly rememberBox = h('input', { type: 'checkbox' }) as HTMLInputElement;
  private readonly rememberText = h('span');
  private readonly notice = h(
    'div',
    { class: 'notice', part: 'notice' },
    this.titleText,
    this.noticeText,
    // The choice to remember comes first, so that a keyboard reaches it before the button that acts on it.
    h('label', {}, this.rememberBox, this.rememberText),
    this.playButton,
  );
  private readonly unavailableText = h('p', { class: 'unavailable' });
  private readonly frame = h('div', { class: 'frame', part: 'frame' }, this.posterImage, this.notice, this.unavailableText);
  private readonly forgetButton = h('button', { type: 'button', class: 'forget', part: 'forget' });
  private readonly root = h('div', { class: 'root' }, this.frame, this.forgetButton);

  constructor() {
    super();
    this.playButton.addEventListener('click', () => this.play(true));
    this.forgetButton.addEventListener('click', () => this.forget());
  }

  /** The video the attributes describe, or undefined (reported to the page author once per mistake). */
  private read(): Video | undefined {
    const { video, host } = this;
    const key = (this.provider ?? '').toLowerCase();
    const provider = Object.hasOwn(providers, key) ? providers[key] : undefined;
    const checked = [key, video, host, this.poster].join(' ');
    const report = checked !== this.checked;
    this.checked = checked;
    const problem = !provider
      ? `provider="${this.provider ?? ''}" must be youtube, vimeo or peertube.`
      : !video || !provider.id.test(video)
        ? `video="${video ?? ''}" is not a ${key} video id (the id in the video's address, e.g. video="${key === 'vimeo' ? '76979871' : key === 'youtube' ? 'dQw4w9WgXcQ' : 'kkGMgK9ZtnKfYAgnEtQxbv'}").`
        : provider.needsHost && !isHost(host)
          ? `host="${host ?? ''}" must be the PeerTube instance's host name, e.g. host="video.example.org".`
          : undefined;
    if (problem) {
      if (report) authorError(this, `${problem} The video is not shown.`);
      return undefined;
    }
    const captions = this.captions || languageOf(this);
    const options = { video: video!, host: provider!.needsHost ? host!.toLowerCase() : undefined, captions };
    return {
      ...options,
      key,
      provider: provider!,
      memory: choice.key(key, options.host),
    };
  }

  /** The poster's address if it is the page's own image (http(s) or relative to the page, data: or blob:). */
  private posterUrl(video: Video | undefined): string | undefined {
    if (!this.poster) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(this.poster, document.baseURI);
    } catch {
      // reported below
    }
    const providerImage = url && (providerImageHost.test(url.hostname) || (video?.host && url.host === video.host));
    return url && /^(https?|data|blob):$/.test(url.protocol) && !providerImage ? url.href : undefined;
  }

  /** Inserts the provider's player: on the reader's click (playing at once), or for a remembered choice. */
  private play(clicked: boolean): void {
    const video = this.current;
    if (!video || this.player) return;
    const remembered = clicked ? this.rememberBox.checked : true;
    if (clicked && remembered) choice.set(video.memory, true);
    const player = document.createElement('iframe');
    player.setAttribute('part', 'player');
    player.allow = 'autoplay; fullscreen; picture-in-picture; encrypted-media';
    player.allowFullscreen = true;
    player.referrerPolicy = 'strict-origin-when-cross-origin';
    player.src = video.provider.player(video, clicked).href;
    this.player = player;
    this.frame.append(player);
    this.requestUpdate();
    if (clicked) player.focus();
    this.dispatchEvent(new VideoConsentEvent(video.key, remembered));
  }

  /** Forgets the remembered choice: the player goes, the notice comes back with the focus on its button. */
  private forget(): void {
    const video = this.current;
    if (!video) return;
    choice.set(video.memory, false);
    this.forgotten = true;
    this.removePlayer();
    this.rememberBox.checked = false;
    this.focusPlay = true;
    this.requestUpdate();
    this.dispatchEvent(new VideoWithdrawEvent(video.key));
  }

  private removePlayer(): void {
    this.player?.remove();
    this.player = undefined;
  }

  protected update(): void {
    if (this.root.parentNode !== this.renderRoot) this.renderRoot.replaceChildren(this.root);
    const video = this.read();
    if (video?.memory !== this.current?.memory || video?.video !== this.current?.video) {
      this.removePlayer();
      this.forgotten = false;
    }
    this.current = video;
    // A choice remembered on this device loads the player at once (without playing it).
    if (video && !this.player && !this.forgotten && choice.get(video.memory)) this.play(false);

    const locale = languageOf(this);
    const { t } = this.locale;
    const provider = video ? video.provider.name(video) : '';
    const title = this.videoTitle || t('untitled');
    const poster = this.posterUrl(video);
    if (this.poster && !poster && this.checked !== this.reportedPoster) {
      this.reportedPoster = this.checked;
      authorError(
        this,
        `poster="${this.poster}" must be an image of the page's own (http(s), data: or blob:) (a provider's thumbnail would contact the provider before the reader consents); no poster is shown.`,
      );
    }
    this.root.setAttribute('dir', directionOf(locale));
    setText(this.titleText, title);
    this.titleText.hidden = !this.videoTitle;
    setText(this.noticeText, t('notice', { provider }));
    setText(this.playButton, t('play', { provider }));
    setText(this.rememberText, t('remember', { provider }));
    setText(this.forgetButton, t('forget', { provider }));
    setText(this.unavailableText, t('unavailable'));
    if (poster) {
      if (this.posterImage.getAttribute('src') !== poster) this.posterImage.src = poster;
    } else this.posterImage.removeAttribute('src');
    this.posterImage.hidden = !poster || !!this.player;
    // The notice appears with its words in the reader's language (never English first, then a resize).
    this.notice.hidden = !video || !!this.player || !this.locale.ready;
    this.unavailableText.hidden = !!video || !this.locale.ready;
    this.forgetButton.hidden = !(this.player && video && choice.get(video.memory));
    if (this.player) this.player.title = t('player', { title, provider });

    this.setState('notice', !!video && !this.player);
    this.setState('playing', !!this.player);
    this.setState('unavailable', !video);
    if (this.focusPlay && !this.notice.hidden) {
      this.focusPlay = false;
      this.playButton.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-video': ConsentVideo;
  }
}
