/**
 * Worker thread: unpacks one upload (unpack.ts sends its bytes as they arrive), checks, parses and
 * derives each dump, and answers the items: inflating, decoding and parsing never run on the
 * request thread.
 * In:  workerData `{ filename, limits }`; messages `Uint8Array` (a chunk) then `null` (the end).
 * Out: one message `{ items: WireItem[] }` or `{ failure: string }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareItems, toWire, unpackStream, type UnpackLimits } from './files.ts';

const { filename, limits } = workerData as { filename: string; limits: UnpackLimits };
const port = parentPort!;

/** the chunks posted by the parent, as a stream that ends at `null` */
async function* received(): AsyncGenerator<Uint8Array> {
  const queue: (Uint8Array | null)[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m: Uint8Array | null) => {
    queue.push(m);
    wake?.();
  });
  for (;;) {
    while (!queue.length) await new Promise<void>((ok) => (wake = ok));
    wake = null;
    const c = queue.shift()!;
    if (c === null) return;
    yield c;
  }
}

unpackStream(filename, received(), limits).then(
  (items) => port.postMessage({ items: prepareItems(items, limits.maxDumpBytes).map(toWire) }),
  (e: unknown) => port.postMessage({ failure: (e as Error).message ?? String(e) }),
);
