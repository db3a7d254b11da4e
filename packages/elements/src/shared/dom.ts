/**
 * Way 2 of drawing (CONTRIBUTING.md, "Draw"): a shadow tree built with DOM calls — never from HTML strings —
 * and kept by reference, so that `update()` changes only the text and attributes that differ.
 */

/** A child of `h`: a node, a string (a text node), or `false`/`null`/`undefined` for a part a record does not have. */
export type Child = Node | string | false | null | undefined;

/** A shadow element: its tag, its attributes (`undefined` leaves one out), its children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) setAttr(element, name, value);
  element.append(...(children.filter((child) => child || child === '') as Array<Node | string>));
  return element;
}

/** Sets a node's text, unless it already says that (no mutation, no announcement in a live region). */
export const setText = (node: Node, text: string): void => {
  if (node.textContent !== text) node.textContent = text;
};

/** Sets an attribute unless it already has that value; `null` or `undefined` removes it. */
export const setAttr = (element: Element, name: string, value: string | number | null | undefined): void => {
  if (value == null) element.removeAttribute(name);
  else if (element.getAttribute(name) !== String(value)) element.setAttribute(name, String(value));
};
