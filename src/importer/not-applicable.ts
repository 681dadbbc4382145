// What the target has no place for, said once per run: the kinds of object it does not take (a product
// family, a payment profile on ChartMogul) and the columns its mapping marks not applicable, each with
// what it means for the migration and how many rows it concerns: never an error, never silently dropped.
import { sourceName } from '../workbook/location.js';
import { OBJECT_TYPES, type ObjectType, type SourceRow } from '../plan/operation.js';
import type { TargetProfile } from '../targets/target.js';
import type { LoadedRows } from './sources.js';

export interface NotApplicableNotice {
  template: string;
  /** The kind of object the rows would create, or the columns (with the same meaning) their values sit in. */
  kind?: ObjectType;
  columns?: string[];
  meaning: string;
  rows: number;
  /** The first rows concerned, for people to look at. */
  examples: Array<{ file: string; row: number; key: string }>;
}

const EXAMPLES = 3;

/** The kind's own meaning, else a plain one. */
function kindMeaning(profile: TargetProfile, kind: ObjectType): string {
  return profile.notApplicableKinds[kind] ?? `the target has no ${PLURALS[kind]}`;
}

/**
 * The notices for the rows of `loaded` that will be sent (not refused by validation), and the rows
 * whose every object is of a kind the target does not take, with what that means.
 */
export function notApplicableOf(loaded: LoadedRows, profile: TargetProfile): { notices: NotApplicableNotice[]; rows: Map<SourceRow, string> } {
  const taken = new Set(profile.kinds);
  const notices = new Map<string, NotApplicableNotice>();
  const rows = new Map<SourceRow, string>();
  const add = (id: string, row: SourceRow, make: () => Omit<NotApplicableNotice, 'rows' | 'examples'>) => {
    let notice = notices.get(id);
    if (notice === undefined) notices.set(id, (notice = { ...make(), rows: 0, examples: [] }));
    notice.rows += 1;
    if (notice.examples.length < EXAMPLES) notice.examples.push({ file: sourceName({ path: row.file, sheet: row.sheet }), row: row.row, key: row.key });
  };
  for (const { row, operations } of loaded.rowOperations) {
    if (loaded.invalid.has(row) || operations.length === 0) continue;
    const left = [...new Set(operations.map((operation) => operation.kind).filter((kind) => !taken.has(kind)))];
    left.sort((a, b) => OBJECT_TYPES.indexOf(a) - OBJECT_TYPES.indexOf(b));
    for (const kind of left) add(`${row.kind}|kind|${kind}`, row, () => ({ template: row.kind, kind, meaning: kindMeaning(profile, kind) }));
    if (left.length === operations.length) {
      rows.set(row, kindMeaning(profile, left[0]!));
      continue;
    }
    // Columns only for rows something is created from: a row wholly left out is said once by its kind.
    const byMeaning = new Map<string, string[]>();
    const mapping = profile.columnMapping(row.kind);
    // The columns of a left-out object (a product's, a payment profile's, a balance) are said by its kind,
    // and so is a column whose meaning its kind already says; a FALSE flag asks for nothing.
    const said = new Set(left.map((kind) => kindMeaning(profile, kind)));
    const covered = new Set(operations.filter((operation) => !taken.has(operation.kind)).flatMap((operation) => Object.keys(operation.applied)));
    for (const [column, value] of Object.entries(row.values)) {
      const entry = mapping[column];
      if (entry === undefined || !('notApplicable' in entry) || covered.has(column) || said.has(entry.notApplicable)) continue;
      if (value.trim() === '' || value.trim().toUpperCase() === 'FALSE') continue;
      byMeaning.set(entry.notApplicable, [...(byMeaning.get(entry.notApplicable) ?? []), column]);
    }
    for (const [meaning, columns] of byMeaning) add(`${row.kind}|columns|${meaning}`, row, () => ({ template: row.kind, columns: [], meaning }));
    for (const [meaning, columns] of byMeaning) {
      const notice = notices.get(`${row.kind}|columns|${meaning}`)!;
      for (const column of columns) if (!notice.columns!.includes(column)) notice.columns!.push(column);
    }
  }
  return { notices: [...notices.values()], rows };
}

/** How people call objects of each kind, in the plural. */
const PLURALS: Record<ObjectType, string> = {
  product_family: 'product families',
  product: 'products',
  product_price_point: 'product price points',
  component: 'components',
  component_price_point: 'component price points',
  coupon: 'coupons',
  segment: 'event-based billing segments',
  customer: 'customers',
  payment_profile: 'payment profiles',
  subscription: 'subscriptions',
  service_credit: 'service credits',
  prepayment: 'prepayments',
  invoice: 'invoices',
};

/** One line for the pretty report. */
export function renderNotApplicable(notice: NotApplicableNotice): string {
  const what = notice.kind !== undefined ? PLURALS[notice.kind] : `column${notice.columns!.length === 1 ? '' : 's'} ${notice.columns!.join(', ')}`;
  const rows = `${notice.rows} row${notice.rows === 1 ? '' : 's'}`;
  const byFile = new Map<string, number[]>();
  for (const example of notice.examples) byFile.set(example.file, [...(byFile.get(example.file) ?? []), example.row]);
  const first = [...byFile].map(([file, numbers]) => `${file} row${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`).join('; ');
  return `${notice.template} ${what} (${rows}${notice.rows > notice.examples.length ? `, first ${first}` : `: ${first}`}): ${notice.meaning}.`;
}
