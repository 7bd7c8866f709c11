/**
 * What a name may hold: the one rule for every name a person gives copydesk, through the API
 * (a source, topic or story name, a rule's outlet: graphql/text-limits.ts applies it to every
 * input of kind `name`), through the CLI (`copydesk token create --name`, auth/tokens.ts), and a
 * dump's filename and url however they arrive (import/validate.ts: an upload's name, a JSON Lines field).
 * A name is one line a person reads as a label: no control character at all (C0 including NUL,
 * tab and line breaks, DEL, C1), no bidi control (U+202A-U+202E embeddings and overrides,
 * U+2066-U+2069 isolates: they make a name read differently from what it holds, e.g. an editor
 * shown as someone else in the audit log), no lone UTF-16 surrogate (broken encoding).
 */
import { InvalidInputError } from './errors.ts';

/** U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates) */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** C0 (U+0000-001F), DEL (U+007F) and C1 (U+0080-009F) */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** the same, less tab, line feed and carriage return: what free text may not hold */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The UTF-16 offset of the first control character `value` may not hold as a name (`name`) or as
 * free text (`text`: tab, line feed and carriage return allowed), or -1.
 */
export function controlCharacterAt(value: string, kind: 'name' | 'text'): number {
  const m = (kind === 'name' ? CONTROL : CONTROL_IN_TEXT).exec(value);
  return m ? m.index : -1;
}

const hex = (s: string, at: number) => s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');

/** Why `value` cannot be a name, naming the character and its UTF-16 offset; null when it can. */
export function nameProblem(value: string): string | null {
  const control = controlCharacterAt(value, 'name');
  if (control >= 0) return `holds the control character U+${hex(value, control)} at offset ${control}; a name is one line without control characters`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `holds the bidi control U+${hex(value, bidi.index)} at offset ${bidi.index}, which would make the name read differently from what it holds`;
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `holds a lone UTF-16 surrogate at offset ${lone.index} (broken encoding), which is not text`;
  return null;
}

/** Throws InvalidInputError naming `argument` (`name`, `--name`, `input.source`) when `value` cannot be a name. */
export function checkName(argument: string, value: string): void {
  const problem = nameProblem(value);
  if (problem) throw new InvalidInputError(argument, problem);
}
