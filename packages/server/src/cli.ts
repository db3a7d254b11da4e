/**
 * `agir-server`: run the server and operate it.
 *   agir-server start [options]                      serve the API, the demo and the CDN build
 *   agir-server migrate                              apply the database migrations
 *   agir-server petition create --id ID --title T [--goal N] [--locale fr] [--cors-origins LIST]
 *                                [--baseline-signatures N] [--baseline-countries N] [--mail on|off] [--count signers|submissions]
 *   agir-server petition close ID
 *   agir-server petition origins ID LIST|any         who may sign it from a browser page
 *   agir-server petition list
 *   agir-server petition show ID
 *   agir-server petition update ID [--title T] [--goal N|none] [--origins LIST|any] [--status open|closed]
 *                                [--baseline N] [--baseline-countries N] [--mail on|off] [--count signers|submissions]
 *   agir-server suspects list [--petition ID] | accept ID… | reject ID…   review what was judged automated
 *   agir-server cases import FILE                    a JSON array of cases (all or nothing)
 *   agir-server translations export DIR | import FILE…   every record's words, one JSON file per record
 *   agir-server signatures export --petition ID [--bom]   CSV to stdout
 *   agir-server person erase --email EMAIL           GDPR erasure on every petition
 *   agir-server relay add|list|remove|status|retry   relay signatures to the organisation's systems
 *   agir-server mail status                          the confirmation emails: sent, waiting, refused
 *   agir-server mail opt-in [single|double]          the database's opt-in mode (src/opt-in.ts)
 *   agir-server copy --to postgres://… [--force]     copy everything (PGlite) into PostgreSQL, counts checked
 * Every command takes --data-dir DIR (PGlite) or --database-url URL / DATABASE_URL (PostgreSQL), and
 * --key-dir DIR / AGIR_KEY_DIR or AGIR_DATA_KEY for the data key.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CLEAN_TEXT_MESSAGE, idSchema, isCleanText, localeSchema } from '@agir/core';
import { checkCases } from './cases.js';
import { connectTarget, copyDatabase, prepareTarget } from './copy.js';
import { defaults, type RateLimitOptions, type ServerOptions } from './config.js';
import { openDatabase } from './db.js';
import { defaultKeyDir } from './keys.js';
import { signatureCsv } from './export.js';
import { exportTranslations, importTranslations } from './translations.js';
import { mailDefaults, mailStatus, type MailOptions } from './mail.js';
import { migrate } from './migrate.js';
import { openStore } from './open.js';
import {
  acceptSuspect,
  listSuspects,
  petitionDetails,
  rejectSuspects,
  updatePetition,
  type PetitionChanges,
  type PetitionDetails,
} from './organiser.js';
import { addTarget, checkTarget, listTargets, relayStatus, removeTarget, retryNow, type RelayOptions } from './relay.js';
import { readOptIn, recordOptIn } from './opt-in.js';
import { normaliseOrigin } from './security.js';
import { startServer } from './server.js';
import type { Store } from './store.js';

export interface CliIo {
  /** Standard output (results: CSV, tables). May return a promise to apply backpressure. */
  out(text: string): void | Promise<void>;
  /** Standard error (messages for the operator). */
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves when the server should stop (SIGTERM/SIGINT for the real process). */
  waitForStop?: () => Promise<unknown>;
}

class UsageError extends Error {}

const USAGE = `Usage: agir-server <command> [options]

Commands:
  start                      Serve the API (/api/v1), the demo (/) and the CDN build (/cdn/)
      --port N               (env PORT, default 8787; 0 = any free port)
      --host HOST            (default 127.0.0.1; 0.0.0.0 to listen on every interface)
      --seed                 load the seed campaign when the database has no petition
      --cors-origins LIST    origins allowed to sign from a browser: comma-separated, * (default) or none;
                             reads are open to every origin (env AGIR_CORS_ORIGINS)
      --redirect-origins LIST  extra origins the form route may redirect to (env AGIR_REDIRECT_ORIGINS)
      --rate-limit N|off     signatures per minute per client address and petition, burst N (env AGIR_RATE_LIMIT, default 30)
      --junk-rate-limit N|off  invalid or repeated POSTs per minute per client address (env AGIR_JUNK_RATE_LIMIT, default 30)
      --read-rate-limit N|off  API reads per minute per client address, burst N/2 (env AGIR_READ_RATE_LIMIT, default 1200)
      --min-fill-ms N        faster form fills are judged automated (env AGIR_MIN_FILL_MS, default 3000)
      --answer-floor-ms N    signing answers of a petition counting submissions leave N ms after the
                             request arrived (env AGIR_ANSWER_FLOOR_MS, default 250)
      --trust-proxy          take the client address from X-Forwarded-For (env AGIR_TRUST_PROXY=1)
      --demo-dir DIR         folder served at / (default <repo>/demo); --no-demo serves none
      --cdn-dir DIR          folder served at /cdn/ (default <repo>/packages/elements/dist/cdn)
      --csp POLICY|off       Content-Security-Policy of the demo pages (env AGIR_DEMO_CSP)
      --quiet                no request log
      --smtp-url URL         send the confirmation email over SMTP: smtp://user:pass@host:587 or smtps://...:465
                             (env SMTP_URL; none: no email, said at start)
      --mail-from ADDRESS    its From: team@example.org or "Campaign <team@example.org>" (env AGIR_MAIL_FROM)
      --public-url URL       the server's public address behind a TLS proxy (https://agir.example.org):
                             the embed pages, oEmbed and the confirmation links use it
                             (env AGIR_PUBLIC_URL; default the address a request came to)
      --privacy-url URL      your privacy notice, linked by the embed pages' petition forms
                             (env AGIR_PRIVACY_URL)
                             env AGIR_OPERATOR_TOKEN (32+ characters): the bearer token of the operator
                             routes (/api/v1/operator/...); without it they do not exist
  migrate                    Apply the database migrations
  petition create --id ID --title TITLE [--goal N] [--locale fr] [--cors-origins LIST]
                  [--baseline-signatures N] [--baseline-countries N] [--mail on|off] [--count signers|submissions]
                             --mail off: its signers are sent no email (no thank-you, no confirmation
                             link): for signers whose mailbox may be read by those the petition opposes
                             --count submissions: an address that signs again is counted again, so the
                             public count cannot tell whether an address had signed
  petition close ID          Close a petition (signatures then get 409 closed)
  petition origins ID LIST|any
                             Only these origins (comma-separated) may sign it from a browser page;
                             any: back to the server-wide --cors-origins
  petition list              List petitions with their counts
  petition show ID           A petition: languages, counts, baseline, goal, origins, suspects waiting for review
  petition update ID [--title TITLE] [--goal N|none] [--origins LIST|any (or --cors-origins)] [--status open|closed]
                     [--baseline N] [--baseline-countries N] [--mail on|off] [--count signers|submissions]
                             Change a petition; open counters see a new count or goal within seconds
  suspects list [--petition ID]   Submissions judged automated (honeypot, too fast), waiting for review
  suspects accept ID...      Count them as signatures (deduplicated by email like any other)
  suspects reject ID...      Delete them with their personal data
  cases import FILE          Import a JSON array of cases (checked; one bad record imports nothing)
  translations export DIR    Write each petition's and case's words in every language, one JSON file per
                             record (petition.ID.json, case.ID.json), for translators
  translations import FILE...
                             Import translated files (checked; one bad file imports nothing)
  signatures export --petition ID [--bom]   Signatures with their consents, as CSV on stdout
  person erase --email EMAIL Destroy a person's key, delete their signatures and consents on every petition
  relay add PETITION webhook URL --secret-env NAME
                             POST every new signature of PETITION to URL, signed with the secret in $NAME
  relay add PETITION actionnetwork URL --api-key-env NAME [--tags a,b] [--consent newsletter] [--all-signers]
                             Record every new signature on an Action Network petition (its .../signatures URL)
                             (a URL is https, or http to this machine; --allow-http for another trusted host)
  relay list                 The relay targets (id, petition, kind, URL, secret variable, tags)
  relay remove ID            Remove a target and its outbox (delivered or not)
  relay status               Per target and event (signature.created, consent.confirmed): delivered,
                             pending, failing, next attempt, last error
  relay retry [ID]           Make every undelivered delivery (of target ID) due now
  mail status                The confirmation emails: sent, waiting (next attempt, last error), refused for good
  mail opt-in [single|double]
                             The database's opt-in: double once a server started with SMTP (signers confirm
                             by email, the relay subscribes only the confirmed), until set to single here
  copy --to URL [--force]    Copy this database (PGlite: --data-dir) and its person keys into the PostgreSQL
                             database at URL (postgres://user:password@host:5432/db), migrated first; one
                             transaction, counts compared and printed per table. Refuses a target holding
                             data unless --force (which replaces it). Start the server on it with the same
                             data key: --key-dir of this database's key folder, or AGIR_DATA_KEY

Database (every command): --data-dir DIR (PGlite, default .data/pglite; env AGIR_DATA_DIR)
                          or --database-url URL (PostgreSQL; env DATABASE_URL)
Keys (every command):     --key-dir DIR (env AGIR_KEY_DIR; default <data dir>.keys for PGlite,
                          .data/keys for PostgreSQL), never inside the data folder: server.key (the data
                          key, created for a new database) and, for PGlite, person-keys.
                          Or AGIR_DATA_KEY: the data key itself, base64 of 32 random bytes.
`;

const databaseOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'key-dir': { type: 'string' },
} satisfies ParseArgsConfig['options'];

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: ParseArgsConfig['options'], allowPositionals = 0): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...databaseOptions, ...options },
      allowPositionals: allowPositionals > 0,
      strict: true,
    });
    if (positionals.length > allowPositionals) throw new UsageError(`unexpected argument "${positionals[allowPositionals]}"`);
    return { values: values as Values, positionals };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

const str = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

function integer(value: string | undefined, name: string, min = 0): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`${name} must be a whole number >= ${min}, got "${value}"`);
  return Number(value);
}

function origins(value: string | undefined, name: string): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const origin = normaliseOrigin(item);
      if (!origin) throw new UsageError(`${name}: "${item}" is not an http(s) origin such as https://example.org`);
      return origin;
    });
}

/** `--cors-origins`: unset, empty or `*` lets every origin sign; `none` only same-origin pages and petitions' own lists. */
function corsOriginsOption(value: string | undefined): readonly string[] | '*' {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === '*') return '*';
  if (trimmed.toLowerCase() === 'none') return [];
  return origins(trimmed, '--cors-origins') ?? '*';
}

function database(values: Values, io: CliIo): { databaseUrl?: string; dataDir: string } {
  const databaseUrl = str(values['database-url']) ?? io.env.DATABASE_URL;
  const dataDir = path.resolve(io.cwd, str(values['data-dir']) ?? io.env.AGIR_DATA_DIR ?? defaults.dataDir);
  return databaseUrl ? { databaseUrl, dataDir } : { dataDir };
}

function keys(values: Values, io: CliIo): { dataKey?: string; keyDir?: string } {
  const keyDir = str(values['key-dir']) ?? io.env.AGIR_KEY_DIR;
  const dataKey = io.env.AGIR_DATA_KEY;
  return { ...(keyDir ? { keyDir: path.resolve(io.cwd, keyDir) } : {}), ...(dataKey ? { dataKey } : {}) };
}

/**
 * Opens the store for a command, runs `work`, closes it. Only an existing database, unless the command may
 * create one (`creates`: petition create, cases import, as a first step before any start).
 */
async function withStore<T>(values: Values, io: CliIo, work: (store: Store) => Promise<T>, creates = false): Promise<T> {
  const store = await openStore({
    ...database(values, io),
    ...keys(values, io),
    cwd: io.cwd,
    onNotice: (message) => io.err(message),
    existing: !creates,
  });
  try {
    return await work(store);
  } finally {
    await store.db.close();
  }
}

/** `N|off` per minute: a bucket of N refilled over a minute (`burst` of it at once), false for off, undefined when not given. */
function perMinute(value: string | undefined, name: string, burst = 1): RateLimitOptions | false | undefined {
  if (value === undefined) return undefined;
  if (value === 'off') return false;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number of requests a minute, or off, got "${value}"`);
  const n = integer(value, name, 0);
  if (n === undefined) return undefined;
  return n === 0 ? false : { capacity: Math.max(1, Math.round(n * burst)), refillPerSecond: n / 60 };
}

/** Runs the CLI; resolves with the exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await start(rest, io);
      case 'migrate': {
        const { values } = parse(rest, {});
        const db = await openDatabase(database(values, io));
        try {
          const applied = await migrate(db);
          io.err(applied.length ? `applied ${applied.join(', ')}\n` : 'the database is up to date\n');
        } finally {
          await db.close();
        }
        return 0;
      }
      case 'petition':
        return await petition(rest, io);
      case 'cases':
        return await cases(rest, io);
      case 'translations':
        return await translations(rest, io);
      case 'signatures':
        return await signatures(rest, io);
      case 'person':
        return await person(rest, io);
      case 'suspects':
        return await suspects(rest, io);
      case 'relay':
        return await relay(rest, io);
      case 'mail':
        return await mail(rest, io);
      case 'copy':
        return await copy(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.err(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`agir-server: ${error.message}\nRun "agir-server help" for the commands and options.\n`);
      return 2;
    }
    io.err(`agir-server: ${error instanceof Error && error.message ? error.message : String(error)}\n`);
    return 1;
  }
}

async function start(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'boolean' },
    'cors-origins': { type: 'string' },
    'redirect-origins': { type: 'string' },
    'rate-limit': { type: 'string' },
    'junk-rate-limit': { type: 'string' },
    'read-rate-limit': { type: 'string' },
    'min-fill-ms': { type: 'string' },
    'answer-floor-ms': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    'demo-dir': { type: 'string' },
    'no-demo': { type: 'boolean' },
    'cdn-dir': { type: 'string' },
    csp: { type: 'string' },
    quiet: { type: 'boolean' },
    'smtp-url': { type: 'string' },
    'mail-from': { type: 'string' },
    'public-url': { type: 'string' },
    'privacy-url': { type: 'string' },
  });
  const publicUrl = httpUrl(values, io, 'public-url', "the server's public http(s) address, such as https://agir.example.org");
  const privacyUrl = httpUrl(values, io, 'privacy-url', "your privacy notice's http(s) address, such as https://www.example.org/privacy");
  const corsValue = str(values['cors-origins']) ?? io.env.AGIR_CORS_ORIGINS;
  const sign = perMinute(str(values['rate-limit']) ?? io.env.AGIR_RATE_LIMIT, '--rate-limit');
  const junk = perMinute(str(values['junk-rate-limit']) ?? io.env.AGIR_JUNK_RATE_LIMIT, '--junk-rate-limit');
  const read = perMinute(str(values['read-rate-limit']) ?? io.env.AGIR_READ_RATE_LIMIT, '--read-rate-limit', 0.5);
  const csp = str(values.csp) ?? io.env.AGIR_DEMO_CSP;
  const demoDir = str(values['demo-dir']);
  const cdnDir = str(values['cdn-dir']);
  const options: ServerOptions = {
    ...database(values, io),
    ...keys(values, io),
    onNotice: (message) => io.err(message),
    port: integer(str(values.port) ?? io.env.PORT, '--port') ?? defaults.port,
    host: str(values.host) ?? defaults.host,
    seed: values.seed === true,
    corsOrigins: corsOriginsOption(corsValue),
    redirectOrigins: origins(str(values['redirect-origins']) ?? io.env.AGIR_REDIRECT_ORIGINS, '--redirect-origins') ?? [],
    // `--rate-limit off` alone turns every limit off, as it did before junk and reads had their own.
    rateLimit:
      sign === false && junk === undefined && read === undefined
        ? false
        : { sign: sign ?? defaults.rateLimit, junk: junk ?? defaults.junkRateLimit, read: read ?? defaults.readRateLimit },
    minFillMs: integer(str(values['min-fill-ms']) ?? io.env.AGIR_MIN_FILL_MS, '--min-fill-ms') ?? defaults.minFillMs,
    answerFloorMs: integer(str(values['answer-floor-ms']) ?? io.env.AGIR_ANSWER_FLOOR_MS, '--answer-floor-ms') ?? defaults.answerFloorMs,
    trustProxy: values['trust-proxy'] === true || io.env.AGIR_TRUST_PROXY === '1',
    ...(publicUrl ? { publicUrl: publicUrl.origin } : {}),
    ...(privacyUrl ? { privacyUrl: privacyUrl.href } : {}),
    staticDirs: {
      demo: values['no-demo'] === true ? null : demoDir ? path.resolve(io.cwd, demoDir) : defaults.demoDir,
      cdn: cdnDir ? path.resolve(io.cwd, cdnDir) : defaults.cdnDir,
    },
    ...(csp === undefined ? {} : { demoCsp: csp === 'off' ? false : csp }),
    ...(values.quiet === true ? { log: false as const } : {}),
    ...(io.env.AGIR_OPERATOR_TOKEN ? { operatorToken: io.env.AGIR_OPERATOR_TOKEN } : {}),
    relay: relayTuning(io),
    mail: mailOptions(values, io),
  };
  const stop = io.waitForStop?.() ?? new Promise(() => undefined); // listen for signals before starting
  const server = await startServer(options);
  await io.out(`agir-server listening on ${server.url}\n`);
  await stop;
  await server.close();
  return 0;
}

async function petition(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'create': {
      const { values } = parse(rest, {
        id: { type: 'string' },
        title: { type: 'string' },
        goal: { type: 'string' },
        locale: { type: 'string' },
        'cors-origins': { type: 'string' },
        'baseline-signatures': { type: 'string' },
        'baseline-countries': { type: 'string' },
        mail: { type: 'string' },
        count: { type: 'string' },
      });
      const id = str(values.id);
      const title = str(values.title)?.trim();
      const locale = str(values.locale) ?? 'fr';
      if (!id || !idSchema.safeParse(id).success) throw new UsageError('--id must be 1-64 letters, digits, "-" or "_"');
      checkTitle(title);
      if (!localeSchema.safeParse(locale).success) throw new UsageError(`--locale "${locale}" is not a language tag such as fr or pt-BR`);
      const mailSigners = mailOption(str(values.mail)) ?? true;
      const countRepeats = countOption(str(values.count)) ?? false;
      const created = await withStore(
        values,
        io,
        (store) =>
          store.createPetition({
            id,
            title,
            locale,
            goal: goalOption(str(values.goal)) ?? null,
            corsOrigins: origins(str(values['cors-origins']), '--cors-origins') ?? [],
            baselineSignatures: integer(str(values['baseline-signatures']), '--baseline-signatures') ?? 0,
            baselineCountries: integer(str(values['baseline-countries']), '--baseline-countries') ?? 0,
            mailSigners,
            countRepeats,
          }),
        true,
      );
      if (!created) throw new Error(`a petition "${id}" already exists`);
      const said = [!mailSigners && MAIL_OFF, countRepeats && COUNT_SUBMISSIONS].filter(Boolean);
      io.err(`created petition ${id}${said.length ? `: ${said.join('; ')}` : ''}\n`);
      return 0;
    }
    case 'close': {
      const { values, positionals } = parse(rest, { id: { type: 'string' } }, 1);
      const id = str(values.id) ?? positionals[0];
      if (!id) throw new UsageError('petition close needs the petition id');
      const closed = await withStore(values, io, (store) => store.setPetitionStatus(id, 'closed'));
      if (!closed) throw new Error(`no petition "${id}"`);
      io.err(`closed petition ${id}\n`);
      return 0;
    }
    case 'origins': {
      const { values, positionals } = parse(rest, {}, 2);
      const [id, list] = positionals;
      if (!id || list === undefined) throw new UsageError('petition origins needs the petition id and a list of origins (or any)');
      const allowed = list.trim().toLowerCase() === 'any' ? [] : (origins(list, 'petition origins') ?? []);
      if (list.trim().toLowerCase() !== 'any' && allowed.length === 0) throw new UsageError('petition origins: give origins, or any');
      const updated = await withStore(values, io, (store) => store.setPetitionOrigins(id, allowed));
      if (!updated) throw new Error(`no petition "${id}"`);
      io.err(
        allowed.length
          ? `petition ${id}: signatures from browser pages on ${allowed.join(', ')}, and on the origins of the server's own list if it has one (--cors-origins)\n`
          : `petition ${id}: signatures from the origins the server allows (--cors-origins)\n`,
      );
      return 0;
    }
    case 'list': {
      const { values } = parse(rest, {});
      const list = await withStore(values, io, (store) => store.listPetitions());
      await io.out(
        [
          'id\tstatus\tsignatures\tcountries\tgoal\ttitle\n',
          ...list.map((p) => `${p.id}\t${p.status}\t${p.signatureCount}\t${p.countryCount}\t${p.goal ?? ''}\t${p.title}\n`),
        ].join(''),
      );
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(rest, {}, 1);
      const id = positionals[0];
      if (!id) throw new UsageError('petition show needs the petition id');
      const details = await withStore(values, io, (store) => petitionDetails(store, id));
      if (!details) throw new Error(`no petition "${id}"`);
      await io.out(showPetition(details));
      return 0;
    }
    case 'update':
      return await updatePetitionCommand(rest, io);
    default:
      throw new UsageError(`petition: expected create, close, origins, list, show or update${action ? `, got "${action}"` : ''}`);
  }
}

async function cases(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'import') throw new UsageError(`cases: expected import${action ? `, got "${action}"` : ''}`);
  const { values, positionals } = parse(rest, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('cases import needs a FILE');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.resolve(io.cwd, file), 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const checked = checkCases(data);
  if (!checked.ok) {
    io.err(`${file}: nothing imported, ${checked.errors.length} problem(s):\n${checked.errors.map((line) => `  ${line}\n`).join('')}`);
    return 1;
  }
  await withStore(values, io, (store) => store.upsertCases(checked.cases), true);
  io.err(`imported ${checked.cases.length} case(s) from ${file}\n`);
  return 0;
}

async function translations(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'export') {
    const { values, positionals } = parse(rest, {}, 1);
    const dir = positionals[0];
    if (!dir) throw new UsageError('translations export needs a DIR');
    const files = await withStore(values, io, (store) => exportTranslations(store));
    mkdirSync(path.resolve(io.cwd, dir), { recursive: true });
    for (const { name, file } of files) writeFileSync(path.resolve(io.cwd, dir, name), `${JSON.stringify(file, null, 2)}\n`);
    io.err(`wrote ${files.length} file(s) to ${dir}\n`);
    return 0;
  }
  if (action !== 'import') throw new UsageError(`translations: expected export or import${action ? `, got "${action}"` : ''}`);
  const { values, positionals } = parse(rest, {}, Infinity);
  if (positionals.length === 0) throw new UsageError('translations import needs at least one FILE');
  const files = positionals.map((name) => {
    try {
      return { name, data: JSON.parse(readFileSync(path.resolve(io.cwd, name), 'utf8')) as unknown };
    } catch (error) {
      throw new Error(`cannot read ${name} as JSON: ${(error as Error).message}`);
    }
  });
  const result = await withStore(values, io, (store) => importTranslations(store, files));
  if (!result.ok) {
    io.err(`nothing imported, ${result.errors.length} problem(s):\n${result.errors.map((line) => `  ${line}\n`).join('')}`);
    return 1;
  }
  io.err(`imported ${result.languages} language(s) of ${result.records} record(s)\n`);
  return 0;
}

async function signatures(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'export') throw new UsageError(`signatures: expected export${action ? `, got "${action}"` : ''}`);
  const { values } = parse(rest, { petition: { type: 'string' }, bom: { type: 'boolean' } });
  const petitionId = str(values.petition);
  if (!petitionId) throw new UsageError('signatures export needs --petition ID');
  return withStore(values, io, async (store) => {
    if (!(await store.getPetition(petitionId))) throw new Error(`no petition "${petitionId}"`);
    const tally = { count: 0, unreadable: 0 };
    for await (const chunk of signatureCsv(store, petitionId, { bom: values.bom === true }, tally)) await io.out(chunk);
    const { count, unreadable } = tally;
    io.err(`exported ${count} signature(s) of ${petitionId}\n`);
    if (unreadable > 0) io.err(`left out ${unreadable} signature(s) whose person key is gone (erased people)\n`);
    return 0;
  });
}

async function person(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'erase') throw new UsageError(`person: expected erase${action ? `, got "${action}"` : ''}`);
  const { values } = parse(rest, { email: { type: 'string' } });
  const email = str(values.email);
  if (!email) throw new UsageError('person erase needs --email EMAIL');
  if (!email.includes('@')) throw new UsageError(`person erase: "${email}" is not an email address`);
  const { report, skipped } = await withStore(values, io, async (store) => {
    const report = await store.erasePerson(email);
    return { report, skipped: await store.purge() };
  });
  io.err(
    `erased ${report.signatures} signature(s)${report.petitions.length ? ` on ${report.petitions.join(', ')}` : ''} (their counts went down by as many)` +
      ` and ${report.suspects} suspect record(s)${report.keyDestroyed ? '; their key is destroyed' : ''}\n`,
  );
  if (skipped.length) io.err(`not done (do it as a database superuser): ${skipped.join('; ')}\n`);
  return 0;
}

// -- the organisation's side: petition update/show, suspect review ------------------------------

/** A petition's title, checked as `petition create` and `petition update` take it. */
function checkTitle(title: string | undefined): asserts title is string {
  if (!title) throw new UsageError('--title is required (at most 500 characters)');
  // The contract's measure (zod's, JavaScript's): UTF-16 code units, so an emoji counts two.
  if (title.length > 500)
    throw new UsageError(
      `--title is too long: ${title.length} characters, at most 500 (an emoji or a rarer script's character counts two)`,
    );
  if (!isCleanText(title)) throw new UsageError(`--title: ${CLEAN_TEXT_MESSAGE}`);
}

/** What `--mail off` means, said when it is set and by `petition show`. */
const MAIL_OFF = 'its signers are sent no email (no thank-you, no confirmation link; under double opt-in nobody is subscribed)';

/** What `--count submissions` means, said when it is set and by `petition show`. */
const REPEATS_COUNTED =
  'an address that signs again is counted again (stored once), so the public count cannot tell whether an address had signed';
const COUNT_SUBMISSIONS = `its counts count submissions: ${REPEATS_COUNTED}`;

/** A two-way option (`--mail on|off`): whether it is `yes`, one of `choices`; undefined when not given. */
function twoWay(value: string | undefined, flag: string, choices: readonly [string, string], yes: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (choices.includes(value)) return value === yes;
  throw new UsageError(`${flag} must be ${choices.join(' or ')}, got "${value}"`);
}
/** `--mail on|off`: whether a petition's signers are sent mail. */
const mailOption = (value: string | undefined) => twoWay(value, '--mail', ['on', 'off'], 'on');
/** `--count signers|submissions`: whether a petition counts repeats. */
const countOption = (value: string | undefined) => twoWay(value, '--count', ['signers', 'submissions'], 'submissions');

/** `--goal N` (N >= 1); with `none` allowed (update), null. */
function goalOption(value: string | undefined, noneAllowed = false): number | null | undefined {
  if (noneAllowed && value?.trim().toLowerCase() === 'none') return null;
  if (noneAllowed && value === '') throw new UsageError('--goal must be a whole number >= 1 or none, got ""');
  return integer(value, '--goal', 1);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function showPetition(p: PetitionDetails): string {
  const lines: Array<[string, string]> = [
    ['id', p.id],
    ['title', p.title],
    ['status', p.status],
    ['locale', p.locale],
    ['languages', [`${p.locale} (default)`, ...p.otherLocales].join(', ')],
    ['goal', p.goal === null ? 'none' : String(p.goal)],
    ['signatures', `${p.signatureCount} (baseline ${p.baselineSignatures} + ${p.signaturesHere} here)`],
    ['countries', `${p.countryCount} (baseline ${p.baselineCountries}, ${p.countriesHere} here)`],
    ['origins', p.corsOrigins.length ? p.corsOrigins.join(', ') : 'any allowed by the server (--cors-origins)'],
    ['mail', p.mailSigners ? 'on (each signer is sent a thank-you when the server sends mail)' : `off: ${MAIL_OFF}`],
    [
      'count',
      p.countRepeats
        ? `submissions: ${REPEATS_COUNTED}`
        : 'signers (each address once; the public count can tell whether an address had signed: docs/server.md)',
    ],
    ['suspects', p.suspects ? `${p.suspects} waiting for review (agir-server suspects list --petition ${p.id})` : '0'],
    ['created', p.createdAt.toISOString()],
    ['updated', p.updatedAt.toISOString()],
  ];
  return lines.map(([key, value]) => `${key}\t${value}\n`).join('');
}

async function updatePetitionCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      title: { type: 'string' },
      goal: { type: 'string' },
      origins: { type: 'string' },
      'cors-origins': { type: 'string' }, // create's name for it
      status: { type: 'string' },
      baseline: { type: 'string' },
      'baseline-signatures': { type: 'string' },
      'baseline-countries': { type: 'string' },
      mail: { type: 'string' },
      count: { type: 'string' },
    },
    1,
  );
  const id = positionals[0];
  if (!id) throw new UsageError('petition update needs the petition id');
  const changes: PetitionChanges = {};
  const title = str(values.title);
  if (title !== undefined) {
    checkTitle(title.trim());
    changes.title = title.trim();
  }
  const goal = str(values.goal);
  if (goal !== undefined) changes.goal = goalOption(goal, true) ?? null;
  if (values.origins !== undefined && values['cors-origins'] !== undefined)
    throw new UsageError('give --origins or --cors-origins, not both');
  const list = str(values.origins) ?? str(values['cors-origins']);
  if (list !== undefined) {
    const any = list.trim().toLowerCase() === 'any';
    changes.corsOrigins = any ? [] : (origins(list, '--origins') ?? []);
    if (!any && changes.corsOrigins.length === 0) throw new UsageError('--origins: give origins, or any');
  }
  const status = str(values.status);
  if (status !== undefined) {
    if (status !== 'open' && status !== 'closed') throw new UsageError(`--status must be open or closed, got "${status}"`);
    changes.status = status;
  }
  const baseline = str(values.baseline) ?? str(values['baseline-signatures']);
  if (baseline !== undefined) changes.baselineSignatures = integer(baseline, '--baseline') ?? 0;
  const baselineCountries = str(values['baseline-countries']);
  if (baselineCountries !== undefined) changes.baselineCountries = integer(baselineCountries, '--baseline-countries') ?? 0;
  const mail = mailOption(str(values.mail));
  if (mail !== undefined) changes.mailSigners = mail;
  const counting = countOption(str(values.count));
  if (counting !== undefined) changes.countRepeats = counting;
  if (Object.keys(changes).length === 0)
    throw new UsageError(
      'petition update needs at least one of --title, --goal, --origins, --status, --baseline, --baseline-countries, --mail, --count',
    );

  const { before, after } = await withStore(values, io, async (store) => {
    const before = await petitionDetails(store, id);
    return { before, after: before && (await updatePetition(store, id, changes)) };
  });
  if (!before || !after) throw new Error(`no petition "${id}"`);
  const shown = (p: PetitionDetails): Record<string, string> => ({
    title: JSON.stringify(p.title),
    goal: p.goal === null ? 'none' : String(p.goal),
    origins: p.corsOrigins.length ? p.corsOrigins.join(',') : 'any',
    status: p.status,
    baseline: String(p.baselineSignatures),
    'baseline countries': String(p.baselineCountries),
    mail: p.mailSigners ? 'on' : 'off',
    count: p.countRepeats ? 'submissions' : 'signers',
    signatures: String(p.signatureCount),
    countries: String(p.countryCount),
  });
  const [old, now] = [shown(before), shown(after)];
  const changed = Object.keys(now).filter((key) => old[key] !== now[key]);
  io.err(
    changed.length
      ? `updated petition ${id}: ${changed.map((key) => `${key} ${old[key]} -> ${now[key]}`).join(', ')}${
          before.mailSigners && !after.mailSigners ? `; ${MAIL_OFF}, and a mail still waiting is dropped` : ''
        }${!before.countRepeats && after.countRepeats ? `; ${COUNT_SUBMISSIONS}` : ''}\n`
      : `petition ${id}: nothing changed (it already was so)\n`,
  );
  return 0;
}

/** Suspect ids as given on the command line: whole numbers, checked before anything is done. */
function suspectIds(positionals: string[], action: string): number[] {
  if (positionals.length === 0) throw new UsageError(`suspects ${action} needs one or more suspect ids (see agir-server suspects list)`);
  return positionals.map((value) => {
    const id = integer(value, 'a suspect id', 1);
    if (id === undefined) throw new UsageError(`a suspect id must be a whole number >= 1, got "${value}"`);
    return id;
  });
}

async function suspects(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'list': {
      const { values } = parse(rest, { petition: { type: 'string' } });
      const petitionId = str(values.petition);
      const list = await withStore(values, io, async (store) => {
        if (petitionId !== undefined && !(await store.getPetition(petitionId))) throw new Error(`no petition "${petitionId}"`);
        return listSuspects(store, petitionId);
      });
      await io.out(
        [
          'id\tpetition\treceived\treason\tfill_ms\tname\temail\tcountry\ttrap\talready_signed\n',
          ...list.map((s) =>
            'unreadable' in s
              ? `${s.id}\t${s.petitionId}\t${s.receivedAt.toISOString()}\t${s.reason}\t\t(unreadable: person erased or data altered)\t\t\t\t\n`
              : `${s.id}\t${s.petitionId}\t${s.receivedAt.toISOString()}\t${s.reason}\t${s.fillMs ?? ''}\t${s.name}\t${s.email}\t${s.country}\t${s.trap}\t${s.alreadySigned ? 'yes' : 'no'}\n`,
          ),
        ].join(''),
      );
      io.err(
        list.length
          ? `${plural(list.length, 'suspect submission')} waiting for review: agir-server suspects accept ID... counts them, agir-server suspects reject ID... deletes them\n`
          : `no suspect submission waiting for review${petitionId ? ` on ${petitionId}` : ''}\n`,
      );
      return 0;
    }
    case 'accept': {
      const { values, positionals } = parse(rest, {}, 10_000);
      const ids = suspectIds(positionals, 'accept');
      let failed = 0;
      await withStore(values, io, async (store) => {
        // An accepted suspect gets its confirmation email like any signature when this environment has
        // SMTP_URL or the database runs double opt-in (src/opt-in.ts).
        store.mailEnabled = Boolean(io.env.SMTP_URL) || (await readOptIn(store.db)) === 'double';
        for (const id of ids) {
          const outcome = await acceptSuspect(store, id);
          switch (outcome.kind) {
            case 'counted':
              io.err(`suspect ${id}: accepted and counted; ${outcome.petitionId} now at ${outcome.counts.signatureCount} signatures\n`);
              break;
            case 'deduped':
              io.err(
                outcome.recounted
                  ? `suspect ${id}: accepted; this email already signed ${outcome.petitionId}: stored once, counted again as the petition counts submissions (${outcome.petitionId} now at ${outcome.signatureCount})\n`
                  : outcome.reason === 'email'
                    ? `suspect ${id}: accepted, but this email already signed ${outcome.petitionId}: deduplicated, not counted again (${outcome.petitionId} stays at ${outcome.signatureCount})\n`
                    : `suspect ${id}: accepted, but the same request was counted already on ${outcome.petitionId}: not counted again\n`,
              );
              break;
            case 'missing':
              failed++;
              io.err(`suspect ${id}: no such suspect (reviewed already, or never was)\n`);
              break;
            case 'closed':
              failed++;
              io.err(
                `suspect ${id}: petition ${outcome.petitionId} is closed, nothing counted (reopen it with agir-server petition update ${outcome.petitionId} --status open)\n`,
              );
              break;
            case 'unreadable':
              failed++;
              io.err(`suspect ${id}: cannot be read (its person was erased, or its data altered): reject it\n`);
              break;
          }
        }
      });
      return failed ? 1 : 0;
    }
    case 'reject': {
      const { values, positionals } = parse(rest, {}, 10_000);
      const ids = suspectIds(positionals, 'reject');
      const { rejected, keysDestroyed, skipped } = await withStore(values, io, async (store) => {
        const report = await rejectSuspects(store, ids);
        return { ...report, skipped: report.rejected.length ? await store.purge() : [] };
      });
      for (const { id, petitionId } of rejected) io.err(`suspect ${id} (${petitionId}): rejected, deleted with its personal data\n`);
      if (keysDestroyed) io.err(`destroyed ${plural(keysDestroyed, 'person key')} (emails with no signature and no other suspect left)\n`);
      if (skipped.length) io.err(`not done (do it as a database superuser): ${skipped.join('; ')}\n`);
      const found = new Set(rejected.map((row) => row.id));
      const missing = [...new Set(ids)].filter((id) => !found.has(id));
      for (const id of missing) io.err(`suspect ${id}: no such suspect (reviewed already, or never was)\n`);
      return missing.length ? 1 : 0;
    }
    default:
      throw new UsageError(`suspects: expected list, accept or reject${action ? `, got "${action}"` : ''}`);
  }
}

/** The real process: stdout with backpressure, stderr, and SIGTERM/SIGINT as the stop signal. */
export function processIo(): CliIo {
  return {
    out: (text) =>
      new Promise<void>((resolve, reject) => {
        process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
      }),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    waitForStop: () =>
      new Promise((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      }),
  };
}

/** `--public-url` (AGIR_PUBLIC_URL) or `--privacy-url` (AGIR_PRIVACY_URL): an http(s) URL, or a usage error saying `what`. */
function httpUrl(values: Values, io: CliIo, flag: 'public-url' | 'privacy-url', what: string): URL | undefined {
  const text = str(values[flag]) ?? io.env[`AGIR_${flag.replace('-', '_').toUpperCase()}`];
  if (!text) return undefined;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') throw new UsageError(`--${flag} must be ${what} (got "${text}")`);
  return url;
}

/** The confirmation email's options from --smtp-url / SMTP_URL and the rest; undefined when no SMTP URL is given. */
function mailOptions(values: Values, io: CliIo): MailOptions | undefined {
  const smtpUrl = str(values['smtp-url']) ?? io.env.SMTP_URL;
  if (!smtpUrl) return undefined;
  const from = str(values['mail-from']) ?? io.env.AGIR_MAIL_FROM;
  if (!from) throw new UsageError('--smtp-url needs --mail-from ADDRESS (or AGIR_MAIL_FROM): the From of the confirmation email');
  const publicUrl = str(values['public-url']) ?? io.env.AGIR_PUBLIC_URL;
  const ms = (name: string, min: number) => integer(io.env[name], name, min);
  const relay = relayTuning(io); // the same AGIR_RELAY_* timing as the relay's outbox
  return {
    smtpUrl,
    from,
    ...(publicUrl ? { publicUrl } : {}),
    confirmTtlMs: (ms('AGIR_CONFIRM_TTL_HOURS', 1) ?? mailDefaults.confirmTtlMs / 3600_000) * 3600_000,
    ...(relay.pollMs === undefined ? {} : { pollMs: relay.pollMs }),
    ...(relay.timeoutMs === undefined ? {} : { timeoutMs: relay.timeoutMs }),
    ...(relay.minDelayMs === undefined ? {} : { minDelayMs: relay.minDelayMs }),
    ...(relay.maxDelayMs === undefined ? {} : { maxDelayMs: relay.maxDelayMs }),
  };
}

async function mail(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'opt-in') return optIn(rest, io);
  if (action !== 'status') throw new UsageError(`mail: expected status or opt-in${action ? `, got "${action}"` : ''}`);
  const { values } = parse(rest, {});
  const status = await withStore(values, io, (store) => mailStatus(store));
  await io.out(
    `delivered\tpending\tfailed\tnext_attempt\tlast_error\n${status.delivered}\t${status.pending}\t${status.failed}\t${when(status.nextAttemptAt)}\t${status.lastError ?? ''}\n`,
  );
  return 0;
}

/** `mail opt-in [single|double]`: shows the database's opt-in mode, or sets it (src/opt-in.ts). */
async function optIn(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {}, 1);
  const wanted = positionals[0];
  if (wanted !== undefined && wanted !== 'single' && wanted !== 'double')
    throw new UsageError(`mail opt-in: expected single or double, got "${wanted}"`);
  const mode = await withStore(values, io, async (store) => {
    if (wanted) await recordOptIn(store.db, wanted);
    return readOptIn(store.db);
  });
  await io.out(`${mode}\n`);
  if (wanted === 'single')
    io.err(
      'single opt-in: new signatures get no confirmation email without SMTP, and the relay sends a granted consent as subscribed at once (a server started with SMTP records double again)\n',
    );
  return 0;
}

async function copy(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { to: { type: 'string' }, force: { type: 'boolean' } });
  const to = str(values.to);
  if (!to) throw new UsageError('copy needs --to URL, the PostgreSQL database to copy into (postgres://user:password@host:5432/db)');
  const source = database(values, io);
  const given = keys(values, io);
  const keyDir = given.keyDir ?? defaultKeyDir(source, io.cwd);
  const options = { to, force: values.force === true, sourceUrl: source.databaseUrl };
  // The target first: a wrong URL or a target holding data is told before the source is opened.
  const target = await connectTarget(to);
  const report = await prepareTarget(target, options)
    .then(() => withStore(values, io, (store) => copyDatabase(store, target, options)))
    .finally(() => target.close());
  await io.out(['table\tsource\ttarget\n', ...report.tables.map((t) => `${t.table}\t${t.source}\t${t.target}\n`)].join(''));
  const rows = report.tables.reduce((sum, t) => sum + t.target, 0);
  io.err(
    `copied ${plural(rows, 'row')} into ${report.target}, the same count on both sides in every table` +
      (report.replaced ? ` (replacing the ${plural(report.replaced, 'row')} it held)` : '') +
      '\n' +
      (given.dataKey
        ? 'start the server on it with the same AGIR_DATA_KEY\n'
        : `start the server on it with the same data key: --key-dir ${keyDir} (or its server.key as AGIR_DATA_KEY)\n`) +
      (source.databaseUrl
        ? ''
        : `${source.dataDir} still opens with ${path.join(keyDir, 'person-keys')}: an erasure on PostgreSQL (person erase, suspects reject) ` +
          `destroys the person's key in that file too when run with --key-dir ${keyDir}; once you will not go back to PGlite, ` +
          `delete ${source.dataDir} and that file\n`),
  );
  return 0;
}

/** The relay worker's timing, from AGIR_RELAY_* (see docs/server.md); its secrets come from the same environment. */
function relayTuning(io: CliIo): RelayOptions {
  const ms = (name: string, min: number) => integer(io.env[name], name, min);
  const tuning: RelayOptions = { env: io.env };
  const pollMs = ms('AGIR_RELAY_POLL_MS', 10);
  const timeoutMs = ms('AGIR_RELAY_TIMEOUT_MS', 100);
  const minDelayMs = ms('AGIR_RELAY_RETRY_MIN_MS', 1);
  const maxDelayMs = ms('AGIR_RELAY_RETRY_MAX_MS', 1);
  if (pollMs !== undefined) tuning.pollMs = pollMs;
  if (timeoutMs !== undefined) tuning.timeoutMs = timeoutMs;
  if (minDelayMs !== undefined) tuning.minDelayMs = minDelayMs;
  if (maxDelayMs !== undefined) tuning.maxDelayMs = maxDelayMs;
  return tuning;
}

const when = (date: Date | null): string => (date ? date.toISOString() : '');

async function relay(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'add': {
      const { values, positionals } = parse(
        rest,
        {
          'secret-env': { type: 'string' },
          'api-key-env': { type: 'string' },
          tags: { type: 'string' },
          consent: { type: 'string' },
          'all-signers': { type: 'boolean' },
          'allow-http': { type: 'boolean' },
        },
        3,
      );
      const [petitionId, kind, url] = positionals;
      if (!petitionId || !kind || !url) throw new UsageError('relay add needs PETITION, a kind (webhook or actionnetwork) and a URL');
      if (kind !== 'webhook' && kind !== 'actionnetwork')
        throw new UsageError(`relay add: the kind is webhook or actionnetwork, got "${kind}"`);
      const secretEnv = str(kind === 'webhook' ? values['secret-env'] : values['api-key-env']);
      if (!secretEnv)
        throw new UsageError(
          `relay add ${kind} needs ${kind === 'webhook' ? '--secret-env' : '--api-key-env'} NAME (the environment variable holding it)`,
        );
      if (kind === 'webhook' && (values.tags !== undefined || values.consent !== undefined || values['all-signers'] !== undefined))
        throw new UsageError('--tags, --consent and --all-signers are for actionnetwork targets');
      const tags = (str(values.tags) ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      const allSigners = values['all-signers'] === true;
      const target = { petitionId, kind, url, secretEnv, tags, consentId: str(values.consent) ?? 'newsletter', allSigners } as const;
      const problem = checkTarget(target, values['allow-http'] === true);
      if (problem) throw new UsageError(`relay add: ${problem}`);
      const added = await withStore(values, io, async (store) => {
        if (!(await store.getPetition(petitionId))) throw new Error(`no petition "${petitionId}"`);
        return addTarget(store.db, target);
      });
      io.err(`added relay target ${added.id}: new signatures of ${petitionId} go to ${kind} ${url}\n`);
      if (kind === 'actionnetwork')
        io.err(
          allSigners
            ? 'every signer is relayed: Action Network subscribes anyone new to the list of its API key, consent or not\n'
            : `only signers who granted the "${added.consentId}" consent are relayed (Action Network subscribes anyone new); --all-signers to send everyone\n`,
        );
      if (!io.env[secretEnv]) io.err(`note: ${secretEnv} is not set here; the server must have it in its environment\n`);
      return 0;
    }
    case 'list': {
      const { values } = parse(rest, {});
      const targets = await withStore(values, io, (store) => listTargets(store.db));
      await io.out(
        [
          'id\tpetition\tkind\turl\tsecret_env\ttags\n',
          ...targets.map((t) => `${t.id}\t${t.petitionId}\t${t.kind}\t${t.url}\t${t.secretEnv}\t${t.tags.join(',')}\n`),
        ].join(''),
      );
      return 0;
    }
    case 'remove': {
      const { values, positionals } = parse(rest, {}, 1);
      const id = integer(positionals[0], 'relay remove ID', 1);
      if (id === undefined) throw new UsageError('relay remove needs the target id (see relay list)');
      if (!(await withStore(values, io, (store) => removeTarget(store.db, id)))) throw new Error(`no relay target ${id}`);
      io.err(`removed relay target ${id} and its outbox\n`);
      return 0;
    }
    case 'status': {
      const { values } = parse(rest, {});
      const rows = await withStore(values, io, (store) => relayStatus(store.db));
      await io.out(
        [
          'id\tpetition\tkind\tevent\tstate\tdelivered\tpending\tfailing\tnext_attempt\tlast_error\n',
          ...rows.flatMap((t) =>
            t.events.map((e) => {
              const state = e.failing > 0 ? 'failing' : e.pending > 0 ? 'pending' : 'ok';
              return `${t.id}\t${t.petitionId}\t${t.kind}\t${e.event}\t${state}\t${e.delivered}\t${e.pending}\t${e.failing}\t${when(e.nextAttemptAt)}\t${e.lastError ?? ''}\n`;
            }),
          ),
        ].join(''),
      );
      return 0;
    }
    case 'retry': {
      const { values, positionals } = parse(rest, {}, 1);
      const id = integer(positionals[0], 'relay retry ID', 1);
      const count = await withStore(values, io, async (store) => {
        if (id !== undefined && !(await listTargets(store.db)).some((t) => t.id === id)) throw new Error(`no relay target ${id}`);
        return retryNow(store.db, id);
      });
      io.err(`${count} undelivered deliver${count === 1 ? 'y is' : 'ies are'} due now${id === undefined ? '' : ` on target ${id}`}\n`);
      return 0;
    }
    default:
      throw new UsageError(`relay: expected add, list, remove, status or retry${action ? `, got "${action}"` : ''}`);
  }
}
