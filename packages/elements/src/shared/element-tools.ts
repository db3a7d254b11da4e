/**
 * Registers an element class under a tag, unless the tag is already taken: by it (nothing to do) or by
 * another script (one console error naming the fix). When the class already has another tag (the page
 * renamed it, or uses it twice), a trivial subclass takes this one, as a registry accepts a class only once.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor, registry?: CustomElementRegistry): void {
  // During server rendering (Node, Next.js, Astro) there is no registry: importing a define module defines nothing.
  registry ??= globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing === constructor || existing?.prototype instanceof constructor) return;
  if (existing) {
    console.error(
      `Agir: <${tag}> is already defined by another script; call ${constructor.name}.define("another-name") to use a different tag.`,
    );
    return;
  }
  try {
    registry.define(tag, constructor);
  } catch {
    registry.define(tag, class extends (constructor as typeof HTMLElement) {});
  }
}

/** Reports a problem a page author must fix: one console error naming the element and the fix. */
export function authorError(element: Element, message: string): void {
  console.error(`Agir <${element.localName}>: ${message}`, element);
}

/** Time allowed for a lazily loaded chunk of an element's code, in ms. Tests may lower it. */
export const chunkConfig = { timeoutMs: 15_000 };

/**
 * A lazily loaded chunk given `chunkConfig.timeoutMs` to arrive: past it, the caller shows its error state
 * (and its retry) instead of a box that waits forever. The load itself goes on, so a retry gets the same one.
 */
export const timeLimit = <T>(load: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    load,
    new Promise<never>((_, reject) =>
      setTimeout(reject, chunkConfig.timeoutMs, new Error(`${what} took over ${chunkConfig.timeoutMs} ms`)),
    ),
  ]);
