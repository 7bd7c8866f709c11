import type { Editor } from '../../auth/tokens.ts';
import { builder } from '../builder.ts';

export const EditorRef = builder.objectRef<Editor>('Editor').implement({
  description: 'The editor a token signs for.',
  fields: (t) => ({
    name: t.exposeString('name'),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: EditorRef,
    nullable: true,
    description: 'the signed-in editor, or null when the request carries no valid token (read-only)',
    resolve: (_root, _args, ctx) => ctx.editor,
  }),
}));
