import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import {
  asciiDigits,
  countryName,
  countryOptions,
  createCatalog,
  isValidPersonField,
  loadCountryNames,
  type AgirClient,
  type SignatureRequest,
} from '@agir/core';
import { authorError, defineElement } from '../shared/element-tools.js';
import { attributeProperties, HostElement } from '../shared/host-element.js';
import { LocaleController } from '../shared/locale-controller.js';
import { stateProperties } from '../shared/state-properties.js';
import { familyFirst, fieldMessage, FIELDS, likelyCountry, safeHref, type Field, type Kind } from './fields.js';
import type { PetitionFormMessages } from './messages/en.js';
import { styles } from './petition-form.styles.js';
import { SubmissionController } from './submission.js';

type Messages = PetitionFormMessages;
type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const catalog = createCatalog<Messages>('petition-form', {
  en: () => import('./messages/en.js'),
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

/** Tokens of the `fields` and `required` attributes. */
const TOKENS: Record<string, Field> = { 'postal-code': 'postalCode', phone: 'phone', comment: 'comment' };
/** autocomplete, type, inputmode, maxlength of the text inputs. */
const INPUTS: Partial<Record<Field, [string, string, string, number]>> = {
  givenName: ['given-name', 'text', '', 100],
  familyName: ['family-name', 'text', '', 100],
  email: ['email', 'email', 'email', 254],
  postalCode: ['postal-code', 'text', '', 16],
  phone: ['tel', 'tel', 'tel', 32],
};
const HELP: Partial<Record<Field, keyof Messages>> = { email: 'emailHelp', phone: 'phoneHelp', comment: 'commentHelp' };

/**
 * A petition signature form that never loses a signature: native inputs with the right autofill tokens,
 * accessible validation against the contract, a durable offline queue with retries, consent recorded with
 * the words shown, anti-spam without third parties, attribution, and a thank-you state with sharing.
 * It renders its own form, or enhances a plain `<form>` the page puts inside it.
 *
 * @tagname petition-form
 * @summary Sign a petition: accessible, localised, offline-safe, with consent and sharing.
 *
 * @fires {AgirSubmitEvent} agir-submit - Cancelable, before a valid signature is queued and sent; `payload` may be read or changed.
 * @fires {SignedEvent} agir-signed - The server acknowledged a signature: `petition`, `endpoint`, `signatureCount`, `duplicate`.
 * @fires {QueuedEvent} agir-queued - The signature could not be sent yet; it is kept on the device and will be sent later.
 * @fires {JourneyStepEvent} agir-journey-step - The journey after signing shows a step: `step`, `index`, `skipped` (whether the reader skipped the step before), `petition`.
 * @fires {PetitionErrorEvent} agir-error - A submission ended in an error the reader is shown (`reason`; `server`: failed again and again, kept, a button retries).
 *
 * @slot - Optional: a `<form>` with named inputs to enhance instead of the built-in form (works without JavaScript).
 * @slot consent - The organisation's newsletter consent words (overrides `consent-text`); recorded as shown.
 * @slot thanks - Replaces the text under the thank-you heading.
 * @slot closed - Replaces the text shown when the petition is closed.
 * @slot donate - The donation step of the journey: the page's `donation-calculator` (or any element), shown at that step only.
 *
 * @csspart form - The built-in form.
 * @csspart field - A field's box (label, help, error, control).
 * @csspart label - A field's label.
 * @csspart input - A text input, select or textarea.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of problems shown after an invalid submit.
 * @csspart submit - The submit button.
 * @csspart alert - A submission error that is not about one field.
 * @csspart notice - The thank-you, saved, could-not-be-sent, already-signed, closed, not-found and unavailable boxes.
 * @csspart share - The share actions.
 *
 * @cssprop --agir-petition-form-min-block-size - Space reserved while the messages load (default: from its attributes, as agir.css).
 * @cssprop --agir-petition-form-gap - Space between fields (default: `--agir-space`).
 *
 * @cssstate form - The form is shown (pristine, invalid or submitting).
 * @cssstate submitting - A signature is being sent.
 * @cssstate user-invalid - Some fields show an error.
 * @cssstate checking - The petition's status is being checked (the form works meanwhile).
 * @cssstate signed - The server acknowledged the signature.
 * @cssstate queued - The signature is saved on the device and will be sent.
 * @cssstate unsent - The server failed the signature again and again: it is kept on the device, and a button sends it again.
 * @cssstate already-signed - This device signed the petition before.
 * @cssstate closed - The petition no longer accepts signatures.
 * @cssstate not-found - The endpoint has no such petition (see the console): a notice, no form.
 * @cssstate unavailable - The element is misconfigured (see the console).
 */
export class PetitionForm extends HostElement {
  static override styles = styles;

  static {
    attributeProperties(this, {
      petition: 'petition',
      endpoint: 'endpoint',
      fields: 'fields',
      required: 'required',
      consentText: 'consent-text',
      consentVersion: 'consent-version',
      privacyHref: 'privacy-href',
      submitLabel: 'submit-label',
      embed: 'embed',
      shareUrl: 'share-url',
      prefill: ['prefill', Boolean],
      noShare: ['no-share', Boolean],
      noRemember: ['no-remember', Boolean],
      noConsent: ['no-consent', Boolean],
      headingLevel: ['heading-level', Number],
      journey: 'journey',
      donateHref: 'donate-href',
    });
    stateProperties(this, { errors: {} });
  }

  /** Registers the element under `tag` (default `petition-form`), unless that tag is taken. */
  static define(tag = 'petition-form', registry?: CustomElementRegistry): void {
    defineElement(tag, this, registry);
  }

  /**
   * Anti-spam hook: called with the payload right before it is queued; the token it returns is sent as
   * `payload.captcha`. If it throws, nothing is sent and the reader is asked to try again. None is bundled.
   */
  captcha: ((payload: SignatureRequest) => string | Promise<string>) | undefined;
  /** Any `AgirClient` (e.g. an adapter to another backend); its `endpoint` replaces the `endpoint` attribute. */
  client: AgirClient | undefined;

  // Members marked @internal are for the element's other modules (the submission code), not for pages.
  /** @internal */
  readonly locale = new LocaleController<Messages>(this, catalog, loadCountryNames);
  /** @internal The page's own form, when the element enhances one. */
  pageForm: HTMLFormElement | null = null;
  /** @internal The fields' errors. */
  declare errors: Partial<Record<Field, Kind>>;
  /** The petition check, the signature's fate and the notices (loads the submission code). */
  readonly #submission = new SubmissionController(this);
  readonly #reported = new Set<string>();
  #renderedLocale: string | undefined;
  #keptCountry: string | undefined;
  #optionNodes: { key: string; nodes: HTMLOptionElement[] } | undefined;
  /**
   * Whether the country select lists every country. Until the reader reaches the form it holds only the
   * default one: naming and sorting 250 countries and laying out their options is the form's costliest work
   * (20 to 40 ms of main thread on the 2-core test machine, before any phone slowdown), and most readers
   * never open the list.
   */
  #allCountries = false;

  /**
   * The petition's id at the endpoint, e.g. `xinjiang`.
   * @attr petition
   */
  declare petition: string | undefined;
  /**
   * API base URL; else `<meta name="agir:endpoint">`, else `configure({ endpoint })`.
   * @attr endpoint
   */
  declare endpoint: string | undefined;
  /**
   * Optional fields to show, space-separated: `postal-code`, `phone`, `comment`.
   * @attr fields
   */
  declare fields: string | undefined;
  /**
   * Optional fields that must be filled in, space-separated (same tokens as `fields`; implies showing them).
   * @attr required
   */
  declare required: string | undefined;
  /**
   * The newsletter consent words shown and recorded (default: a generic sentence in the reader's language).
   * @attr consent-text
   */
  declare consentText: string | undefined;
  /**
   * Version of the consent words, recorded with them (default `default`).
   * @attr consent-version
   */
  declare consentVersion: string | undefined;
  /**
   * The organisation's privacy policy (an http or https URL).
   * @attr privacy-href
   */
  declare privacyHref: string | undefined;
  /**
   * Text of the submit button (default: "Sign the petition" in the reader's language).
   * @attr submit-label
   */
  declare submitLabel: string | undefined;
  /**
   * Id of the partner or coalition embedding the form, sent as `source.embed`.
   * @attr embed
   */
  declare embed: string | undefined;
  /**
   * The URL to share after signing (default: the canonical link, else this page without personal parameters).
   * @attr share-url
   */
  declare shareUrl: string | undefined;
  /**
   * Fill fields from URL parameters (`given_name`, `family_name`, `email`, `country`, `postal_code`, `phone`).
   * @attr prefill
   */
  declare prefill: boolean;
  /**
   * Hide the share actions after signing.
   * @attr no-share
   */
  declare noShare: boolean;
  /**
   * Keep no trace on this device that it signed: no "already signed" memory (by default it holds the
   * petition's id for 30 days), and one left by an earlier visit is erased. For campaigns where having
   * signed is itself a danger to the reader. A signature that could not be sent yet is still kept until sent.
   * @attr no-remember
   */
  declare noRemember: boolean;
  /**
   * No newsletter consent box: the signature carries no consent. For petitions whose signers must not be
   * written to (the server sends them no mail: `--mail off`), where a box nothing could confirm would only
   * collect a wish nobody can honour. `consent-text` and the `consent` slot are then ignored (a form the page
   * puts inside keeps the boxes it has).
   * @attr no-consent
   */
  declare noConsent: boolean;
  /**
   * Level of the element's headings (thank-you, error summary…), 1 to 6 (default 2).
   * @attr heading-level
   */
  declare headingLevel: number | undefined;
  /**
   * The steps after signing, in order, space-separated: `thanks`, `share`, `donate`, `done` (e.g. `thanks share
   * donate done`). Each step but the last has "Continue"; share and donate also "Not now". Without it, the
   * thank-you shows with its share actions.
   * @attr journey
   */
  declare journey: string | undefined;
  /**
   * The journey's donation step links here (an http or https URL) when no element is in the `donate` slot.
   * @attr donate-href
   */
  declare donateHref: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#adopt();
  }

  // ---------------------------------------------------------------------------------------------
  // Event handlers (@internal: the submission code puts them on a page's own form too)

  /**
   * @internal The reader reached the form (focus or a press inside it), or a value is about to be set: every
   * country is listed now, synchronously, so that a select opened by this very press already holds them.
   */
  readonly onReach = (): void => {
    if (!this.#allCountries) {
      this.#allCountries = true;
      this.update();
    }
  };

  /** @internal */
  readonly onBlur = (event: Event): void => {
    const field = this.#fieldOf(event.target);
    if (field) this.validate([field]);
  };

  /** @internal */
  readonly onInput = (event: Event): void => {
    const field = this.#fieldOf(event.target);
    if (field && this.errors[field]) this.validate([field]);
  };

  readonly #onSlotChange = (): void => this.#adopt();

  // ---------------------------------------------------------------------------------------------
  // Helpers (@internal ones are used by the submission code)

  /** @internal A named control of the form in use: the page's own, or the built-in one. */
  control(name: string): FormControl | null {
    const item = (this.pageForm ?? this.renderRoot.querySelector('form'))?.elements.namedItem(name);
    return item instanceof HTMLInputElement || item instanceof HTMLSelectElement || item instanceof HTMLTextAreaElement ? item : null;
  }

  /** @internal One clear console message per problem, for the page author. */
  authorError(message: string): void {
    if (this.#reported.has(message)) return;
    this.#reported.add(message);
    authorError(this, message);
  }

  /** @internal Updates the errors of some fields (native constraints, then the contract's rule). */
  validate(fields: readonly Field[]): Partial<Record<Field, Kind>> {
    const errors = { ...this.errors };
    for (const field of fields) {
      const kind = this.#check(field);
      if (kind) errors[field] = kind;
      else delete errors[field];
    }
    this.errors = errors;
    return errors;
  }

  /** Takes up (or lets go of) a `<form>` the page put inside the element. */
  #adopt(): void {
    const form = this.isConnected ? this.querySelector('form') : null;
    if (form === this.pageForm) return;
    this.pageForm = form;
    this.requestUpdate();
  }

  #fieldOf(target: EventTarget | null): Field | undefined {
    const name = (target as FormControl | null)?.name as Field;
    return FIELDS.includes(name) && this.control(name) === target ? name : undefined;
  }

  #tokens(value: string, attribute: string): Field[] {
    const found: Field[] = [];
    for (const token of value.split(/\s+/).filter(Boolean)) {
      const field = TOKENS[token];
      if (field) found.push(field);
      else if (!/^(given-name|family-name|email|country)$/.test(token))
        this.authorError(`unknown token "${token}" in the "${attribute}" attribute; use any of: ${Object.keys(TOKENS).join(', ')}.`);
    }
    return found;
  }

  #isRequired(field: Field): boolean {
    if (FIELDS.indexOf(field) < 4) return true;
    return this.pageForm ? this.control(field)?.required === true : this.#tokens(this.required ?? '', 'required').includes(field);
  }

  #check(field: Field): Kind | undefined {
    const control = this.control(field);
    if (!control) return undefined;
    const value = control.value.trim();
    if (!value) return this.#isRequired(field) ? 'Required' : undefined;
    if (!control.validity.valid) return control.validity.valueMissing ? 'Required' : 'Invalid';
    if (field === 'comment') return value.length > 2000 ? 'Invalid' : undefined;
    const read = field === 'country' ? value.toUpperCase() : field === 'phone' || field === 'postalCode' ? asciiDigits(value) : value;
    return isValidPersonField(field, read) ? undefined : 'Invalid';
  }

  // ---------------------------------------------------------------------------------------------
  // Templates

  /** A field: label, help, error (announced with the field through aria-describedby), control. */
  #field(
    field: Field,
    control: (describedBy: string | typeof nothing, invalid: 'true' | typeof nothing) => TemplateResult,
  ): TemplateResult {
    const { t } = this.locale;
    const kind = this.errors[field];
    const help = HELP[field];
    const describedBy = [help && `${field}-help`, kind && `${field}-error`].filter(Boolean).join(' ');
    // The space before "(optional)" is a value, not template text: the build's template minifier trims it there.
    return html`<div class="field" part="field">
      <label for=${field} part="label"
        >${t(field)}${this.#isRequired(field) ? nothing : html`<span class="optional">${` ${t('optional')}`}</span>`}</label
      >
      ${help ? html`<p class="help" id="${field}-help">${t(help)}</p>` : nothing}
      ${kind ? html`<p class="error" id="${field}-error" part="error"><span class="visually-hidden">${t('errorPrefix')} </span>${fieldMessage(t, field, kind)}</p>` : nothing}
      ${control(describedBy || nothing, kind ? 'true' : nothing)}
    </div>`;
  }

  #input(field: Field): TemplateResult {
    const [autocomplete, type, inputMode, max] = INPUTS[field]!;
    return this.#field(
      field,
      (describedBy, invalid) =>
        html`<input
          id=${field}
          name=${field}
          type=${type}
          inputmode=${inputMode || nothing}
          autocomplete=${autocomplete}
          maxlength=${max}
          spellcheck="false"
          ?required=${this.#isRequired(field)}
          aria-describedby=${describedBy}
          aria-invalid=${invalid}
          part="input"
        />`,
    );
  }

  /**
   * The country options, as DOM nodes of this form (250 of them: cheaper built with `new Option` than as
   * many template instances), rebuilt when the language or the default country changes.
   */
  #countries(): HTMLOptionElement[] {
    const locale = this.locale.locale;
    const chosen = likelyCountry(locale);
    const all = this.#allCountries;
    const key = `${locale} ${chosen} ${all}`;
    if (this.#optionNodes?.key !== key)
      this.#optionNodes = {
        key,
        nodes: all
          ? countryOptions(locale).map(({ code, name }) => new Option(name, code, code === chosen, code === chosen))
          : chosen
            ? [new Option(countryName(locale, chosen), chosen, true, true)]
            : [],
      };
    return this.#optionNodes.nodes;
  }

  #ownForm(): TemplateResult {
    const { t } = this.locale;
    const { sending } = this.#submission;
    const optional = [...this.#tokens(this.fields ?? '', 'fields'), ...this.#tokens(this.required ?? '', 'required')];
    const privacy = safeHref(this.privacyHref);
    if (this.privacyHref && !privacy)
      this.authorError(`the "privacy-href" attribute must be an http(s) URL (got "${this.privacyHref}"); the privacy link is left out.`);
    return html`<form
      part="form"
      novalidate
      @submit=${this.#submission.submit}
      @focusin=${this.onReach}
      @pointerdown=${this.onReach}
      @focusout=${this.onBlur}
      @input=${this.onInput}
      @change=${this.onInput}
    >
      <div class="names">
        ${
          // Two templates, not one list reordered: a language change then redraws the names, and a typed given
          // name never lands in the family name's field.
          familyFirst(this.locale.locale)
            ? html`${this.#input('familyName')}${this.#input('givenName')}`
            : html`${this.#input('givenName')}${this.#input('familyName')}`
        }
      </div>
      ${this.#input('email')}
      ${this.#field(
        'country',
        (describedBy, invalid) =>
          html`<select
            id="country"
            name="country"
            autocomplete="country"
            required
            aria-describedby=${describedBy}
            aria-invalid=${invalid}
            part="input"
          >
            <option value="">${t('chooseCountry')}</option>
            ${this.#countries()}
          </select>`,
      )}
      ${optional.includes('postalCode') ? this.#input('postalCode') : nothing}
      ${optional.includes('phone') ? this.#input('phone') : nothing}
      ${
        optional.includes('comment')
          ? this.#field(
              'comment',
              (describedBy, invalid) =>
                html`<textarea
                  id="comment"
                  name="comment"
                  rows="4"
                  maxlength="2000"
                  ?required=${this.#isRequired('comment')}
                  aria-describedby=${describedBy}
                  aria-invalid=${invalid}
                  part="input"
                ></textarea>`,
            )
          : nothing
      }
      ${
        this.noConsent
          ? nothing
          : html`<div class="consent">
              <input type="checkbox" id="consent" name="consent_newsletter" value="yes" />
              <label for="consent"><slot name="consent">${this.consentText ?? t('consent')}</slot></label>
            </div>`
      }
      ${
        privacy
          ? html`<p>
              <a href=${privacy} target="_blank" rel="noopener">${t('privacy')}<span class="visually-hidden"> ${t('newTab')}</span></a>
            </p>`
          : nothing
      }
      <div class="trap" aria-hidden="true" inert>
        <label for="trap">${t('trap')}</label>
        <input id="trap" name="trap" type="text" tabindex="-1" autocomplete="off" />
      </div>
      ${this.#alert()}
      <button type="submit" part="submit" aria-disabled=${sending ? 'true' : nothing} aria-busy=${sending ? 'true' : nothing}>
        ${sending ? t('submitting') : (this.submitLabel ?? t('submit'))}
      </button>
    </form>`;
  }

  #alert(): TemplateResult | typeof nothing {
    const { failure } = this.#submission;
    return failure ? html`<p class="alert" role="alert" part="alert">${this.locale.t(failure)}</p>` : nothing;
  }

  #body(): unknown {
    const submission = this.#submission;
    const { view, code } = submission;
    // The other views are drawn by the submission code (loaded at connect): its place is kept meanwhile.
    const notice = view === 'form' ? nothing : (code?.notice(submission) ?? html`<div class="loading" aria-busy="true"></div>`);
    // A notice instead of the form: nothing to fill in.
    if (view === 'unavailable' || view === 'closed' || view === 'not-found' || view === 'already-signed') return notice;
    return html`${notice}
      <div class="form-view" ?hidden=${view !== 'form'}>
        ${submission.summary ? code?.errorSummary(submission) : nothing} ${this.pageForm ? nothing : this.#ownForm()}
        <slot ?hidden=${!this.pageForm} @slotchange=${this.#onSlotChange}></slot>
        ${this.pageForm ? this.#alert() : nothing}
      </div>`;
  }

  #template(): TemplateResult {
    if (!this.locale.ready) return html`<div class="loading" aria-busy="true"></div>`;
    const { sending, announcement } = this.#submission;
    return html`<div lang=${this.locale.locale} dir=${this.locale.dir} class="root">
      <p class="visually-hidden" role="status">${sending ? this.locale.t('submitting') : announcement}</p>
      ${this.#body()}
    </div>`;
  }

  protected update(): void {
    const { view, sending, status } = this.#submission;
    const relocalise = this.#renderedLocale !== this.locale.locale;
    if (relocalise) this.#keptCountry = this.control('country')?.value;
    render(this.#template(), this.renderRoot, { host: this });
    for (const [name, on] of [
      ...['form', 'queued', 'unsent', 'signed', 'already-signed', 'closed', 'not-found', 'unavailable'].map(
        (each) => [each, view === each] as const,
      ),
      ['submitting', sending],
      ['user-invalid', Object.keys(this.errors).length > 0],
      ['checking', status === 'pending'],
    ] as const)
      this.setState(name, on);
    if (relocalise && this.locale.ready) {
      const country = this.control('country');
      if (country && this.#keptCountry) country.value = this.#keptCountry;
      this.#renderedLocale = this.locale.locale;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petition-form': PetitionForm;
  }
}
