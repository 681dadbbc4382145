// live-import's canary: the first few valid rows not yet imported, chosen so that what the operator
// reviews exercises the most — a whole subscription with its renewal amount first when the files hold one,
// then other customer-side rows (customers, invoices), then catalog rows; the catalog they need comes along.
import { InputError } from '../errors.js';
import type { JournalObject } from '../state/journal.js';
import type { SiteIdentity } from '../state/site-identity.js';
import { LAST_CATALOG_RANK, typeRank } from './plan.js';
import type { PreparedImport } from './run-import.js';
import type { SourceRow } from '../plan/operation.js';

/** A row is done on the site when every object it makes is done in the site's journal. */
function doneIn(prepared: PreparedImport, objects: Map<string, JournalObject>): (row: SourceRow) => boolean {
  return (row) => (prepared.plan.rowNodes.get(row) ?? []).every((node) => objects.get(node.naturalKey)?.state === 'done');
}

/** The canary's rows: at most `count` valid rows not yet done on the site (`objects`: its journal). */
export function canaryRows(prepared: PreparedImport, objects: Map<string, JournalObject>, count: number): SourceRow[] {
  const done = doneIn(prepared, objects);
  const candidates: SourceRow[] = [];
  const seen = new Set<SourceRow>();
  for (const node of prepared.plan.nodes) {
    for (const row of node.rows) {
      if (seen.has(row) || prepared.loaded.invalid.has(row)) continue;
      seen.add(row);
      if (!done(row)) candidates.push(row);
    }
  }
  const kinds = (row: SourceRow) => (prepared.plan.rowNodes.get(row) ?? []).map((node) => node.operation.kind);
  const isCatalog = (row: SourceRow): boolean => kinds(row).every((kind) => typeRank(kind) <= LAST_CATALOG_RANK);
  const subscription = candidates.find((row) => kinds(row).includes('subscription'));
  const ordered = [
    ...(subscription ? [subscription] : []),
    ...candidates.filter((row) => row !== subscription && !isCatalog(row)),
    ...candidates.filter(isCatalog),
  ];
  return ordered.slice(0, count);
}

/**
 * Refuses a canary that would import nothing (every valid row is already in the site's journal),
 * before anything is sent — live-import asks this before the operator confirms.
 */
export function refuseEmptyCanary(prepared: PreparedImport, objects: Map<string, JournalObject>, count: number, identity: SiteIdentity): void {
  if (count > 0 && canaryRows(prepared, objects, count).length === 0) throw emptyCanary(identity);
}

export function emptyCanary(identity: SiteIdentity): InputError {
  return new InputError('empty-canary', `The canary would be empty: no valid row of these files is left to import into ${identity.label}; nothing was sent.`, {
    hint: 'When its journal already holds every row, the import is complete: `migrate live-import --continue <files>` reports it. Rows with errors need fixing and a new test-import.',
  });
}
