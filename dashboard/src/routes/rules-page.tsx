import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { href, useRoute } from '../lib/router.ts';
import { useViewer } from '../lib/viewer.ts';
import { timeAgo } from '../lib/format.ts';
import { graphql, type ResultOf } from '../graphql.ts';

const RuleFragment = graphql(`
  fragment RulesPage_RuleFragment on ParseRule @_unmask {
    id
    name
    action
    shape
    scope
    source
    lineText
    note
    createdBy
    createdAt
    updatedBy
    updatedAt
    dump { id filename }
  }
`);

const RulesQuery = graphql(`
  query RulesPage_Rules {
    parseRules { ...RulesPage_RuleFragment }
  }
`, [RuleFragment]);

type RulesPage_RuleFragment = ResultOf<typeof RuleFragment>;

const ImpactQuery = graphql(`
  query RulesPage_Impact($id: ID!) {
    node(id: $id) { ... on ParseRule { id impact { __typename ... on RuleImpact { wouldChange editorOwned checked truncated } ... on Error { message } } } }
  }
`);
const ApplyRule = graphql(`
  mutation RulesPage_ApplyParseRule($id: ID!) {
    applyParseRule(id: $id) { __typename ... on ApplyParseRulePayload { reparsed becameCurrent proposed } ... on Error { message } }
  }
`);
const UpdateRule = graphql(`
  mutation RulesPage_UpdateParseRule($input: UpdateParseRuleInput!) {
    updateParseRule(input: $input) { __typename ... on ParseRule { ...RulesPage_RuleFragment } ... on Error { message } }
  }
`, [RuleFragment]);
const DeleteRule = graphql(`
  mutation RulesPage_DeleteParseRule($id: ID!) {
    deleteParseRule(id: $id) { __typename ... on DeleteParseRulePayload { deletedId } ... on Error { message } }
  }
`);
const LinesQuery = graphql(`
  query RulesPage_RepeatedLines($source: String) {
    repeatedLines(source: $source, first: 50) { key text stories sources boilerplate vetoed vetoedBy }
  }
`);
const VetoLine = graphql(`
  mutation RulesPage_VetoRememberedLine($input: VetoRememberedLineInput!) {
    vetoRememberedLine(input: $input) { __typename ... on RememberedLine { key vetoed vetoedBy boilerplate } ... on Error { message } }
  }
`);

interface Impact {
  wouldChange: number;
  editorOwned: number;
  checked: number;
  truncated: boolean;
}

/** One rule: what it marks, where, who made it; its impact on the stored dumps, re-parse, edit, remove. */
function RuleRow({ rule, canEdit, highlighted }: { rule: RulesPage_RuleFragment; canEdit: boolean; highlighted: boolean }) {
  const [impactRes, checkImpact] = useQuery({ query: ImpactQuery, variables: { id: rule.id }, pause: true, requestPolicy: 'network-only' });
  const [{ fetching: applying }, apply] = useMutation(ApplyRule);
  const [, update] = useMutation(UpdateRule);
  const [, remove] = useMutation(DeleteRule);
  const [edit, setEdit] = useState<{ lineText: string; scope: 'SOURCE' | 'EVERYWHERE'; source: string; note: string } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const node = impactRes.data?.node;
  const answer = node && 'impact' in node ? node.impact : null;
  const impact = answer && 'wouldChange' in answer ? answer : null;
  const reparse = async () => {
    const r = await apply({ id: rule.id });
    const d = r.data?.applyParseRule;
    if (d?.__typename === 'ApplyParseRulePayload') setSaid(`Re-parsed ${d.reparsed}: ${d.becameCurrent} updated, ${d.proposed} with a proposed revision to review.`);
    else setSaid(d?.message ?? r.error?.message ?? 'no answer');
    checkImpact();
  };
  const save = async () => {
    if (!edit) return;
    const r = await update({ input: { id: rule.id, lineText: edit.lineText, scope: edit.scope, source: edit.scope === 'SOURCE' ? edit.source : null, note: edit.note || null } });
    const d = r.data?.updateParseRule;
    if (d?.__typename === 'ParseRule') {
      setEdit(null);
      setSaid('Saved.');
    } else setSaid(d?.message ?? r.error?.message ?? 'no answer');
  };
  const drop = async () => {
    const r = await remove({ id: rule.id });
    if (r.data?.deleteParseRule?.__typename !== 'DeleteParseRulePayload') setSaid(r.data?.deleteParseRule?.message ?? r.error?.message ?? 'no answer');
  };
  return (
    <li className={`rule${highlighted ? ' highlighted' : ''}`} data-testid="rule">
      {edit ? (
        <form
          className="rule-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            Line{' '}
            <input
              value={edit.lineText}
              onChange={(e) => setEdit({ ...edit, lineText: e.target.value })}
              readOnly={!!rule.shape}
              title={rule.shape ? 'a shape rule keeps the line it was learned from' : undefined}
              data-testid="rule-line-input"
            />
          </label>
          <label>
            Scope{' '}
            <select value={edit.scope} onChange={(e) => setEdit({ ...edit, scope: e.target.value as 'SOURCE' | 'EVERYWHERE' })} data-testid="rule-scope-select">
              <option value="SOURCE">always, for this source</option>
              <option value="EVERYWHERE">always, everywhere</option>
            </select>
          </label>
          {edit.scope === 'SOURCE' && (
            <label>
              Source <input value={edit.source} onChange={(e) => setEdit({ ...edit, source: e.target.value })} />
            </label>
          )}
          <label>
            Note <input value={edit.note} onChange={(e) => setEdit({ ...edit, note: e.target.value })} />
          </label>
          <button type="submit" className="primary" data-testid="rule-save">
            Save
          </button>{' '}
          <button type="button" onClick={() => setEdit(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div>
            <strong>{rule.name}</strong>{' '}
            {rule.shape ? (
              <>
                lines shaped <code data-testid="rule-shape">{rule.shape}</code> hold the {rule.action === 'byline' ? 'byline' : 'published date'} (learned from{' '}
                <q data-testid="rule-line">{rule.lineText}</q>),{' '}
              </>
            ) : (
              <>
                <q data-testid="rule-line">{rule.lineText}</q> is publisher boilerplate,{' '}
              </>
            )}
            <span data-testid="rule-scope">{rule.scope === 'SOURCE' ? `always, for ${rule.source}` : 'always, everywhere'}</span>
          </div>
          <div className="muted small">
            by {rule.createdBy} {timeAgo(rule.createdAt)}
            {rule.dump && (
              <>
                {' '}
                from <a href={href(`/dump/${rule.dump.id}`)}>{rule.dump.filename ?? 'a dump'}</a>
              </>
            )}
            {rule.updatedBy && rule.updatedAt && ` · edited by ${rule.updatedBy} ${timeAgo(rule.updatedAt)}`}
            {rule.note && ` · ${rule.note}`}
          </div>
        </>
      )}
      <div className="rule-actions">
        <button type="button" onClick={() => checkImpact()} disabled={impactRes.fetching} data-testid="rule-impact">
          {impactRes.fetching ? 'Checking…' : 'How many dumps would it change?'}
        </button>
        {answer && !impact && 'message' in answer && <span className="error"> {answer.message}</span>}
        {impact && ' '}
        {impact && (
          <span data-testid="rule-impact-result">
            {impact.wouldChange} stored dump{impact.wouldChange === 1 ? '' : 's'} would change
            {impact.editorOwned ? ` (${impact.editorOwned} with an editor's revision: they get a proposed revision to review)` : ''}
            {impact.truncated ? ` (only the first ${impact.checked} checked)` : ''}.{' '}
            {impact.wouldChange > 0 && canEdit && (
              <button type="button" className="primary" onClick={() => void reparse()} disabled={applying} data-testid="rule-apply">
                Re-parse them
              </button>
            )}
          </span>
        )}
        {canEdit && !edit && (
          <>
            {' '}
            <button type="button" onClick={() => setEdit({ lineText: rule.lineText, scope: rule.scope, source: rule.source ?? '', note: rule.note ?? '' })} data-testid="rule-edit">
              Edit
            </button>{' '}
            <button type="button" onClick={() => void drop()} data-testid="rule-remove">
              Remove
            </button>
          </>
        )}
        {said && ' '}
        {said && (
          <span className="msg" role="status" data-testid="rule-message">
            {said}
          </span>
        )}
      </div>
    </li>
  );
}

/** What the line memory learned: the most repeated lines (overall or for one source), each with a veto. */
function LearnedLines({ canEdit }: { canEdit: boolean }) {
  const [source, setSource] = useState('');
  const [draft, setDraft] = useState('');
  const [{ data }] = useQuery({
    query: LinesQuery,
    variables: { source: source || null },
    requestPolicy: 'cache-and-network',
  });
  const [, veto] = useMutation(VetoLine);
  return (
    <section>
      <h2>Learned lines</h2>
      <p className="muted small">Body lines seen in many stories (near-duplicate articles count once). A line in 3 or more is parsed as publisher boilerplate unless vetoed.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSource(draft.trim());
        }}
      >
        <input placeholder="source (all when empty)" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Source" /> <button type="submit">Show</button>
      </form>
      <table className="lines" data-testid="learned-lines">
        <thead>
          <tr>
            <th>line</th>
            <th>stories</th>
            <th>sources</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.repeatedLines ?? []).map((l) => (
            <tr key={l.key} className={l.vetoed ? 'muted' : undefined}>
              <td>{l.text}</td>
              <td>{l.stories}</td>
              <td>{l.sources}</td>
              <td>
                {l.vetoed ? `vetoed by ${l.vetoedBy}` : l.boilerplate ? 'boilerplate' : ''}{' '}
                {canEdit && (
                  <button type="button" onClick={() => void veto({ input: { key: l.key, vetoed: !l.vetoed } })}>
                    {l.vetoed ? 'Lift veto' : 'Veto'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const DriftQuery = graphql(`
  query RulesPage_Drift {
    driftReport { source dumps articles changed kinds { kind count } }
  }
`);

const DRIFT_LABEL: Record<string, string> = {
  ARTICLES: 'articles',
  HEADLINE: 'headline',
  BYLINE: 'byline',
  SOURCE: 'source',
  PUBLISHED: 'date',
  SECTION: 'section',
  BODY_START: 'body start',
  BODY_END: 'body end',
  BOILERPLATE: 'boilerplate',
  SUBHEAD: 'subhead',
  COPYRIGHT: 'copyright',
};

/** Per source, how often editors changed the parser's output, by kind. */
function Drift() {
  const [{ data, fetching }] = useQuery({
    query: DriftQuery,
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.driftReport ?? [];
  return (
    <section>
      <h2>Drift</h2>
      <p className="muted small">Per source, how often editors changed the parser's output (each edited dump's latest editor revision against the parser's), by kind: where the parser needs work.</p>
      {!fetching && !rows.length && <p className="muted">No editor revisions yet.</p>}
      {rows.length > 0 && (
        <table className="lines" data-testid="drift">
          <thead>
            <tr>
              <th>source</th>
              <th>edited dumps</th>
              <th>articles changed</th>
              <th>by kind</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.source ?? ''}>
                <td>{r.source ?? <span className="muted">(none named)</span>}</td>
                <td>{r.dumps}</td>
                <td>
                  {r.changed} of {r.articles}
                </td>
                <td>{r.kinds.map((k) => `${DRIFT_LABEL[k.kind] ?? k.kind} ${k.count}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The Rules page: editors' rules (list, impact, re-parse, edit, remove), what the line memory learned, and the drift report. */
export function RulesPage() {
  const viewer = useViewer();
  const { query } = useRoute();
  const [{ data, fetching, error }] = useQuery({ query: RulesQuery, requestPolicy: 'cache-and-network' });
  const rules = data?.parseRules ?? [];
  const canEdit = !!viewer.name;
  return (
    <div className="rules-page">
      <h1>Rules</h1>
      <p className="muted">
        An editor's fix made a rule: the line is publisher boilerplate, always for one source or always everywhere. New imports apply every rule; a rule's spans name it. Make one from the boundary editor: mark a
        line as publisher boilerplate (<kbd>n</kbd>).
      </p>
      {error && <p className="error">{error.message}</p>}
      {!fetching && !rules.length && <p className="muted" data-testid="no-rules">No rules yet.</p>}
      <ul className="rules" data-testid="rules">
        {rules.map((r) => (
          <RuleRow key={r.id} rule={r} canEdit={canEdit} highlighted={query.get('rule') === r.id} />
        ))}
      </ul>
      <LearnedLines canEdit={canEdit} />
      <Drift />
    </div>
  );
}
