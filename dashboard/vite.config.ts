import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { buildSchema, getNamedType, isInputObjectType, isObjectType } from 'graphql';

/**
 * What the checked-in GraphQL contract offers, read at build time (the dashboard never asks a
 * running server): lets pages use API features (article filters, topics) as soon as they land.
 */
function schemaFeatures() {
  const schema = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));
  const articles = schema.getQueryType()?.getFields()['articles'];
  const filterType = articles?.args.find((a) => a.name === 'filter')?.type;
  const filterNamed = filterType ? getNamedType(filterType) : null;
  const article = schema.getType('Article');
  const articleFields = isObjectType(article) ? article.getFields() : {};
  // Article.topics is either [Topic] ({id name}) or [ArticleTopic] ({weight topic {id name}})
  const topicsType = articleFields['topics'] ? getNamedType(articleFields['topics'].type) : null;
  const pick = (t: unknown) => (isObjectType(t) ? Object.keys(t.getFields()).filter((f) => ['id', 'name', 'kind'].includes(f)) : []);
  let topicsSelection: string | null = null;
  if (isObjectType(topicsType)) {
    const direct = pick(topicsType);
    const nestedField = topicsType.getFields()['topic'];
    const nested = nestedField ? pick(getNamedType(nestedField.type)) : [];
    if (direct.includes('name')) topicsSelection = `topics { ${direct.join(' ')} }`;
    else if (nested.includes('name')) topicsSelection = `topics { ${'weight' in topicsType.getFields() ? 'weight ' : ''}topic { ${nested.join(' ')} } }`;
  }
  return {
    articleFilterType: filterNamed && isInputObjectType(filterNamed) ? filterNamed.name : null,
    articleFilterFields: filterNamed && isInputObjectType(filterNamed) ? Object.keys(filterNamed.getFields()) : [],
    articleTopicsSelection: topicsSelection,
    articleHasSnippet: 'searchSnippet' in articleFields,
  };
}

export default defineConfig({
  plugins: [react()],
  define: { __SCHEMA_FEATURES__: JSON.stringify(schemaFeatures()) },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
