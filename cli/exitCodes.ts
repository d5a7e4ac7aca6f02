/**
 * Every exit code of the `caseed` CLI, in one place (the README documents the same table).
 */
export const EXIT = {
  /** Everything checked (or sent) is fine; warnings alone do not fail. */
  OK: 0,
  /** At least one file has an error (or, for `send`, the API rejected a request). */
  PROBLEMS: 1,
  /** Bad usage (unknown command or option, missing argument) or input that cannot be read. */
  USAGE: 2,
  /** `caseed send`: gave up after retries, a network failure, or cancelled. */
  SEND_FAILED: 3,
  /** `caseed send`: another send of the same file is running (it holds the journal's lock). */
  BUSY: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one line on stderr, then exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
