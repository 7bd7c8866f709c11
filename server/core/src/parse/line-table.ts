/**
 * What the parser asks of a dump's lines, each question answered once per parse: the header
 * reading (index.ts) and the body builder (article.ts) ask the same things of the lines where the
 * header ends and the body starts, and both read them from here.
 */
import type { LineInfo } from './blocks.ts';
import { creditLine } from './fields/credit.ts';
import type { Credit } from './fields/credit.ts';
import { lineKind } from './fields/kinds.ts';
import type { KindVerdict } from './fields/kinds.ts';
import { noiseLineRule } from './fields/noise.ts';
import type { NoiseContext } from './fields/noise.ts';

/** Per-line answers of one parse, computed on the first question (lines are indexes into `ls`). */
export class LineTable {
  /** the last non-blank line's index (-1: none) */
  readonly lastNonBlank: number;
  private noiseRules: (string | null)[] | null = null;
  private kinds: (KindVerdict | undefined)[] | null = null;
  private edgeKinds: (KindVerdict | undefined)[] | null = null;
  private credits: (Credit | null | undefined)[] | null = null;

  constructor(
    readonly ls: readonly LineInfo[],
    /** the dump's noise context (noiseContext(text)) */
    readonly noise: NoiseContext,
  ) {
    let last = ls.length - 1;
    while (last >= 0 && ls[last]!.kind === 'blank') last--;
    this.lastNonBlank = last;
  }

  /** noiseLineRule of line i's trimmed text: the whole-line boilerplate rule it matches, or null. */
  noiseRule(i: number): string | null {
    const a = (this.noiseRules ??= new Array<string | null>(this.ls.length));
    let r = a[i];
    if (r === undefined) r = a[i] = noiseLineRule(this.ls[i]!.text, this.noise);
    return r;
  }

  /** lineKind of line i's trimmed text (`edge`: at a body's start or end). */
  kind(i: number, edge: boolean): KindVerdict {
    const a = edge ? (this.edgeKinds ??= new Array<KindVerdict | undefined>(this.ls.length)) : (this.kinds ??= new Array<KindVerdict | undefined>(this.ls.length));
    let v = a[i];
    if (v === undefined) v = a[i] = lineKind(this.ls[i]!.text, edge);
    return v;
  }

  /** creditLine of line i's trimmed text: its names' and date's ranges, or null. */
  credit(i: number): Credit | null {
    const a = (this.credits ??= new Array<Credit | null | undefined>(this.ls.length));
    let c = a[i];
    if (c === undefined) c = a[i] = creditLine(this.ls[i]!.text);
    return c;
  }
}
