// What a live import is about to do, shown before the operator confirms (as Terraform prints its plan
// before "yes"): the site, the files and their rows, the objects it will create per kind, what the
// site's journal already holds, and the canary rows that go first.
import { sourceName } from '../workbook/location.js';
import type { Journal } from '../state/journal.js';
import type { SiteIdentity } from '../state/site-identity.js';
import { canaryRows } from './canary.js';
import { planDryRun } from './dry-run.js';
import type { PreparedImport } from './run-import.js';
import type { ObjectType } from '../plan/operation.js';

export interface LivePlan {
  /** `subdomain`: the name the site reports (its adapter's SiteInfo.name), under the key the JSON plan has always had. */
  site: { name: string; address: string; subdomain: string; label: string };
  files: Array<{ path: string; kind: string; rows: number }>;
  /** Objects that will be created, per kind (already journaled ones left out). */
  objects: Partial<Record<ObjectType, number>>;
  /** Objects the site's journal already holds: skipped. */
  skipped: number;
  /** Rows with errors: never sent. */
  invalidRows: number;
  /** The rows imported first, before the stop for review; empty without a canary. */
  canary: Array<{ file: string; row: number; key: string }>;
}

export function livePlan(
  prepared: PreparedImport,
  journal: Journal,
  canaryCount: number,
  site: { name: string; address: string; subdomain: string; identity: SiteIdentity },
): LivePlan {
  const counts = planDryRun(prepared, { command: 'live-import', site: site.address, asOf: '', concurrency: 1, journal });
  const canary = canaryCount > 0 ? canaryRows(prepared, journal.objects(), canaryCount) : [];
  return {
    site: { name: site.name, address: site.address, subdomain: site.subdomain, label: site.identity.label },
    files: prepared.loaded.files.map((file) => ({ path: sourceName(file), kind: file.kind, rows: file.rows.length })),
    objects: counts.objects,
    skipped: counts.skipped,
    invalidRows: counts.rows.invalid,
    canary: canary.map((row) => ({ file: sourceName({ path: row.file, sheet: row.sheet }), row: row.row, key: row.key })),
  };
}
