import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { href } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { useViewer } from '../lib/viewer.ts';
import { isArchive, itemsFromFile, needsUpload, uploadDump, uploadFile, type ImportItem, type UploadedItem } from '../lib/import-items.ts';
import { getToken } from '../lib/auth.ts';
import { env } from '../env.ts';
import { graphql, type ResultOf } from '../graphql.ts';

const ImportMutation = graphql(`
  mutation ImportPage_ImportDump($input: ImportDumpInput!) {
    importDump(input: $input) {
      __typename
      ... on ImportDumpPayload { created articlesCreated dump { id filename confidence } }
      ... on Error { message code }
    }
  }
`);

/** one dump's answer: from importDump, or from importDumpFile (dumps over the JSON request limit) */
type ImportAnswer = ResultOf<typeof ImportMutation>['importDump'] | UploadedItem;

interface Result {
  label: string;
  state: 'waiting' | 'running' | 'created' | 'unchanged' | 'error';
  code?: string;
  message?: string;
  dumpId?: string;
  articles?: number;
}

/**
 * Paste a dump or drop files: .txt and .jsonl items go through importDump (importDumpFile above
 * 900 KB); .zip and .tar.gz archives go whole through importDumpFile. A result per dump.
 */
export function ImportPage() {
  const viewer = useViewer();
  const [text, setText] = useState('');
  const [filename, setFilename] = useState('');
  const [results, setResults] = useState<Result[]>([]);
  const [running, setRunning] = useState(false);
  const [over, setOver] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [, importDump] = useMutation(ImportMutation);

  const run = async (items: ImportItem[]) => {
    if (!items.length) return;
    setRunning(true);
    const rs: Result[] = items.map((it) => (it.error ? { label: it.label, state: 'error', code: 'UNREADABLE', message: it.error } : { label: it.label, state: 'waiting' }));
    setResults([...rs]);
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.error) continue;
      rs[i] = { ...rs[i]!, state: 'running' };
      setResults([...rs]);
      let d: ImportAnswer | undefined;
      let failure: string | undefined;
      if (needsUpload(it.text)) {
        d = await uploadDump(env.graphqlUrl, getToken(), it.filename ?? it.label, it.text).catch((e: Error) => ((failure = e.message), undefined));
      } else {
        const r = await importDump({ input: { text: it.text, filename: it.filename ?? null, url: it.url ?? null, fetchedAt: it.fetchedAt ?? null } });
        d = r.data?.importDump;
        failure = r.error?.message;
      }
      if (d?.__typename === 'ImportDumpPayload') rs[i] = { ...rs[i]!, state: d.created ? 'created' : 'unchanged', dumpId: d.dump?.id, articles: d.articlesCreated ?? 0 };
      else {
        const refused = d && 'message' in d ? d : null;
        rs[i] = { ...rs[i]!, state: 'error', code: refused?.code ?? 'NETWORK', message: refused?.message ?? failure ?? 'no answer' };
      }
      setResults([...rs]);
    }
    setRunning(false);
  };

  /** an archive: one upload, then a result row per dump it held */
  const runArchive = async (file: File) => {
    setRunning(true);
    setResults((rs) => [...rs, { label: file.name, state: 'running' }]);
    const rows: Result[] = await uploadFile(env.graphqlUrl, getToken(), file).then(
      (items) =>
        items.map((d) => {
          const label = `${file.name}: ${d.filename ?? '?'}`;
          return d.__typename === 'ImportDumpPayload'
            ? { label, state: d.created ? 'created' : 'unchanged', dumpId: d.dump?.id, articles: d.articlesCreated }
            : { label, state: 'error', code: d.code ?? d.__typename, message: d.message };
        }),
      (e: Error) => [{ label: file.name, state: 'error', code: 'UPLOAD', message: e.message }],
    );
    setResults((rs) => [...rs.filter((r) => !(r.label === file.name && r.state === 'running')), ...rows]);
    setRunning(false);
  };

  const readFiles = async (files: FileList | File[]) => {
    setResults([]);
    const items: ImportItem[] = [];
    const archives = Array.from(files).filter((f) => isArchive(f.name));
    for (const f of Array.from(files)) if (!isArchive(f.name)) items.push(...itemsFromFile(f.name, await f.text()));
    await run(items);
    for (const a of archives) await runArchive(a);
  };

  useShortcuts('import', 'Import', [
    { keys: 'p', label: 'Paste: focus the text box', run: () => textRef.current?.focus() },
    { keys: 'f', label: 'Choose files', run: () => fileRef.current?.click() },
    { keys: 'mod+Enter', label: 'Import the pasted text', run: () => void run([{ label: filename || 'pasted text', text, filename: filename || null }]), inInputs: true },
  ]);

  const done = results.filter((r) => r.state !== 'waiting' && r.state !== 'running').length;
  const count = (s: Result['state']) => results.filter((r) => r.state === s).length;
  if (!viewer.name)
    return (
      <section className="import">
        <h1>Import</h1>
        <p className="banner">Importing needs an editor token: sign in first (g s).</p>
      </section>
    );
  return (
    <section className="import">
      <h1>Import</h1>
      <div className="import-grid">
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void run([{ label: filename || 'pasted text', text, filename: filename || null }]);
          }}
        >
          <label>
            Paste a dump
            <textarea ref={textRef} value={text} onChange={(e) => setText(e.target.value)} rows={14} spellCheck={false} data-testid="import-text" />
          </label>
          <label>
            File name (optional)
            <input value={filename} onChange={(e) => setFilename(e.target.value)} placeholder="000_abcdef.txt" data-testid="import-filename" />
          </label>
          <button type="submit" className="primary" disabled={running || !text.trim()} data-testid="import-submit">
            Import text <kbd>Ctrl+Enter</kbd>
          </button>
        </form>
        <div
          className={`drop${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void readFiles(e.dataTransfer.files);
          }}
        >
          <p>
            Drop <strong>.txt</strong> dumps, <strong>.jsonl</strong> files or <strong>.zip</strong> / <strong>.tar.gz</strong> archives here
          </p>
          <p className="muted small">
            JSON Lines: one <code>{'{ "text", "filename"?, "url"?, "fetchedAt"? }'}</code> per line
          </p>
          <button type="button" onClick={() => fileRef.current?.click()}>
            Choose files <kbd>f</kbd>
          </button>
          <input ref={fileRef} type="file" multiple accept=".txt,.jsonl,.json,.zip,.gz,.tgz,text/plain,application/zip,application/gzip" hidden onChange={(e) => e.target.files && void readFiles(e.target.files)} data-testid="import-files" />
        </div>
      </div>
      {results.length > 0 && (
        <div className="results" data-testid="import-results">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={results.length} aria-valuenow={done}>
            <span style={{ width: `${(done / results.length) * 100}%` }} />
          </div>
          <p className="small">
            {done} of {results.length} · {count('created')} created · {count('unchanged')} unchanged · {count('error')} failed
          </p>
          <table className="grid">
            <tbody>
              {results.map((r, i) => (
                <tr key={i} data-testid="import-result" data-state={r.state}>
                  <td className="ellipsis">{r.label}</td>
                  <td>
                    <span className={`res res-${r.state}`}>{r.state === 'error' ? r.code : r.state}</span>
                  </td>
                  <td className="small">
                    {r.dumpId && <a href={href(`/dump/${r.dumpId}`)}>open dump {r.dumpId}</a>}
                    {r.state === 'created' && ` · ${r.articles} new article${r.articles === 1 ? '' : 's'}`}
                    {r.message && <span className="error"> {r.message}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
