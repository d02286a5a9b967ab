/** What a command needs from the outside world; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  now(): number;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  now: () => Date.now(),
};

export const EXIT_OK = 0;
export const EXIT_BAD_FORMULA = 1;
/** Anything else that went wrong at run time (Prometheus down, unreadable file). */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Wrong flags or arguments: exit 2 with the command's usage. */
export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
