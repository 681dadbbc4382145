// The pretty text of an erase: the plan (shown before anything is sent) and the outcome (counts, what
// failed and why, what to run next).
import type { EraseDocument, EraseEntry } from '../../erase/report.js';
import type { EraseAction } from '../../erase/run-erase.js';
import type { ManualWork, SiteContents } from '../../targets/target.js';
import type { Colors } from './colors.js';
import { plural, renderSummary } from './summary.js';

const SAMPLE = 3;

/** What each wider scope removes, by the name the target gives it (erase/scope-names.ts). */
const SCOPE_TEXT: Readonly<Record<string, string>> = {
  customers: 'customers and their subscriptions, whoever created them',
  site: 'all data on the site (clear-data)',
  'manual-customers': 'every customer of the data source, one by one, whoever created them (their invoices go with them)',
  'data-source': 'the whole data source (irreversible)',
};

/** What clearing the site takes along, counted on it: the counts, then the work people did there, by kind. */
function contentLines(contents: SiteContents, colors: Colors): string[] {
  const counts = Object.entries(contents.counts).map(([kind, count]) => `${count} ${kind}`).join(', ');
  const lines = [`  lost     ${counts}`];
  const work: Array<[ManualWork, string]> = [
    ['tagged', 'customers with tags'],
    ['attributed', 'customers with custom attributes the toolkit did not set'],
    ['merged', 'merged customers (more than one external id)'],
    ['edited', 'customers edited on the site (fields differ from what the toolkit sent)'],
  ];
  for (const [kind, label] of work) {
    const { count, examples } = contents.manualWork[kind];
    if (count > 0) lines.push(colors.yellow(`  lost     ${String(count).padStart(3)} ${label} ${colors.dim(`(${examples.join(', ')}${count > examples.length ? ', …' : ''})`)}`));
  }
  if (contents.notImported.count > 0) {
    lines.push(`  lost     ${String(contents.notImported.count).padStart(3)} customers the toolkit did not import ${colors.dim(`(${contents.notImported.examples.join(', ')}${contents.notImported.count > contents.notImported.examples.length ? ', …' : ''})`)}`);
  }
  if (contents.customersWithManualWork > 0) {
    lines.push(colors.yellow(`  Deleting cannot be undone, and the tags, attributes, merges and edits go with it. migrate resync <your files> keeps them.`));
  }
  return lines;
}

function where(entry: EraseEntry): string {
  return entry.file !== undefined && entry.row !== undefined ? `${entry.file} row ${entry.row} (${entry.key})` : entry.key;
}

/** The plan: per type and action, how many objects and a few of them by key; then what stays and why. */
export function renderErasePlan(document: EraseDocument, colors: Colors): string {
  const lines: string[] = [];
  const runs = document.runs === 'all' ? 'all runs' : `run ${document.runs}`;
  const scope = SCOPE_TEXT[document.scope] ?? (document.scope === 'imported' ? `what the toolkit imported (${runs})` : document.scope);
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
  if (document.contents !== undefined) lines.push(...contentLines(document.contents, colors));
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

/** The sentence the typed-subdomain question starts with: what the erase is about to do, and where. */
export function eraseActionText(action: EraseAction): string {
  switch (action.scope) {
    case 'imported':
      return `This ${action.verb} ${plural(action.objects, 'object')} from the ${action.siteMode.toUpperCase()} site ${action.site}.`;
    case 'customers': {
      const whoever = action.selected ? '' : ', whoever created them,';
      // A target whose customers take their subscriptions along (ChartMogul) counts none of them apart.
      const subscriptions = action.subscriptions > 0 ? ` and ${plural(action.subscriptions, 'subscription')}` : '';
      return `This deletes ${plural(action.customers, 'customer')}${subscriptions}${whoever} from the ${action.siteMode.toUpperCase()} site ${action.site}.`;
    }
    case 'site':
      if (action.contents !== undefined) {
        const { type, key } = action.contents.object;
        return `This deletes the ${action.siteMode.toUpperCase()} ${type.replaceAll('_', ' ')} "${key}" for good, with ${action.what}.`;
      }
      return `This clears ALL ${action.what} from the TEST site ${action.site}, whoever created them.`;
  }
}
