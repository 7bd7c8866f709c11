/**
 * The one place the CLI reads its flags: node's parseArgs, strict, with its errors turned into
 * UsageError (exit 2, one line naming the flag or argument and the help).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** what a parseArgs error names: its first quoted word ("Unknown option '--nope'") */
function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? '';
}

/** the flag a parseArgs option description ("-o, --out <value>") names */
const flagOf = (description: string) => /--[\w-]+/.exec(description)?.[0] ?? description;

/**
 * `args` read against `options` for `command` ("import", "token create"): the flags' values and
 * the positional arguments (only when `positionals` is true). Throws UsageError for an unknown
 * flag, a flag without its value (or a value given to a switch), and an argument where none is taken.
 */
export function readArgs<O extends Options>(command: string, args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const message = (e as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(command, `unknown option ${quoted(message)}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(command, `unexpected argument "${quoted(message)}": copydesk ${command} takes none`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = flagOf(quoted(message));
      const isSwitch = Object.entries(options).some(([name, o]) => `--${name}` === flag && o.type === 'boolean');
      throw new UsageError(command, isSwitch ? `${flag} takes no value` : `${flag} needs a value`);
    }
    throw e;
  }
}

/** `value` of flag `flag` as a whole number in [min, max]; a UsageError naming the flag otherwise */
export function wholeNumberFlag(command: string, flag: string, value: string, min: number, max: number): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(command, `${flag} must be a whole number from ${min} to ${max}, not "${value.slice(0, 40)}"`);
  return n;
}
