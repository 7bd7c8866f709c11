import { useState } from 'react';
import { setToken } from '../lib/auth.ts';
import type { Viewer } from '../lib/viewer.ts';
import { Dialog } from './dialog.tsx';

/** Sign in with an editor token (kept in this browser's localStorage), or sign out. */
export function SignIn({ onClose, viewer }: { onClose: () => void; viewer: Viewer }) {
  const [value, setValue] = useState('');
  return (
    <Dialog title={viewer.name ? `Signed in as ${viewer.name}` : 'Sign in'} onClose={onClose}>
      {viewer.hasToken ? (
        <div className="stack">
          {!viewer.name && !viewer.checking && <p className="error">The stored token is not accepted (revoked or mistyped).</p>}
          <p className="muted">Your token is stored in this browser and sent with every request.</p>
          <button
            type="button"
            onClick={() => {
              setToken(null);
              onClose();
            }}
          >
            Sign out
          </button>
        </div>
      ) : null}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) {
            setToken(value.trim());
            onClose();
          }
        }}
      >
        <label>
          Editor token
          <input type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} placeholder="cdk_…" data-testid="token-input" />
        </label>
        <p className="muted">
          Without a token the desk is read-only. Ask an admin for one: <code>pnpm copydesk token create --name YOU</code>
        </p>
        <button type="submit" className="primary">
          Sign in
        </button>
      </form>
    </Dialog>
  );
}
