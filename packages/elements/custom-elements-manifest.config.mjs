// custom-elements.json from the elements' JSDoc, and framework typings generated from it:
// React 19 / JSX (`dist/types/jsx.d.ts`), Vue 3 (`dist/types/vue.d.ts`) and Svelte 5 (`dist/types/svelte.d.ts`), all by
// framework-typings.mjs (which says why not the custom-element-*-integration generators).
import { frameworkTypings } from './framework-typings.mjs';

// Each element's published entry (its class, its events, and the tag-name and event maps), relative to dist/types.
const entryPath = (tag) => `../npm/${tag}/index.js`;

/**
 * Plain custom elements (no Lit) document their attributes with `@attr`; link each to the property of the
 * same name in camelCase, as the analyzer does for Lit properties, so typings get the property's type.
 */
function linkAttributesToFields() {
  const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  return {
    name: 'agir-link-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const attribute of declaration.attributes ?? []) {
            if (attribute.fieldName) continue;
            const field = (declaration.members ?? []).find((member) => member.kind === 'field' && member.name === camel(attribute.name));
            if (!field) continue;
            attribute.fieldName = field.name;
            field.attribute ??= attribute.name;
          }
          // An event dispatched without a name the analyzer can read (`new CountChangeEvent(…)`) is documented
          // by its `@fires` line already.
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/messages/**', 'src/cdn/**', 'src/**/*.styles.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [linkAttributesToFields(), frameworkTypings({ outdir: './dist/types', componentTypePath: entryPath })],
};
