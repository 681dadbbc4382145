// Resync of one object the journal says the toolkit created: find it on the site by its natural key
// (the target's `find` of its operation, which also yields the row's values as they would be applied now), merge
// the fields resync can update (customers, subscription billing, custom fields) and report the rest.
import { customFields } from '../plan/map/cells.js';
import { billingCells, customerCells, type CellValue } from '../plan/map/updatable-cells.js';
import type { Operation, SourceRow, StepOutcome } from '../plan/operation.js';
import type { JournalObject } from '../state/journal.js';
import type { Resolver, SiteCustomer, SiteValue, Target, UpdatableResource } from '../targets/target.js';
import { billingVerdict, mergedCustomerOf, notApplicableColumn, type PlannedBilling } from './history.js';
import { mergeFields, type FieldChange, type Prefer } from './merge.js';

export type ObjectStatus = 'updated' | 'unchanged' | 'conflict' | 'missing';

export interface ObjectVerdict {
  status: ObjectStatus;
  changes: FieldChange[];
  /** Template columns changed since the last import that resync cannot apply through the API. */
  notUpdatable: string[];
  /** The values to journal as last applied (conflicting and unapplied columns keep their old value). */
  applied?: Record<string, string>;
  message?: string;
  /** The row's customer was merged into this one on the site: followed there, its fields are the survivor's. */
  merged?: SiteCustomer;
  /** Billing the target keeps as imported history that changed: its customer's billing is imported again (src/resync/billing.ts). */
  billing?: PlannedBilling;
  /** What became of that billing, for the report. */
  reimport?: string;
  /** The object as its billing was imported again (a new id; the amount the result files show). */
  reimported?: StepOutcome;
}

interface Part {
  /** Columns this part accounts for (changed or not). */
  columns: Set<string>;
  changes: FieldChange[];
  /** Column of each field, for keeping a conflicting column's last-applied value. */
  columnOf: (field: string) => string[];
}

export interface ResyncContext {
  target: Target;
  resolver: Resolver;
  prefer: Prefer;
  dryRun: boolean;
}

/** The object a journal entry names is no longer on the site. */
class MissingOnSite extends Error {}

function asRow(row: SourceRow, values: Record<string, string>): SourceRow {
  return { ...row, values };
}

function customFieldColumns(row: SourceRow, prefixes: readonly string[]): Set<string> {
  return new Set(Object.keys(row.values).filter((column) => prefixes.some((prefix) => column.startsWith(`${prefix}[`) && column.endsWith(']'))));
}

/** Three-way merge of custom fields; a cleared cell is reported, never deleted on the site. */
async function mergeCustomFields(context: ResyncContext, resource: 'customers' | 'subscriptions', id: string, base: SourceRow, now: SourceRow, prefixes: readonly string[]): Promise<Part> {
  const columns = new Set([...customFieldColumns(now, prefixes), ...customFieldColumns(base, prefixes)]);
  const before = customFields(base, prefixes);
  const after = customFields(now, prefixes);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => after[name] !== undefined);
  // Changes are reported under the target's name for a custom field; columnOf maps that name back.
  const label = (name: string) => context.target.customFieldLabel(name);
  const columnOf = (field: string) => [...columns].filter((column) => names.some((name) => label(name) === field && column.endsWith(`[${name}]`)));
  if (names.length === 0) return { columns, changes: [], columnOf };
  const site = await context.target.customFieldValues(resource, id);
  const merged = mergeFields(names, before, after, site, context.prefer);
  const values = Object.fromEntries(Object.entries(merged.apply).map(([name, value]) => [name, String(value ?? '')]));
  if (!context.dryRun && Object.keys(values).length > 0) await context.target.setCustomFields(resource, id, values);
  return { columns, changes: merged.changes.map((change) => ({ ...change, field: label(change.field) })), columnOf };
}

/**
 * Three-way merge of the fields the target lets resync update: the row's cells (as the import reads
 * them) before and now, by the target's field names, against the site's values.
 */
async function mergeUpdatable(context: ResyncContext, resource: UpdatableResource, id: string, cells: { before: Record<string, CellValue>; after: Record<string, CellValue> }, site: Record<string, SiteValue | undefined>): Promise<Part> {
  const fields = context.target.updatableFields(resource);
  const byField = (values: Record<string, CellValue>) => Object.fromEntries(fields.map(({ field, column, combined }) => [field, combined ? combined.value(values) : values[column]]));
  const merged = mergeFields(fields.map(({ field }) => field), byField(cells.before), byField(cells.after), site, context.prefer);
  if (!context.dryRun && Object.keys(merged.apply).length > 0) await context.target.updateFields(resource, id, merged.apply);
  // A field made of several columns (ChartMogul's name) accounts for each of them.
  const columnsOf = (entry: (typeof fields)[number]) => [entry.column, ...(entry.combined?.columns ?? [])];
  const columnOf = (field: string) => fields.filter((entry) => entry.field === field).flatMap(columnsOf);
  return { columns: new Set(fields.flatMap(columnsOf)), changes: merged.changes, columnOf };
}

async function mergeCustomer(context: ResyncContext, id: string, base: SourceRow, now: SourceRow, prefixes: readonly string[]): Promise<Part[]> {
  const site = await context.target.readCustomerFields(id);
  if (site === undefined) throw new MissingOnSite(`customer ${id} is no longer on the site`);
  const customer = await mergeUpdatable(context, 'customer', id, { before: customerCells(base), after: customerCells(now) }, site);
  return [customer, await mergeCustomFields(context, 'customers', id, base, now, prefixes)];
}

async function mergeSubscription(context: ResyncContext, id: string, base: SourceRow, now: SourceRow, merged: boolean): Promise<Part[]> {
  const site = await context.target.readSubscriptionFields(id);
  if (site === undefined) throw new MissingOnSite(`subscription ${id} is no longer on the site`);
  const parts: Part[] = [
    await mergeUpdatable(context, 'subscription', id, { before: billingCells(base), after: billingCells(now) }, site.fields),
    await mergeCustomFields(context, 'subscriptions', id, base, now, ['custom_field', 'custom_field_subscription']),
  ];
  // A customer merged into another on the site has the survivor's fields: its row's are not merged into them.
  if (now.kind.startsWith('subscriptions-standard') && !merged) {
    // A standard row carries its customer: the subscription call created it, so its fields are the row's too.
    parts.push(...(await mergeCustomer(context, site.customerId, base, now, ['custom_field_customer'])));
  }
  return parts;
}

/** Columns whose template value differs from the one last applied. */
function changedColumns(base: Record<string, string>, now: Record<string, string>): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(now)])].filter((column) => (base[column] ?? '') !== (now[column] ?? ''));
}

/**
 * The verdict for one journaled object: `find` locates it by its natural key (a different id means
 * it was replaced outside the toolkit: reported, never touched); then the template's changes since
 * the last import are merged into the fields the API lets resync update.
 */
export async function resyncObject(operation: Operation, object: JournalObject, context: ResyncContext): Promise<ObjectVerdict> {
  const found = await context.target.find(operation, context.resolver);
  if (found === undefined) {
    return { status: 'missing', changes: [], notUpdatable: [], message: `no longer on the site (deleted outside the toolkit); resync does not recreate it: migrate erase, then test-import, recreates it` };
  }
  if (String(found.id) !== String(object.id)) {
    const survivor = operation.kind === 'customer' ? await context.target.mergedCustomer?.survivor(operation, String(found.id)) : undefined;
    if (survivor !== undefined) return mergedAway(object, found.applied ?? {}, survivor);
    return { status: 'missing', changes: [], notUpdatable: [], message: `the site's ${operation.kind.replace(/_/g, ' ')} under this key is ${found.id}, not ${object.id} as imported: left alone` };
  }
  const base = object.applied ?? {};
  const now = found.applied ?? {};
  const changed = changedColumns(base, now);
  const merged = await mergedCustomerOf(context.target, operation, String(object.id));
  const billing = await billingVerdict(context.target, operation, object, found);
  if (changed.length === 0 && billing === undefined) return { status: 'unchanged', changes: [], notUpdatable: [], applied: now, ...(merged ? { merged } : {}) };
  const row = operation.source;
  const baseRow = asRow(row, base);
  const nowRow = asRow(row, now);
  let parts: Part[] = [];
  try {
    if (operation.kind === 'customer') parts = await mergeCustomer(context, String(object.id), baseRow, nowRow, ['custom_field']);
    else if (operation.kind === 'subscription') parts = await mergeSubscription(context, String(object.id), baseRow, nowRow, merged !== undefined);
  } catch (error) {
    if (error instanceof MissingOnSite) return { status: 'missing', changes: [], notUpdatable: [], message: error.message };
    throw error;
  }
  const mapping = context.target.profile.columnMapping(row.kind);
  // A column the target has no place for is accounted for: there is nothing to send.
  const handled = new Set([...parts.flatMap((part) => [...part.columns]), ...changed.filter((column) => notApplicableColumn(mapping, column))]);
  const left = changed.filter((column) => !handled.has(column));
  // Billing imported again carries the rest of the row as it is now, except a customer's columns (merged above, or the survivor's).
  const billingColumns = billing === undefined ? [] : left.filter((column) => !isCustomerColumn(context.target, column));
  const notUpdatable = left.filter((column) => !billingColumns.includes(column));
  const changes = [...parts.flatMap((part) => part.changes), ...(billing?.changes ?? [])];
  // Conflicting and unapplied columns keep their last-applied value, so the next resync reports them again;
  // billing's columns too, until the billing is imported again.
  const conflicting = parts.flatMap((part) => part.changes.filter((change) => change.action === 'conflict').flatMap((change) => part.columnOf(change.field)));
  const keepBase = new Set([...notUpdatable, ...conflicting]);
  const appliedKeeping = (kept: ReadonlySet<string>): Record<string, string> => {
    const applied: Record<string, string> = {};
    for (const column of new Set([...Object.keys(now), ...Object.keys(base)])) {
      const value = kept.has(column) ? base[column] : now[column];
      if (value !== undefined) applied[column] = value;
    }
    return applied;
  };
  const status: ObjectStatus = keepBase.size > 0 ? 'conflict' : changes.some((change) => change.action !== 'conflict') ? 'updated' : 'unchanged';
  return {
    status,
    changes,
    notUpdatable,
    applied: appliedKeeping(new Set([...keepBase, ...billingColumns])),
    ...(merged ? { merged } : {}),
    ...(billing ? { billing: { ...billing, columns: billingColumns, applied: appliedKeeping(keepBase) } } : {}),
  };
}

/** A customer's columns: the fields resync updates on it, and its custom fields. */
function isCustomerColumn(target: Target, column: string): boolean {
  if (/\[.+\]$/.test(column)) return true;
  return target.updatableFields('customer').some((field) => field.column === column || field.combined?.columns.includes(column) === true);
}

/**
 * A customer merged into another on the site: followed to the survivor, never unmerged nor created
 * again; its row's fields are not merged into the survivor's (they are another customer's), so a
 * template change to them is reported, and the last-applied values stay.
 */
function mergedAway(object: JournalObject, now: Record<string, string>, survivor: SiteCustomer): ObjectVerdict {
  const base = object.applied ?? {};
  const notUpdatable = changedColumns(base, now);
  return { status: notUpdatable.length > 0 ? 'conflict' : 'unchanged', changes: [], notUpdatable, applied: base, merged: survivor };
}
