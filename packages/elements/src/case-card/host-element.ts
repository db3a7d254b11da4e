import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A shadow DOM node to render: a tag, its attributes and its children. Attribute keys starting with `on`
 * are event handler properties (`onclick`), never attributes. Strings always become text nodes.
 */
export interface Template {
  tag: string;
  attrs: Attrs;
  children: Child[];
}
type Attrs = Record<string, unknown>;
/** A falsy child keeps its place (an empty comment), so that the nodes after it are kept, and their focus. */
export type Child = Template | Node | string | false | null | undefined;

export const h = (tag: string, attrs: Attrs = {}, ...children: Child[]): Template => ({ tag, attrs, children });

/** The attributes each element was last rendered with, to remove those a new render leaves out. */
const rendered = new WeakMap<Node, Attrs>();

function set(element: Element, name: string, value: unknown): void {
  if (name.startsWith('on')) (element as unknown as Attrs)[name] = value ?? null;
  else if (value == null || value === false) element.removeAttribute(name);
  else {
    const text = value === true ? '' : String(value);
    if (element.getAttribute(name) !== text) element.setAttribute(name, text);
  }
}

/**
 * Brings the children of `parent` in line with `children`, in place: a node of the same kind at the same
 * position is kept and updated (so focus, images and slotted content stay), any other is replaced. Built
 * with DOM calls only (`createElement`, `setAttribute`, text nodes): no HTML is ever parsed. A custom
 * element's children are its own and left alone.
 */
export function patch(parent: Node, children: Child[]): void {
  const nodes = parent.childNodes;
  children.forEach((child, index) => {
    const node = nodes[index];
    let next: Node | undefined;
    if (!child) {
      if (node?.nodeType !== 8) next = document.createComment('');
    } else if (typeof child === 'string') {
      if (node?.nodeType !== 3) next = document.createTextNode(child);
      else if (node.nodeValue !== child) node.nodeValue = child;
    } else if (child instanceof Node) {
      if (node !== child) next = child;
    } else {
      let element = node as Element;
      if (element?.localName !== child.tag) next = element = document.createElement(child.tag);
      const previous = rendered.get(element) ?? {};
      for (const name in previous) if (!(name in child.attrs)) set(element, name, undefined);
      for (const name in child.attrs) set(element, name, child.attrs[name]);
      rendered.set(element, child.attrs);
      if (!child.tag.includes('-')) patch(element, child.children);
    }
    if (next) {
      if (node) parent.replaceChild(next, node);
      else parent.appendChild(next);
    }
  });
  while (nodes.length > children.length) parent.lastChild!.remove();
}

const sheets = new Map<string, CSSStyleSheet>();

/** Gives a shadow root its styles: one constructed stylesheet per CSS text, shared by every element using it. */
function adoptStyles(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  root.adoptedStyleSheets = [sheet];
}

/**
 * The base of case-card and case-card-list: a plain custom element (no Lit runtime, so a page with one
 * card stays within its budget) that hosts Lit reactive controllers such as the shared `LocaleController`,
 * renders its shadow tree with `patch` at most once a microtask while connected, and adopts its styles
 * as a constructed stylesheet (allowed under a strict CSP: no `<style>` text, no style attribute).
 */
export abstract class HostElement extends HTMLElement implements ReactiveControllerHost {
  /** The shadow styles, as CSS text. */
  static styles = '';
  static observedAttributes: string[] = [];
  /** @internal Every public property, so that one set before the upgrade reaches the element. */
  static propertyNames: string[] = [];

  /** @internal The shadow root. */
  readonly renderRoot: ShadowRoot = this.attachShadow({ mode: 'open' });
  private readonly controllers = new Set<ReactiveController>();
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();
  private pending = false;
  private done: Promise<unknown> = Promise.resolve();

  constructor() {
    super();
    adoptStyles(this.renderRoot, (this.constructor as typeof HostElement).styles);
  }

  /** Resolves once the element has rendered its latest state (like Lit's `updateComplete`). */
  get updateComplete(): Promise<boolean> {
    return this.done.then(() => (this.pending ? this.updateComplete : true));
  }

  /** @internal Controllers are added from the element's constructor; they hear of every connection. */
  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
  }

  /** @internal */
  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  /** Schedules a render at the end of the current microtasks (none while disconnected); `updateComplete` says when it is done. */
  requestUpdate(): void {
    if (this.pending) return;
    this.pending = true;
    this.done = Promise.resolve().then(() => {
      this.pending = false;
      if (this.isConnected) this.update();
    });
  }

  /** @internal */
  connectedCallback(): void {
    // A property set before the element was defined shadows the accessor: pass it on.
    for (const name of (this.constructor as typeof HostElement).propertyNames) {
      if (Object.hasOwn(this, name)) {
        const self = this as unknown as Attrs;
        const value = self[name];
        delete self[name];
        self[name] = value;
      }
    }
    for (const controller of this.controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  /** @internal */
  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }

  /** @internal */
  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  /** Renders the element's current state. */
  protected abstract update(): void;

  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals?.states.add(name);
      else this.internals?.states.delete(name);
    } catch {
      // Older engines accept only --dashed state names; the states are a styling extra.
    }
  }
}

/**
 * Declares properties that mirror attributes (`{ caseId: 'case', photoWidth: ['photo-width', Number] }`):
 * the attribute holds the value, so setting the property sets the attribute, and either re-renders.
 */
export function attributeProperties(
  element: typeof HostElement,
  properties: Record<string, string | [attribute: string, type: typeof Number | typeof Boolean]>,
): void {
  // Each class gets its own lists (a subclass starts from its parent's).
  const attributes = (element.observedAttributes = [...element.observedAttributes]);
  const names = (element.propertyNames = [...element.propertyNames]);
  for (const [name, spec] of Object.entries(properties)) {
    const [attribute, type] = typeof spec === 'string' ? [spec] : spec;
    attributes.push(attribute);
    names.push(name);
    Object.defineProperty(element.prototype, name, {
      get(this: Element) {
        const value = this.getAttribute(attribute);
        return type === Boolean ? value !== null : value === null ? undefined : type ? type(value) : value;
      },
      set(this: Element, value: unknown) {
        if (value == null || value === false) this.removeAttribute(attribute);
        else this.setAttribute(attribute, value === true ? '' : String(value));
      },
    });
  }
}
