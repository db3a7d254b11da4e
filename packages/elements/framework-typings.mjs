// Framework typings written from custom-elements.json (a plugin of the analyzer, after the manifest is linked):
// `dist/types/jsx.d.ts` (React 19 and any JSX), `dist/types/vue.d.ts` (Vue 3 templates) and `dist/types/svelte.d.ts`
// (Svelte 5 templates, checked by svelte-check).
//
// Why not custom-element-jsx-integration / custom-element-vuejs-integration / custom-element-svelte-integration
// (1.6.0 / 1.4.0 / 1.2.x): they type every event handler as `(e: CustomEvent<T>) => void` (hard-coded), while
// Agir's events are classes extending Event (React 19, Vue and Svelte 5 hand the handler the event itself: a
// `SignedEvent`, not a CustomEvent); they import each event class from its element's module (where it is not
// exported) once per element, so a class two elements fire is imported twice (`ActionEvent`: a duplicate
// identifier); they list read-only properties (`renderRoot`, `validity`…) as props (the Svelte one as `bind:`
// props); vue.d.ts also augments the global `JSX` namespace, and svelte.d.ts names a `JSX` namespace Svelte does
// not have. Each error is hidden by `skipLibCheck: true` and breaks a project with `skipLibCheck: false`.
//
// Here each handler takes the event the element's own typings declare for that name
// (`GlobalEventHandlersEventMap['agir-signed']` is `SignedEvent`, declared beside the class), and each element's
// types come from its published entry (`../npm/<tag>/index.js`), which brings the tag-name and event maps along.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The manifest's custom elements, each with the module path it lives in. */
function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.push(declaration);
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

const doc = (text, indent = '  ') => {
  const body = (text ?? '').trim();
  if (!body) return '';
  return `${indent}/** ${body.replaceAll('*/', '*\\/').replaceAll('\n', `\n${indent} * `)} */\n`;
};

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

/**
 * Each element's props: its attributes (by attribute name, typed as the property behind them), the
 * writable properties with no attribute (objects and functions a framework passes as properties), and
 * one handler per event (by `handlerKey(eventName)`), typed with the event the element declares.
 */
function props(element, handlerKey, { camelAttributes = false } = {}) {
  const lines = [];
  for (const attribute of element.attributes ?? []) {
    if (!attribute.fieldName) throw new Error(`<${element.tagName}> attribute ${attribute.name} has no property`);
    const names = camelAttributes && camel(attribute.name) !== attribute.name ? [attribute.name, camel(attribute.name)] : [attribute.name];
    for (const name of names) {
      lines.push(doc(attribute.description) + `  ${JSON.stringify(name)}?: ${element.name}[${JSON.stringify(attribute.fieldName)}];`);
    }
  }
  for (const member of element.members ?? []) {
    if (member.kind !== 'field' || member.static || member.readonly || member.attribute) continue;
    if (member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#')) continue;
    lines.push(doc(member.description) + `  ${JSON.stringify(member.name)}?: ${element.name}[${JSON.stringify(member.name)}];`);
  }
  for (const event of element.events ?? []) {
    if (!event.name) continue;
    lines.push(
      doc(event.description) +
        `  ${JSON.stringify(handlerKey(event.name))}?: (event: GlobalEventHandlersEventMap[${JSON.stringify(event.name)}]) => void;`,
    );
  }
  return lines.join('\n');
}

const header = (elements, componentTypePath) =>
  `// Generated from custom-elements.json by framework-typings.mjs (npm run build): do not edit.\n` +
  elements.map((element) => `import type { ${element.name} } from ${JSON.stringify(componentTypePath(element.tagName))};`).join('\n') +
  '\n';

const summary = (element) => [element.summary, element.description].filter(Boolean).join('\n\n');

function jsx(elements, componentTypePath) {
  return `${header(elements, componentTypePath)}
/** Props every Agir tag takes in JSX besides its own (the global HTML attributes a page sets on them). */
export interface BaseProps<Element> {
  children?: unknown;
  class?: string;
  className?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  exportparts?: string;
  hidden?: boolean;
  id?: string;
  key?: string | number | bigint | null;
  lang?: string;
  part?: string;
  /** The element: a ref object or a callback (which may return a cleanup function, as in React 19). */
  ref?: { current: Element | null } | ((element: Element | null) => void | (() => void)) | null;
  slot?: string;
  style?: Record<string, string | number | undefined>;
  tabIndex?: number;
  title?: string;
  translate?: 'yes' | 'no';
}
${elements
  .map(
    (element) => `
/** Props of \`<${element.tagName}>\`: attributes, properties, and \`on\` + event name handlers. */
export interface ${element.name}Props extends BaseProps<${element.name}> {
${props(element, (name) => `on${name}`)}
}
`,
  )
  .join('')}
/**
 * Agir's tags with their props, for a JSX namespace's \`IntrinsicElements\`. React 19:
 *
 * \`\`\`ts
 * import type { CustomElements } from '@agir/elements/types/jsx';
 * declare module 'react' {
 *   namespace JSX {
 *     interface IntrinsicElements extends CustomElements {}
 *   }
 * }
 * \`\`\`
 */
export interface CustomElements {
${elements.map((element) => doc(summary(element)) + `  ${JSON.stringify(element.tagName)}: ${element.name}Props;`).join('\n')}
}

/** The same tags renamed with a prefix and a suffix (for a tag given to \`define('other-name')\`). */
export type ScopedElements<Prefix extends string = '', Suffix extends string = ''> = {
  [Tag in keyof CustomElements as \`\${Prefix}\${Tag}\${Suffix}\`]: CustomElements[Tag];
};
`;
}

function vue(elements, componentTypePath) {
  return `${header(elements, componentTypePath)}import type { HTMLAttributes } from 'vue';
${elements
  .map(
    (element) => `
/**
 * Props of \`<${element.tagName}>\` in a Vue template: the global HTML attributes, its attributes (also camelCased,
 * as Vue passes a bound \`:heading-level\`), properties, and event handlers (\`@agir-signed\` is \`onAgirSigned\`).
 */
export interface ${element.name}Props extends HTMLAttributes {
${props(element, (name) => `on${camel(name).replace(/^./, (first) => first.toUpperCase())}`, { camelAttributes: true })}
}
`,
  )
  .join('')}
/** Agir's tags as Vue sees typed custom elements: a constructor whose instances have the element's \`$props\`. */
export interface AgirElements {
${elements.map((element) => doc(summary(element)) + `  ${JSON.stringify(element.tagName)}: new () => { $props: ${element.name}Props };`).join('\n')}
}

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends AgirElements {}
}
`;
}

/**
 * Svelte 5: each tag's props extend `svelte/elements`' `HTMLAttributes` (the global attributes, `bind:this`,
 * `children`), and the tags are added to `SvelteHTMLElements` by module augmentation, as Svelte's docs show for
 * custom elements. Event attributes are `on` + the event's name (`onagir-signed`), as Svelte 5 listens to them.
 */
function svelte(elements, componentTypePath) {
  return `${header(elements, componentTypePath)}import type { HTMLAttributes } from 'svelte/elements';
${elements
  .map(
    (element) => `
/**
 * Props of \`<${element.tagName}>\` in a Svelte 5 template: the global HTML attributes, its attributes (each typed
 * as the property Svelte sets once the element is defined), its other writable properties, and \`on\` + event
 * name handlers (\`onagir-signed\`), each taking the element's event class.
 */
export interface ${element.name}Props extends HTMLAttributes<${element.name}> {
${props(element, (name) => `on${name}`)}
}
`,
  )
  .join('')}
/** Agir's tags with their props, as Svelte's \`SvelteHTMLElements\` lists elements. */
export interface AgirElements {
${elements.map((element) => doc(summary(element)) + `  ${JSON.stringify(element.tagName)}: ${element.name}Props;`).join('\n')}
}

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends AgirElements {}
}
`;
}

/** The analyzer plugin: writes `jsx.d.ts`, `vue.d.ts` and `svelte.d.ts` into `outdir`. */
export function frameworkTypings({ outdir, componentTypePath }) {
  return {
    name: 'agir-framework-typings',
    packageLinkPhase({ customElementsManifest }) {
      const elements = elementsOf(customElementsManifest);
      mkdirSync(outdir, { recursive: true });
      writeFileSync(path.join(outdir, 'jsx.d.ts'), jsx(elements, componentTypePath));
      writeFileSync(path.join(outdir, 'vue.d.ts'), vue(elements, componentTypePath));
      writeFileSync(path.join(outdir, 'svelte.d.ts'), svelte(elements, componentTypePath));
    },
  };
}
