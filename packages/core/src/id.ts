/**
 * The contract's id: a petition's, a case's, an embed's. Its own module, in the CDN's `common` chunk (a few
 * bytes), so that every element and reader checks ids with this one pattern without carrying the rest of
 * the vocabulary.
 */

/** An id usable in a URL path segment: letters, digits, "-" or "_", 1 to 64. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
