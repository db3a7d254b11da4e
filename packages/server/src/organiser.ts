/**
 * The organisation's side of the store: reviewing the submissions judged automated (list, accept, reject),
 * changing a petition after its creation, and the figures of a petition for a team's dashboard (counts by
 * day, by source, by country). Personal data stays sealed: a suspect is opened with its person's key only
 * to show the operator the little they need to decide, or to sign it when they accept it.
 */
import { signatureRequestSchema, type SignatureRequest } from '@agir/core';
import { unseal } from './crypto.js';
import type { Queryable } from './db.js';
import { fieldContext, type Counts, type Store } from './store.js';

// ---------------------------------------------------------------------------------------------
// Suspect review

/** What an operator sees of a suspect submission: enough to tell a person from a bot, no more. */
export interface SuspectSummary {
  id: number;
  petitionId: string;
  /** `trap` (the honeypot was filled) or `too_fast` (filled faster than --min-fill-ms). */
  reason: string;
  receivedAt: Date;
  /** Time between the form being shown and sent (ms), as the browser reported it. */
  fillMs: number | null;
  /** What the honeypot held (people never see that field; bots fill it), cut to 40 characters. */
  trap: string;
  /** Given name and the family name's initial, e.g. `Ana S.`. */
  name: string;
  /** The email with its local part masked: `a…@example.org`. */
  email: string;
  country: string;
  /** The same email already has a counted signature on this petition: accepting it would count nothing. */
  alreadySigned: boolean;
}

type SuspectRow = {
  id: number;
  petition_id: string;
  idempotency_key: string;
  email_index: Uint8Array | null;
  reason: string;
  request_sealed: Uint8Array | null;
  created_at: Date;
};

const SUSPECT_COLUMNS = 'id, petition_id, idempotency_key::text AS idempotency_key, email_index, reason, request_sealed, created_at';

/** Control characters (C0, DEL, C1) and bidirectional overrides: a bot's text must not drive the operator's terminal. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const printable = (text: string, max = 60): string => {
  const clean = text.replace(UNPRINTABLE, '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '…';
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}

/** Opens a suspect's sealed request with its person's key; undefined when the key is gone (erased) or the request does not open or read. */
async function openSuspect(store: Store, row: SuspectRow, q: Queryable): Promise<SignatureRequest | undefined> {
  if (!row.email_index || !row.request_sealed) return undefined;
  const key = await store.keys.people.find(Buffer.from(row.email_index), q);
  if (!key) return undefined;
  try {
    const json = unseal(key, row.request_sealed, fieldContext('suspect_signatures', row.petition_id, row.idempotency_key, 'request'));
    const parsed = signatureRequestSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // altered, or sealed for another row: it does not open, and is shown as unreadable
  }
}

/** The suspect submissions waiting for review (of one petition, or all), oldest first. */
export async function listSuspects(
  store: Store,
  petitionId?: string,
): Promise<Array<SuspectSummary | { id: number; petitionId: string; reason: string; receivedAt: Date; unreadable: true }>> {
  const rows = await store.db.query<SuspectRow & { already_signed: boolean }>(
    `SELECT ${SUSPECT_COLUMNS.split(', ')
      .map((column) => `ss.${column}`)
      .join(', ')},
            EXISTS (SELECT 1 FROM signatures s WHERE s.petition_id = ss.petition_id AND s.email_index = ss.email_index) AS already_signed
       FROM suspect_signatures ss WHERE $1::text IS NULL OR ss.petition_id = $1::text ORDER BY ss.id`,
    [petitionId ?? null],
  );
  const out: Awaited<ReturnType<typeof listSuspects>> = [];
  for (const row of rows) {
    const common = { id: Number(row.id), petitionId: row.petition_id, reason: row.reason, receivedAt: row.created_at };
    const request = await openSuspect(store, row, store.db);
    if (!request) {
      out.push({ ...common, unreadable: true });
      continue;
    }
    const fillMs = Date.parse(request.client.submittedAt) - Date.parse(request.client.startedAt);
    out.push({
      ...common,
      fillMs: Number.isFinite(fillMs) ? fillMs : null,
      trap: printable(request.client.trap, 40),
      name: printable(`${request.person.givenName} ${request.person.familyName.slice(0, 1)}.`),
      email: printable(maskEmail(request.person.email.trim())),
      country: request.person.country,
      alreadySigned: row.already_signed,
    });
  }
  return out;
}

export type AcceptOutcome =
  /** No such suspect: never was, or reviewed already (accepted or rejected). */
  | { kind: 'missing' }
  /** Its person key is gone (the person was erased), or the stored request no longer reads: reject it. */
  | { kind: 'unreadable'; petitionId: string }
  /** The petition is closed: it stays for review (reopen the petition to accept it). */
  | { kind: 'closed'; petitionId: string }
  /** Counted now. */
  | { kind: 'counted'; petitionId: string; counts: Counts }
  /** The same email (by its blind index) or the same request was counted already: counted once, not again. */
  | { kind: 'deduped'; petitionId: string; signatureCount: number; reason: 'email' | 'key'; recounted: boolean };

/**
 * Accepts a suspect: signs its request as any other signature (the same write path, so its person is
 * deduplicated by the blind email index and the counters move in the same transaction) and removes it from
 * review. Accepting it again finds nothing to accept: a suspect counts once at most.
 */
export async function acceptSuspect(store: Store, id: number): Promise<AcceptOutcome> {
  return store.db.transaction(async (tx) => {
    const [peek] = await tx.query<{ petition_id: string; email_index: Uint8Array | null }>(
      'SELECT petition_id, email_index FROM suspect_signatures WHERE id = $1',
      [id],
    );
    if (!peek) return { kind: 'missing' };
    // The person lock, then the petition row, as signing takes them: no deadlock with it or an erasure.
    if (peek.email_index) await store.lockPerson(Buffer.from(peek.email_index), tx); // null: not sealed yet, unreadable
    await tx.query('SELECT 1 FROM petitions WHERE id = $1 FOR UPDATE', [peek.petition_id]);
    const [row] = await tx.query<SuspectRow>(`SELECT ${SUSPECT_COLUMNS} FROM suspect_signatures WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) return { kind: 'missing' }; // reviewed meanwhile by another operator
    const request = await openSuspect(store, row, tx);
    if (!request) return { kind: 'unreadable', petitionId: row.petition_id };
    const outcome = await store.sign(row.petition_id, request, tx);
    if (outcome.kind === 'closed') return { kind: 'closed', petitionId: row.petition_id };
    if (outcome.kind === 'not_found' || outcome.kind === 'suspect') throw new Error(`unexpected outcome ${outcome.kind}`);
    await tx.query('DELETE FROM suspect_signatures WHERE id = $1', [id]);
    return outcome.kind === 'created'
      ? { kind: 'counted', petitionId: row.petition_id, counts: outcome.counts }
      : {
          kind: 'deduped',
          petitionId: row.petition_id,
          signatureCount: outcome.signatureCount,
          reason: outcome.reason,
          recounted: outcome.recounted === true,
        };
  });
}

export interface RejectReport {
  /** The ids found (and deleted), by petition. */
  rejected: Array<{ id: number; petitionId: string }>;
  /** Person keys destroyed: those of emails left with no signature and no other suspect. */
  keysDestroyed: number;
}

/**
 * Deletes suspects with their sealed data, and destroys the person key of each email that is left with no
 * signature and no other suspect (its sealed bytes, in the WAL or a copy of the data, then open with no key);
 * an email that signed keeps its key. The caller then purges (`Store.purge`) as `person erase` does.
 */
export async function rejectSuspects(store: Store, ids: readonly number[]): Promise<RejectReport> {
  return store.db.transaction(async (tx) => {
    // The persons' locks first (in one order, so that two rejects never wait for each other's), as signing and
    // erasing take them: an erasure holds the key and deletes suspects, this deletes suspects then looks at the key.
    const people = await tx.query<{ email_index: Uint8Array }>(
      'SELECT DISTINCT email_index FROM suspect_signatures WHERE id = ANY ($1::bigint[]) AND email_index IS NOT NULL ORDER BY email_index',
      [ids.map(String)],
    );
    for (const { email_index } of people) await store.lockPerson(Buffer.from(email_index), tx);
    const rows = await tx.query<{ id: number; petition_id: string; email_index: Uint8Array }>(
      'DELETE FROM suspect_signatures WHERE id = ANY ($1::bigint[]) RETURNING id, petition_id, email_index',
      [ids.map(String)],
    );
    let keysDestroyed = 0;
    const indexes = new Map(rows.map((row) => [Buffer.from(row.email_index).toString('hex'), Buffer.from(row.email_index)]));
    for (const index of indexes.values()) {
      // Wait for a signature with this email being written now (it holds the key), then look: it counts.
      await store.keys.people.holdForDestroy(index, tx);
      const [held] = await tx.query<{ held: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM signatures WHERE email_index = $1)
             OR EXISTS (SELECT 1 FROM suspect_signatures WHERE email_index = $1) AS held`,
        [index],
      );
      if (!held?.held && (await store.keys.people.destroy(index, tx))) keysDestroyed++;
    }
    const rejected = rows.map((row) => ({ id: Number(row.id), petitionId: row.petition_id })).sort((a, b) => a.id - b.id);
    return { rejected, keysDestroyed };
  });
}

// ---------------------------------------------------------------------------------------------
// Petition management

export interface PetitionDetails {
  id: string;
  title: string;
  status: 'open' | 'closed';
  locale: string;
  goal: number | null;
  /** What counters show: the baseline plus the signatures here (countries: the larger of the two). */
  signatureCount: number;
  countryCount: number;
  baselineSignatures: number;
  baselineCountries: number;
  /** Signatures counted on this server. */
  signaturesHere: number;
  countriesHere: number;
  corsOrigins: string[];
  /** Whether its signers get mail (store.ts, PetitionRecord.mailSigners). */
  mailSigners: boolean;
  /** Whether its counts count submissions, an address that signs again included (store.ts, PetitionRecord.countRepeats). */
  countRepeats: boolean;
  /** The languages its words are in besides its default language (`locale`), in order. */
  otherLocales: string[];
  /** Submissions judged automated, waiting for review. */
  suspects: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PetitionChanges {
  title?: string;
  goal?: number | null;
  corsOrigins?: string[];
  status?: 'open' | 'closed';
  baselineSignatures?: number;
  baselineCountries?: number;
  mailSigners?: boolean;
  countRepeats?: boolean;
}

const DETAILS = `id, title, status, locale, goal, baseline_signatures, baseline_countries, signature_count, country_count,
  cors_origins, mail_signers, count_repeats, created_at, updated_at, (SELECT count(*)::integer FROM suspect_signatures ss WHERE ss.petition_id = petitions.id) AS suspects,
  ARRAY(SELECT t.locale FROM petition_translations t WHERE t.petition_id = petitions.id ORDER BY t.locale) AS other_locales`;

interface DetailsRow {
  id: string;
  title: string;
  status: 'open' | 'closed';
  locale: string;
  goal: number | null;
  baseline_signatures: number;
  baseline_countries: number;
  signature_count: number;
  country_count: number;
  cors_origins: string[];
  mail_signers: boolean;
  count_repeats: boolean;
  created_at: Date;
  updated_at: Date;
  suspects: number;
  other_locales: string[];
}

const toDetails = (row: DetailsRow): PetitionDetails => ({
  id: row.id,
  title: row.title,
  status: row.status,
  locale: row.locale,
  goal: row.goal,
  signatureCount: row.baseline_signatures + row.signature_count,
  countryCount: Math.max(row.baseline_countries, row.country_count),
  baselineSignatures: row.baseline_signatures,
  baselineCountries: row.baseline_countries,
  signaturesHere: row.signature_count,
  countriesHere: row.country_count,
  corsOrigins: row.cors_origins,
  mailSigners: row.mail_signers,
  countRepeats: row.count_repeats,
  otherLocales: row.other_locales,
  suspects: row.suspects,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function petitionDetails(store: Store, id: string): Promise<PetitionDetails | undefined> {
  const [row] = await store.db.query<DetailsRow & Record<string, unknown>>(`SELECT ${DETAILS} FROM petitions WHERE id = $1`, [id]);
  return row && toDetails(row);
}

/**
 * Changes a petition (only the fields given) in one statement; resolves with the petition as it now is,
 * or undefined when there is no such petition. The server's poller (PostgreSQL) or its own write path
 * sees the new counts and goal and sends them to open streams.
 */
export async function updatePetition(store: Store, id: string, changes: PetitionChanges): Promise<PetitionDetails | undefined> {
  const columns: Array<[string, unknown]> = [];
  if (changes.title !== undefined) columns.push(['title', changes.title]);
  if (changes.goal !== undefined) columns.push(['goal', changes.goal]);
  if (changes.corsOrigins !== undefined) columns.push(['cors_origins', changes.corsOrigins]);
  if (changes.status !== undefined) columns.push(['status', changes.status]);
  if (changes.baselineSignatures !== undefined) columns.push(['baseline_signatures', changes.baselineSignatures]);
  if (changes.baselineCountries !== undefined) columns.push(['baseline_countries', changes.baselineCountries]);
  if (changes.mailSigners !== undefined) columns.push(['mail_signers', changes.mailSigners]);
  if (changes.countRepeats !== undefined) columns.push(['count_repeats', changes.countRepeats]);
  if (columns.length === 0) return petitionDetails(store, id);
  const [row] = await store.db.query<DetailsRow & Record<string, unknown>>(
    `UPDATE petitions SET ${columns.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = now()
      WHERE id = $1 RETURNING ${DETAILS}`,
    [id, ...columns.map(([, value]) => value)],
  );
  return row && toDetails(row);
}

// ---------------------------------------------------------------------------------------------
// Figures for a dashboard

export interface PetitionStats {
  petition: string;
  signatureCount: number;
  countryCount: number;
  baselineSignatures: number;
  signaturesHere: number;
  suspects: number;
  /** Signatures counted here per day (UTC), oldest first. */
  byDay: Array<{ day: string; signatures: number }>;
  /** Per `utm_source`/`utm_medium`/`utm_campaign` (or `mtm_*`) and embed id; '' when absent. Most first. */
  bySource: Array<{ source: string; medium: string; campaign: string; embed: string; signatures: number }>;
  /** Per country (signatures here; the baseline's countries are unknown). Most first. */
  byCountry: Array<{ country: string; signatures: number }>;
}

const utm = (name: string) => `COALESCE(source_utm->>'utm_${name}', source_utm->>'mtm_${name}', '')`;

export async function petitionStats(store: Store, id: string): Promise<PetitionStats | undefined> {
  const details = await petitionDetails(store, id);
  if (!details) return undefined;
  const [byDay, bySource, byCountry] = await Promise.all([
    store.db.query<{ day: string; signatures: number }>(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::integer AS signatures
         FROM signatures WHERE petition_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    ),
    store.db.query<{ source: string; medium: string; campaign: string; embed: string; signatures: number }>(
      `SELECT ${utm('source')} AS source, ${utm('medium')} AS medium, ${utm('campaign')} AS campaign,
              COALESCE(source_embed, '') AS embed, count(*)::integer AS signatures
         FROM signatures WHERE petition_id = $1 GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1, 2, 3, 4`,
      [id],
    ),
    store.db.query<{ country: string; signatures: number }>(
      `SELECT country, signatures::integer AS signatures FROM petition_countries
        WHERE petition_id = $1 AND signatures > 0 ORDER BY signatures DESC, country`,
      [id],
    ),
  ]);
  return {
    petition: id,
    signatureCount: details.signatureCount,
    countryCount: details.countryCount,
    baselineSignatures: details.baselineSignatures,
    signaturesHere: details.signaturesHere,
    suspects: details.suspects,
    byDay: byDay.map((row) => ({ day: row.day, signatures: row.signatures })),
    bySource: bySource.map((row) => ({ ...row })),
    byCountry: byCountry.map((row) => ({ country: row.country, signatures: row.signatures })),
  };
}
