/** SQLSTATEs after which the whole transaction can simply run again: deadlock detected, serialization failure */
const RETRYABLE = new Set(['40P01', '40001']);

/** True when `e` (a driver error, or drizzle's wrapper of one in `cause`) is a deadlock or serialization failure. */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? (e as { cause?: { code?: string } } | null)?.cause?.code;
  return RETRYABLE.has(code ?? '');
}

/**
 * Runs `attempt` (one whole transaction) again when PostgreSQL aborted it as a deadlock victim or
 * a serialization failure, up to `tries` times in all, after a short random pause that grows with
 * each try (so the writers it collided with get ahead); any other error, or the last one, is thrown.
 */
export async function retryTransaction<T>(attempt: () => Promise<T>, tries = 8): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (n >= tries || !isRetryable(e)) throw e;
      await new Promise((ok) => setTimeout(ok, Math.random() * 25 * n));
    }
  }
}
