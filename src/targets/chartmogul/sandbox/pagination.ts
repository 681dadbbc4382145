// Cursor pagination as ChartMogul answers it: `per_page` (default 200), an opaque `cursor` naming the
// last record answered, and `has_more`. The first page also carries the older page fields.
import { cmMessages } from './messages.js';
import { CmError } from './context.js';

export const MAX_PER_PAGE = 200;

export interface Page<T> {
  items: T[];
  /** The fields every list answer carries besides its items. */
  fields: { cursor: string | null; has_more: boolean; current_page?: number; total_pages?: number; per_page?: number; page?: number };
}

/**
 * One page of `items` (in their listing order, each with a unique numeric `id`), after the cursor in
 * `query`. A cursor is the base64 of the last answered id; an unreadable one is a 400.
 */
export function paginate<T extends { id: number }>(items: readonly T[], query: URLSearchParams): Page<T> {
  const perPageText = query.get('per_page');
  const perPage = perPageText === null || perPageText === '' ? MAX_PER_PAGE : Number(perPageText);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) throw new CmError(400, { error: cmMessages.badPerPage });
  const cursorText = query.get('cursor');
  let start = 0;
  if (cursorText !== null && cursorText !== '') {
    const decoded = /^id:(\d{1,15})$/.exec(Buffer.from(cursorText, 'base64').toString('utf8'));
    if (decoded === null) throw new CmError(400, { error: cmMessages.badCursor });
    const after = Number(decoded[1]);
    start = items.findIndex((item) => item.id > after);
    if (start < 0) start = items.length;
  }
  const slice = items.slice(start, start + perPage);
  const hasMore = start + perPage < items.length;
  const last = slice.at(-1);
  const cursor = last === undefined ? null : Buffer.from(`id:${last.id}`, 'utf8').toString('base64');
  const first = start === 0;
  const totalPages = Math.ceil(items.length / perPage);
  return {
    items: slice,
    fields: first
      ? { current_page: 1, total_pages: totalPages, has_more: hasMore, per_page: perPage, page: 1, cursor: hasMore ? cursor : null }
      : { cursor, has_more: hasMore },
  };
}
