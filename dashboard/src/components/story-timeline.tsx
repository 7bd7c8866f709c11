/** A story's articles on a time axis, one lane per outlet (in order of its first article). */
import { href } from '../lib/router.ts';
import { graphql, type ResultOf } from '../graphql.ts';

/** What the timeline reads of each of a story's articles (spread it into the story's `articles` edges). */
export const StoryTimeline_ItemFragment = graphql(`
  fragment StoryTimeline_ItemFragment on StoryArticle @_unmask { seenAt pinned article { id headline source { name } } }
`);

export type TimelineArticle = ResultOf<typeof StoryTimeline_ItemFragment>;

/** Lanes of `items` (earliest first) by outlet; each article sits at its time's share of the story's span. */
export function StoryTimeline({ items, onMoveOut }: { items: TimelineArticle[]; onMoveOut?: (articleId: string) => void }) {
  const times = items.map((i) => Date.parse(i.seenAt));
  const start = Math.min(...times);
  const span = Math.max(...times) - start || 1;
  const lanes = new Map<string, TimelineArticle[]>();
  for (const i of items) {
    const outlet = i.article.source?.name ?? 'unknown outlet';
    lanes.set(outlet, [...(lanes.get(outlet) ?? []), i]);
  }
  return (
    <div className="story-timeline" data-testid="story-timeline">
      {[...lanes.entries()].map(([outlet, lane]) => (
        <section key={outlet} className="story-lane" data-testid="story-lane">
          <h3 className="small" data-testid="story-lane-outlet">
            {outlet}
          </h3>
          <div className="story-axis" aria-hidden="true">
            {lane.map((i) => (
              <span key={i.article.id} className="story-dot" style={{ left: `${((Date.parse(i.seenAt) - start) / span) * 100}%` }} title={i.article.headline ?? ''} />
            ))}
          </div>
          <ul className="plain">
            {lane.map((i) => (
              <li key={i.article.id} data-testid="story-article">
                <time className="muted small">{new Date(i.seenAt).toLocaleString()}</time> <a href={href(`/article/${encodeURIComponent(i.article.id)}`)}>{i.article.headline ?? 'no headline'}</a>
                {i.pinned && <span className="muted small"> · pinned</span>}
                {onMoveOut && items.length > 1 && (
                  <>
                    {' '}
                    <button type="button" className="link small" data-testid="story-move-out" onClick={() => onMoveOut(i.article.id)}>
                      move out
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
