/**
 * Operator routes for a team's dashboard, under `/api/v1/operator/`: a petition's counts by day, by
 * source (UTM) and by country, and the CSV export of its signatures. They exist only when the server has
 * a bearer token (AGIR_OPERATOR_TOKEN); without one they are 404 like any unknown route. The token is
 * compared in constant time; a missing or wrong one gets 401 with `WWW-Authenticate: Bearer` and spends
 * the client's junk bucket (so guessing is rate-limited). Never cached (`no-store`), never CORS-allowed
 * (security.ts `corsRoute` names no operator route: browsers on other sites cannot read them).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { idSchema } from '@agir/core';
import { Hono, type Context } from 'hono';
import { signatureCsv } from './export.js';
import { petitionStats } from './organiser.js';
import type { Store } from './store.js';

/** Shortest token accepted: `openssl rand -base64 32` gives 44 characters. */
export const MIN_OPERATOR_TOKEN_LENGTH = 32;

const REALM = 'Bearer realm="agir-operator"';

/** A token's digest: equal lengths whatever was sent, so timingSafeEqual compares in constant time. */
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export interface OperatorHooks {
  /** Spends a token of the client's junk bucket; a 429 answer when it is empty. */
  refuseJunk(c: Context): Response | undefined;
}

export function checkOperatorToken(token: string): void {
  if (token.length < MIN_OPERATOR_TOKEN_LENGTH || /\s/.test(token))
    throw new Error(
      `AGIR_OPERATOR_TOKEN must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters without spaces (openssl rand -base64 32)`,
    );
}

export function operatorRoutes(store: Store, token: string, hooks: OperatorHooks): Hono {
  checkOperatorToken(token);
  const expected = digest(token);
  const routes = new Hono();

  const unauthorized = (c: Context, error?: 'invalid_token'): Response => {
    const limited = hooks.refuseJunk(c);
    if (limited) return limited;
    c.header('WWW-Authenticate', error ? `${REALM}, error="${error}"` : REALM);
    return c.json(
      {
        error: {
          code: 'unauthorized',
          message: error ? 'The operator token is not valid.' : 'Send the operator token: Authorization: Bearer TOKEN.',
        },
      },
      401,
    );
  };

  routes.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const header = c.req.header('authorization');
    if (!header) return unauthorized(c);
    const match = /^Bearer +([^\s]+) *$/i.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) return unauthorized(c, 'invalid_token');
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const petitionId = (c: Context): string | undefined => {
    const id = c.req.param('id');
    return id !== undefined && idSchema.safeParse(id).success ? id : undefined;
  };
  const noPetition = (c: Context): Response => c.json({ error: { code: 'not_found', message: 'No such petition.' } }, 404);

  routes.get('/petitions/:id/stats', async (c) => {
    const id = petitionId(c);
    const stats = id ? await petitionStats(store, id) : undefined;
    if (!stats) return noPetition(c);
    return c.json(stats);
  });

  routes.get('/petitions/:id/signatures.csv', async (c) => {
    const id = petitionId(c);
    if (!id || !(await store.getPetition(id))) return noPetition(c);
    const chunks = signatureCsv(store, id, { bom: c.req.query('bom') === '1' });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${id}-signatures.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  return routes;
}
