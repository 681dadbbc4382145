// Domain errors are data until the CLI edge: each carries a code, the documented exit code and the
// values needed to explain it. The top-level handler in src/cli/main.ts turns them into one line.

export const ExitCode = {
  ok: 0,
  rowErrors: 1,
  usage: 2,
  target: 3,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface ErrorLocation {
  file?: string;
  /** The sheet, in a workbook. */
  sheet?: string;
  row?: number;
  line?: number;
  column?: string;
}

/** A user's mistake or an environment problem: printed as one line, never with a stack trace. */
export class MigrateError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly location: ErrorLocation;
  readonly hint?: string;

  constructor(
    code: string,
    message: string,
    options: { exitCode?: ExitCodeValue; location?: ErrorLocation; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MigrateError';
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.location = options.location ?? {};
    this.hint = options.hint;
  }
}

/** Bad flags, configuration or input files (exit 2): nothing was sent to a target. */
export class InputError extends MigrateError {
  constructor(code: string, message: string, options: { location?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super(code, message, { ...options, exitCode: ExitCode.usage });
    this.name = 'InputError';
  }
}

/**
 * Every input error a command found before stopping (each bad file of a run), so people fix them all
 * at once: the CLI prints each on its own line, then this error's own line (what it means for the run).
 */
export class InputErrors extends InputError {
  readonly errors: readonly InputError[];

  constructor(errors: readonly InputError[], message: string, options: { hint?: string } = {}) {
    super(errors[0]?.code ?? 'input-errors', message, options);
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

/**
 * A failure of a call to a target (exit 3 when it ends the run: authentication, unreachable, refused).
 * The adapter that throws it classifies it: `rowLevel` when the site refused one object (the row shows
 * the target's `messages` and the run goes on), not when the whole run cannot go on.
 */
export class TargetError extends MigrateError {
  /** The site refused this object only (its data, a missing or conflicting object): the row's failure, not the run's. */
  readonly rowLevel: boolean;
  /** The target's own messages about the refusal, already free of secrets; empty when it gave none. */
  readonly messages: string[];

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown; rowLevel?: boolean; messages?: string[] } = {}) {
    const { rowLevel, messages, ...rest } = options;
    super(code, message, { ...rest, exitCode: ExitCode.target });
    this.name = 'TargetError';
    this.rowLevel = rowLevel ?? false;
    this.messages = messages ?? [];
  }
}

/** One human line for an error: where (file:row:column), what went wrong, what to do. */
export function formatErrorLine(error: MigrateError): string {
  const { file, sheet, row, line, column } = error.location;
  const where = [
    file !== undefined && sheet !== undefined ? `${file} › ${sheet}` : file,
    row !== undefined ? `row ${row}` : undefined,
    line !== undefined && line !== row ? `line ${line}` : undefined,
    column !== undefined ? `column ${column}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const hint = error.hint ? ` ${error.hint}` : '';
  return `${where ? `${where}: ` : ''}${error.message}${hint}`;
}
