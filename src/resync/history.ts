// What resync learns about an object from a target that keeps history people shape (ChartMogul): the
// customer a row's customer was merged into, and whether the billing it imported changed since (then
// its customer's billing is imported again, src/resync/billing.ts). Targets without either answer nothing.
import type { MappingTable } from '../targets/column-mapping.js';
import type { Operation, StepOutcome } from '../plan/operation.js';
import type { JournalObject } from '../state/journal.js';
import type { SiteCustomer, Target } from '../targets/target.js';
import type { FieldChange } from './merge.js';

/** Billing that changed since it was imported, to be imported again with the rest of its customer's. */
export interface PlannedBilling {
  /** The customer on the site that holds it. */
  customer: SiteCustomer;
  /** What changed (the amount, the plan's columns…), as the site has it (as imported) and as the templates say now. */
  changes: FieldChange[];
  /** The row's changed columns the import carries (they keep their last-applied value until it is done). */
  columns: string[];
  /** The values to journal as last applied once the billing is imported again. */
  applied: Record<string, string>;
}

/** The customer a subscription's customer was merged into on the site (a customer's own merge shows in its `find`). */
export async function mergedCustomerOf(target: Target, operation: Operation, id: string): Promise<SiteCustomer | undefined> {
  if (target.mergedCustomer === undefined || operation.kind !== 'subscription') return undefined;
  const site = await target.readSubscriptionFields(id);
  return site === undefined ? undefined : target.mergedCustomer.survivor(operation, site.customerId);
}

/** Billing the target keeps as imported history that differs from what the templates give now; undefined when none changed. */
export async function billingVerdict(target: Target, operation: Operation, object: JournalObject, found: StepOutcome): Promise<Omit<PlannedBilling, 'columns' | 'applied'> | undefined> {
  const history = target.billingHistory;
  if (history === undefined) return undefined;
  const changes = history.changes(operation, object, found);
  if (changes.length === 0) return undefined;
  const customer = await history.holder(operation, String(object.id));
  if (customer === undefined) return undefined;
  return { customer, changes: changes.map((change) => ({ field: change.field, base: change.base, site: change.base, template: change.template, action: 'update' })) };
}

/** The target has no place for the column: a change to it sends nothing. */
export function notApplicableColumn(mapping: MappingTable, column: string): boolean {
  const entry = mapping[column];
  return entry !== undefined && 'notApplicable' in entry;
}
