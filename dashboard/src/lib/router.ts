/**
 * A tiny hash router: "#/dump/12?x=1" -> { path: ['dump', '12'], query }. Hash routes need no
 * server support and survive reloads.
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  path: string[];
  query: URLSearchParams;
}

function read(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function parseRoute(hash: string): Route {
  const [p = '/', q = ''] = hash.split('?', 2);
  return { path: p.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, read, () => '/');
  return parseRoute(hash);
}

export function href(path: string, query?: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | null | undefined>, replace = false): void {
  const target = href(path, query);
  if (replace) window.history.replaceState(null, '', target), window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = target.slice(1);
}
