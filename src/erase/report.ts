// The erase report: one document for every scope (`--format json`), and the pretty text of the plan
// (shown before anything is sent) and of the outcome (counts, what failed and why, what to run next).
import type { Colors } from '../cli/reporters/colors.js';
import { plural, renderSummary } from '../cli/reporters/summary.js';

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
  scope: EraseScope;
  /** "all" or the run id given with --run. */
  runs: string;
  dryRun: boolean;
  stopped?: 'interrupted' | 'target-failed';
  summary: EraseSummary;
  /** Objects per "type action", e.g. { "subscription purge": 3 }. */
  plan: Record<string, number>;
  objects: EraseEntry[];
  next: string;
}

export function buildEraseDocument(
  head: Pick<EraseDocument, 'site' | 'siteMode' | 'scope' | 'runs' | 'dryRun' | 'next'> & { stopped?: EraseDocument['stopped'] },
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
  const { stopped, ...rest } = head;
  return { version: 1, command: 'erase', ...rest, ...(stopped ? { stopped } : {}), summary, plan, objects: entries };
}

const SAMPLE = 3;

function where(entry: EraseEntry): string {
  return entry.file !== undefined && entry.row !== undefined ? `${entry.file} row ${entry.row} (${entry.key})` : entry.key;
}

/** The plan: per type and action, how many objects and a few of them by key; then what stays and why. */
export function renderErasePlan(document: EraseDocument, colors: Colors): string {
  const lines: string[] = [];
  const runs = document.runs === 'all' ? 'all runs' : `run ${document.runs}`;
  const scope = document.scope === 'imported' ? `what the toolkit imported (${runs})` : document.scope === 'customers' ? 'customers and their subscriptions, whoever created them' : 'all data on the site (clear-data)';
  lines.push(colors.bold(`Erase plan for ${document.site} (${document.siteMode} site): ${scope}`));
  const groups = new Map<string, EraseEntry[]>();
  for (const entry of document.objects) {
    if (entry.status === 'kept') continue;
    const label = `${entry.action} ${entry.type}`;
    groups.set(label, [...(groups.get(label) ?? []), entry]);
  }
  if (groups.size === 0) lines.push('  nothing to erase');
  for (const [label, entries] of groups) {
    const [action, type] = label.split(' ');
    const sample = entries.slice(0, SAMPLE).map((entry) => entry.key).join(', ');
    const more = entries.length > SAMPLE ? `, … ${entries.length - SAMPLE} more` : '';
    lines.push(`  ${action!.padEnd(8)} ${plural(entries.length, type!.replaceAll('_', ' ')).padEnd(24)} ${colors.dim(`${sample}${more}`)}`);
  }
  const kept = document.objects.filter((entry) => entry.status === 'kept');
  if (kept.length > 0) {
    const reasons = new Map<string, EraseEntry[]>();
    for (const entry of kept) reasons.set(entry.message ?? '', [...(reasons.get(entry.message ?? '') ?? []), entry]);
    for (const [reason, entries] of reasons) {
      lines.push(colors.yellow(`  kept     ${plural(entries.length, 'object')}: ${reason} (${entries.slice(0, SAMPLE).map((entry) => `${entry.type} ${entry.key}`).join(', ')}${entries.length > SAMPLE ? ', …' : ''})`));
    }
  }
  if (document.summary.unfinished > 0) {
    lines.push(colors.yellow(`  ${plural(document.summary.unfinished, 'create')} an interrupted import left unsettled are not touched: run the same test-import again to settle them first.`));
  }
  return `${lines.join('\n')}\n`;
}

/** The outcome: a summary line, every object that failed or is still pending, and what to run next. */
export function renderEraseResult(document: EraseDocument, colors: Colors): string {
  const lines: string[] = [];
  for (const entry of document.objects.filter((e) => e.status === 'failed')) {
    lines.push(`${colors.red('failed')}  ${entry.type} ${where(entry)}: ${entry.message ?? ''}`);
  }
  const { summary } = document;
  lines.push(
    renderSummary(
      document.stopped === 'interrupted' ? 'Erase interrupted' : document.stopped === 'target-failed' ? 'Erase stopped' : 'Erased',
      [
        { label: 'erased', value: summary.erased, tone: 'good' },
        { label: 'already gone', value: summary.gone, tone: 'plain' },
        ...(summary.canceled > 0 ? [{ label: 'canceled', value: summary.canceled, tone: 'good' as const }] : []),
        { label: 'failed', value: summary.failed, tone: 'bad' },
        { label: 'pending', value: summary.pending, tone: 'warn' },
        { label: 'kept', value: summary.kept, tone: 'plain' },
      ],
      colors,
    ),
  );
  lines.push(`Next: ${document.next}`);
  return `${lines.join('\n')}\n`;
}
