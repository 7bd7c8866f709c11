/** a command that failed as it ran (a server not there, a file not written): one line without a stack, exit 1 */
export class CliError extends Error {}

/** the hint every usage mistake ends with */
export const USAGE_HINT = 'copydesk --help shows the usage';

/**
 * A usage mistake (an unknown command or flag, a flag without its value, a missing or malformed
 * argument): one line naming it and USAGE_HINT, exit 2. `command` is the command it was made in
 * ("import", "token create"), null for the command itself.
 */
export class UsageError extends Error {
  constructor(
    readonly command: string | null,
    mistake: string,
  ) {
    super(`${mistake} (${USAGE_HINT})`);
  }
}
