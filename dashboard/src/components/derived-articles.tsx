import { memo } from 'react';
import type { DerivedArticle } from '@copydesk/core';
import { changedParagraphs } from '../lib/text-diff.ts';

const KEYS = ['headline', 'byline', 'source', 'published', 'section', 'copyright', 'body'] as const;

function same(a: DerivedArticle | undefined, b: DerivedArticle): boolean {
  return !!a && KEYS.every((k) => a[k] === b[k]) && a.subheads.join('\n') === b.subheads.join('\n') && a.role === b.role;
}

/** same card content: an edit derives every article again, but most cards show the same thing */
const sameCard = (a: DerivedArticle | undefined, b: DerivedArticle | undefined) => a === b || (!!a && !!b && same(a, b) && a.start === b.start && a.end === b.end && a.segmentIndex === b.segmentIndex);

/**
 * The articles the editor's segmentation derives (the same code the server runs on save). A
 * changed article, and the one holding the caret, show their whole body with the paragraphs
 * that differ from the saved revision highlighted; the others their first and last paragraph.
 */
export function DerivedArticles({ articles, before, caret, onPick }: { articles: DerivedArticle[]; before: DerivedArticle[]; caret: number; onPick: (offset: number) => void }) {
  if (!articles.length) return <p className="muted">No article segments: mark a segment main or related (1, 2).</p>;
  return (
    <ol className="derived" data-testid="derived">
      {articles.map((a) => {
        const old = before.find((b) => b.start === a.start) ?? before[a.position];
        return <ArticleCard key={`${a.start}:${a.position}`} a={a} old={old} atCaret={a.start <= caret && caret < a.end} onPick={onPick} />;
      })}
    </ol>
  );
}

const ArticleCard = memo(function ArticleCard({ a, old, atCaret, onPick }: { a: DerivedArticle; old: DerivedArticle | undefined; atCaret: boolean; onPick: (offset: number) => void }) {
  const changed = !same(old, a);
  const paras = a.body ? a.body.split('\n') : [];
  const whole = changed || atCaret;
  const marks = whole ? changedParagraphs(old?.body ?? '', a.body) : [];
  return (
    <li className={`card role-${a.role}${changed ? ' changed' : ''}`} data-testid="derived-article">
      <button type="button" className="card-head link" onClick={() => onPick(a.start)} title="Go to this segment">
        <span className={`kindtag k-${a.role}`}>{a.role}</span>
        <span className="muted small">#{a.segmentIndex + 1} · {a.start}–{a.end}</span>
        {changed && <span className="edited">changed</span>}
      </button>
      <h3 className={a.headline ? undefined : 'missing'}>{a.headline ?? 'no headline'}</h3>
      <div className="meta small">
        {[a.byline && `by ${a.byline}`, a.source, a.published, a.section].filter(Boolean).join(' · ') || <span className="missing">no byline, source or date</span>}
      </div>
      <div className={`body-preview small${whole ? ' whole' : ''}`} data-testid="derived-body">
        {paras.length === 0 ? (
          <span className="missing">empty body</span>
        ) : whole ? (
          paras.map((p, k) => (
            <p key={k} className={marks[k] ? 'para-changed' : undefined} data-testid={k === paras.length - 1 ? 'derived-body-last' : undefined} data-changed={marks[k] ? 'true' : undefined}>
              {p}
            </p>
          ))
        ) : (
          <>
            <p>{paras[0]}</p>
            {paras.length > 2 && <p className="muted">… {paras.length - 2} more paragraph{paras.length - 2 === 1 ? '' : 's'} …</p>}
            {paras.length > 1 && <p data-testid="derived-body-last">{paras[paras.length - 1]}</p>}
          </>
        )}
      </div>
      {a.subheads.length > 0 && <div className="small muted">subheads: {a.subheads.join(' · ')}</div>}
      {a.copyright && <div className="small muted">{a.copyright}</div>}
      <div className="small muted">{a.body.length.toLocaleString()} characters</div>
    </li>
  );
}, (p, n) => p.atCaret === n.atCaret && p.onPick === n.onPick && sameCard(p.a, n.a) && sameCard(p.old, n.old));
