/**
 * Content coding: which encoding a client takes (`Accept-Encoding`), which types are worth compressing,
 * and the middleware that compresses finite answers (API JSON, error bodies) on the fly. Static files
 * negotiate on their own (static.ts: precompressed siblings, with an ETag per encoding); server-sent
 * event streams are never touched, so every event leaves at once.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bodies smaller than this are sent as they are: a compressed frame would save a few bytes at best. */
export const MIN_COMPRESS_BYTES = 1024;

/** The encodings we can send, in our order of preference at equal quality. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

/**
 * The encoding to send for an `Accept-Encoding` header: the acceptable one (q > 0) the client rates
 * highest, ties going to br, then gzip, then identity. `*` stands for every coding not named; `x-gzip`
 * is gzip. No header, or nothing acceptable, means identity (a 406 would help nobody).
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const named = new Map<string, number>();
  let wildcard: number | undefined;
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(\S*)\s*$/i.exec(param);
      if (match) q = Number(match[1] || 'x'); // a malformed q is no q: not acceptable
    }
    if (!Number.isFinite(q) || q < 0 || q > 1) q = 0;
    const key = name === 'x-gzip' ? 'gzip' : name;
    if (key === '*') wildcard = q;
    else named.set(key, Math.max(q, named.get(key) ?? 0));
  }
  // Identity not named is acceptable unless `*;q=0`, but ranks below any coding the client named.
  const quality = (encoding: Encoding): number =>
    named.get(encoding) ?? (encoding === 'identity' ? (wildcard === 0 ? 0 : 0.0001) : (wildcard ?? 0));
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const encoding of PREFERENCE) {
    const q = quality(encoding);
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

/** Text-like types that shrink when compressed (never `text/event-stream`: a stream must not wait for a buffer). */
export function compressible(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return false;
  return (
    type.startsWith('text/') ||
    /^application\/(json|javascript|ecmascript|xml|wasm|x-javascript)$/.test(type) ||
    /\+(json|xml)$/.test(type) ||
    type === 'image/svg+xml' ||
    type === 'image/x-icon'
  );
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses `body` for `encoding`. `quality` is brotli's 0-11 (gzip gets a level in proportion):
 * 5 for answers made per request, higher for files compressed once and kept.
 */
export async function encode(body: Uint8Array, encoding: 'br' | 'gzip', quality: number): Promise<Uint8Array> {
  const out =
    encoding === 'br'
      ? await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: quality,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : await gzipAsync(body, { level: Math.min(9, Math.max(1, Math.round((quality * 9) / 11))) });
  return new Uint8Array(out); // a copy with its own ArrayBuffer (zlib may hand back a slice of a shared pool)
}

/** Adds `Accept-Encoding` to a Vary header value (kept as it is when already there, or `*`). */
export function varyAcceptEncoding(current: string | null): string {
  if (!current) return 'Accept-Encoding';
  if (current.trim() === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

const NO_TRANSFORM = /(^|,)\s*no-transform\s*(,|$)/i;

/**
 * Compresses finite answers on the fly (brotli or gzip, by `Accept-Encoding`). Left alone: answers
 * already encoded, with a strong ETag (their route owns its validators: static files negotiate themselves,
 * and a petition's few hundred bytes keep their strong ETag and 304s; a weak ETag, as the cases' answers
 * carry, holds for every encoding of the same JSON), with `no-transform`, of a type
 * that does not compress, smaller than `threshold`, and every server-sent event stream.
 */
export function compression({
  threshold = MIN_COMPRESS_BYTES,
  quality = 5,
}: { threshold?: number; quality?: number } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      !res.body ||
      res.status < 200 ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has('Content-Encoding') ||
      /^"/.test(res.headers.get('ETag') ?? '') ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '') ||
      !compressible(res.headers.get('Content-Type'))
    )
      return;
    const declared = res.headers.get('Content-Length');
    if (declared !== null && Number(declared) < threshold) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const encoding = body.byteLength < threshold ? 'identity' : negotiateEncoding(c.req.header('accept-encoding'));
    const out = encoding === 'identity' ? body : await encode(body, encoding, quality);
    c.res = new Response(out as Uint8Array<ArrayBuffer>, res);
    c.res.headers.set('Content-Length', String(out.byteLength));
    if (body.byteLength < threshold) return; // never compressed, whatever the client accepts: no Vary
    c.res.headers.set('Vary', varyAcceptEncoding(c.res.headers.get('Vary')));
    if (encoding !== 'identity') c.res.headers.set('Content-Encoding', encoding);
  };
}
