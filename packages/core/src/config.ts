import { AgirError } from './errors.js';

export interface AgirConfig {
  /** Default endpoint for every element that has neither an `endpoint` attribute nor a page-level meta tag. */
  endpoint?: string;
}

const config: AgirConfig = {};

/** Sets page-wide defaults (the third place an element looks for its endpoint). */
export function configure(options: AgirConfig): void {
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
