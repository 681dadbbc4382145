// Test harness for the mapping: rows from CSV text, and a small runner that creates a file's steps in
// dependency order with a resolver over what it created (then the site), as the engine would.
import { parse } from 'csv-parse/sync';
import { findOnSite, stepsForFile, type RowSteps } from '../../../src/importer/steps/index.js';
import type { ImportStep, ObjectRef, Resolver, SourceRow, StepOutcome } from '../../../src/importer/types.js';
import type { Target } from '../../../src/targets/advanced-billing/api.js';

/** SourceRows of a kind from CSV text (header first), numbered as a spreadsheet shows them. */
export function rowsOf(kind: string, csv: string, file = `${kind}.csv`): SourceRow[] {
  const records = parse(csv.trim(), { relax_column_count: true }) as string[][];
  const [header, ...data] = records;
  return data.map((cells, index) => {
    const values: Record<string, string> = {};
    header!.forEach((name, i) => (values[name] = cells[i] ?? ''));
    return { file, kind, row: index + 2, line: index + 2, key: '', values };
  });
}

/** Maps rows and fails the test on any row error. */
export function stepsOf(rows: SourceRow[]): ImportStep[] {
  const mapped = stepsForFile(rows);
  const errors = mapped.filter((entry) => entry.error).map((entry) => `row ${entry.row.row}: ${entry.error!.message}`);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return unique(mapped);
}

function unique(mapped: RowSteps[]): ImportStep[] {
  const seen = new Map<string, ImportStep>();
  for (const entry of mapped) for (const step of entry.steps) if (!seen.has(step.naturalKey)) seen.set(step.naturalKey, step);
  return [...seen.values()];
}

const refId = (ref: ObjectRef) => `${ref.type}:${ref.key}`;

export class SimpleResolver implements Resolver {
  readonly created = new Map<string, StepOutcome>();
  constructor(private readonly target: Target) {}
  async id(ref: ObjectRef): Promise<number> {
    const known = this.created.get(refId(ref));
    if (known && typeof known.id === 'number') return known.id;
    const found = await findOnSite(this.target, ref);
    if (found && typeof found.id === 'number') return found.id;
    throw new Error(`${ref.type} "${ref.key}" not found`);
  }
  object(ref: ObjectRef) {
    return findOnSite(this.target, ref);
  }
}

/** Creates every step once its dependencies provided by other steps are done; returns outcomes by naturalKey. */
export async function runSteps(target: Target, steps: ImportStep[], resolver = new SimpleResolver(target)): Promise<Map<string, StepOutcome>> {
  const outcomes = new Map<string, StepOutcome>();
  const providers = new Set(steps.map((step) => refId(step.provides)));
  let pending = [...steps];
  while (pending.length > 0) {
    const ready = pending.filter((step) => step.dependsOn.every((ref) => !providers.has(refId(ref)) || resolver.created.has(refId(ref))));
    if (ready.length === 0) throw new Error(`dependency cycle among ${pending.map((step) => step.naturalKey).join(', ')}`);
    for (const step of ready) {
      const outcome = await step.create(target, resolver);
      outcomes.set(step.naturalKey, outcome);
      resolver.created.set(refId(step.provides), outcome);
    }
    pending = pending.filter((step) => !ready.includes(step));
  }
  return outcomes;
}

/** One SourceRow from column values (the columns a test does not name are absent). */
export function rowFrom(kind: string, values: Record<string, string>, row = 2): SourceRow {
  return { file: `${kind}.csv`, kind, row, line: row, key: '', values };
}
