/**
 * The labelled set for confidence ranking (issue 10, part 4): every dump with a gold file (the
 * shared dumps and cases, read at run time and never copied into the repo, and the own fixtures),
 * plus copies with injected errors, each with its gold updated to what is right:
 * - "promo": a publisher line of one of the boilerplate families (varied wording) put into the
 *   main body (gold: it is notBody);
 * - "closing": a short closing sentence without a full stop appended to the main body (gold: it is
 *   body; a parser that takes it for a teaser cuts the body short);
 * - "cut": the capture stopped inside the main body (gold: the body ends where the text does);
 * - "credit": a byline glued to a date (or a credit line of another shape) under the headline
 *   (gold: the names and the date).
 * A dump is right when it matches its gold the way shared/tools/eval-parse.mjs compares. The AUC
 * is the share of (wrong, right) pairs where the wrong dump has the lower confidence (ties half).
 *
 *   pnpm tsx tests/bench/labelled.ts OUT_DIR    writes X.txt + X.gold.json for eval-parse.mjs --auc
 *   benchLabelled()                              scores it in process (pnpm bench, parser section)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveArticles, parseDump } from '@copydesk/core';
import { mismatches, norm } from '../helpers/gold.ts';
import type { Gold } from '../helpers/gold.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { rng } from './rng.ts';

export interface LabelledDump {
  name: string;
  text: string;
  gold: Gold;
}

const GOLD_DIRS = [resolve(REPO_ROOT, '../shared/dumps'), resolve(REPO_ROOT, '../shared/cases'), resolve(REPO_ROOT, 'tests/fixtures/dumps')];

function readGold(dir: string): LabelledDump[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
      return { name: f.replace(/\.gold\.json$/u, ''), text: readFileSync(join(dir, gold.file), 'utf8'), gold };
    });
}

type Pick = <T>(xs: readonly T[]) => T;

/** Publisher lines by family, each put together from parts so that the wording varies. */
function promoLine(pick: Pick): string {
  const outlet = pick(['the Ledger', 'The Courier', 'Harbour Post', 'the Gazette', 'Valley Times']);
  const family = pick(['newsletter', 'appeal', 'app', 'follow', 'podcast', 'scroll', 'teaser', 'share', 'consent', 'self', 'disclaimer', 'affiliate', 'tags', 'odd']);
  switch (family) {
    case 'newsletter':
      return pick([`Sign up for ${outlet}'s morning briefing and get the news in your inbox.`, `Get our free weekly newsletter, straight to your inbox every Friday.`, `Subscribe to ${outlet} Daily: the stories that matter, delivered to your inbox.`]);
    case 'appeal':
      return pick([`If you value our journalism, please consider supporting ${outlet} today.`, `Your support keeps our reporting free for everyone. Become a member from just £5 a month.`, `Donate to ${outlet} and help us keep local news alive.`]);
    case 'app':
      return pick([`Download the ${outlet} app for breaking news alerts.`, `Get the app: read ${outlet} on your phone, wherever you are.`]);
    case 'follow':
      return pick([`Follow us on Instagram, TikTok and Facebook`, `Join our WhatsApp channel for the latest updates`, `Like us on Facebook to keep up with ${outlet}`]);
    case 'podcast':
      return pick([`Listen to the full episode on any podcast app.`, `Watch the video above for the full interview.`, `Hear more on our podcast, available on Spotify and Apple Podcasts.`]);
    case 'scroll':
      return pick(['Scroll down for video', 'Tap here to expand the gallery', 'Click to enlarge']);
    case 'teaser':
      return pick([`READ MORE: Council approves new rules on night-time noise`, `See also | Ferry fares to rise in the spring`, `Also read: Bus passes extended to weekends`, 'Continue reading']);
    case 'share':
      return pick(['Share this article', 'Copy link', 'Facebook Twitter WhatsApp Email', 'Link copied to clipboard']);
    case 'consent':
      return pick([`We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.`, 'Accept all cookies', 'Manage preferences']);
    case 'self':
      return pick([`${outlet} has been the region's independent voice since 1887.`, `We are a nonprofit newsroom funded by readers like you.`]);
    case 'disclaimer':
      return pick([`The views expressed in this article are those of the author and do not necessarily reflect those of ${outlet}.`, 'This article is for informational purposes only.']);
    case 'affiliate':
      return pick(['We may earn a commission when you buy through links on this page.', 'Products in this guide are independently selected by our editors.']);
    case 'tags':
      return pick(['Tags: Calder Bay, Ferries, Transport', 'Topics: Politics | Local Government']);
    default:
      // wording no rule names: a prompt only its shape gives away
      return pick([`Want more stories like this? They land every morning, free.`, `Never miss a story from ${outlet} again.`, `Enjoying this piece? There's plenty more where it came from.`]);
  }
}

function closingLine(pick: Pick): string {
  return pick(['More details are expected later this week', 'Police are appealing for witnesses to come forward', 'The inquiry continues', 'A decision is due in the spring']);
}

function creditLine(pick: Pick): { line: string; byline: string; published: string } {
  const name = pick(['Jane Example', 'Tom Bell', 'Ana Ruiz', 'Li Wei']);
  const date = pick(['3 hours ago', 'an hour ago', '12 March 2024', '2 days ago']);
  return pick([
    { line: `By ${name}${date}`, byline: name, published: date },
    { line: `By ${name} · ${date}`, byline: name, published: date },
    { line: `By ${name}, Senior Correspondent | ${date}`, byline: name, published: date },
    { line: `${date} by ${name}`, byline: name, published: date },
    // the page's own short form in brackets; published keeps the page's text (CONVENTIONS: "the date text as the page shows it, unparsed")
    { line: `By ${name} (${shortDate(date)})`, byline: name, published: shortDate(date) },
  ]);
}

/** "3 hours ago" -> "3h", "an hour ago" -> "1h", "2 days ago" -> "2d": the short relative form some credit lines print; an absolute date as it is. */
function shortDate(date: string): string {
  const m = /^(\d{1,2}|an?) (hour|day)s? ago$/u.exec(date);
  return m ? `${/^\d/u.test(m[1]!) ? m[1] : '1'}${m[2]![0]}` : date;
}

/** Line indexes [first, last] of the gold main body in the text, or null. */
function mainBodyLines(lines: string[], gold: Gold): [number, number] | null {
  const m = gold.articles.find((a) => a.role === 'main');
  if (!m || !m.bodyFirst || !m.bodyLast) return null;
  const first = norm(m.bodyFirst).slice(0, 30);
  const last = norm(m.bodyLast).slice(-30);
  const a = lines.findIndex((l) => norm(l).startsWith(first));
  if (a < 0) return null;
  let b = -1;
  for (let i = a; i < lines.length; i++) if (norm(lines[i]!).endsWith(last)) { b = i; break; }
  return b >= a ? [a, b] : null;
}

/** The base dumps and their injected copies. */
export function buildLabelledSet(seed = 20250726): LabelledDump[] {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)]!;
  const base = GOLD_DIRS.flatMap(readGold);
  const out: LabelledDump[] = [...base];
  const clone = (g: Gold): Gold => JSON.parse(JSON.stringify(g)) as Gold;
  for (const d of base) {
    const eol = d.text.includes('\r\n') ? '\r\n' : d.text.includes('\r') && !d.text.includes('\n') ? '\r' : '\n';
    const lines = d.text.split(eol);
    const span = mainBodyLines(lines, d.gold);
    if (!span) continue;
    const [a, b] = span;
    const main = d.gold.articles.findIndex((x) => x.role === 'main');
    for (let k = 0; k < 2; k++) {
      // a promo line inside the body or at its end
      const promo = promoLine(pick);
      const at = pick([a + 1, Math.min(b, a + 2), b + 1]);
      const g = clone(d.gold);
      g.notBody = [...(g.notBody ?? []), promo];
      const ls = [...lines];
      ls.splice(at, 0, promo);
      out.push({ name: `${d.name}.promo${k}`, text: ls.join(eol), gold: { ...g, file: `${d.name}.promo${k}.txt` } });
    }
    {
      // a closing sentence without a full stop: body, not a teaser
      const close = closingLine(pick);
      const g = clone(d.gold);
      const ga = g.articles[main]!;
      ga.bodyLast = close;
      delete ga.bodyLines;
      const ls = [...lines];
      ls.splice(b + 1, 0, close);
      out.push({ name: `${d.name}.closing`, text: ls.join(eol), gold: { ...g, file: `${d.name}.closing.txt` } });
    }
    const notBody = new Set((d.gold.notBody ?? []).map(norm));
    const cutAt = lines.findIndex((l, i) => i > a && i <= b && norm(l).length > 40 && !notBody.has(norm(l)));
    if (cutAt > a) {
      // the capture stops inside the body, mid-line (a body line, not a promo)
      const cutLine = lines[cutAt]!;
      const keep = cutLine.slice(0, Math.max(12, Math.floor(cutLine.length * (0.3 + 0.5 * r())))).trimEnd();
      const text = [...lines.slice(0, cutAt), keep].join(eol);
      const g = clone(d.gold);
      const ga = g.articles[main]!;
      g.articles = [ga];
      g.complete = false;
      ga.bodyLast = keep.slice(-40);
      delete ga.bodyLines;
      ga.copyright = null;
      ga.subheads = (ga.subheads ?? []).filter((s) => text.includes(s));
      out.push({ name: `${d.name}.cut`, text, gold: { ...g, file: `${d.name}.cut.txt` } });
    }
    const ga0 = d.gold.articles[main]!;
    if (ga0.byline === null && (ga0.published === null || ga0.published === undefined)) {
      const c = creditLine(pick);
      const g = clone(d.gold);
      const ga = g.articles[main]!;
      ga.byline = c.byline;
      ga.published = c.published;
      const ls = [...lines];
      ls.splice(a, 0, c.line);
      out.push({ name: `${d.name}.credit`, text: ls.join(eol), gold: { ...g, file: `${d.name}.credit.txt` } });
    }
  }
  return out;
}

export interface LabelledScore {
  dumps: number;
  wrong: number;
  right: number;
  /** share of (wrong, right) pairs ranked right by confidence, ties half */
  auc: number;
  /** right dumps that still carry a warning */
  rightWithWarning: number;
  /** wrong dumps by injection kind ("base" for the originals) */
  wrongByKind: Record<string, number>;
}

/** Parses the labelled set and scores the confidence ranking. */
export function benchLabelled(set: LabelledDump[] = buildLabelledSet()): LabelledScore {
  const ranked: { conf: number; wrong: boolean; warnings: number; kind: string }[] = [];
  for (const d of set) {
    const seg = parseDump(d.text);
    const wrong = mismatches(d.gold, deriveArticles(d.text, seg)).length > 0;
    ranked.push({ conf: seg.confidence, wrong, warnings: seg.warnings.length, kind: /\.(promo|closing|cut|credit)\d?$/u.exec(d.name)?.[1] ?? 'base' });
  }
  const wrong = ranked.filter((x) => x.wrong);
  const right = ranked.filter((x) => !x.wrong);
  let below = 0;
  for (const w of wrong) for (const x of right) below += w.conf < x.conf ? 1 : w.conf === x.conf ? 0.5 : 0;
  const wrongByKind: Record<string, number> = {};
  for (const w of wrong) wrongByKind[w.kind] = (wrongByKind[w.kind] ?? 0) + 1;
  return {
    dumps: ranked.length,
    wrong: wrong.length,
    right: right.length,
    auc: wrong.length && right.length ? Math.round((1000 * below) / (wrong.length * right.length)) / 1000 : NaN,
    rightWithWarning: right.filter((x) => x.warnings > 0).length,
    wrongByKind,
  };
}

/** Writes the set as X.txt + X.gold.json (for `node ../shared/tools/eval-parse.mjs --auc DIR`). */
export function writeLabelledSet(dir: string, set: LabelledDump[] = buildLabelledSet()): number {
  mkdirSync(dir, { recursive: true });
  for (const d of set) {
    writeFileSync(join(dir, `${d.name}.txt`), d.text);
    writeFileSync(join(dir, `${d.name}.gold.json`), JSON.stringify({ ...d.gold, file: `${d.name}.txt` }, null, 2) + '\n');
  }
  return set.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (dir) process.stdout.write(`wrote ${writeLabelledSet(dir)} dumps to ${dir}\n`);
  else process.stdout.write(JSON.stringify(benchLabelled()) + '\n');
}
