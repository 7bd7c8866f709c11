/**
 * The load generator, in a process of its own (as a real client is): autocannon with 8
 * connections for a bounded time, POSTing the bodies of a JSON file in turn (one per request).
 * The benchmark's own process holds the corpus, and its garbage collection pauses would show up
 * as request latency here.
 *   node --import tsx tests/bench/load-client.ts URL BODIES.json SECONDS   -> one JSON line
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, file, seconds] = process.argv.slice(2);
if (!url || !file || !seconds) throw new Error('usage: load-client.ts URL BODIES.json SECONDS');
const bodies = JSON.parse(readFileSync(file, 'utf8')) as string[];
let i = 0;
autocannon(
  {
    url,
    method: 'POST',
    connections: 8,
    duration: Number(seconds),
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  },
  (err, r) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify({ reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx }) + '\n');
  },
);
