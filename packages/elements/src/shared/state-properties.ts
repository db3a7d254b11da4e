/** An element, or a reactive controller that re-renders its element. */
interface Renders {
  requestUpdate(): void;
}

/**
 * Declares internal reactive state with its initial values (`{ view: 'form', errors: {} }`) on an element's
 * class, or a controller's: plain properties whose every assignment calls `requestUpdate()` (a render), as
 * Lit's `@state()` does. An initial object is frozen and shared: assign a new one rather than changing it.
 */
export function stateProperties(owner: abstract new (...args: never[]) => Renders, initial: Record<string, unknown>): void {
  const values = new WeakMap<Renders, Record<string, unknown>>();
  for (const [name, value] of Object.entries(initial)) {
    const start = typeof value === 'object' && value !== null ? Object.freeze(value) : value;
    Object.defineProperty(owner.prototype, name, {
      get(this: Renders) {
        const own = values.get(this);
        return own && name in own ? own[name] : start;
      },
      set(this: Renders, next: unknown) {
        let own = values.get(this);
        if (!own) values.set(this, (own = {}));
        if (name in own ? own[name] === next : start === next) return;
        own[name] = next;
        this.requestUpdate();
      },
    });
  }
}
