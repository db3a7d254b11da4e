/**
 * What a card shows: a contract `Case` (from the endpoint, a list or `.data`), or the part of it a page
 * author writes inline with attributes. Every string in it is rendered as text, never as HTML.
 */
export interface CaseView {
  id?: string | undefined;
  name: string;
  fullName?: string | undefined;
  isGroup?: boolean | undefined;
  photo?: { src: string; alt: string; credit?: string | undefined; width: number; height: number } | undefined;
  country?: string | undefined;
  region?: string | undefined;
  status?: { kind?: string | undefined; label?: string | undefined; since?: string | undefined } | undefined;
  summary?: string | undefined;
  story?: string[] | undefined;
  quote?: { text: string; author: string } | undefined;
  /** `petition` opens the petition form; `url` is the link (or the fallback when the form cannot load). */
  action?: { label?: string | undefined; url?: string | undefined; petition?: string | undefined } | undefined;
  locale?: string | undefined;
}

/** Case objects already validated against the contract (by the client): cards do not parse them again. */
export const validated = new WeakSet<object>();

/**
 * An author-written link as an absolute http(s) URL (relative URLs resolve against the page), or
 * undefined for anything else: `javascript:`, `data:`, `vbscript:`… and for any value holding
 * control characters, double quotes or markup (`java\tscript:` tricks, pasted HTML).
 */
export function webUrl(value: string | undefined, base: string): string | undefined {
  // Characters that never appear in a URL an author means (markup, double quotes, controls).
  if (!value || /[<>"`{}\u0000-\u001f\u007f]/.test(value.trim())) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An author-written image URL: http(s) (relative allowed), a `blob:` URL, or a raster `data:image/…` URL
 * (png, jpeg, gif, webp, avif; never SVG or HTML). Network data only ever gets http(s): the contract's
 * schema rejects anything else before it reaches a card.
 */
export function imageUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^data:image\/(png|jpeg|gif|webp|avif)[;,]/i.test(trimmed)) return trimmed;
  if (/^blob:https?:/i.test(trimmed)) return trimmed;
  return webUrl(trimmed, base);
}

/** An attribute value quoted for a console message (shortened, control characters escaped). */
export function quote(value: unknown): string {
  const text = JSON.stringify(String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}
