// The pretty text of an import's --dry-run: objects per type, API calls, the estimated duration, and
// then every operation that would be sent, one line each, in the order the plan applies them.
import { sourceName } from '../../workbook/location.js';
import { basename } from 'node:path';
import type { DryRunDocument, PlannedOperation } from '../../importer/dry-run.js';
import { OBJECT_TYPES } from '../../plan/operation.js';
import type { Colors } from './colors.js';

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
  if (document.operations !== undefined && document.operations.length > 0) {
    lines.push(colors.bold(`Operations (${document.operations.length}), in the order they would be applied:`));
    for (const operation of document.operations) lines.push(`  ${operationLine(operation, colors)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `kind key  after kind:key, …  {fields}  (file row N)`: the operation as data, on one line. */
function operationLine(operation: PlannedOperation, colors: Colors): string {
  const after = operation.dependsOn.length > 0 ? `  after ${operation.dependsOn.map((ref) => `${ref.type}:${ref.key}`).join(', ')}` : '';
  return `${operation.kind} ${operation.key}${after}  ${JSON.stringify(operation.fields)}  ${colors.dim(`(${sourceName({ path: basename(operation.file), sheet: operation.sheet })} row ${operation.row})`)}`;
}
