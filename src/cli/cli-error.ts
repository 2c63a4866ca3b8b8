/**
 * An expected failure of a command (bad input, missing file): printed as its message, exit code 1
 * (2 for usage). Anything else that escapes a command is a bug and prints its stack.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}
