import { stringifyDocument } from '@urql/core';
import { graphql, type ResultOf } from '../graphql.ts';
/** What the import page sends: one item per .txt file, per .jsonl line, or the pasted text. */
export interface ImportItem {
  label: string;
  text: string;
  filename?: string | null;
  url?: string | null;
  fetchedAt?: string | null;
  /** a line that could not be read */
  error?: string;
}

export function itemsFromFile(name: string, content: string): ImportItem[] {
  if (!/\.jsonl?$/i.test(name)) return [{ label: name, text: content, filename: name }];
  const out: ImportItem[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const label = `${name}:${i + 1}`;
    try {
      const v = JSON.parse(line) as { text?: unknown; filename?: unknown; url?: unknown; fetchedAt?: unknown };
      if (typeof v.text !== 'string') throw new Error('no "text" string');
      out.push({
        label: typeof v.filename === 'string' ? `${label} ${v.filename}` : label,
        text: v.text,
        filename: typeof v.filename === 'string' ? v.filename : null,
        url: typeof v.url === 'string' ? v.url : null,
        fetchedAt: typeof v.fetchedAt === 'string' ? v.fetchedAt : null,
      });
    } catch (e) {
      out.push({ label, text: '', error: `not a JSON line: ${(e as Error).message}` });
    }
  });
  return out;
}

/** JSON requests are capped by the server (1 MB by default): bigger dumps go as a multipart upload */
export const UPLOAD_ABOVE_BYTES = 900 * 1024;

export function needsUpload(text: string): boolean {
  return text.length * 3 > UPLOAD_ABOVE_BYTES && new TextEncoder().encode(text).length > UPLOAD_ABOVE_BYTES;
}

/** Archives of .txt dumps: sent whole through importDumpFile, the server unpacks them (never read as text here). */
export const isArchive = (name: string): boolean => /\.(zip|tar\.gz|tgz)$/i.test(name);

/** One dump's answer from importDumpFile, in the shape the import page shows. */
export interface UploadedItem {
  __typename: string;
  filename: string | null;
  created?: boolean;
  code?: string;
  message?: string;
  dump?: { id: string } | null;
  articlesCreated: number;
}

const UploadMutation = graphql(`
  mutation ImportPage_ImportDumpFile($file: File!) {
    importDumpFile(file: $file) {
      __typename
      ... on Error { code message }
      ... on ImportBatchResult { items { filename result { __typename ... on Error { code message } ... on ImportDumpPayload { created dump { id } changes { articlesCreated } } } } }
    }
  }
`);

/**
 * Sends a file through importDumpFile (multipart, as the GraphQL multipart request spec says): a
 * .txt dump, a .jsonl file, or a .zip / .tar.gz of dumps. Resolves to one answer per dump, or
 * throws with the server's message when the whole file is refused.
 */
export async function uploadFile(url: string, token: string | null, file: File): Promise<UploadedItem[]> {
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: stringifyDocument(UploadMutation),
      variables: { file: null },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', file);
  const res = await fetch(url, { method: 'POST', body: form, headers: { 'x-copydesk-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const json = (await res.json()) as { data?: ResultOf<typeof UploadMutation>; errors?: { message: string; extensions?: { code?: string } }[] };
  if (json.errors?.length) throw new Error(`${json.errors[0]!.extensions?.code ?? 'ERROR'}: ${json.errors[0]!.message}`);
  const a = json.data!.importDumpFile;
  if (a.__typename !== 'ImportBatchResult') throw new Error(`${a.code}: ${a.message}`);
  return a.items.map(({ filename, result: r }) =>
    r.__typename === 'ImportDumpPayload' ? { __typename: r.__typename, filename, created: r.created, dump: r.dump, articlesCreated: r.changes.articlesCreated } : { __typename: r.__typename, filename, code: r.code, message: r.message, articlesCreated: 0 },
  );
}

/** Sends one dump's text through importDumpFile (for dumps over the JSON request limit). */
export async function uploadDump(url: string, token: string | null, filename: string, text: string) {
  const items = await uploadFile(url, token, new File([text], filename.endsWith('.txt') ? filename : `${filename}.txt`, { type: 'text/plain' })).catch((e: Error) => [
    { __typename: 'Error', filename: null, code: e.message.split(':')[0], message: e.message, articlesCreated: 0 } as UploadedItem,
  ]);
  return items[0] ?? { __typename: 'Error', filename: null, code: 'EMPTY', message: 'no result', articlesCreated: 0 };
}
