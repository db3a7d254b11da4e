/**
 * Test helpers shared by the element suites: a fake endpoint that answers with real contract payloads and
 * records every request, and small waiting utilities.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  body: unknown;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response> | undefined;

export interface FakeEndpoint {
  /** Use as the element's `endpoint` attribute. */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Adds a handler; the first that returns a Response answers. */
  on(method: string, path: string | RegExp, answer: (request: RecordedRequest) => Response | Promise<Response>): void;
  restore(): void;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

let counter = 0;

/**
 * Replaces `window.fetch` for URLs under a unique fake endpoint (`https://fake-N.agir.test/api/v1`); other
 * URLs go to the real fetch. Unmatched requests under the endpoint answer 404 with a contract error body.
 */
export function fakeEndpoint(): FakeEndpoint {
  counter += 1;
  const endpoint = `https://fake-${counter}.agir.test/api/v1`;
  const routes: Array<{ method: string; path: string | RegExp; answer: (r: RecordedRequest) => Response | Promise<Response> }> = [];
  const requests: RecordedRequest[] = [];
  const realFetch = window.fetch;
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(endpoint)) return realFetch(input, init);
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.slice(endpoint.length).split('?')[0] ?? '';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, url, path, body };
    requests.push(request);
    const route = routes.find((r) => r.method === method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    if (!route) return json({ error: { code: 'not_found', message: `no fake route for ${method} ${path}` } }, 404);
    return route.answer(request);
  };
  window.fetch = fake as typeof fetch;
  return {
    endpoint,
    requests,
    on(method, path, answer) {
      routes.push({ method: method.toUpperCase(), path, answer });
    },
    restore() {
      if (window.fetch === (fake as typeof fetch)) window.fetch = realFetch;
    },
  };
}

/** Waits until `check` returns a truthy value (polling each animation frame), or fails after `timeout` ms. */
export async function until<T>(check: () => T | undefined | null | false, timeout = 3000, what = 'condition'): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The visible text of a node, shadow roots included, whitespace collapsed. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const visit = (current: Node): void => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    const element = current as Element;
    if (element.shadowRoot) visit(element.shadowRoot);
    if (element instanceof HTMLSlotElement) {
      for (const assigned of element.assignedNodes({ flatten: true })) visit(assigned);
      if (element.assignedNodes().length > 0) return;
    }
    for (const child of Array.from(current.childNodes)) visit(child);
  };
  visit(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export const petitionPayload = (overrides: Record<string, unknown> = {}) => ({
  id: 'xinjiang',
  title: 'Liberté pour les détenus des camps d’internement du Xinjiang',
  status: 'open',
  signatureCount: 323832,
  countryCount: 184,
  goal: 500000,
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
  ...overrides,
});

const realMatchMedia = window.matchMedia.bind(window);

/**
 * Emulates `prefers-reduced-motion`. Chromium emulates the media feature itself (CSS and matchMedia);
 * Firefox (WebDriver BiDi) and WebKit (WebDriver) have no such command, so there `matchMedia` answers for
 * the feature instead — what the elements' JavaScript reads. Returns which way was used.
 */
export async function emulateReducedMotion(reduce: boolean): Promise<'native' | 'matchMedia'> {
  const { emulateMedia } = await import('@web/test-runner-commands');
  try {
    await emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
    window.matchMedia = realMatchMedia;
    return 'native';
  } catch {
    window.matchMedia = reduce
      ? (query: string) => {
          if (!/prefers-reduced-motion/.test(query)) return realMatchMedia(query);
          return Object.create(realMatchMedia('all'), {
            matches: { value: /reduce/.test(query), enumerable: true },
            media: { value: query, enumerable: true },
          }) as MediaQueryList;
        }
      : realMatchMedia;
    return 'matchMedia';
  }
}

/** Presses Space: its key name differs between the engines' automation protocols ("Space" or " "). */
export async function pressSpace(): Promise<void> {
  const { sendKeys } = await import('@web/test-runner-commands');
  try {
    await sendKeys({ press: 'Space' });
  } catch {
    await sendKeys({ press: ' ' });
  }
}
