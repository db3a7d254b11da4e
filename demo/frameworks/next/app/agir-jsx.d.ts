// Typed Agir tags, attributes and events in React 19's JSX, from the typings generated from custom-elements.json.
import type { CustomElements } from '@agir/elements/types/jsx';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
