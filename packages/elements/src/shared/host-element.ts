import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Attrs = Record<string, unknown>;

const sheets = new Map<string, CSSStyleSheet>();

/** Gives a shadow root more styles: one constructed stylesheet per CSS text, shared by every element using it. */
export function adoptStyles(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * During server rendering (Node, Next.js, Astro) there is no `HTMLElement`: the element classes can then be
 * imported, for their types and statics, but not constructed (nothing constructs them there).
 */
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * The base of every Agir element: a plain custom element (no LitElement runtime, so each element stays
 * within its budget) that hosts Lit reactive controllers as Lit's contract says (`hostConnected`, also for
 * a controller added while connected; `hostUpdate` before and `hostUpdated` after each render;
 * `hostDisconnected`), renders its shadow tree (`update()`) at most once a microtask while connected, and
 * adopts its styles as a constructed stylesheet (allowed under a strict CSP: no `<style>` text, no style
 * attribute). How to draw inside `update()`: see CONTRIBUTING.md ("Draw").
 */
export abstract class HostElement extends Base implements ReactiveControllerHost {
  /** The shadow styles, as CSS text. */
  static styles = '';
  static observedAttributes: string[] = [];
  /** @internal Every public property, so that one set before the upgrade reaches the element. */
  static propertyNames: string[] = [];

  /** The shadow root the element renders into (as in Lit). */
  readonly renderRoot: ShadowRoot = this.attachShadow({ mode: 'open' });
  /** @internal The element's internals: custom states, and form association for a form-associated element. */
  protected readonly internals: ElementInternals = this.attachInternals();
  #controllers = new Set<ReactiveController>();
  #pending = false;
  #done: Promise<unknown> = Promise.resolve();

  constructor() {
    super();
    adoptStyles(this.renderRoot, (this.constructor as typeof HostElement).styles);
  }

  /**
   * Resolves once the element has rendered its latest state (like Lit's `updateComplete`): true, or false
   * when renders kept asking for more renders (it waits for a few, never forever).
   */
  get updateComplete(): Promise<boolean> {
    return this.getUpdateComplete();
  }

  /** Adds a Lit reactive controller; it hears of every connection, also when added while the element is connected. */
  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  /** Removes a reactive controller. */
  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Schedules a render at the end of the current microtasks (none while disconnected); `updateComplete` says when it is done. */
  requestUpdate(): void {
    if (this.#pending) return;
    this.#pending = true;
    this.#done = Promise.resolve().then(() => {
      this.#pending = false;
      if (!this.isConnected) return;
      for (const controller of this.#controllers) controller.hostUpdate?.();
      this.update();
      for (const controller of this.#controllers) controller.hostUpdated?.();
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
    for (const controller of this.#controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  /** @internal */
  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  /** @internal */
  attributeChangedCallback(_name: string, _old: string | null, _value: string | null): void {
    this.requestUpdate();
  }

  /**
   * What `updateComplete` waits for: the scheduled render, and the renders it asked for, ten at most. An
   * element that also waits for lazily loaded code adds it here (`await super.getUpdateComplete()` last).
   */
  protected async getUpdateComplete(): Promise<boolean> {
    for (let round = 0; round < 10 && this.#pending; round++) await this.#done;
    return !this.#pending;
  }

  /** Renders the element's current state. */
  protected abstract update(): void;

  /** Turns a custom state (`:state(name)`) on or off. */
  protected setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // A browser without custom states works on without these styling hooks.
    }
  }
}

/**
 * Declares properties that mirror attributes (`{ caseId: 'case', photoWidth: ['photo-width', Number] }`):
 * the attribute holds the value, so setting the property sets the attribute, and either re-renders. The
 * second item reads the attribute's text: `Boolean` for a boolean attribute, or any function (`Number`);
 * the third is the value while the attribute is absent (default undefined).
 */
export function attributeProperties(
  element: typeof HostElement,
  properties: Record<string, string | [attribute: string, read?: typeof Boolean | ((value: string) => unknown), absent?: unknown]>,
): void {
  // Each class gets its own lists (a subclass starts from its parent's).
  const attributes = (element.observedAttributes = [...element.observedAttributes]);
  const names = (element.propertyNames = [...element.propertyNames]);
  for (const [name, spec] of Object.entries(properties)) {
    const [attribute, read, absent] = typeof spec === 'string' ? [spec] : spec;
    attributes.push(attribute);
    names.push(name);
    Object.defineProperty(element.prototype, name, {
      get(this: Element) {
        const value = this.getAttribute(attribute);
        return read === Boolean ? value !== null : value === null ? absent : read ? read(value) : value;
      },
      set(this: Element, value: unknown) {
        if (value == null || value === false) this.removeAttribute(attribute);
        else this.setAttribute(attribute, value === true ? '' : String(value));
      },
    });
  }
}
