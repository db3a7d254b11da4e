import { base } from '../case-card/case-card.styles.js';

/** Shadow styles of case-card-list, as CSS text (one rule a line; the CDN build does not minify CSS text). */
export const styles = `${base}
.list { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--agir-card-list-column, 20em)), 1fr)); gap: var(--agir-card-list-gap, 1em); margin: 0; padding: 0; list-style: none }
li { display: grid; border-radius: var(--agir-card-radius, var(--_agir-radius)) }
.ghost { min-block-size: 24em; border-radius: var(--agir-card-radius, var(--_agir-radius)); background: var(--agir-card-placeholder, #e8e8e8) }
.message { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75em; margin: 0 }
`;
