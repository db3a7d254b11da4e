// The side-by-side bench's component-library form (bench/side-by-side.mjs): the same fields as lit-form.ts
// with Shoelace 2 components (sl-input, sl-select with sl-option, sl-checkbox, sl-button) from npm, cherry-picked.
import { LitElement, html } from 'lit';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';

const regions =
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'.split(
    ' ',
  );

export class ShoelaceForm extends LitElement {
  render() {
    const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });
    const countries = regions.map((code) => [code, names.of(code) ?? code]).sort((a, b) => a[1]!.localeCompare(b[1]!));
    return html`<form @submit=${(event: Event) => event.preventDefault()}>
      <sl-input name="givenName" label="Prénom" autocomplete="given-name" required></sl-input>
      <sl-input name="familyName" label="Nom" autocomplete="family-name" required></sl-input>
      <sl-input name="email" type="email" label="E-mail" autocomplete="email" required></sl-input>
      <sl-select name="country" label="Pays ou territoire" placeholder="Choisir…" required>
        ${countries.map(([code, name]) => html`<sl-option value=${code!}>${name}</sl-option>`)}
      </sl-select>
      <sl-checkbox name="consent">Tenez-moi informé·e par e-mail.</sl-checkbox>
      <sl-button type="submit" variant="primary">Signer la pétition</sl-button>
    </form>`;
  }
}
customElements.define('shoelace-form', ShoelaceForm);
