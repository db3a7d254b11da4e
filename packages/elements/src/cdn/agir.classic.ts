/**
 * `agir.classic.js`: for CMSs that only accept classic `<script src>` tags (no `type="module"`). It sets
 * a small `Agir` stub at once (so `Agir.configure(…)` can be called in the next inline or classic script),
 * then loads `agir.js` from the same folder with a dynamic import — which classic scripts may use — so
 * elements still load lazily, one chunk each. Calls made before the loader arrives are queued and replayed.
 */
(() => {
  type Stub = { queue: Array<[string, unknown[]]>; version?: string } & Record<string, unknown>;
  const w = window as unknown as { Agir?: Stub };
  if (w.Agir?.version) return; // the loader is already here
  // A page may have queued calls already (`(window.Agir ??= { queue: [] }).queue.push(…)`): keep them.
  const stub = (w.Agir ??= { queue: [] });
  const queue = stub.queue;
  for (const method of ['configure', 'define', 'load']) stub[method] = (...args: unknown[]) => void queue.push([method, args]);
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script?.src ?? location.href;
  import(/* @vite-ignore */ new URL('agir.js', base).href).catch((error: unknown) =>
    console.error('Agir: could not load agir.js next to agir.classic.js.', error),
  );
})();
