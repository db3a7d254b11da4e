// Issue 21: petition-form's journey after signing (the `journey` attribute): thank-you → share → donation ask →
// done, each step skippable by the reader ("Not now") and by the page (left out of the list); focus on each
// step's heading, each step announced, each step told to the page as `agir-journey-step`; axe at every step in
// a left-to-right and a right-to-left language.
import { expect, fixture, html } from '@open-wc/testing';
import { memoryStorage } from '@agir/core';
import { configureSignatureQueue, JourneyStepEvent, PetitionForm } from '../src/petition-form/index.js';
import { fakeEndpoint, json, petitionPayload, until, visibleText, type FakeEndpoint } from './helpers.js';

PetitionForm.define();

const SIGN = '/petitions/xinjiang/signatures';
const PETITION = '/petitions/xinjiang';
let fake: FakeEndpoint;
let heard: JourneyStepEvent[] = [];
let undo: Array<() => void> = [];
const record = (event: Event): void => void heard.push(event as JourneyStepEvent);

const $ = <T extends Element = HTMLElement>(el: PetitionForm, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
/** The focused element as a short string (a failed comparison of elements hangs the runner). */
const focusedNow = (): string => {
  const node = deepActive();
  return node ? `${node.localName}#${node.id} "${node.textContent!.trim()}"` : 'nothing';
};
const heading = (el: PetitionForm): string => $(el, '#title')?.textContent?.trim() ?? '';
const status = (el: PetitionForm): string => $(el, '.root > [role="status"]')?.textContent?.trim() ?? '';
const steps = (): string => heard.map((event) => `${event.index}:${event.step}${event.skipped ? ' (skipped before)' : ''}`).join(', ');

function captureErrors(): string[] {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  undo.push(() => (console.error = original));
  return messages;
}

/** A button of the current step, by its visible name. */
function button(el: PetitionForm, name: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((each) => each.textContent!.trim() === name);
  if (!found) throw new Error(`no button "${name}" in: ${visibleText(el)}`);
  return found;
}

/** Mounts a form with the journey, signs, and waits for its first step. */
async function signed(lang: string, journey: string, extra = html``, donateHref = ''): Promise<PetitionForm> {
  const el = await fixture<PetitionForm>(
    html`<petition-form
      lang=${lang}
      petition="xinjiang"
      endpoint=${fake.endpoint}
      journey=${journey}
      donate-href=${donateHref}
      share-url="https://example.org/xinjiang"
      >${extra}</petition-form
    >`,
  );
  await until(() => el.shadowRoot!.querySelector('form'), 3000, 'the form');
  await el.updateComplete;
  const fields: Record<string, string> = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' };
  for (const [id, value] of Object.entries(fields)) {
    const control = $(el, `#${id}`) as HTMLInputElement;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
  await until(() => heard.length > 0, 3000, 'the first step');
  await el.updateComplete;
  return el;
}

/** Presses a step's button and waits for the next step to be drawn and focused. */
async function press(el: PetitionForm, name: string): Promise<void> {
  const before = heard.length;
  const target = button(el, name);
  target.focus();
  target.click();
  await until(() => heard.length > before, 3000, `the step after "${name}"`);
  await el.updateComplete;
}

beforeEach(() => {
  fake = fakeEndpoint();
  fake.on('GET', PETITION, () => json(petitionPayload()));
  fake.on('POST', SIGN, () => json({ signatureCount: 323833, duplicate: false }, 201));
  configureSignatureQueue({ storage: memoryStorage(), timeoutMs: 1000, baseDelayMs: 40, maxDelayMs: 200 });
  for (const key of Object.keys(localStorage)) if (key.startsWith('agir:')) localStorage.removeItem(key);
  Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
  heard = [];
  document.addEventListener('agir-journey-step', record);
});

afterEach(() => {
  document.removeEventListener('agir-journey-step', record);
  delete (navigator as unknown as Record<string, unknown>).share;
  for (const step of undo.reverse()) step();
  undo = [];
  fake.restore();
  for (const key of Object.keys(localStorage)) if (key.startsWith('agir:')) localStorage.removeItem(key);
});

describe('petition-form journey: accessible at every step (fr, ar)', () => {
  for (const lang of ['fr', 'ar']) {
    it(`${lang}: thanks, share, donate (the page's element), done, in ${lang === 'ar' ? 'right to left' : 'left to right'}`, async () => {
      const el = await signed(
        lang,
        'thanks share donate done',
        html`<p slot="donate" lang=${lang}>${lang === 'ar' ? 'تبرّع' : 'Donner'}</p>`,
      );
      expect($(el, '.root')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      const next = lang === 'ar' ? 'متابعة' : 'Continuer';
      for (let step = 0; step < 4; step++) {
        await expect(el).to.be.accessible();
        if (step < 3) await press(el, next);
      }
      expect(steps()).to.equal('0:thanks, 1:share, 2:donate, 3:done');
    });
  }
});

describe('petition-form journey: the steps a reader goes through', () => {
  it('goes thanks → share → donate → done: headings focused, each step announced and told to the page in order', async () => {
    const el = await signed('fr', 'thanks share donate done', html`<p slot="donate" id="gift">Le calculateur du don</p>`);
    const gift = document.getElementById('gift')!;
    expect(heading(el)).to.equal('Merci pour votre signature\u202f!');
    expect(focusedNow()).to.equal('div#title "Merci pour votre signature\u202f!"');
    expect(status(el)).to.equal('Étape 1 sur 4\u00a0: Merci pour votre signature\u202f!');
    expect(visibleText(el)).to.contain('323 833 personnes ont signé à ce jour.');
    expect(visibleText(el), 'sharing waits for its own step').not.to.contain('Copier le lien');
    expect(gift.getClientRects().length, 'the donation element is not shown before its step').to.equal(0);
    expect(() => button(el, 'Pas maintenant'), 'the thank-you has only "Continue"').to.throw();

    await press(el, 'Continuer');
    expect(heading(el)).to.equal('Faites passer le mot');
    expect(focusedNow()).to.equal('div#title "Faites passer le mot"');
    expect(status(el)).to.equal('Étape 2 sur 4\u00a0: Faites passer le mot');
    expect(visibleText(el)).to.contain('Copier le lien');
    expect($(el, '[part="share"] a[href^="https://wa.me/"]')!.getAttribute('href')).to.contain(
      encodeURIComponent('https://example.org/xinjiang'),
    );

    await press(el, 'Continuer');
    expect(heading(el)).to.equal('Soutenez la campagne');
    expect(focusedNow()).to.equal('div#title "Soutenez la campagne"');
    expect(status(el)).to.equal('Étape 3 sur 4\u00a0: Soutenez la campagne');
    expect(gift.getClientRects().length, 'the page’s donation element shows at its step').to.be.greaterThan(0);
    expect(gift.assignedSlot?.name).to.equal('donate');

    await press(el, 'Continuer');
    expect(heading(el)).to.equal('Merci de votre soutien');
    expect(focusedNow()).to.equal('div#title "Merci de votre soutien"');
    expect(status(el)).to.equal('Étape 4 sur 4\u00a0: Merci de votre soutien');
    expect(visibleText(el)).to.contain('Chaque voix compte.');
    expect(el.shadowRoot!.querySelectorAll('section button').length, 'the last step has no button').to.equal(0);
    expect(gift.getClientRects().length).to.equal(0);

    expect(steps()).to.equal('0:thanks, 1:share, 2:donate, 3:done');
    for (const event of heard) {
      expect(event).to.be.instanceOf(JourneyStepEvent);
      expect(event.petition).to.equal('xinjiang');
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      expect(
        Object.keys(event)
          .filter((key) => key !== 'isTrusted')
          .sort(),
        'nothing personal: only the step, its place and the petition',
      ).to.deep.equal(['index', 'petition', 'skipped', 'step']);
    }
    expect(el.matches(':state(signed)')).to.equal(true);
  });

  it('"Not now" skips the share and donation steps, and the page hears that they were skipped', async () => {
    const el = await signed('fr', 'thanks share donate done', html`<p slot="donate">Don</p>`);
    await press(el, 'Continuer');
    await press(el, 'Pas maintenant');
    expect(heading(el)).to.equal('Soutenez la campagne');
    expect(focusedNow()).to.equal('div#title "Soutenez la campagne"');
    await press(el, 'Pas maintenant');
    expect(heading(el)).to.equal('Merci de votre soutien');
    expect(steps()).to.equal('0:thanks, 1:share, 2:donate (skipped before), 3:done (skipped before)');
  });

  it('the page chooses the steps and their order: "share done" has no thank-you and no donation step', async () => {
    const el = await signed('en', 'share done');
    expect(heading(el)).to.equal('Spread the word');
    expect(status(el)).to.equal('Step 1 of 2: Spread the word');
    await press(el, 'Not now');
    expect(heading(el)).to.equal('Thank you for your support');
    expect(steps()).to.equal('0:share, 1:done (skipped before)');
  });

  it('shares the petition’s own share text when the record has one in the element’s language, else its phrase', async () => {
    const shareText = 'I signed for the Uyghurs held in the camps. Sign too:';
    const whatsapp = (el: PetitionForm) =>
      decodeURIComponent(new URL($(el, '[part="share"] a[href^="https://wa.me/"]')!.getAttribute('href')!).searchParams.get('text')!);
    /** A backend whose petition is in English with its own share text, on a device that has not signed yet. */
    const englishRecord = () => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('agir:')) localStorage.removeItem(key);
      heard = [];
      fake.restore();
      fake = fakeEndpoint();
      fake.on('GET', PETITION, () => json(petitionPayload({ title: 'Free the detainees', locale: 'en', shareText })));
      fake.on('POST', SIGN, () => json({ signatureCount: 323833, duplicate: false }, 201));
    };
    englishRecord();
    const english = await signed('en', 'share done');
    expect(whatsapp(english)).to.equal(`${shareText} https://example.org/xinjiang`);
    english.remove();
    // The same English record in a French form: its words never replace the French phrase.
    englishRecord();
    const french = await signed('fr', 'share done');
    expect(whatsapp(french)).to.equal('J’ai signé «\u00a0Free the detainees\u00a0». Signez vous aussi\u00a0: https://example.org/xinjiang');
  });

  it('a donation link when the page gives no element: the step shows it, opening in a new tab', async () => {
    const el = await signed('en', 'donate thanks', html``, 'https://example.org/give?from=petition');
    expect(heading(el)).to.equal('Support the campaign');
    const link = $(el, 'a[href="https://example.org/give?from=petition"]')!;
    expect(link.textContent!.trim()).to.equal('Make a donation (opens in a new tab)');
    expect(link.getAttribute('target')).to.equal('_blank');
    await press(el, 'Continue');
    expect(heading(el)).to.equal('Thank you for signing!');
    expect(el.shadowRoot!.querySelectorAll('section button').length, 'the last step has no button').to.equal(0);
    expect(steps()).to.equal('0:donate, 1:thanks');
  });

  it('tells the author about an unknown step, and leaves out a donation step with nothing to show', async () => {
    const errors = captureErrors();
    const el = await signed('en', 'thanks donate tweet done');
    expect(errors.join('\n')).to.contain('unknown step "tweet" in the "journey" attribute');
    expect(errors.join('\n')).to.contain('the "donate" step of its journey needs a donation-calculator');
    await press(el, 'Continue');
    expect(steps()).to.equal('0:thanks, 1:done');
  });

  it('a journey with no step it can show: the author is told, the reader gets the thank-you with its share actions', async () => {
    const errors = captureErrors();
    const el = await fixture<PetitionForm>(
      html`<petition-form lang="en" petition="xinjiang" endpoint=${fake.endpoint} journey="tweet"></petition-form>`,
    );
    await until(() => el.shadowRoot!.querySelector('form'), 3000, 'the form');
    await el.updateComplete;
    for (const [id, value] of Object.entries({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' })) {
      const control = $(el, `#${id}`) as HTMLInputElement;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await until(() => el.matches(':state(signed)') && $(el, '[part="share"]'), 3000, 'the thank-you with sharing');
    expect(heading(el)).to.equal('Thank you for signing!');
    expect(visibleText(el)).to.contain('Copy the link');
    expect(errors.join('\n')).to.contain('unknown step "tweet" in the "journey" attribute');
    expect(heard).to.deep.equal([]);
  });

  it('without a journey, the thank-you keeps its share actions and no step is told', async () => {
    const el = await fixture<PetitionForm>(html`<petition-form lang="en" petition="xinjiang" endpoint=${fake.endpoint}></petition-form>`);
    await until(() => el.shadowRoot!.querySelector('form'), 3000, 'the form');
    await el.updateComplete;
    for (const [id, value] of Object.entries({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' })) {
      const control = $(el, `#${id}`) as HTMLInputElement;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await until(() => el.matches(':state(signed)') && $(el, '[part="share"]'), 3000, 'the thank-you with sharing');
    expect(heading(el)).to.equal('Thank you for signing!');
    expect(visibleText(el)).to.contain('Copy the link');
    expect(heard).to.deep.equal([]);
  });

  it('on a later visit, "Sign for someone else" leads to the journey again, from its first step', async () => {
    const el = await signed('en', 'thanks done');
    await press(el, 'Continue');
    expect(heading(el)).to.equal('Thank you for your support');
    el.remove();
    heard = [];
    const again = await fixture<PetitionForm>(
      html`<petition-form lang="en" petition="xinjiang" endpoint=${fake.endpoint} journey="thanks done"></petition-form>`,
    );
    await until(() => again.matches(':state(already-signed)'), 3000, 'already signed');
    await again.updateComplete;
    button(again, 'Sign for someone else').click();
    await until(() => again.shadowRoot!.querySelector('form:not([hidden])') && $(again, '#givenName'), 3000, 'the form again');
    await again.updateComplete;
    for (const [id, value] of Object.entries({ givenName: 'Grace', familyName: 'Hopper', email: 'grace@example.org' })) {
      const control = $(again, `#${id}`) as HTMLInputElement;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    ($(again, 'button[type="submit"]') as HTMLButtonElement).click();
    await until(() => heard.length > 0, 3000, 'the first step');
    await again.updateComplete;
    expect(heading(again)).to.equal('Thank you for signing!');
    expect(steps()).to.equal('0:thanks');
  });
});
