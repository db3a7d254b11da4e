// Typed Agir tags in Vue templates, from the typings generated from custom-elements.json.
import type {} from '@agir/elements/types/vue';

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
