/**
 * Logs, one JSON object a line. A request line holds its method, path (no query string), status and
 * duration: never a name, an email or a phone. An error line holds the error's class, database code
 * and stack frames, not its message (a database message can quote the values it refused).
 */
export interface Logger {
  request(entry: { method: string; path: string; status: number; ms: number }): void;
  error(context: string, error: unknown): void;
}

export function createLogger(sink: ((line: string) => void) | false | undefined): Logger {
  const write = sink === false ? undefined : (sink ?? ((line: string) => void process.stdout.write(`${line}\n`)));
  const emit = (entry: Record<string, unknown>) => write?.(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  return {
    request: (entry) => emit({ ...entry, ms: Math.round(entry.ms * 10) / 10 }),
    error: (context, error) => {
      const details: Error & { code?: unknown } = error instanceof Error ? error : new Error(String(error));
      emit({
        level: 'error',
        context,
        error: details.name,
        ...(typeof details.code === 'string' ? { code: details.code } : {}),
        stack: details.stack
          ?.split('\n')
          .slice(1, 6)
          .map((frame) => frame.trim()),
      });
    },
  };
}
