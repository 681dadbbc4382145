// The erase report as data: one document for every scope (`--format json`); its pretty text, of the
// plan and of the outcome, is src/cli/reporters/erase-pretty.ts.
import type { SiteContents } from '../targets/target.js';

export type EraseScope = 'imported' | 'customers' | 'site';
export type EntryStatus = 'planned' | 'erased' | 'gone' | 'canceled' | 'failed' | 'pending' | 'kept';

/** One object the erase acted on (or would, or keeps), keyed by the template row that created it when known. */
export interface EraseEntry {
  file?: string;
  row?: number;
  type: string;
  key: string;
  id?: number | string;
  action: string;
  status: EntryStatus;
  message?: string;
}

export interface EraseSummary {
  planned: number;
  erased: number;
  gone: number;
  canceled: number;
  failed: number;
  pending: number;
  kept: number;
  /** Creates an interrupted import left unsettled: never touched by an imported-scope erase. */
  unfinished: number;
}

export interface EraseDocument {
  version: 1;
  command: 'erase';
  site: string;
  siteMode: 'test' | 'live';
  /** As the target calls it: imported, customers, site, or its own name (ChartMogul: manual-customers, data-source). */
  scope: string;
  /** "all" or the run id given with --run. */
  runs: string;
  dryRun: boolean;
  stopped?: 'interrupted' | 'target-failed';
  summary: EraseSummary;
  /** Objects per "type action", e.g. { "subscription purge": 3 }. */
  plan: Record<string, number>;
  objects: EraseEntry[];
  /** What clearing the site takes with it, counted on the site (a ChartMogul data source's scope). */
  contents?: SiteContents;
  next: string;
}

export function buildEraseDocument(
  head: Pick<EraseDocument, 'site' | 'siteMode' | 'scope' | 'runs' | 'dryRun' | 'next'> & { stopped?: EraseDocument['stopped']; contents?: SiteContents },
  entries: EraseEntry[],
  unfinished: number,
): EraseDocument {
  const summary: EraseSummary = { planned: 0, erased: 0, gone: 0, canceled: 0, failed: 0, pending: 0, kept: 0, unfinished };
  const plan: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.status === 'kept') {
      summary.kept += 1;
      continue;
    }
    summary.planned += 1;
    if (entry.status !== 'planned') summary[entry.status] += 1;
    const label = `${entry.type} ${entry.action}`;
    plan[label] = (plan[label] ?? 0) + 1;
  }
  const { stopped, contents, next, ...rest } = head;
  return { version: 1, command: 'erase', ...rest, ...(stopped ? { stopped } : {}), summary, plan, objects: entries, ...(contents ? { contents } : {}), next };
}
