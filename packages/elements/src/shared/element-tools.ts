/** Registers a custom element class under a tag unless the tag is already taken (by it or by a rename). */
export function defineElement(tag: string, constructor: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.error(
      `Agir: <${tag}> is already defined by another script; call ${constructor.name}.define("another-name") to use a different tag.`,
    );
    return;
  }
  registry.define(tag, constructor);
}

/** Reports a problem a page author must fix: one console error naming the element and the fix. */
export function authorError(element: Element, message: string): void {
  console.error(`Agir <${element.localName}>: ${message}`, element);
}
