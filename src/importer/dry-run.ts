// `--dry-run`: what an import would do, sending nothing that changes the site: the neutral operations
// it would apply (as the plan holds them, vault tokens masked), objects per type, API calls, and the
// duration those calls take at the site's concurrency and measured latency.
import { checkImportJournal, openSiteJournal } from '../state/journal-sites.js';
import type { Journal } from '../state/journal.js';
import { siteIdentityOf } from '../state/site-identity.js';
import type { Target } from '../targets/target.js';
import { checkCustomFields } from './custom-fields.js';
import { countByType, refKey, type PlanNode } from './plan.js';
import type { PreparedImport } from './run-import.js';
import { maskedFields } from '../plan/map/masked-fields.js';
import type { Fields, ObjectRef, ObjectType } from '../plan/operation.js';

export interface DryRunDocument {
  version: 1;
  command: 'test-import' | 'live-import';
  dryRun: true;
  site: string;
  asOf: string;
  rows: { total: number; invalid: number; alreadyImported: number };
  objects: Partial<Record<ObjectType, number>>;
  /** Objects the journal already holds for this site: they would be skipped. */
  skipped: number;
  calls: { creates: number; lookups: number; previews: number; total: number };
  concurrency: number;
  /** Median of a few read-only requests to the site, or the assumption used when none was measured. */
  latencyMs: number;
  latencyMeasured: boolean;
  estimatedMs: number;
  /** What would be sent, in the order the plan applies it: each operation as data (absent with --summary). */
  operations?: PlannedOperation[];
}

/** An operation as --dry-run shows it: the plan's own data, vault tokens masked, and the row it came from. */
export interface PlannedOperation {
  kind: ObjectType;
  key: string;
  dependsOn: ObjectRef[];
  fields: Fields;
  file: string;
  /** The sheet, when the row is a workbook's. */
  sheet?: string;
  row: number;
}

function plannedOperation(node: PlanNode): PlannedOperation {
  const { kind, key, dependsOn, source } = node.operation;
  return { kind, key, dependsOn, fields: maskedFields(node.operation), file: source.file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), row: source.row };
}

/** Median round trip of `samples` GET /site.json requests (read-only). */
export async function measureLatency(target: Target, samples = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await target.readSite();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

/** Typical round trip to a remote site when nothing could be measured. */
const ASSUMED_LATENCY_MS = 250;

export function planDryRun(
  prepared: PreparedImport,
  options: { command: DryRunDocument['command']; site: string; asOf: string; concurrency: number; latencyMs?: number; journal?: Journal },
): DryRunDocument {
  const journaled = options.journal?.objects();
  const toSend: PlanNode[] = prepared.plan.nodes.filter(
    (node) => node.preFailure === undefined && journaled?.get(node.naturalKey)?.state !== 'done',
  );
  // Refs this run does not create are looked up on the site once each.
  const external = new Set<string>();
  for (const node of toSend) {
    for (const ref of node.operation.dependsOn) if (!prepared.plan.byRef.has(refKey(ref))) external.add(refKey(ref));
  }
  const previews = toSend.filter((node) => node.operation.kind === 'subscription').length;
  const creates = toSend.length;
  const total = creates + external.size + previews;
  const latencyMs = options.latencyMs ?? ASSUMED_LATENCY_MS;
  return {
    version: 1,
    command: options.command,
    dryRun: true,
    site: options.site,
    asOf: options.asOf,
    rows: {
      total: prepared.loaded.files.reduce((sum, file) => sum + file.rows.length, 0),
      invalid: prepared.loaded.invalid.size,
      alreadyImported: prepared.loaded.alreadyImported.size,
    },
    objects: countByType(toSend),
    skipped: prepared.plan.nodes.length - toSend.length - prepared.plan.nodes.filter((node) => node.preFailure !== undefined).length,
    calls: { creates, lookups: external.size, previews, total },
    concurrency: options.concurrency,
    latencyMs,
    latencyMeasured: options.latencyMs !== undefined,
    estimatedMs: Math.round((total * latencyMs) / options.concurrency),
    operations: toSend.map(plannedOperation),
  };
}

/**
 * The dry-run document for a connected site, reading only (latency is measured with GET /site.json).
 * It stops where the run would: on custom fields the site lacks, and on another site's journal.
 */
export async function dryRunOnSite(
  prepared: PreparedImport,
  options: {
    command: DryRunDocument['command'];
    target: Target;
    stateDir: string;
    asOf: string;
    concurrency: number;
    createCustomFields: boolean;
    newJournal: boolean;
    /** Receives the journal's note, if any (see checkImportJournal). */
    log: (line: string) => void;
  },
): Promise<DryRunDocument> {
  const { target } = options;
  const info = await target.readSite();
  // The run would stop on custom fields the site lacks: so does its dry run (which never creates them).
  if (!options.createCustomFields) await checkCustomFields(prepared.loaded, target, false);
  const latencyMs = await measureLatency(target);
  const identity = siteIdentityOf(info, target.baseUrl);
  // A dry run stops where the run would, so that its plan never counts another site's rows as skipped.
  const note = await checkImportJournal(options.stateDir, identity, options.newJournal);
  if (note !== undefined) options.log(note);
  const journal = await openSiteJournal(options.stateDir, identity, 'dry-run', { exclusive: false });
  try {
    return planDryRun(prepared, { command: options.command, site: target.baseUrl, asOf: options.asOf, concurrency: options.concurrency, latencyMs, journal });
  } finally {
    await journal.close();
  }
}
