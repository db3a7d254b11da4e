// The floor of the side-by-side bench (bench/side-by-side.mjs): a hand-written Lit form with petition-form's
// fields (given and family name, email, country or territory from Intl, the consent box, the submit button),
// in French, with plain styles and no validation messages, no catalog, no submission code.
import { LitElement, css, html } from 'lit';

const regions =
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(
    ' ',
  );

export class LitForm extends LitElement {
  static styles = css`
    :host {
      display: block;
      max-inline-size: 32rem;
      font: inherit;
    }
    label {
      display: block;
      margin-block-start: 0.75rem;
      font-weight: 600;
    }
    input,
    select {
      display: block;
      inline-size: 100%;
      box-sizing: border-box;
      padding: 0.5rem;
      font: inherit;
    }
    .consent {
      display: flex;
      gap: 0.5rem;
      font-weight: normal;
    }
    .consent input {
      inline-size: auto;
    }
    button {
      margin-block-start: 1rem;
      padding: 0.6rem 1.2rem;
      font: inherit;
    }
  `;

  render() {
    const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });
    const countries = regions.map((code) => [code, names.of(code) ?? code]).sort((a, b) => a[1]!.localeCompare(b[1]!));
    return html`<form @submit=${(event: Event) => event.preventDefault()}>
      <label for="given">Prénom</label><input id="given" name="givenName" autocomplete="given-name" required />
      <label for="family">Nom</label><input id="family" name="familyName" autocomplete="family-name" required />
      <label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="email" required />
      <label for="country">Pays ou territoire</label>
      <select id="country" name="country" autocomplete="country" required>
        <option value="">Choisir…</option>
        ${countries.map(([code, name]) => html`<option value=${code!}>${name}</option>`)}
      </select>
      <label class="consent"><input type="checkbox" name="consent" /> Tenez-moi informé·e par e-mail.</label>
      <button>Signer la pétition</button>
    </form>`;
  }
}
customElements.define('lit-form', LitForm);
