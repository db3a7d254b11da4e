// Typed Agir tags in Vue templates (attributes, properties, `@agir-…` handlers with the event classes), from the
// typings generated from custom-elements.json, declared as getting-started.md shows.
/// <reference types="@agir/elements/types/vue" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
