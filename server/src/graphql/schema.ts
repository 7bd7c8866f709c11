import { builder } from './builder.ts';
import { wrapConnections } from './input.ts';
import './errors.ts';
import './types/segment.ts';
import './types/revision.ts';
import './types/source.ts';
import './types/appearance.ts';
import './types/story-edge.ts';
import './types/topic.ts';
import './types/article.ts';
import './types/dump.ts';
import './types/enrichment-progress.ts';
import './types/import.ts';
import './types/editor.ts';
import './types/remembered-line.ts';
import './types/parse-rule.ts';
import './types/source-drift.ts';

export const schema = wrapConnections(builder.toSchema());
