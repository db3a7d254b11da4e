import { setAttr } from './dom.js';

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
  else setAttr(element, name, value === true ? '' : value === false ? null : (value as string | number | null | undefined));
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
