import { useSubscription } from 'urql';
import { STATUS_LABEL } from '../lib/format.ts';
import { useViewer } from '../lib/viewer.ts';
import { graphql } from '../graphql.ts';

const DumpUpdatedSubscription = graphql(`
  subscription LiveDump_Updated($id: ID!) {
    dumpUpdated(id: $id) { id status currentRevisionNumber currentRevision { number author createdAt } }
  }
`);

const PresenceSubscription = graphql(`
  subscription LiveDump_Presence($id: ID!) {
    dumpPresence(dumpId: $id) { editors }
  }
`);

/**
 * The boundary editor's live line: who else has this dump open (the editor holds the presence
 * subscription while the dump is open, when signed in), and the moment someone saves a revision
 * newer than the one on screen or moves the dump to another status, says so and offers the
 * rebase before a save would fail. `base`: the revision on screen; `status`: the status shown;
 * `onRebase(n)`: opens the conflict view against revision n.
 */
export function LiveDump({ dumpId, base, status, onRebase }: { dumpId: string; base: number; status: string; onRebase: (revision: number) => void }) {
  const viewer = useViewer();
  const [{ data }] = useSubscription({ query: DumpUpdatedSubscription, variables: { id: dumpId } });
  const [{ data: presence }] = useSubscription({ query: PresenceSubscription, variables: { id: dumpId }, pause: !viewer.name });
  const latest = data?.dumpUpdated;
  const others = presence?.dumpPresence.editors.filter((n) => n !== viewer.name) ?? [];
  const newer = latest && latest.currentRevisionNumber > base ? latest.currentRevision : null;
  const moved = latest && latest.currentRevisionNumber === base && latest.status !== status ? latest.status : null;
  if (!others.length && !newer && !moved) return null;
  return (
    <div className="live" role="status" aria-live="polite" data-testid="live">
      {others.length > 0 && (
        <span data-testid="presence">
          Also open by <strong>{others.join(', ')}</strong>
        </span>
      )}
      {newer && (
        <span className="live-revision" data-testid="live-revision" data-revision={newer.number}>
          <strong>{newer.author}</strong> saved revision {newer.number} (you are on {base}).{' '}
          <button type="button" className="primary" onClick={() => onRebase(newer.number)} data-testid="live-rebase">
            Rebase on revision {newer.number}
          </button>
        </span>
      )}
      {moved && <span data-testid="live-status">Now {STATUS_LABEL[moved] ?? moved}</span>}
    </div>
  );
}
