import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { client } from './urql.ts';
import { DumpList } from './routes/dump-list.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <header className="top">
        <h1>copydesk</h1>
        <a href="/graphql">GraphQL</a>
      </header>
      <main>
        <DumpList />
      </main>
    </Provider>
  </StrictMode>,
);
