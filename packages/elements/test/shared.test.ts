import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml, type ReactiveController } from 'lit';
import { createCatalog, resetMissingKeyWarnings } from '@agir/core';
import { LocaleController } from '../src/shared/locale-controller.js';
import { chunkConfig, timeLimit } from '../src/shared/element-tools.js';
import { HostElement } from '../src/shared/host-element.js';

const en = { greeting: 'Hello', onlyEnglish: 'Only in English' };
const catalog = createCatalog('test-greeter', {
  en,
  fr: async () => ({ default: { greeting: 'Bonjour' } }),
  es: async () => ({ default: { greeting: 'Hola', onlyEnglish: 'Solo' } }),
  ar: async () => ({ default: { greeting: 'مرحبا', onlyEnglish: 'فقط' } }),
});

class TestGreeter extends LitElement {
  locale = new LocaleController<typeof en>(this, catalog);
  override render() {
    return litHtml`<p dir=${this.locale.dir}>${this.locale.t('greeting')}</p>`;
  }
}
customElements.define('test-greeter', TestGreeter);

async function settled(el: TestGreeter): Promise<void> {
  await el.locale.loaded;
  await el.updateComplete;
}

describe('shared: LocaleController', () => {
  it('resolves two languages on one page separately', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <div lang="es"><test-greeter></test-greeter></div>
        <div lang="fr"><test-greeter></test-greeter></div>
      </div>`,
    );
    const [es, fr] = Array.from(root.querySelectorAll<TestGreeter>('test-greeter'));
    await settled(es!);
    await settled(fr!);
    expect(es!.shadowRoot!.textContent).to.contain('Hola');
    expect(fr!.shadowRoot!.textContent).to.contain('Bonjour');
  });

  it('follows its own lang over the ancestor, and resolves ar to rtl', async () => {
    const el = await fixture<TestGreeter>(html`<test-greeter lang="ar"></test-greeter>`);
    await settled(el);
    expect(el.locale.dir).to.equal('rtl');
    expect(el.shadowRoot!.querySelector('p')!.getAttribute('dir')).to.equal('rtl');
    expect(el.shadowRoot!.textContent).to.contain('مرحبا');
  });

  it('re-renders when an ancestor lang changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><test-greeter></test-greeter></div>`);
    const el = wrapper.querySelector<TestGreeter>('test-greeter')!;
    await settled(el);
    expect(el.shadowRoot!.textContent).to.contain('Bonjour');
    wrapper.setAttribute('lang', 'es');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await settled(el);
    expect(el.shadowRoot!.textContent).to.contain('Hola');
  });

  it('falls back to English for a missing key and warns once', async () => {
    resetMissingKeyWarnings();
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await fixture<TestGreeter>(html`<test-greeter lang="fr"></test-greeter>`);
      await settled(el);
      expect(el.locale.t('onlyEnglish')).to.equal('Only in English');
      expect(el.locale.t('onlyEnglish')).to.equal('Only in English');
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('onlyEnglish'))).to.have.length(1);
  });
});

describe('shared: timeLimit (lazy chunks)', () => {
  afterEach(() => (chunkConfig.timeoutMs = 15_000));

  it('rejects with a clear error when a chunk does not arrive in time, and passes a chunk that does', async () => {
    chunkConfig.timeoutMs = 30;
    const never = new Promise<never>(() => undefined);
    let error: Error | undefined;
    await timeLimit(never, 'its code').catch((caught: Error) => (error = caught));
    expect(error?.message).to.equal('its code took over 30 ms');
    expect(await timeLimit(Promise.resolve(7), 'its code')).to.equal(7);
    let late!: (value: number) => void;
    const slow = new Promise<number>((resolve) => (late = resolve));
    await timeLimit(slow, 'its code').catch(() => undefined);
    late(8);
    expect(await timeLimit(slow, 'its code'), 'a retry gets the same load once it arrives').to.equal(8);
  });
});

describe('shared: HostElement (the base of every element)', () => {
  class TestHost extends HostElement {
    renders = 0;
    loop = false;
    protected update(): void {
      this.renders++;
      this.renderRoot.textContent = `render ${this.renders}`;
      if (this.loop) this.requestUpdate();
    }
  }
  customElements.define('test-host', TestHost);

  const recorder = (calls: string[]): ReactiveController => ({
    hostConnected: () => calls.push('connected'),
    hostUpdate: () => calls.push('update'),
    hostUpdated: () => calls.push('updated'),
    hostDisconnected: () => calls.push('disconnected'),
  });

  it('tells a controller added while connected that the host is connected, and of every render', async () => {
    const el = await fixture<TestHost>(html`<test-host></test-host>`);
    await el.updateComplete;
    const calls: string[] = [];
    el.addController(recorder(calls));
    expect(calls).to.deep.equal(['connected']);
    el.requestUpdate();
    expect(await el.updateComplete).to.equal(true);
    expect(calls).to.deep.equal(['connected', 'update', 'updated']);
    el.remove();
    expect(calls.at(-1)).to.equal('disconnected');
  });

  it('resolves updateComplete with false, instead of spinning, when every render asks for another', async () => {
    const el = await fixture<TestHost>(html`<test-host></test-host>`);
    el.loop = true;
    el.requestUpdate();
    expect(await el.updateComplete).to.equal(false);
    el.loop = false;
    await el.updateComplete;
    expect(await el.updateComplete).to.equal(true);
  });
});

describe('shared: one host for every element', () => {
  it('every element extends HostElement', async () => {
    const modules = await Promise.all([
      import('../src/petition-form/index.js'),
      import('../src/signature-counter/index.js'),
      import('../src/case-card/index.js'),
      import('../src/case-card-list/index.js'),
      import('../src/donation-calculator/index.js'),
    ]);
    const classes = [
      modules[0].PetitionForm,
      modules[1].SignatureCounter,
      modules[2].CaseCard,
      modules[3].CaseCardList,
      modules[4].DonationCalculator,
    ];
    for (const element of classes) expect(element.prototype, element.name).to.be.instanceOf(HostElement);
  });
});
