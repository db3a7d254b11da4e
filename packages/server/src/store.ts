/**
 * Every query the server makes. The write path of a signature keeps the petition's counter columns
 * right in the same transaction, so reading a count is one primary-key lookup, never a scan.
 */
import { signerSource, type Case, type CountEvent, type SignatureRequest } from '@agir/core';
import { negotiate } from './negotiate.js';
import { normaliseEmail, seal, unseal, type DataKey } from './crypto.js';
import type { Database, Queryable } from './db.js';
import type { PersonKeyStore } from './keys.js';
import { enqueueMail } from './mail-queue.js';
import { enqueueRelays } from './relay-queue.js';

export { normaliseEmail };

/** What the store seals personal data with: the data key (blind index) and the person keys. */
export interface PersonalDataKeys {
  dataKey: DataKey;
  people: PersonKeyStore;
}

/** The personal fields of a signature row, each sealed with its person's key. */
const SEALED_FIELDS = ['email', 'given_name', 'family_name', 'postal_code', 'phone', 'comment', 'source_referrer'] as const;
type SealedField = (typeof SEALED_FIELDS)[number];

/** The associated data of a sealed field: the row (petition, idempotency key) and the column. */
export const fieldContext = (table: string, petitionId: string, idempotencyKey: string, field: string): string =>
  `agir/v1/${table}/${petitionId}/${idempotencyKey.toLowerCase()}/${field}`;

export type Counts = CountEvent;

/** A petition's words in one language. */
export interface PetitionTexts {
  locale: string;
  title: string;
  description: string | null;
  shareText: string | null;
}

export interface PetitionRecord extends Counts {
  id: string;
  /** The words of the default language (`locale`). */
  title: string;
  description: string | null;
  shareText: string | null;
  status: 'open' | 'closed';
  goal: number | null;
  /** The petition's default language. */
  locale: string;
  /** Its words in its other languages (table petition_translations), by locale. */
  translations: PetitionTexts[];
  updatedAt: Date;
  /** Origins allowed to embed this petition, on top of the global allow-list. */
  corsOrigins: string[];
  /**
   * Whether its signers are sent the thank-you (and the newsletter's confirmation link) when the server
   * sends mail. Off for a petition whose signers' mailboxes may be read by those they oppose: anyone can
   * type anyone's address (migrations/008_petition_mail.sql).
   */
  mailSigners: boolean;
  /**
   * Whether its public counts count submissions rather than signers: an address that signed before, with
   * another key, moves the counts exactly as a new one does (it is still stored once). Then nobody learns
   * from the count whether an address had signed (migrations/009_count_repeats.sql).
   */
  countRepeats: boolean;
}

export interface NewPetition {
  id: string;
  title: string;
  locale: string;
  description?: string | null | undefined;
  shareText?: string | null | undefined;
  /** The words in other languages than `locale`. */
  translations?: Array<Omit<PetitionTexts, 'description' | 'shareText'> & Partial<PetitionTexts>> | undefined;
  goal?: number | null | undefined;
  corsOrigins?: string[] | undefined;
  /** Signatures and countries collected before this server, added to the counts. */
  baselineSignatures?: number | undefined;
  baselineCountries?: number | undefined;
  /** Whether its signers get mail (default true): see PetitionRecord.mailSigners. */
  mailSigners?: boolean | undefined;
  /** Whether an address that signs again is counted again (default false): see PetitionRecord.countRepeats. */
  countRepeats?: boolean | undefined;
}

export type SignOutcome =
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'created'; counts: Counts }
  /**
   * `key`: a retry of an answered request (it gets the first answer's count); `email`: signed before, with
   * another key (nothing stored; the API answers it like a new signature, src/app.ts). `recounted`: the
   * petition counts repeats, and the counts moved as for a new signature.
   */
  | { kind: 'duplicate'; signatureCount: number; reason: 'key' | 'email'; recounted?: boolean }
  /** Judged automated: stored apart, not counted; answered like a new signature. */
  | { kind: 'suspect'; signatureCount: number };

export interface ExportedSignature {
  id: number;
  petitionId: string;
  createdAt: Date;
  givenName: string;
  familyName: string;
  email: string;
  country: string;
  postalCode: string | null;
  phone: string | null;
  comment: string | null;
  locale: string;
  sourceUrl: string;
  sourceReferrer: string | null;
  sourceEmbed: string | null;
  sourceUtm: Record<string, string> | null;
  /**
   * `state`: a granted consent is `pending` until its signer confirms it from the emailed link (src/mail.ts),
   * then `confirmed` at `confirmedAt` (the database's JSON time); null when not granted.
   */
  consents: Array<{ id: string; granted: boolean; text: string; version: string; state: ConsentState | null; confirmedAt?: string | null }>;
}

export type ConsentState = 'pending' | 'confirmed';

export interface ErasureReport {
  signatures: number;
  petitions: string[];
  suspects: number;
  /** Whether the person had a key, destroyed now. */
  keyDestroyed: boolean;
}

/** The person lock's key space (`pg_advisory_xact_lock(int, int)`, apart from the migrations' one-key lock): "agir". */
const PERSON_LOCK = 0x61676972;
const COUNTS = 'baseline_signatures + signature_count AS signature_count, GREATEST(baseline_countries, country_count) AS country_count';
const TRANSLATIONS = `(SELECT coalesce(json_agg(json_build_object('locale', t.locale, 'title', t.title, 'description', t.description,
  'shareText', t.share_text) ORDER BY t.locale), '[]'::json) FROM petition_translations t WHERE t.petition_id = petitions.id) AS translations`;
const PETITION_COLUMNS = `id, title, description, share_text, status, goal, locale, updated_at, cors_origins, mail_signers, count_repeats, ${COUNTS}, ${TRANSLATIONS}`;

interface PetitionRow {
  id: string;
  title: string;
  description: string | null;
  share_text: string | null;
  translations: PetitionTexts[] | string;
  status: 'open' | 'closed';
  goal: number | null;
  locale: string;
  updated_at: Date;
  cors_origins: string[];
  mail_signers: boolean;
  count_repeats: boolean;
  signature_count: number;
  country_count: number;
}

const toPetition = (row: PetitionRow): PetitionRecord => ({
  id: row.id,
  title: row.title,
  description: row.description,
  shareText: row.share_text,
  status: row.status,
  goal: row.goal,
  locale: row.locale,
  translations: typeof row.translations === 'string' ? (JSON.parse(row.translations) as PetitionTexts[]) : row.translations,
  updatedAt: row.updated_at,
  corsOrigins: row.cors_origins,
  mailSigners: row.mail_signers,
  countRepeats: row.count_repeats,
  signatureCount: row.signature_count,
  countryCount: row.country_count,
});

/** `, consent AS (INSERT INTO consents …)` for `count` consents whose parameters start at `$first`. */
function consentsCte(count: number, first: number): string {
  if (count === 0) return '';
  const rows = Array.from({ length: count }, (_, index) => {
    const p = first + index * 4;
    return `($${p}::text, $${p + 1}::boolean, $${p + 2}::text, $${p + 3}::text)`;
  });
  return `, consent AS (
           INSERT INTO consents (signature_id, consent_id, granted, text, version, state)
           SELECT signature.id, c.id, c.granted, c.text, c.version, CASE WHEN c.granted THEN 'pending' END FROM signature, (VALUES ${rows.join(', ')}) AS c (id, granted, text, version)
         )`;
}

/** Counts one more signature from `country`: the country tally, and the petition's counters (one more country when the tally is new). */
async function count(tx: Queryable, petitionId: string, country: string): Promise<Counts> {
  const [counts] = await tx.query<{ signature_count: number; country_count: number }>(
    `WITH country AS (
       INSERT INTO petition_countries (petition_id, country, signatures) VALUES ($1, $2, 1)
       ON CONFLICT (petition_id, country) DO UPDATE SET signatures = petition_countries.signatures + 1 RETURNING signatures
     )
     UPDATE petitions SET signature_count = signature_count + 1,
       country_count = country_count + (SELECT count(*) FROM country WHERE signatures = 1), updated_at = now()
     WHERE id = $1 RETURNING ${COUNTS}`,
    [petitionId, country],
  );
  if (!counts) throw new Error('petition row vanished while locked');
  return { signatureCount: counts.signature_count, countryCount: counts.country_count };
}

export class Store {
  readonly #keys: PersonalDataKeys | undefined;
  /**
   * Whether a counted signature gets a confirmation email (a mail outbox row in its transaction) and is
   * relayed under double opt-in: set by the server from the database's mode (src/opt-in.ts), and by the
   * CLI's `suspects accept` from that mode or SMTP_URL.
   */
  mailEnabled = false;

  /** `keys` may be left out by code that never touches personal data (the static files' tests). */
  constructor(
    readonly db: Database,
    keys?: PersonalDataKeys,
  ) {
    this.#keys = keys;
  }

  get keys(): PersonalDataKeys {
    if (!this.#keys) throw new Error('this store was opened without its keys: open it with openStore()');
    return this.#keys;
  }

  /** The blind index of an email (what the tables hold instead of the address). */
  emailIndex(email: string): Buffer {
    return this.keys.dataKey.emailIndex(email);
  }

  /**
   * Takes the person's lock for the rest of the transaction. Every transaction that writes with a person's
   * key or destroys it (signing, a suspect recorded, accepted or rejected, an erasure) takes it first, before
   * any row lock: otherwise signing (the petition, then the key) and erasing (the key, then the petitions)
   * could each hold what the other waits for. It is 32 bits of the blind index, so two people may share one:
   * they then wait for each other, nothing more. Taken again in the same transaction, it is already held.
   */
  async lockPerson(index: Buffer, tx: Queryable): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [PERSON_LOCK, index.readInt32BE(0)]);
  }

  // -- petitions ------------------------------------------------------------------------------

  async getPetition(id: string, tx: Queryable = this.db): Promise<PetitionRecord | undefined> {
    const [row] = await tx.query<PetitionRow & Record<string, unknown>>(`SELECT ${PETITION_COLUMNS} FROM petitions WHERE id = $1`, [id]);
    return row && toPetition(row);
  }

  /** The counts and the goal of a petition (what a `count` event carries). */
  async getCounts(id: string): Promise<Counts | undefined> {
    const [row] = await this.db.query<{ signature_count: number; country_count: number; goal: number | null }>(
      `SELECT ${COUNTS}, goal FROM petitions WHERE id = $1`,
      [id],
    );
    return row && { signatureCount: row.signature_count, countryCount: row.country_count, goal: row.goal };
  }

  async listPetitions(): Promise<PetitionRecord[]> {
    return (
      await this.db.query<PetitionRow & Record<string, unknown>>(`SELECT ${PETITION_COLUMNS} FROM petitions ORDER BY created_at, id`)
    ).map(toPetition);
  }

  /** Creates a petition; false when the id is taken. */
  async createPetition(petition: NewPetition, tx: Queryable = this.db): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO petitions (id, title, locale, goal, cors_origins, baseline_signatures, baseline_countries, description, share_text, mail_signers,
         count_repeats)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        petition.id,
        petition.title,
        petition.locale,
        petition.goal ?? null,
        petition.corsOrigins ?? [],
        petition.baselineSignatures ?? 0,
        petition.baselineCountries ?? 0,
        petition.description ?? null,
        petition.shareText ?? null,
        petition.mailSigners ?? true,
        petition.countRepeats ?? false,
      ],
    );
    if (rows.length === 1)
      for (const texts of petition.translations ?? [])
        await this.setPetitionTexts(petition.id, { description: null, shareText: null, ...texts }, tx);
    return rows.length === 1;
  }

  /**
   * Sets a petition's words in one language: its own row's for its default language, a row of
   * petition_translations for another. False when there is no such petition.
   */
  async setPetitionTexts(id: string, texts: PetitionTexts, tx: Queryable = this.db): Promise<boolean> {
    const values = [id, texts.locale, texts.title, texts.description, texts.shareText];
    const own = await tx.query(
      `UPDATE petitions SET title = $3, description = $4, share_text = $5, updated_at = now()
        WHERE id = $1 AND lower(locale) = lower($2) RETURNING id`,
      values,
    );
    if (own.length === 1) return true;
    const other = await tx.query(
      `INSERT INTO petition_translations (petition_id, locale, title, description, share_text)
       SELECT id, $2, $3, $4, $5 FROM petitions WHERE id = $1
       ON CONFLICT (petition_id, locale) DO UPDATE SET title = excluded.title, description = excluded.description,
         share_text = excluded.share_text, updated_at = now()
       RETURNING petition_id`,
      values,
    );
    if (other.length === 1) await tx.query('UPDATE petitions SET updated_at = now() WHERE id = $1', [id]);
    return other.length === 1;
  }

  /** Opens or closes a petition; false when there is no such petition. */
  async setPetitionStatus(id: string, status: 'open' | 'closed'): Promise<boolean> {
    const rows = await this.db.query('UPDATE petitions SET status = $2, updated_at = now() WHERE id = $1 RETURNING id', [id, status]);
    return rows.length === 1;
  }

  /** Sets the origins allowed to sign a petition from a browser (empty: the server-wide list); false when there is no such petition. */
  async setPetitionOrigins(id: string, origins: readonly string[]): Promise<boolean> {
    const rows = await this.db.query('UPDATE petitions SET cors_origins = $2 WHERE id = $1 RETURNING id', [id, [...origins]]);
    return rows.length === 1;
  }

  /** Creates the petition and cases of a seed, only when the database has no petition at all. */
  async seed(petition: NewPetition, cases: readonly Case[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query('LOCK TABLE petitions IN EXCLUSIVE MODE');
      const [row] = await tx.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM petitions) AS any');
      if (row?.any) return false;
      await this.createPetition(petition, tx);
      await this.upsertCases(cases, tx);
      return true;
    });
  }

  // -- signatures -----------------------------------------------------------------------------

  /**
   * Records a signature. Idempotent on (petition, idempotencyKey); one counted signature per
   * (petition, normalised email). The petition row is locked for the transaction, which serialises
   * signatures of one petition and keeps the counters exact. Given `outer`, runs in that transaction (a
   * suspect accepted by the operator is signed and removed in one).
   */
  async sign(petitionId: string, request: SignatureRequest, outer?: Queryable): Promise<SignOutcome> {
    const run = async (tx: Queryable): Promise<SignOutcome> => {
      const index = this.emailIndex(request.person.email);
      await this.lockPerson(index, tx);
      const [petition] = await tx.query<{ status: string; mail_signers: boolean; count_repeats: boolean; signature_count: number }>(
        `SELECT status, mail_signers, count_repeats, ${COUNTS} FROM petitions WHERE id = $1 FOR UPDATE`,
        [petitionId],
      );
      if (!petition) return { kind: 'not_found' };
      const [replay] = await tx.query<{ response_count: number }>(
        'SELECT response_count FROM signatures WHERE petition_id = $1 AND idempotency_key = $2',
        [petitionId, request.idempotencyKey],
      );
      if (replay) return { kind: 'duplicate', signatureCount: replay.response_count, reason: 'key' };
      if (petition.status !== 'open') return { kind: 'closed' };

      const { person, client } = request;
      // Only origin, path and utm_*/mtm_* values that name nobody reach the plain columns, whatever a client sent.
      const source = signerSource(request.source, person);
      const personKey = await this.keys.people.obtain(index, tx);
      const sealField = (field: SealedField, value: string | null | undefined): Buffer | null =>
        value ? seal(personKey, value, fieldContext('signatures', petitionId, request.idempotencyKey, field)) : null;
      const consents = uniqueConsents(request.consents);
      const consentParams = consents.flatMap((consent) => [consent.id, consent.granted, consent.text, consent.version]);
      // The signature and its consents in one statement (the consents only if the signature went in).
      const [inserted] = await tx.query<{ id: number }>(
        `WITH signature AS (
           INSERT INTO signatures (petition_id, idempotency_key, email_index, email_sealed, given_name_sealed, family_name_sealed, country,
             postal_code_sealed, phone_sealed, comment_sealed, locale, source_url, source_referrer_sealed, source_utm, source_embed, started_at, submitted_at, response_count)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18)
           ON CONFLICT DO NOTHING RETURNING id
         )${consentsCte(consents.length, 19)}
         SELECT id FROM signature`,
        [
          petitionId,
          request.idempotencyKey,
          index,
          sealField('email', person.email),
          sealField('given_name', person.givenName),
          sealField('family_name', person.familyName),
          person.country,
          sealField('postal_code', person.postalCode),
          sealField('phone', person.phone),
          sealField('comment', request.comment),
          request.locale,
          source.url,
          sealField('source_referrer', source.referrer),
          source.utm ? JSON.stringify(source.utm) : null,
          source.embed ?? null,
          client.startedAt,
          client.submittedAt,
          petition.signature_count + 1,
          ...consentParams,
        ],
      );
      // The key was not seen (checked above, under the lock), so a conflict is the email. Nothing is stored;
      // a petition that counts repeats moves its counts as for a new signature (the same statement).
      if (!inserted) {
        if (!petition.count_repeats) return { kind: 'duplicate', signatureCount: petition.signature_count, reason: 'email' };
        const counts = await count(tx, petitionId, person.country);
        return { kind: 'duplicate', signatureCount: counts.signatureCount, reason: 'email', recounted: true };
      }
      // One outbox row per relay target of the petition, committed with the signature (src/relay.ts); under
      // double opt-in (a confirmation link is sent) a pending consent subscribes nobody yet.
      await enqueueRelays(tx, petitionId, inserted.id, this.mailEnabled);
      // And its confirmation email, sent from the mail outbox the same way (src/mail.ts), unless the petition
      // sends its signers no mail.
      if (this.mailEnabled && petition.mail_signers) await enqueueMail(tx, inserted.id);

      return { kind: 'created', counts: await count(tx, petitionId, person.country) };
    };
    return outer ? run(outer) : this.db.transaction(run);
  }

  /** Keeps a submission judged automated apart from the signatures; it is never counted. */
  async recordSuspect(petitionId: string, request: SignatureRequest, reason: string): Promise<SignOutcome> {
    return this.db.transaction(async (tx) => {
      const index = this.emailIndex(request.person.email);
      await this.lockPerson(index, tx);
      const [petition] = await tx.query<{ status: string; signature_count: number }>(
        `SELECT status, ${COUNTS} FROM petitions WHERE id = $1`,
        [petitionId],
      );
      if (!petition) return { kind: 'not_found' };
      if (petition.status !== 'open') return { kind: 'closed' };
      const personKey = await this.keys.people.obtain(index, tx);
      await tx.query(
        `INSERT INTO suspect_signatures (petition_id, idempotency_key, email_index, reason, request_sealed)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [
          petitionId,
          request.idempotencyKey,
          index,
          reason,
          seal(personKey, JSON.stringify(request), fieldContext('suspect_signatures', petitionId, request.idempotencyKey, 'request')),
        ],
      );
      return { kind: 'suspect', signatureCount: petition.signature_count };
    });
  }

  /**
   * The signatures of a petition with their consents, oldest first, read in batches, opened with their
   * persons' keys. A row whose person key is gone (erased while it was being written) is skipped and
   * counted in `unreadable`.
   */
  async *exportSignatures(
    petitionId: string,
    batchSize = 1000,
    unreadable: { count: number } = { count: 0 },
    only?: number,
  ): AsyncGenerator<ExportedSignature> {
    let after = only === undefined ? 0 : only - 1;
    for (;;) {
      const rows = await this.db.query<
        { [K in `${SealedField}_sealed`]: Uint8Array | null } & {
          id: number;
          petition_id: string;
          idempotency_key: string;
          email_index: Uint8Array;
          created_at: Date;
          country: string;
          locale: string;
          source_url: string;
          source_embed: string | null;
          source_utm: Record<string, string> | null;
          consents: ExportedSignature['consents'] | null;
        }
      >(
        `SELECT s.id, s.petition_id, s.idempotency_key::text AS idempotency_key, s.email_index, s.created_at,
                ${SEALED_FIELDS.map((field) => `s.${field}_sealed`).join(', ')},
                s.country, s.locale, s.source_url, s.source_embed, s.source_utm,
                (SELECT json_agg(json_build_object('id', c.consent_id, 'granted', c.granted, 'text', c.text, 'version', c.version, 'state', c.state,
                                         'confirmedAt', c.confirmed_at) ORDER BY c.consent_id)
                   FROM consents c WHERE c.signature_id = s.id) AS consents
           FROM signatures s WHERE s.petition_id = $1 AND s.id > $2 AND s.email_index IS NOT NULL ORDER BY s.id LIMIT $3`,
        [petitionId, after, only === undefined ? batchSize : 1],
      );
      for (const row of rows) {
        const index = Buffer.from(row.email_index);
        const personKey = await this.keys.people.find(index, this.db);
        if (!personKey) {
          unreadable.count++;
          continue;
        }
        const open = (field: SealedField): string | null => {
          const sealed = row[`${field}_sealed`];
          return sealed ? unseal(personKey, sealed, fieldContext('signatures', row.petition_id, row.idempotency_key, field)) : null;
        };
        yield {
          id: row.id,
          petitionId: row.petition_id,
          createdAt: row.created_at,
          givenName: open('given_name') ?? '',
          familyName: open('family_name') ?? '',
          email: open('email') ?? '',
          country: row.country,
          postalCode: open('postal_code'),
          phone: open('phone'),
          comment: open('comment'),
          locale: row.locale,
          sourceUrl: row.source_url,
          sourceReferrer: open('source_referrer'),
          sourceEmbed: row.source_embed,
          sourceUtm: row.source_utm,
          consents: row.consents ?? [],
        };
      }
      const last = rows.at(-1);
      if (!last || rows.length < batchSize || only !== undefined) return;
      after = last.id;
    }
  }

  /** One signature, opened with its person's key (the relay sends it); undefined when gone or erased. */
  async readSignature(petitionId: string, id: number): Promise<ExportedSignature | undefined> {
    for await (const row of this.exportSignatures(petitionId, 1, { count: 0 }, id)) return row.id === id ? row : undefined;
    return undefined;
  }

  /** The consent ids used on a petition (the export's consent columns). */
  async consentIds(petitionId: string): Promise<string[]> {
    const rows = await this.db.query<{ consent_id: string }>(
      'SELECT DISTINCT c.consent_id FROM consents c JOIN signatures s ON s.id = c.signature_id WHERE s.petition_id = $1 ORDER BY 1',
      [petitionId],
    );
    return rows.map((row) => row.consent_id);
  }

  /**
   * GDPR erasure: destroys the person's key (whatever was sealed with it is unreadable wherever a copy
   * lies), deletes every signature (with its consents) and suspect record of the email, on every
   * petition, and takes the erased signatures off the counters (an operator act: the one way a count
   * goes down). Then `purge()` clears the freed space for good measure.
   */
  async erasePerson(email: string): Promise<ErasureReport> {
    const index = this.emailIndex(email);
    return this.db.transaction(async (tx) => {
      await this.lockPerson(index, tx); // a signature of this person being written ends first (and is erased)
      const keyDestroyed = await this.keys.people.destroy(index, tx);
      const signatures = await tx.query<{ id: number; petition_id: string; country: string }>(
        'SELECT id, petition_id, country FROM signatures WHERE email_index = $1 ORDER BY petition_id',
        [index],
      );
      const petitions = [...new Set(signatures.map((row) => row.petition_id))];
      // In a fixed order; no signature of this person holds one now (the person lock).
      for (const petitionId of petitions) await tx.query('SELECT 1 FROM petitions WHERE id = $1 FOR UPDATE', [petitionId]);
      for (const signature of signatures) {
        await tx.query('DELETE FROM signatures WHERE id = $1', [signature.id]);
        const [country] = await tx.query<{ signatures: number }>(
          'UPDATE petition_countries SET signatures = signatures - 1 WHERE petition_id = $1 AND country = $2 RETURNING signatures',
          [signature.petition_id, signature.country],
        );
        const countryGone = country?.signatures === 0;
        if (countryGone)
          await tx.query('DELETE FROM petition_countries WHERE petition_id = $1 AND country = $2', [
            signature.petition_id,
            signature.country,
          ]);
        await tx.query(
          'UPDATE petitions SET signature_count = signature_count - 1, country_count = country_count - $2, updated_at = now() WHERE id = $1',
          [signature.petition_id, countryGone ? 1 : 0],
        );
      }
      const suspects = await tx.query('DELETE FROM suspect_signatures WHERE email_index = $1 RETURNING id', [index]);
      return { signatures: signatures.length, petitions, suspects: suspects.length, keyDestroyed };
    });
  }

  /**
   * After an erasure, for good measure: rewrites the tables that held the person (VACUUM FULL on PGlite,
   * where the operator's CLI has the folder to itself; a plain VACUUM on a shared PostgreSQL, which takes
   * no lock that would stop signing), then a CHECKPOINT. On PGlite the checkpoint runs in this process:
   * it moves to a new WAL segment with recycling off, so the segments that held the old rows are deleted,
   * not kept for reuse. Resolves with what could not be done (CHECKPOINT needs the pg_checkpoint role on
   * PostgreSQL, whose own checkpointer then recycles the WAL as its configuration says).
   */
  async purge(): Promise<string[]> {
    const skipped: string[] = [];
    const tables = 'signatures, consents, suspect_signatures, person_keys';
    if (this.db.kind === 'pglite') {
      await this.db.exec(`VACUUM FULL ${tables}`);
      await this.db.exec('CHECKPOINT');
      await this.db.exec('SET wal_recycle = off');
      await this.db.exec('SELECT pg_switch_wal()');
      await this.db.exec('CHECKPOINT');
      await this.db.exec('RESET wal_recycle');
      return skipped;
    }
    await this.db.exec(`VACUUM ${tables}`);
    try {
      await this.db.exec('CHECKPOINT');
    } catch {
      skipped.push('CHECKPOINT (needs the pg_checkpoint role or a superuser)');
    }
    return skipped;
  }

  /**
   * Seals the rows written before personal data was encrypted (migration 002), in batches, and empties
   * their plain columns. Resolves with the number of rows sealed (0 once done: then it costs two reads).
   */
  async sealPlainRows(batchSize = 500): Promise<number> {
    let sealed = 0;
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const rows = await tx.query<{ [K in SealedField]: string | null } & { id: number; petition_id: string; idempotency_key: string }>(
          `SELECT id, petition_id, idempotency_key::text AS idempotency_key, ${SEALED_FIELDS.join(', ')}
             FROM signatures WHERE email IS NOT NULL ORDER BY id LIMIT $1 FOR UPDATE`,
          [batchSize],
        );
        for (const row of rows) {
          const index = this.emailIndex(row.email!);
          const personKey = await this.keys.people.obtain(index, tx);
          const sealField = (field: SealedField) =>
            row[field] ? seal(personKey, row[field], fieldContext('signatures', row.petition_id, row.idempotency_key, field)) : null;
          await tx.query(
            `UPDATE signatures SET email_index = $2, ${SEALED_FIELDS.map((field, i) => `${field}_sealed = $${i + 3}`).join(', ')},
               ${SEALED_FIELDS.map((field) => `${field} = NULL`).join(', ')}, email_normalised = NULL WHERE id = $1`,
            [row.id, index, ...SEALED_FIELDS.map(sealField)],
          );
        }
        const suspects = await tx.query<{ id: number; petition_id: string; idempotency_key: string; request: unknown }>(
          `SELECT id, petition_id, idempotency_key::text AS idempotency_key, request
             FROM suspect_signatures WHERE request IS NOT NULL ORDER BY id LIMIT $1 FOR UPDATE`,
          [batchSize],
        );
        for (const row of suspects) {
          const request = row.request as { person?: { email?: unknown } };
          const email = typeof request.person?.email === 'string' ? request.person.email : '';
          const index = this.emailIndex(email);
          const personKey = await this.keys.people.obtain(index, tx);
          await tx.query(
            'UPDATE suspect_signatures SET email_index = $2, request_sealed = $3, request = NULL, email_normalised = NULL WHERE id = $1',
            [
              row.id,
              index,
              seal(
                personKey,
                JSON.stringify(row.request),
                fieldContext('suspect_signatures', row.petition_id, row.idempotency_key, 'request'),
              ),
            ],
          );
        }
        return rows.length + suspects.length;
      });
      sealed += done;
      if (done === 0) return sealed;
    }
  }

  // -- cases ----------------------------------------------------------------------------------

  /**
   * Inserts or replaces cases by (id, locale), in one transaction. The first language stored of an id is
   * its default language (the one a reader gets when none of theirs is there); `position` (the list's
   * order) is the default language's.
   */
  async upsertCases(cases: readonly Case[], tx?: Queryable): Promise<void> {
    const run = async (q: Queryable): Promise<void> => {
      for (const [index, item] of cases.entries()) {
        await q.query(
          `INSERT INTO cases (id, locale, tags, position, data, updated_at, is_default)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, NOT EXISTS (SELECT 1 FROM cases WHERE id = $1))
           ON CONFLICT (id, locale) DO UPDATE SET tags = excluded.tags, position = excluded.position, data = excluded.data, updated_at = excluded.updated_at`,
          [item.id, item.locale, item.tags ?? [], index, JSON.stringify(item), item.updatedAt],
        );
      }
    };
    if (tx) await run(tx);
    else await this.db.transaction(run);
  }

  /** Every language of a case: its rows, the default language's first. */
  async caseLanguages(id: string, tx: Queryable = this.db): Promise<Array<{ locale: string; isDefault: boolean; data: Case }>> {
    const rows = await tx.query<{ locale: string; is_default: boolean; data: Case }>(
      'SELECT locale, is_default, data FROM cases WHERE id = $1 ORDER BY is_default DESC, locale',
      [id],
    );
    return rows.map((row) => ({ locale: row.locale, isDefault: row.is_default, data: row.data }));
  }

  /** The ids of every case, in list order. */
  async caseIds(): Promise<string[]> {
    return (await this.db.query<{ id: string }>('SELECT id FROM cases WHERE is_default ORDER BY position, id')).map((row) => row.id);
  }

  /** A case in the language the wishes (a locale, or a list best first: src/negotiate.ts) pick, else its default language. */
  async getCase(id: string, wished: string | readonly string[] = []): Promise<unknown> {
    const rows = await this.caseLanguages(id);
    const locale = negotiate(
      rows.map((row) => row.locale),
      typeof wished === 'string' ? [wished] : wished,
      rows.find((row) => row.isDefault)?.locale,
    );
    return rows.find((row) => row.locale === locale)?.data;
  }

  /** Cases with a tag (or all), one per id in the language the wishes pick, in import order (the default language's). */
  async listCases(query: { tag?: string | undefined; locale?: string | readonly string[] | undefined }): Promise<unknown[]> {
    const rows = await this.db.query<{ id: string; locale: string; is_default: boolean; data: unknown }>(
      `SELECT c.id, c.locale, c.is_default, c.data FROM cases c
        JOIN cases d ON d.id = c.id AND d.is_default
        WHERE $1::text IS NULL OR $1::text = ANY (d.tags)
        ORDER BY d.position, c.id, c.locale`,
      [query.tag ?? null],
    );
    const wished = query.locale === undefined ? [] : typeof query.locale === 'string' ? [query.locale] : query.locale;
    const byId = new Map<string, typeof rows>();
    for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    return [...byId.values()].slice(0, 1000).map((languages) => {
      const locale = negotiate(
        languages.map((row) => row.locale),
        wished,
        languages.find((row) => row.is_default)?.locale,
      );
      return languages.find((row) => row.locale === locale)!.data;
    });
  }
}

/** The first consent of each id: a request naming one consent twice is read by its first mention. */
function uniqueConsents(consents: SignatureRequest['consents']): SignatureRequest['consents'] {
  const seen = new Set<string>();
  return consents.filter((consent) => !seen.has(consent.id) && seen.add(consent.id));
}
