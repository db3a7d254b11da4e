import type { HostElement } from './host-element.js';

/**
 * Declares internal reactive state with its initial values (`{ view: 'form', errors: {} }`): plain
 * properties whose every assignment schedules a render, as Lit's `@state()` does. An initial object is
 * frozen and shared: assign a new one rather than changing it.
 */
export function stateProperties(element: typeof HostElement, initial: Record<string, unknown>): void {
  const values = new WeakMap<HostElement, Record<string, unknown>>();
  for (const [name, value] of Object.entries(initial)) {
    const start = typeof value === 'object' && value !== null ? Object.freeze(value) : value;
    Object.defineProperty(element.prototype, name, {
      get(this: HostElement) {
        const own = values.get(this);
        return own && name in own ? own[name] : start;
      },
      set(this: HostElement, next: unknown) {
        let own = values.get(this);
        if (!own) values.set(this, (own = {}));
        if (name in own ? own[name] === next : start === next) return;
        own[name] = next;
        this.requestUpdate();
      },
    });
  }
}
