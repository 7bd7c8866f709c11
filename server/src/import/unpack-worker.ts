/**
 * Worker thread: unpacks one upload (unpack.ts sends its bytes as they arrive), checks, parses and
 * derives each dump, and answers the items: inflating, decoding and parsing never run on the
 * request thread.
 * In:  workerData `{ filename, limits }`; messages `Uint8Array` (a chunk) then `null` (the end);
 *      then `'next'` for each item the parent is ready to take.
 * Out: one message `{ item: WireItem }` per `'next'`, in file order, then `{ end: true }`; or
 *      `{ failure: string }`. One item at a time, when asked: the request thread decodes each (its
 *      text, parse and articles) with other requests served in between, never a whole archive's at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareItems, toWire, unpackStream, type UnpackLimits } from './files.ts';

const { filename, limits } = workerData as { filename: string; limits: UnpackLimits };
const port = parentPort!;

/** the parent's `'next'`s not yet answered, and the wait for one */
let asked = 0;
let onAsk: (() => void) | null = null;
const nextAsk = async () => {
  while (!asked) await new Promise<void>((ok) => (onAsk = ok));
  asked--;
};

/** chunks posted by the parent and not yet read (`null`: the end), and the wait for one */
const queue: (Uint8Array | null)[] = [];
let wake: (() => void) | null = null;
// listening from the start, not from the first read: an upload refused before its bytes are read
// (an unknown file type) still hears its 'next', and the open port keeps this thread alive until then
port.on('message', (m: Uint8Array | null | 'next') => {
  if (m === 'next') {
    asked++;
    return onAsk?.();
  }
  queue.push(m);
  wake?.();
});

/** the chunks posted by the parent, as a stream that ends at `null` */
async function* received(): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (!queue.length) await new Promise<void>((ok) => (wake = ok));
    wake = null;
    const c = queue.shift()!;
    if (c === null) return;
    yield c;
  }
}

unpackStream(filename, received(), limits).then(
  async (items) => {
    for (const item of prepareItems(items, limits.maxDumpBytes)) {
      await nextAsk();
      port.postMessage({ item: toWire(item) });
    }
    await nextAsk();
    port.postMessage({ end: true });
  },
  (e: unknown) => port.postMessage({ failure: (e as Error).message ?? String(e) }),
);
