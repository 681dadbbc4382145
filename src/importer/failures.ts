// Tells a row's failure (the site rejected this object: show the messages on the row, go on) from a
// run's failure (authentication, unreachable, refused: stop, exit 3), and extracts readable messages.
import { RowError } from './resolver.js';

const RUN_LEVEL_STATUS = new Set([401, 402, 403, 429]);

/** Row-level: the site answered about this object (422, 404, 409…) or a ref named nothing. */
export function isRowLevelFailure(error: unknown): boolean {
  if (error instanceof RowError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const rowLevel = (error as { rowLevel?: unknown }).rowLevel;
  if (typeof rowLevel === 'boolean') return rowLevel;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 && !RUN_LEVEL_STATUS.has(status);
}

/** The API's messages joined into one cell, or the error's own message. */
export function messagesOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const messages = (error as { messages?: unknown }).messages;
    if (Array.isArray(messages) && messages.length > 0) return messages.map(String).join('; ');
    if (error instanceof Error) return error.message;
  }
  return String(error);
}
