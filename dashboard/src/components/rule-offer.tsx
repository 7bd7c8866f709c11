import { useState } from 'react';
import { useMutation } from 'urql';
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

export interface RuleOfferProps {
  dumpId: string;
  /** the line the editor marked as publisher boilerplate (trimmed) */
  lineText: string;
  /** the outlet of the article it sits in, when the page names one */
  source: string | null;
  onClose: () => void;
}

/** After "mark publisher boilerplate": offer to make it a rule, always for this source or always everywhere. */
export function RuleOffer({ dumpId, lineText, source, onClose }: RuleOfferProps) {
  const [{ fetching }, create] = useMutation(CreateRule);
  const [result, setResult] = useState<{ ok: boolean; text: string; id?: string } | null>(null);
  const make = async (scope: 'SOURCE' | 'EVERYWHERE') => {
    const r = await create({ input: { lineText, scope, source: scope === 'SOURCE' ? source : null, dumpId } });
    const d = r.data?.createParseRule;
    if (d?.__typename === 'ParseRule') setResult({ ok: true, text: `Saved as ${d.name}.`, id: d.id });
    else setResult({ ok: false, text: (d && 'message' in d ? d.message : null) ?? r.error?.message ?? 'no answer' });
  };
  return (
    <div className="banner rule-offer" data-testid="rule-offer" role="group" aria-label="Make it a rule">
      <span>
        Publisher boilerplate: <q>{lineText.length > 80 ? `${lineText.slice(0, 80)}…` : lineText}</q>. Make it a rule?
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
