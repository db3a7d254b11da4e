/**
 * Static files: the demo at `/` and the CDN build at `/cdn/`. Only files inside the folder are served
 * (no `..`, no encoded slashes, no dot-files, no `node_modules`, no symlink leading out), with a
 * content type by extension, an ETag, and the cache policy the caller chooses.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compressible, encode, MIN_COMPRESS_BYTES, negotiateEncoding, type Encoding } from './compress.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticResult =
  | { kind: 'file'; file: string; body: Uint8Array<ArrayBuffer>; etag: string; lastModified: string; mtimeMs: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

/**
 * Resolves `urlPath` (still percent-encoded, relative to the mount point, starting with `/`) to a
 * file under `root`. A folder serves its index.html; a folder asked without its trailing slash is
 * redirected to it, so relative links in the page work.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticResult> {
  const segments: string[] = [];
  const raw = urlPath.split('/').slice(1);
  for (const [index, encoded] of raw.entries()) {
    if (encoded === '' && index === raw.length - 1) break; // trailing slash
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { kind: 'missing' };
    }
    if (segment === '' || segment.startsWith('.') || segment === 'node_modules' || /[/\\\0]/.test(segment)) return { kind: 'missing' };
    segments.push(segment);
  }
  let rootReal: string;
  let file: string;
  try {
    rootReal = await realpath(root);
    file = await realpath(path.join(rootReal, ...segments));
  } catch {
    return { kind: 'missing' };
  }
  if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return { kind: 'missing' };
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `${urlPath.split('/').at(-1) ?? ''}/` };
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return { kind: 'missing' };
  const body = (await readFile(file)) as Uint8Array<ArrayBuffer>; // a fresh buffer, never shared
  return {
    kind: 'file',
    file,
    body,
    etag: `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`,
    lastModified: info.mtime.toUTCString(),
    mtimeMs: info.mtimeMs,
  };
}

export interface Representation {
  body: Uint8Array<ArrayBuffer>;
  /** The file's ETag, with `-br` or `-gz` inside the quotes for an encoded body: one tag per encoding. */
  etag: string;
  encoding: Encoding;
  /** Whether the answer depends on Accept-Encoding (send `Vary: Accept-Encoding`). */
  vary: boolean;
}

const SIBLING = { br: '.br', gzip: '.gz' } as const;
/** Encoded bodies of files that have no precompressed sibling, by file, ETag and encoding (bounded). */
const encodedCache = new Map<string, Promise<Uint8Array>>();
const ENCODED_CACHE_ENTRIES = 256;

/**
 * The body to send for a static file and an `Accept-Encoding` header. A compressible file is sent as
 * brotli or gzip: its precompressed sibling (`agir.js.br`, `agir.js.gz`, written by the CDN build) when
 * there is one no older than the file, else compressed here once and kept in memory. Small files and
 * types that do not compress (images, fonts) are sent as they are.
 */
export async function representation(
  file: Extract<StaticResult, { kind: 'file' }>,
  acceptEncoding: string | undefined,
): Promise<Representation> {
  const identity: Representation = { body: file.body, etag: file.etag, encoding: 'identity', vary: false };
  if (file.body.byteLength < MIN_COMPRESS_BYTES || !compressible(contentType(file.file))) return identity;
  const encoding = negotiateEncoding(acceptEncoding);
  if (encoding === 'identity') return { ...identity, vary: true };
  let body: Uint8Array | undefined;
  const sibling = file.file + SIBLING[encoding];
  const siblingInfo = await stat(sibling).catch(() => undefined);
  if (siblingInfo?.isFile() && siblingInfo.mtimeMs >= file.mtimeMs) body = await readFile(sibling).catch(() => undefined);
  if (!body) {
    const key = `${file.file}\0${file.etag}\0${encoding}`;
    let pending = encodedCache.get(key);
    if (!pending) {
      if (encodedCache.size >= ENCODED_CACHE_ENTRIES) encodedCache.clear();
      pending = encode(file.body, encoding, 9);
      encodedCache.set(key, pending);
      pending.catch(() => encodedCache.delete(key));
    }
    body = await pending;
  }
  if (body.byteLength >= file.body.byteLength) return { ...identity, vary: true };
  return {
    body: body as Uint8Array<ArrayBuffer>,
    etag: file.etag.replace(/"$/, `-${encoding === 'br' ? 'br' : 'gz'}"`),
    encoding,
    vary: true,
  };
}

/** Does an If-None-Match header match this ETag (weak comparison, lists and `*` included)? */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
