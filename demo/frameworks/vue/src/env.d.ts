// Typed Agir tags in Vue templates, from the typings generated from custom-elements.json. Vue type-checks a
// custom element's attributes through a constructor whose `$props` are the element's props (the shape the
// Vue docs give for custom elements); the generated prop types are reused as they are.
import type { CustomElements } from '@agir/elements/types/jsx';

type AgirElements = { [Tag in keyof CustomElements]: new () => { $props: NonNullable<CustomElements[Tag]> } };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends AgirElements {}
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
