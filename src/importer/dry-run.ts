// `--dry-run`: what an import would do, sending nothing that changes the site: objects per type, API
// calls, and the duration those calls take at the site's concurrency and measured latency.
import type { Colors } from '../cli/reporters/colors.js';
import type { Journal } from '../state/journal.js';
import type { Target } from '../targets/target.js';
import { countByType, refKey, type PlanNode } from './plan.js';
import type { PreparedImport } from './run-import.js';
import { OBJECT_TYPES, type ObjectType } from './types.js';

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
    (node) => node.preFailure === undefined && journaled?.get(node.step.naturalKey)?.state !== 'done',
  );
  // Refs this run does not create are looked up on the site once each.
  const external = new Set<string>();
  for (const node of toSend) {
    for (const ref of node.step.dependsOn) if (!prepared.plan.byRef.has(refKey(ref))) external.add(refKey(ref));
  }
  const previews = toSend.filter((node) => node.step.type === 'subscription').length;
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
  };
}

export function renderDryRun(document: DryRunDocument, colors: Colors): string {
  const lines = [colors.bold(`Dry run of ${document.command} into ${document.site}: nothing will be sent.`)];
  for (const type of OBJECT_TYPES) {
    const count = document.objects[type];
    if (count) lines.push(`  ${String(count).padStart(6)}  ${type.replace(/_/g, ' ')}`);
  }
  if (document.skipped > 0) lines.push(`  ${String(document.skipped).padStart(6)}  already on the site (journal): skipped`);
  if (document.rows.invalid > 0) lines.push(colors.red(`  ${String(document.rows.invalid).padStart(6)}  rows with errors: not sent`));
  const { calls } = document;
  lines.push(`API calls: ${calls.total} (${calls.creates} creates, ${calls.lookups} lookups, ${calls.previews} renewal previews)`);
  const seconds = (document.estimatedMs / 1000).toFixed(1);
  const latency = document.latencyMeasured ? `measured latency ${document.latencyMs} ms` : `assumed latency ${document.latencyMs} ms`;
  lines.push(`Estimated duration: ${seconds} s at ${document.concurrency} concurrent requests (${latency})`);
  return `${lines.join('\n')}\n`;
}
