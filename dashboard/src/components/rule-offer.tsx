import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { href } from '../lib/router.ts';
import { graphql } from '../graphql.ts';

const CreateRule = graphql(`
  mutation RuleOffer_CreateParseRule($input: CreateParseRuleInput!) {
    createParseRule(input: $input) {
      __typename
      ... on ParseRule { id name scope source }
      ... on Error { code message }
    }
  }
`);

const ShapeQuery = graphql(`
  query RuleOffer_Shape($lineText: String!, $action: RuleAction!, $fieldStart: Int!, $fieldEnd: Int!) {
    ruleShape(lineText: $lineText, action: $action, fieldStart: $fieldStart, fieldEnd: $fieldEnd) { shape reason }
  }
`);

export interface RuleOfferProps {
  dumpId: string;
  offer: {
    /** the line the editor fixed: trimmed for a boilerplate mark; as the dump shows it for a field fix (span is relative to it) */
    lineText: string;
    /** the outlet of the article it sits in, when the page names one */
    source: string | null;
    /** absent: the line was marked publisher boilerplate; byline, published: that field was marked on `span` of the line */
    field?: 'byline' | 'published';
    span?: { start: number; end: number };
  };
  onClose: () => void;
}

const FIELD_WORDS = { byline: 'Byline', published: 'Date' } as const;
const ACTIONS = { byline: 'BYLINE', published: 'PUBLISHED' } as const;

/**
 * After "mark publisher boilerplate", or a byline or date fix on one line whose shape generalises
 * (the server's ruleShape says so): offer to make it a rule, always for this source or always everywhere.
 */
export function RuleOffer({ dumpId, offer, onClose }: RuleOfferProps) {
  const { lineText, source, field, span } = offer;
  const [{ fetching }, create] = useMutation(CreateRule);
  const [shapeAnswer] = useQuery({
    query: ShapeQuery,
    variables: { lineText, action: field ? ACTIONS[field] : 'BYLINE', fieldStart: span?.start ?? 0, fieldEnd: span?.end ?? 0 },
    pause: !field || !span,
  });
  const [result, setResult] = useState<{ ok: boolean; text: string; id?: string } | null>(null);
  const shape = shapeAnswer.data?.ruleShape.shape ?? null;
  // a field fix whose line does not generalise (or not known yet) offers nothing
  if (field && !shape) return null;
  const make = async (scope: 'SOURCE' | 'EVERYWHERE') => {
    const input = field && span ? { lineText, scope, source: scope === 'SOURCE' ? source : null, dumpId, action: ACTIONS[field], fieldStart: span.start, fieldEnd: span.end } : { lineText, scope, source: scope === 'SOURCE' ? source : null, dumpId };
    const r = await create({ input });
    const d = r.data?.createParseRule;
    if (d?.__typename === 'ParseRule') setResult({ ok: true, text: `Saved as ${d.name}.`, id: d.id });
    else setResult({ ok: false, text: (d && 'message' in d ? d.message : null) ?? r.error?.message ?? 'no answer' });
  };
  const shown = lineText.trim();
  return (
    <div className="banner rule-offer" data-testid="rule-offer" data-field={field ?? 'noise'} role="group" aria-label="Make it a rule">
      <span>
        {field ? (
          <>
            {FIELD_WORDS[field]} on <q>{shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}</q>: lines shaped <code data-testid="rule-offer-shape">{shape}</code>. Make it a rule?
          </>
        ) : (
          <>
            Publisher boilerplate: <q>{shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}</q>. Make it a rule?
          </>
        )}
      </span>{' '}
      {result ? (
        <span className={result.ok ? 'ok' : 'error'} data-testid="rule-offer-result">
          {result.text} {result.id && <a href={href('/rules', { rule: result.id })}>See it on the Rules page</a>}
        </span>
      ) : (
        <>
          <button type="button" disabled={fetching || !source} onClick={() => void make('SOURCE')} title={source ? undefined : 'the article names no source'} data-testid="rule-source">
            Always, for {source ?? 'this source'}
          </button>{' '}
          <button type="button" disabled={fetching} onClick={() => void make('EVERYWHERE')} data-testid="rule-everywhere">
            Always, everywhere
          </button>
        </>
      )}{' '}
      <button type="button" className="link" onClick={onClose} aria-label="Close">
        ×
      </button>
    </div>
  );
}
