import { useQuery } from 'urql';

const DumpsQuery = /* GraphQL */ `
  query DumpList_Dumps($first: Int!, $after: String) {
    dumps(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          filename
          template
          confidence
          status
          createdAt
          appearances {
            role
            position
            article { id headline byline published source { name } }
          }
        }
      }
    }
  }
`;

interface DumpNode {
  id: string;
  filename: string | null;
  template: string;
  confidence: number;
  status: string;
  createdAt: string;
  appearances: {
    role: string;
    position: number;
    article: { id: string; headline: string | null; byline: string | null; published: string | null; source: { name: string } | null };
  }[];
}

/** The first page: every dump with the articles its current revision derives. */
export function DumpList() {
  const [{ data, fetching, error }] = useQuery<{ dumps: { totalCount: number; edges: { node: DumpNode }[] } }>({
    query: DumpsQuery,
    variables: { first: 50 },
  });
  if (error) return <p role="alert" className="error">Could not load dumps: {error.message}</p>;
  if (!data) return <p>{fetching ? 'Loading…' : 'No data'}</p>;
  return (
    <section>
      <h2>
        Dumps <span className="count">{data.dumps.totalCount}</span>
      </h2>
      {data.dumps.edges.length === 0 && <p>No dumps yet. Import one with the importDump mutation (see README).</p>}
      <ul className="dumps">
        {data.dumps.edges.map(({ node: d }) => (
          <li key={d.id} className="dump" data-testid="dump">
            <div className="dump-head">
              <strong>{d.filename ?? 'untitled dump'}</strong>
              <span className="meta">
                {d.template} · confidence {d.confidence.toFixed(2)} · {d.status}
              </span>
            </div>
            <ol className="articles">
              {d.appearances.map((a) => (
                <li key={a.position} className={`article ${a.role}`}>
                  <span className="role">{a.role}</span>
                  <span className="headline">{a.article.headline ?? '(no headline)'}</span>
                  <span className="meta">
                    {[a.article.source?.name, a.article.published, a.article.byline].filter(Boolean).join(' · ')}
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
