// custom-elements.json from the elements' JSDoc, and framework typings generated from it:
// React 19 / JSX (`dist/types/jsx.d.ts`), Vue 3 (`dist/types/vue.d.ts`), Svelte (`dist/types/svelte.d.ts`).
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';

// Where each element's class declaration lives in the npm build, relative to dist/types.
const componentTypePath = (name, tag) => `../npm/${tag}/${tag}.js`;

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
  plugins: [
    linkAttributesToFields(),
    customElementJsxPlugin({ outdir: './dist/types', fileName: 'jsx.d.ts', componentTypePath }),
    customElementVuejsPlugin({ outdir: './dist/types', fileName: 'vue.d.ts', componentTypePath }),
    customElementSveltePlugin({ outdir: './dist/types', fileName: 'svelte.d.ts', componentTypePath }),
  ],
};
