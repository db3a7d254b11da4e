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
 * The base of case-card, case-card-list and petition-form: a plain custom element (no LitElement runtime,
 * so each element stays within its budget) that hosts Lit reactive controllers such as the shared
 * `LocaleController`, renders its shadow tree (`update()`: `patch` for the cards, lit-html for the form)
 * at most once a microtask while connected, and adopts its styles as a constructed stylesheet (allowed
 * under a strict CSP: no `<style>` text, no style attribute).
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
