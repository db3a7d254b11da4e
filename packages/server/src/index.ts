/** @agir/server: the Agir endpoint contract on Hono, PGlite by default, PostgreSQL when given a URL. */
export { createApp, buildApp, type AgirApp, type AppStats } from './app.js';
export { startServer, type RunningServer } from './server.js';
export { DEFAULT_DEMO_CSP, defaults, type RateLimitOptions, type RateLimits, type ServerOptions } from './config.js';
export { openDatabase, type Database, type DatabaseOptions } from './db.js';
export { migrate } from './migrate.js';
export { openStore, type StoreOptions } from './open.js';
export { DataKey, seal, unseal } from './crypto.js';
export { defaultKeyDir, type Keys, type PersonKeyStore } from './keys.js';
export { Store, normaliseEmail, type Counts, type PetitionRecord, type SignOutcome } from './store.js';
