import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider, useQuery } from 'urql';
import { createClient } from './urql.ts';
import { useToken } from './lib/auth.ts';
import { href, navigate, useRoute } from './lib/router.ts';
import { useShortcuts } from './lib/shortcuts.ts';
import { ShortcutHelp } from './components/shortcut-help.tsx';
import { SignIn } from './components/sign-in.tsx';
import { ViewerContext, type Viewer } from './lib/viewer.ts';
import { ReviewQueue } from './routes/review-queue.tsx';
import { DumpEditor } from './routes/dump-editor.tsx';
import { ArticleList } from './routes/article-list.tsx';
import { ArticlePage } from './routes/article-page.tsx';
import { ImportPage } from './routes/import-page.tsx';
import { RulesPage } from './routes/rules-page.tsx';
import { TopicPage } from './routes/topic-page.tsx';
import { SourceList } from './routes/source-list.tsx';
import { StoryList } from './routes/story-list.tsx';
import { StoryPage } from './routes/story-page.tsx';
import { AuditPage } from './routes/audit-page.tsx';
import './styles.css';
import { graphql } from './graphql.ts';

const ViewerQuery = graphql(`
  query App_Viewer {
    viewer { name }
  }
`);

function Shell() {
  const route = useRoute();
  const [{ data, fetching }] = useQuery({ query: ViewerQuery });
  const token = useToken();
  const viewer: Viewer = { name: data?.viewer?.name ?? null, hasToken: !!token, checking: fetching && !data };
  const [help, setHelp] = useState(false);
  const [signIn, setSignIn] = useState(false);
  useShortcuts('global', 'Everywhere', [
    { keys: ['?', 'shift+?'], label: 'Show / hide this list', run: () => setHelp((h) => !h) },
    { keys: 'g q', label: 'Go to the review queue', run: () => navigate('/') },
    { keys: 'g a', label: 'Go to articles', run: () => navigate('/articles') },
    { keys: 'g i', label: 'Go to import', run: () => navigate('/import') },
    { keys: 'g r', label: 'Go to rules', run: () => navigate('/rules') },
    { keys: 'g o', label: 'Go to sources (outlets)', run: () => navigate('/sources') },
    { keys: 'g t', label: 'Go to stories', run: () => navigate('/stories') },
    { keys: 'g l', label: 'Go to the audit log', run: () => navigate('/audit') },
    { keys: 'g s', label: 'Sign in / out', run: () => setSignIn(true) },
  ]);
  const section = route.path[0] ?? '';
  let page;
  if (section === 'dump' && route.path[1]) page = <DumpEditor key={route.path[1]} id={route.path[1]} />;
  else if (section === 'articles') page = <ArticleList />;
  else if (section === 'article' && route.path[1]) page = <ArticlePage key={route.path[1]} id={route.path[1]} />;
  else if (section === 'topic' && route.path[1]) page = <TopicPage key={route.path[1]} id={route.path[1]} />;
  else if (section === 'stories') page = <StoryList />;
  else if (section === 'story' && route.path[1]) page = <StoryPage key={route.path[1]} id={route.path[1]} />;
  else if (section === 'import') page = <ImportPage />;
  else if (section === 'rules') page = <RulesPage />;
  else if (section === 'sources') page = <SourceList />;
  else if (section === 'audit') page = <AuditPage />;
  else page = <ReviewQueue />;
  const nav = (to: string, label: string, active: boolean) => (
    <a href={href(to)} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <ViewerContext.Provider value={viewer}>
      <header className="top">
        <a className="brand" href={href('/')}>
          copydesk
        </a>
        <nav>
          {nav('/', 'Review queue', section === '' || section === 'dump')}
          {nav('/articles', 'Articles', section === 'articles' || section === 'article' || section === 'topic')}
          {nav('/stories', 'Stories', section === 'stories' || section === 'story')}
          {nav('/sources', 'Sources', section === 'sources')}
          {nav('/import', 'Import', section === 'import')}
          {nav('/rules', 'Rules', section === 'rules')}
          {viewer.name && nav('/audit', 'Audit', section === 'audit')}
        </nav>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
          <kbd>?</kbd> shortcuts
        </button>
        <button type="button" className={`viewer ${viewer.name ? 'in' : 'out'}`} onClick={() => setSignIn(true)} data-testid="viewer">
          {viewer.name ? `● ${viewer.name}` : token && !viewer.checking ? 'token not accepted' : 'Read-only · sign in'}
        </button>
      </header>
      <main className={section === 'dump' ? 'full' : undefined}>{page}</main>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {signIn && <SignIn onClose={() => setSignIn(false)} viewer={viewer} />}
    </ViewerContext.Provider>
  );
}

function App() {
  const token = useToken();
  const client = useMemo(() => createClient(token), [token]);
  return (
    <Provider value={client}>
      <Shell />
    </Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
