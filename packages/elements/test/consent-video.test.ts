import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/consent-video/define.js';
import { ConsentVideo, VideoConsentEvent, VideoWithdrawEvent, providers } from '../src/consent-video/index.js';
import { pressSpace, until } from './helpers.js';

// The player's address is requested only after consent. Here the PeerTube host is a closed local port, so an
// inserted player asks nothing of the network beyond this machine; YouTube's and Vimeo's addresses are read
// from their provider entries (the e2e test drives them in a page with the provider hosts stubbed).
const host = '127.0.0.1:9';
const poster = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#336"/></svg>')}`;
const $ = <T extends Element = HTMLElement>(el: ConsentVideo, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const player = (el: ConsentVideo) => $<HTMLIFrameElement>(el, 'iframe');
const playButton = (el: ConsentVideo) => $<HTMLButtonElement>(el, '[part="play"]')!;
const words = { fr: 'Lire la vidéo', ar: 'تشغيل الفيديو', en: 'Play the video', ug: 'سىننى قويۇش', 'zh-Hans': '播放视频' } as const;

async function video(lang: keyof typeof words = 'fr', attrs = ''): Promise<ConsentVideo> {
  const wrapper = await fixture<HTMLElement>(
    `<div lang="${lang}"><consent-video provider="peertube" host="${host}" video="abc123" video-title="Témoignage" poster="${poster}" ${attrs}></consent-video></div>`,
  );
  const el = wrapper.querySelector('consent-video') as ConsentVideo;
  await until(() => el.matches(':state(unavailable)') || playButton(el).textContent!.startsWith(words[lang]), 3000, 'its words');
  return el;
}

/** Console errors while `run` runs. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}

afterEach(() => localStorage.clear());

describe('consent-video: accessibility in every state', () => {
  for (const lang of ['fr', 'ar', 'en', 'ug', 'zh-Hans'] as const) {
    it(`notice, playing and unavailable (${lang})`, async () => {
      const el = await video(lang);
      expect(el.matches(':state(notice)')).to.equal(true);
      await expect(el).to.be.accessible();
      playButton(el).click();
      await el.updateComplete;
      expect(el.matches(':state(playing)')).to.equal(true);
      await expect(el).to.be.accessible();
      await consoleErrors(async () => {
        el.setAttribute('provider', 'nowhere');
        await el.updateComplete;
      });
      expect(el.matches(':state(unavailable)')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});

describe('consent-video: before consent', () => {
  it('shows the poster, the title, a notice naming the provider, one play button and a remember box; no player', async () => {
    const start = performance.now();
    const el = await video('fr');
    expect($(el, '[part="title"]')!.textContent).to.equal('Témoignage');
    expect($(el, '[part="notice"] p:not(.title)')!.textContent).to.contain('PeerTube (127.0.0.1:9)');
    expect($(el, '[part="notice"] p:not(.title)')!.textContent).to.contain('cookies');
    expect(playButton(el).textContent).to.equal('Lire la vidéo (PeerTube (127.0.0.1:9))');
    const box = $<HTMLInputElement>(el, 'input[type="checkbox"]')!;
    expect(box.checked).to.equal(false);
    expect(box.closest('label')!.textContent).to.equal('Retenir mon choix pour PeerTube (127.0.0.1:9) sur cet appareil');
    expect($<HTMLImageElement>(el, '[part="poster"]')!.getAttribute('src')).to.equal(poster);
    expect($<HTMLImageElement>(el, '[part="poster"]')!.alt).to.equal('');
    expect(player(el)).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('button:not([hidden])').length).to.equal(1);
    // Nothing was asked of the provider.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asked = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= start && entry.name.includes(host))
      .map((entry) => entry.name);
    expect(asked).to.deep.equal([]);
  });

  it('in Arabic and Uyghur, reads right to left', async () => {
    for (const lang of ['ar', 'ug'] as const) {
      const el = await video(lang);
      expect($(el, '.root')!.getAttribute('dir')).to.equal('rtl');
      expect(playButton(el).textContent).to.contain(words[lang]);
    }
  });

  it('keeps the frame at its ratio whether the poster, the notice or the player shows (no layout shift)', async () => {
    const el = await video('fr');
    el.style.inlineSize = '480px';
    const frame = $(el, '[part="frame"]')!;
    const before = frame.getBoundingClientRect().height;
    expect(Math.round(before)).to.equal(270);
    playButton(el).click();
    await el.updateComplete;
    expect(frame.getBoundingClientRect().height).to.equal(before);
  });
});

describe('consent-video: playing', () => {
  it('on the click, inserts the privacy-enhanced player, playing, with captions in the element’s language; focus moves into it', async () => {
    const el = await video('fr');
    const events: VideoConsentEvent[] = [];
    el.addEventListener('agir-video-consent', (event) => events.push(event));
    playButton(el).click();
    await el.updateComplete;
    const frame = player(el)!;
    expect(frame.getAttribute('src')).to.equal(`https://${host}/videos/embed/abc123?autoplay=1&subtitle=fr`);
    expect(frame.title).to.equal('Témoignage (lecteur PeerTube (127.0.0.1:9))');
    expect(frame.getAttribute('part')).to.equal('player');
    expect(el.shadowRoot!.activeElement).to.equal(frame);
    expect($(el, '[part="notice"]')!.hidden).to.equal(true);
    expect($(el, '[part="poster"]')!.hidden).to.equal(true);
    expect(events.map((event) => [event.provider, event.remembered])).to.deep.equal([['peertube', false]]);
    // Not remembered: no forget button, nothing stored.
    expect($(el, '[part="forget"]')!.hidden).to.equal(true);
    expect(localStorage.length).to.equal(0);
  });

  it('by keyboard: Tab to the remember box, Space ticks it, Tab to the button, Enter plays', async () => {
    const el = await video('fr');
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type="checkbox"]'));
    await pressSpace();
    expect($<HTMLInputElement>(el, 'input[type="checkbox"]')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(playButton(el));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.matches(':state(playing)')).to.equal(true);
    expect(localStorage.getItem(`agir:video-consent:peertube@${host}`)).to.equal('granted');
    before.remove();
  });

  it('YouTube and Vimeo: their privacy-enhanced players, with captions', () => {
    expect(providers.youtube!.player({ video: 'dQw4w9WgXcQ', host: undefined, captions: 'ar' }, true).href).to.equal(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&cc_load_policy=1&cc_lang_pref=ar&hl=ar',
    );
    expect(providers.vimeo!.player({ video: '76979871', host: undefined, captions: 'fr' }, false).href).to.equal(
      'https://player.vimeo.com/video/76979871?dnt=1&texttrack=fr',
    );
  });
});

describe('consent-video: a remembered choice', () => {
  it('is stored when the box is ticked; the next visit loads the player at once (not playing); forgetting brings the notice back', async () => {
    const first = await video('fr');
    $<HTMLInputElement>(first, 'input[type="checkbox"]')!.click();
    playButton(first).click();
    await first.updateComplete;
    expect(first.matches(':state(playing)')).to.equal(true);
    expect($(first, '[part="forget"]')!.hidden).to.equal(false);
    first.remove();

    // The next visit: a new element for the same provider plays at once, without autoplay.
    const events: VideoConsentEvent[] = [];
    document.addEventListener('agir-video-consent', (event) => events.push(event), { once: true });
    const next = await video('fr');
    expect(next.matches(':state(playing)')).to.equal(true);
    expect(player(next)!.getAttribute('src')).to.equal(`https://${host}/videos/embed/abc123?subtitle=fr`);
    expect(events.map((event) => event.remembered)).to.deep.equal([true]);
    const forget = $<HTMLButtonElement>(next, '[part="forget"]')!;
    expect(forget.textContent).to.equal('Oublier mon choix pour PeerTube (127.0.0.1:9)');

    const withdrawn: VideoWithdrawEvent[] = [];
    next.addEventListener('agir-video-withdraw', (event) => withdrawn.push(event));
    forget.click();
    await next.updateComplete;
    expect(next.matches(':state(notice)')).to.equal(true);
    expect(player(next)).to.equal(null);
    expect(next.shadowRoot!.activeElement).to.equal(playButton(next));
    expect(withdrawn.map((event) => event.provider)).to.deep.equal(['peertube']);
    expect(localStorage.length).to.equal(0);
  });

  it('is kept per provider: a remembered PeerTube host does not play another host’s video', async () => {
    localStorage.setItem(`agir:video-consent:peertube@other.example`, 'granted');
    const el = await video('fr');
    expect(el.matches(':state(notice)')).to.equal(true);
  });
});

describe('consent-video: what the page author gets wrong', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unknown provider', 'provider="dailymotion" video="x8abc"', /provider="dailymotion" must be youtube, vimeo or peertube/],
    [
      'a YouTube id of the wrong shape',
      'provider="youtube" video="https://youtu.be/x"',
      /video="https:\/\/youtu\.be\/x" is not a youtube video id/,
    ],
    ['PeerTube without its host', 'provider="peertube" video="abc123"', /host="" must be the PeerTube instance's host name/],
    ['a host with a path', 'provider="peertube" host="evil.example/x?" video="abc123"', /host="evil\.example\/x\?"/],
  ];
  for (const [what, attrs, message] of cases) {
    it(`${what}: one clear console error, and the reader sees that the video cannot be shown`, async () => {
      let el: ConsentVideo | undefined;
      const errors = await consoleErrors(async () => {
        const wrapper = await fixture<HTMLElement>(`<div lang="fr"><consent-video ${attrs}></consent-video></div>`);
        el = wrapper.querySelector('consent-video') as ConsentVideo;
        await until(() => $(el!, '.unavailable')!.textContent === 'Cette vidéo ne peut pas être affichée.', 3000, 'the message');
      });
      expect(errors.length).to.equal(1);
      expect(errors[0]).to.match(message);
      expect(el!.matches(':state(unavailable)')).to.equal(true);
      expect(player(el!)).to.equal(null);
    });
  }

  it('a poster from the provider’s thumbnails is refused (it would contact the provider before consent)', async () => {
    let el: ConsentVideo | undefined;
    const errors = await consoleErrors(async () => {
      el = await video('fr', '');
      el.setAttribute('provider', 'youtube');
      el.setAttribute('video', 'dQw4w9WgXcQ');
      el.setAttribute('poster', 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg');
      await el.updateComplete;
    });
    expect(errors.some((error) => /poster="https:\/\/i\.ytimg\.com/.test(error))).to.equal(true);
    expect($(el!, '[part="poster"]')!.hasAttribute('src')).to.equal(false);
    expect(el!.matches(':state(notice)')).to.equal(true);
  });
});
