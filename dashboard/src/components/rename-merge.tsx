import { useState, type ReactNode } from 'react';

/** One thing another can be merged with: its id, its name as shown, and a muted detail. */
export interface MergeCandidate {
  id: string;
  label: string;
  detail: string;
}

export interface RenameMergeProps {
  /** prefix of the data-testid attributes (`topic` gives topic-rename, topic-merge-search, ...) */
  testid: string;
  /** the current name, and the label of its input */
  name: string;
  nameLabel: string;
  /** renames; resolves to the status line to show */
  onRename: (name: string) => Promise<string>;
  /** the label above the search box, its placeholder and aria-label */
  mergeLabel: ReactNode;
  mergePlaceholder: string;
  mergeAria: string;
  /** data-testid of each candidate's button */
  candidateTestid: string;
  search: string;
  onSearch: (search: string) => void;
  candidates: MergeCandidate[];
  /** merges; resolves to the status line to show */
  onMerge: (candidate: MergeCandidate) => Promise<string>;
}

/**
 * The rename form and the merge search that topics and stories share: the wrapper owns the
 * queries and mutations, this owns the form, the candidate list and the status line.
 */
export function RenameMerge(p: RenameMergeProps) {
  const [name, setName] = useState(p.name);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className={`${p.testid}-actions stack`} data-testid={`${p.testid}-actions`}>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          setMessage(await p.onRename(name));
        }}
      >
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={p.nameLabel} data-testid={`${p.testid}-rename-input`} />
        <button type="submit" disabled={!name.trim() || name.trim() === p.name} data-testid={`${p.testid}-rename`}>
          Rename
        </button>
      </form>
      <label className="small">
        {p.mergeLabel}
        <input value={p.search} onChange={(e) => p.onSearch(e.target.value)} placeholder={p.mergePlaceholder} aria-label={p.mergeAria} data-testid={`${p.testid}-merge-search`} />
      </label>
      {p.candidates.length > 0 && (
        <ul className="plain small">
          {p.candidates.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" data-testid={p.candidateTestid} onClick={async () => setMessage(await p.onMerge(c))}>
                {c.label}
              </button>{' '}
              <span className="muted">{c.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="small" role="status" data-testid={`${p.testid}-message`}>
          {message}
        </p>
      )}
    </div>
  );
}
