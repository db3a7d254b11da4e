import type { AgirClient } from './client.js';
import { AgirError } from './errors.js';

export interface AgirConfig {
  /** Default endpoint for every element that has neither an `endpoint` attribute nor a page-level meta tag. */
  endpoint?: string;
  /**
   * Default client for every element without its own `client` property: any object with the methods of
   * `AgirClient` an element needs (a counter `getPetition`, a card `getCase`, a list `listCases`, a form
   * `getPetition` and `sign`), e.g. `createStaticClient({ url })`. It wins over every endpoint.
   */
  client?: AgirClient;
}

/**
 * One configuration per page, shared by every copy of this module (an npm bundle and the CDN's) and by the
 * CDN loader, whose `Agir.configure({ client })` writes `client` here without importing anything.
 */
const config: AgirConfig = ((globalThis as Record<symbol, unknown>)[Symbol.for('agir.config')] ??= {}) as AgirConfig;

/** Sets page-wide defaults (the third place an element looks for its endpoint; the second for its client). */
export function configure(options: AgirConfig): void {
  if (options.client !== undefined) {
    if (typeof options.client !== 'object' || options.client === null) {
      throw new AgirError('config', 'Agir.configure: "client" must be an object with the methods of AgirClient (see docs/backends.md).');
    }
    config.client = options.client;
  }
  if (options.endpoint !== undefined) {
    if (typeof options.endpoint !== 'string' || options.endpoint.trim() === '') {
      throw new AgirError('config', 'Agir.configure: "endpoint" must be a non-empty URL string.');
    }
    config.endpoint = options.endpoint.trim();
  }
}

/** Current page-wide configuration (a copy). */
export function getConfig(): Readonly<AgirConfig> {
  return { ...config };
}

/** For tests: forget what `configure` set. */
export function resetConfig(): void {
  delete config.endpoint;
  delete config.client;
}

/** An element's client: its own `client` property, else `configure({ client })`'s; undefined when neither is set. */
export function resolveClient(own: AgirClient | null | undefined): AgirClient | undefined {
  return own ?? config.client;
}

const clientIds = new WeakMap<object, string>();
let clients = 0;
/** A name for a client object, the same for the same object, for the keys of a page's caches. */
export function clientKey(client: object): string {
  let id = clientIds.get(client);
  if (!id) clientIds.set(client, (id = `client#${++clients}`));
  return id;
}

/** The bits of a Document the resolver needs (keeps core DOM-free). */
export interface MetaSource {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/**
 * Where an element's endpoint comes from, in order: its own attribute, else
 * `<meta name="agir:endpoint" content="…">`, else `configure({ endpoint })`. Undefined when none is set.
 */
export function resolveEndpoint(attribute: string | null | undefined, doc?: MetaSource): string | undefined {
  const own = attribute?.trim();
  if (own) return own;
  const meta = doc?.querySelector('meta[name="agir:endpoint"]')?.getAttribute('content')?.trim();
  if (meta) return meta;
  return config.endpoint;
}

/**
 * Declares the `client` property on an element class (its own client, which `resolveClient` prefers): kept
 * until the page changes it, set before or after the element's upgrade (`propertyNames`), a change asks for
 * a render. Here, beside `resolveClient`, so that only the elements that read data carry it.
 */
export function clientProperty(element: { prototype: { requestUpdate(): void }; propertyNames: string[] }): void {
  const clients = new WeakMap<object, unknown>();
  element.propertyNames = [...element.propertyNames, 'client'];
  Object.defineProperty(element.prototype, 'client', {
    get(this: object) {
      return clients.get(this);
    },
    set(this: { requestUpdate(): void }, value: unknown) {
      clients.set(this, value);
      this.requestUpdate();
    },
  });
}
