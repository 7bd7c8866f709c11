export const STATUS_LABEL: Record<string, string> = { NEW: 'New', IN_REVIEW: 'In review', APPROVED: 'Approved' };

export function timeAgo(iso: string | null | undefined): string {
  if (!iso) return '';
  const s = (Date.now() - Date.parse(iso)) / 1000;
  if (!Number.isFinite(s)) return '';
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Typed errors of a mutation result union: every error type has message and code. */
export function errorOf(r: { __typename?: string; message?: string; code?: string } | null | undefined): { code: string; message: string } | null {
  if (!r || !r.code) return null;
  return { code: r.code, message: r.message ?? r.code };
}
