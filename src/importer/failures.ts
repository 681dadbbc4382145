// Tells a row's failure (the site rejected this object, or the row cannot become one: show the
// messages on the row, go on) from a run's failure (authentication, unreachable: stop, exit 3).
import { ExitCode, MigrateError, TargetError } from '../errors.js';
import { UnresolvedRefError } from './resolver.js';

export function isRowLevelFailure(error: unknown): boolean {
  if (error instanceof UnresolvedRefError) return true;
  // The target's adapter classified its own failure.
  if (error instanceof TargetError) return error.rowLevel;
  // The mapping's RowError: the row's cells cannot become a site object.
  return error instanceof MigrateError && error.exitCode === ExitCode.rowErrors;
}

/** The target's messages joined into one cell, or the error's own message with its hint. */
export function messagesOf(error: unknown): string {
  if (error instanceof TargetError && error.messages.length > 0) return error.messages.join('; ');
  if (error instanceof MigrateError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
