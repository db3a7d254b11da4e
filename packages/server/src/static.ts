/**
 * Static files: the demo at `/` and the CDN build at `/cdn/`. Only files inside the folder are served
 * (no `..`, no encoded slashes, no dot-files, no `node_modules`, no symlink leading out), with a
 * content type by extension, an ETag, and the cache policy the caller chooses.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

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
  | { kind: 'file'; file: string; body: Uint8Array<ArrayBuffer>; etag: string; lastModified: string }
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
  };
}

/** Does an If-None-Match header match this ETag (weak comparison, lists and `*` included)? */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
