/**
 * Stable in-place sort. The parser's arrays (an article's field spans, a dump's parts) are short
 * and nearly in order: insertion sort handles those without Array.prototype.sort's set-up cost;
 * longer arrays go to Array.prototype.sort (also stable), so the result is the same either way.
 */
const SMALL = 16;

export function stableSort<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > SMALL) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}
