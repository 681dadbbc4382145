// The pretty text of an import's --dry-run: objects per type, API calls and the estimated duration.
import type { DryRunDocument } from '../../importer/dry-run.js';
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
  return `${lines.join('\n')}\n`;
}
