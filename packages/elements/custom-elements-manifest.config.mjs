// custom-elements.json from the elements' JSDoc, and framework typings generated from it:
// React 19 / JSX (`dist/types/jsx.d.ts`), Vue 3 (`dist/types/vue.d.ts`), Svelte (`dist/types/svelte.d.ts`).
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';

// Where each element's class declaration lives in the npm build, relative to dist/types.
const componentTypePath = (name, tag) => {
  const folder = tag === 'case-card-list' ? 'case-card' : tag;
  return `../npm/${folder}/${tag}.js`;
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/messages/**', 'src/cdn/**', 'src/**/*.styles.ts', 'src/**/define.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    customElementJsxPlugin({ outdir: './dist/types', fileName: 'jsx.d.ts', componentTypePath }),
    customElementVuejsPlugin({ outdir: './dist/types', fileName: 'vue.d.ts', componentTypePath }),
    customElementSveltePlugin({ outdir: './dist/types', fileName: 'svelte.d.ts', componentTypePath }),
  ],
};
