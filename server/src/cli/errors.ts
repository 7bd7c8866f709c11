/** a user error: printed without a stack, exit code 2 */
export class CliError extends Error {}
