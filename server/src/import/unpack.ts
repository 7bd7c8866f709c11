/**
 * Uploads are unpacked off the request thread: each in a worker thread of its own (unpack-worker.ts),
 * at most `MAX_CONCURRENT` at a time (the others wait, and their bodies are not read meanwhile),
 * each with a time limit and a heap limit.
 */
import { InvalidInputError } from '../errors.ts';
import { spawnWorker } from '../threads/spawn.ts';
import { fromWire, type UnpackedItem, type UnpackLimits, type WireItem } from './files.ts';

export type { UnpackedItem, UnpackLimits } from './files.ts';

const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((ok) => waiting.push(ok));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export interface UnpackOptions {
  /** the worker is stopped after this long (ms) and the upload refused */
  timeoutMs?: number;
}

/**
 * Unpacks an upload's bytes (an async iterable of chunks, read as the worker takes them) into
 * items in file order: `{ filename, input }` per dump or `{ filename, error }` per refused entry,
 * where error is a DumpTooLargeError, InvalidTextError or InvalidInputError naming the entry.
 * Stops reading `chunks` past `limits.maxUploadBytes` (then answers one error item).
 */
export async function unpackUpload(filename: string, chunks: AsyncIterable<Uint8Array>, limits: UnpackLimits, opts: UnpackOptions = {}): Promise<UnpackedItem[]> {
  const release = await slot();
  const worker = spawnWorker('unpack', { workerData: { filename, limits }, resourceLimits: { maxOldGenerationSizeMb: 1024 }, stdout: false, stderr: false });
  let finished = false;
  let settled = false;
  const answer = new Promise<UnpackedItem[]>((ok, fail) => {
    const timer = setTimeout(() => {
      finished = settled = true;
      fail(new InvalidInputError('file', `unpacking took longer than ${Math.round((opts.timeoutMs ?? 60_000) / 1000)} s`));
    }, opts.timeoutMs ?? 60_000);
    const done = () => {
      finished = true;
      clearTimeout(timer);
    };
    // the worker's own failures (out of memory, a bug) refuse the upload with a typed error; the cause goes to the log
    const broken = (cause: string) => {
      if (settled) return; // stopped by us after its answer
      settled = true;
      console.error(`copydesk: unpacking ${filename} failed: ${cause}`);
      fail(new InvalidInputError('file', 'the upload could not be unpacked'));
    };
    const items: UnpackedItem[] = [];
    worker.on('message', (m: { item?: WireItem; end?: true; failure?: string }) => {
      if (m.item) {
        items.push(fromWire(m.item));
        // the next item once other requests had their turn
        return void setImmediate(() => worker.postMessage('next'));
      }
      done();
      if (!m.end) return broken(m.failure ?? 'no answer');
      settled = true;
      ok(items);
    });
    worker.once('error', (e) => (done(), broken(e.message)));
    worker.once('exit', (code) => (done(), broken(`the worker exited (${code})`)));
  });
  answer.catch(() => {});
  try {
    let size = 0;
    for await (const c of chunks) {
      if (finished) break;
      size += c.length;
      if (size > limits.maxUploadBytes) return [{ filename, error: new InvalidInputError('file', `the upload is over ${limits.maxUploadBytes} bytes`) }];
      // a view is cloned with its whole buffer: send a copy of just these bytes, transferred
      const own = new Uint8Array(c);
      worker.postMessage(own, [own.buffer]);
    }
    if (!finished) worker.postMessage(null);
    if (!finished) worker.postMessage('next');
    return await answer;
  } finally {
    release();
    void worker.terminate();
  }
}
