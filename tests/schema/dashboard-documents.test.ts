import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kind, buildSchema, parse, validate, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { operationCost } from '@copydesk/server/graphql/cost.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * Every GraphQL document the dashboard sends is valid against schema/schema.graphql. gql.tada
 * types results from the schema but TypeScript alone (no editor plugin under tsc) does not report
 * an unknown field or argument, so this reads each `graphql(`...`)` template of dashboard/src and
 * validates it with the fragments it spreads (found by name anywhere in the dashboard).
 */
const SRC = resolve(REPO_ROOT, 'dashboard/src');
const TEMPLATE = /\bgraphql\(\s*`([^`]*)`/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** every template of the dashboard: file, parsed definitions */
function dashboardDocuments(): { file: string; definitions: readonly DefinitionNode[] }[] {
  return sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(TEMPLATE)].map((m) => {
      if (m[1]!.includes('${')) throw new Error(`${relative(REPO_ROOT, file)}: a document is built from interpolations; pass fragments as graphql()'s second argument`);
      return { file: relative(REPO_ROOT, file), definitions: parse(m[1]!).definitions };
    }),
  );
}

/** the named fragments a definition spreads, transitively */
function spreads(def: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  visit(def, {
    FragmentSpread(node) {
      if (seen.has(node.name.value)) return;
      seen.add(node.name.value);
      const f = fragments.get(node.name.value);
      if (f) spreads(f, fragments, seen);
    },
  });
  return seen;
}

describe('dashboard GraphQL documents', () => {
  const schema = buildSchema(`${readFileSync(resolve(REPO_ROOT, 'schema/schema.graphql'), 'utf8')}\n"gql.tada: the fragment's fields are not masked"\ndirective @_unmask on FRAGMENT_DEFINITION\n`);
  const docs = dashboardDocuments();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of docs) for (const def of d.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  it('finds the documents (queries, mutations and subscriptions of every page)', () => {
    const ops = docs.flatMap((d) => d.definitions).filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(new Set(ops.map((o) => o.operation))).toEqual(new Set(['query', 'mutation', 'subscription']));
    expect(ops.length).toBeGreaterThan(30);
  });

  it('are valid against schema/schema.graphql', () => {
    const problems: string[] = [];
    for (const d of docs) {
      for (const def of d.definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        const used = [...spreads(def, fragments)].map((n) => fragments.get(n)).filter((f): f is FragmentDefinitionNode => !!f);
        const missing = [...spreads(def, fragments)].filter((n) => !fragments.has(n));
        for (const n of missing) problems.push(`${d.file} ${def.name?.value ?? '(anonymous)'}: unknown fragment ${n}`);
        for (const e of validate(schema, { kind: Kind.DOCUMENT, definitions: [def, ...used] })) problems.push(`${d.file} ${def.name?.value ?? '(anonymous)'}: ${e.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('each cost no more than the server allows, a page asked without first charged at the default size', () => {
    const over: string[] = [];
    for (const d of docs) {
      for (const def of d.definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        const used = [...spreads(def, fragments)].map((n) => fragments.get(n)).filter((f): f is FragmentDefinitionNode => !!f);
        const cost = operationCost(schema, { kind: Kind.DOCUMENT, definitions: [def, ...used] }, def.name?.value, {});
        if (!(cost > 0 && cost <= DEFAULT_LIMITS.maxCost)) over.push(`${d.file} ${def.name?.value ?? '(anonymous)'}: cost ${cost}`);
      }
    }
    expect(over).toEqual([]);
  });
});
