/** Liveness probes: `{ __typename }` sent again and again while a heavy request runs, each answer's wait recorded. */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/** one probe: when it was answered and how long it waited (ms) */
export interface ProbeWait {
  at: number;
  ms: number;
}

/**
 * Sends an anonymous `{ __typename }` 50 ms after the previous answer until `stop()`; each wait is
 * the time from when the probe was due to its answer (a blocked thread delays the timer that sends
 * it as much as the answer). `stop()` resolves to every wait; `slowest(from, to)` is the longest
 * wait of the probes due in [from, to) (performance.now() times).
 */
export function probeLiveness(t: TestApp, pauseMs = 50) {
  const waits: ProbeWait[] = [];
  let busy = true;
  const loop = (async () => {
    let due = performance.now();
    while (busy) {
      const res = await t.gql(`{ __typename }`, {}, { token: null });
      expect(res.data).toEqual({ __typename: 'Query' });
      const answered = performance.now();
      waits.push({ at: answered, ms: answered - due });
      due = answered + pauseMs;
      await new Promise((ok) => setTimeout(ok, pauseMs));
    }
  })();
  const sent = (w: ProbeWait) => w.at - w.ms;
  return {
    waits,
    async stop() {
      busy = false;
      await loop;
      return waits;
    },
    /** probes due in [from, to) */
    during: (from: number, to: number) => waits.filter((w) => sent(w) >= from && sent(w) < to),
    slowest: (from: number, to: number) => Math.max(0, ...waits.filter((w) => sent(w) >= from && sent(w) < to).map((w) => w.ms)),
  };
}
