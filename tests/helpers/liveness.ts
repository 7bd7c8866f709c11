/** Liveness probes: a read sent again and again while a heavy request runs, each answer's wait recorded. */
import { expect } from 'vitest';
import type { GqlResponse, TestApp } from './app.ts';

/** one probe: when it was answered and how long it waited (ms) */
export interface ProbeWait {
  at: number;
  ms: number;
}

/** a read a probe sends (anonymously) and what its answer must be */
export interface ProbeRead {
  query: string;
  variables?: Record<string, unknown>;
  /** asserts on the answer (throws when it is wrong) */
  check(res: GqlResponse): void;
}

/** `{ __typename }`, answered by the server alone (no database) */
export const TYPENAME_READ: ProbeRead = { query: `{ __typename }`, check: (res) => expect(res.data).toEqual({ __typename: 'Query' }) };

/**
 * Sends `reads` in turn (by default `{ __typename }`), anonymously, `pauseMs` after the previous
 * answer until `stop()`; each wait is the time from when the probe was due to its answer (a
 * blocked thread delays the timer that sends it as much as the answer). A wrong answer (an error,
 * e.g. QUERY_TIMEOUT) ends the probing: `failure` holds it and `stop()` rejects with it.
 * `stop()` resolves to every wait; `slowest(from, to)` is the longest wait of the probes due in
 * [from, to) (performance.now() times).
 */
export function probeLiveness(t: TestApp, pauseMs = 50, reads: readonly ProbeRead[] = [TYPENAME_READ]) {
  const waits: ProbeWait[] = [];
  let busy = true;
  const state: { failure: unknown } = { failure: undefined };
  const loop = (async () => {
    let due = performance.now();
    for (let i = 0; busy; i++) {
      const read = reads[i % reads.length]!;
      const res = await t.gql(read.query, read.variables ?? {}, { token: null });
      try {
        read.check(res);
      } catch (e) {
        state.failure = e;
        throw e;
      }
      const answered = performance.now();
      waits.push({ at: answered, ms: answered - due });
      due = answered + pauseMs;
      await new Promise((ok) => setTimeout(ok, pauseMs));
    }
  })();
  loop.catch(() => {}); // reported by stop()
  const sent = (w: ProbeWait) => w.at - w.ms;
  return {
    waits,
    /** the first wrong answer, once there is one (probing has stopped then) */
    get failure() {
      return state.failure;
    },
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
