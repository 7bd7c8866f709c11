import { builder } from './builder.ts';
import './errors.ts';
import './types/segment.ts';
import './types/revision.ts';
import './types/source.ts';
import './types/appearance.ts';
import './types/story-edge.ts';
import './types/topic.ts';
import './types/article.ts';
import './types/dump.ts';
import './types/status-change.ts';
import './types/warning-check.ts';
import './types/audit-entry.ts';
import './types/import.ts';
import './types/editor.ts';

export const schema = builder.toSchema();
