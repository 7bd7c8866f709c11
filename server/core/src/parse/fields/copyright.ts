import { COPYRIGHT_NOTICE_CUE, COPYRIGHT_OPEN, MAX_COPYRIGHT_TAIL, SENTENCE_CLOSED } from '../patterns.ts';

/** A whole (trimmed) line that is a copyright notice: "© Thomson Reuters 2025." */
export function isCopyrightLine(s: string): boolean {
  // COPYRIGHT_OPEN starts with "©", "(" or "C": other lines skip both patterns
  const c = s.charCodeAt(0);
  if (c !== 0xa9 && c !== 40 && c !== 67) return false;
  return s.length <= MAX_COPYRIGHT_TAIL && COPYRIGHT_OPEN.test(s) && COPYRIGHT_NOTICE_CUE.test(s);
}

/**
 * Where a trailing copyright notice starts inside a body line ("... like this.'' © Copyright 2025
 * The Associated Press. All rights reserved. ..."), or -1. A mid-body "© Reuters" photo credit is
 * not trailing: the notice must run to the end of the line, be short, follow a finished sentence,
 * and name a year or reserve rights.
 */
export function trailingCopyright(s: string): number {
  // the last "©" within the line's last MAX_COPYRIGHT_TAIL characters
  const from = Math.max(0, s.length - MAX_COPYRIGHT_TAIL);
  let idx = s.indexOf('©', from);
  if (idx < 0) return -1;
  for (let j = s.indexOf('©', idx + 1); j >= 0; j = s.indexOf('©', j + 1)) idx = j;
  if (idx <= 0) return -1;
  if (s.length - idx > MAX_COPYRIGHT_TAIL) return -1;
  const before = s.charCodeAt(idx - 1);
  if (before !== 32 && before !== 9 && before !== 0xa0) return -1;
  const prev = s.slice(Math.max(0, idx - 4), idx).trimEnd();
  if (!SENTENCE_CLOSED.test(prev)) return -1;
  const tail = s.slice(idx);
  if (!COPYRIGHT_NOTICE_CUE.test(tail)) return -1;
  return idx;
}
