// Invoices rows → one invoice per `create_invoice` TRUE row, carrying every line-item row whose
// attach_to names its id. No memo is set: the site's default memo is what the end customer should see,
// so a re-run finds the invoice by what it holds (subscription, issue date, line items).
import { Decimal } from '../../pricing/money.js';
import type { Json, JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, ObjectRef, SourceRow, StepOutcome } from '../types.js';
import { daysBetween } from '../../dates/index.js';
import { cell, compact, date, flag, money, requiredCell, requiredDate } from '../../plan/map/cells.js';
import { RowError } from '../../plan/row-error.js';
import { linkTo } from './site.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, type RowSteps } from './step.js';
import { idIfExists } from './subscription-common.js';

/**
 * An invoice is all or nothing: when its own row or any of its line-item rows cannot be mapped, or
 * is among `excluded` (rows with validation errors, which will not be sent), none of its rows yields
 * a step, and each says why, so no invoice is ever created with a line missing.
 */
export function invoiceFileSteps(rows: SourceRow[], excluded: ReadonlySet<SourceRow> = new Set()): RowSteps[] {
  const result = new Map<SourceRow, RowSteps>(rows.map((row) => [row, { row, steps: [] }]));
  const fail = (row: SourceRow, error: unknown) => {
    const entry = result.get(row)!;
    entry.steps = [];
    entry.error ??= error instanceof RowError ? error : new RowError(row, undefined, String(error));
  };

  const invoiceRows = new Map<string, SourceRow>();
  for (const row of rows) {
    try {
      if (flag(row, 'create_invoice') !== true) continue;
      const id = requiredCell(row, 'id');
      if (invoiceRows.has(id)) throw new RowError(row, 'id', `invoice id "${id}" is already used by row ${invoiceRows.get(id)!.row}`, 'Give each invoice its own id.');
      invoiceRows.set(id, row);
    } catch (error) {
      fail(row, error);
    }
  }

  const members = new Map<string, Array<{ row: SourceRow; item?: JsonObject }>>();
  for (const row of rows) {
    if (cell(row, 'name') === undefined) continue;
    const invoiceId = cell(row, 'attach_to') ?? (flag(row, 'create_invoice') === true ? cell(row, 'id') : undefined);
    if (invoiceId === undefined || !invoiceRows.has(invoiceId)) {
      fail(row, invoiceId === undefined
        ? new RowError(row, 'attach_to', 'attach_to must name the id of the invoice this line item belongs to')
        : new RowError(row, 'attach_to', `no row in this file creates invoice "${invoiceId}"`, 'Set create_invoice TRUE on the row with that id, or fix attach_to.'));
      continue;
    }
    const list = members.get(invoiceId) ?? [];
    members.set(invoiceId, list);
    try {
      list.push({ row, item: lineItem(row) });
    } catch (error) {
      fail(row, error);
      list.push({ row });
    }
  }

  // Invoices alike in subscription, issue date and line items are told apart by their order in the file.
  const occurrences = new Map<string, number>();
  for (const [id, row] of invoiceRows) {
    const items = members.get(id) ?? [];
    const rowsOfInvoice = [row, ...items.map((entry) => entry.row).filter((member) => member !== row)];
    try {
      if (result.get(row)!.error) throw result.get(row)!.error;
      const broken = items.find((entry) => entry.item === undefined || excluded.has(entry.row));
      if (broken) throw new RowError(row, 'attach_to', `invoice "${id}" is not imported: its line item on row ${broken.row.row} has errors`, 'Fix that row, then import again.');
      if (items.length === 0) throw new RowError(row, 'name', `invoice "${id}" has no line items`, 'Add line-item rows whose attach_to is this id.');
      const lineItems = items.map((entry) => entry.item!);
      const likeness = JSON.stringify([cell(row, 'sub_reference'), cell(row, 'issue_date'), lineItems]);
      const occurrence = (occurrences.get(likeness) ?? 0) + 1;
      occurrences.set(likeness, occurrence);
      const step = invoiceStep(row, id, lineItems, occurrence);
      for (const member of rowsOfInvoice) result.get(member)!.steps.push(step);
    } catch (error) {
      for (const member of rowsOfInvoice) {
        fail(member, member === row ? error : new RowError(member, 'attach_to', `invoice "${id}" on row ${row.row} is not imported`, 'See that row for why.'));
      }
    }
  }
  return [...result.values()];
}

function lineItem(row: SourceRow): JsonObject {
  const quantity = money(row, 'quantity');
  const unitPrice = money(row, 'unit_price');
  if (quantity === undefined) requiredCell(row, 'quantity');
  if (unitPrice === undefined) requiredCell(row, 'unit_price');
  return compact({
    title: requiredCell(row, 'name'),
    quantity: quantity!.toString(),
    unit_price: unitPrice!.toString(),
    period_range_start: date(row, 'start_date'),
    period_range_end: date(row, 'end_date'),
  });
}

/** Whether a site invoice holds exactly these line items, in order (amounts compared as decimals). */
function holdsLineItems(invoice: JsonObject, lineItems: JsonObject[]): boolean {
  const shown = Array.isArray(invoice.line_items) ? invoice.line_items : [];
  if (shown.length !== lineItems.length) return false;
  const sameAmount = (a: Json | undefined, b: Json | undefined): boolean => {
    try {
      return new Decimal(String(a)).equals(new Decimal(String(b)));
    } catch {
      return false;
    }
  };
  return lineItems.every((item, index) => {
    const site = shown[index];
    if (typeof site !== 'object' || site === null || Array.isArray(site)) return false;
    return site.title === item.title && sameAmount(site.quantity, item.quantity) && sameAmount(site.unit_price, item.unit_price) &&
      (item.period_range_start === undefined || site.period_range_start === item.period_range_start) &&
      (item.period_range_end === undefined || site.period_range_end === item.period_range_end);
  });
}

function invoiceStep(row: SourceRow, id: string, lineItems: JsonObject[], occurrence: number): ImportStep {
  const subscription: ObjectRef = { type: 'subscription', key: requiredCell(row, 'sub_reference') };
  const issueDate = requiredDate(row, 'issue_date');
  const dueDate = requiredDate(row, 'due_date');
  const netTerms = daysBetween(issueDate, dueDate);
  if (netTerms < 0) throw new RowError(row, 'due_date', `due_date ${dueDate} is before issue_date ${issueDate}`);
  const attemptCharge = requiredCell(row, 'attempt_charge');
  if (attemptCharge === 'yes_attempt_a_charge') {
    throw new RowError(row, 'attempt_charge', 'attempt_charge yes_attempt_a_charge is not supported by this toolkit yet', 'Set it to no and collect the payment on the site after the import.');
  }
  if (attemptCharge !== 'no') throw new RowError(row, 'attempt_charge', `attempt_charge must be yes_attempt_a_charge or no, got "${attemptCharge}"`);
  const attrs: JsonObject = { issue_date: issueDate, net_terms: netTerms, status: 'open', line_items: lineItems };
  const applied = { ...appliedCells(row), net_terms: String(netTerms) };
  const outcome = (invoice: JsonObject, target: Target): StepOutcome => ({
    id: String(invoice.uid),
    link: linkTo(target, { type: 'invoice', uid: String(invoice.uid) }),
    applied,
    ...(typeof invoice.total_amount === 'string' || typeof invoice.total_amount === 'number' ? { amount: String(invoice.total_amount) } : {}),
  });
  /** The `occurrence`-th (by id) of the subscription's invoices with this issue date and these line items. */
  const findBySubscription = async (target: Target, subscriptionId: number): Promise<JsonObject | undefined> => {
    const matches: JsonObject[] = [];
    for await (const invoice of target.listInvoices()) {
      if (Number(invoice.subscription_id) === subscriptionId && invoice.issue_date === issueDate && holdsLineItems(invoice, lineItems)) matches.push(invoice);
    }
    return matches.sort((a, b) => Number(a.id) - Number(b.id))[occurrence - 1];
  };
  return defineStep({
    type: 'invoice',
    key: id,
    source: row,
    dependsOn: [subscription],
    async create(target, resolver, intent) {
      const subscriptionId = await resolver.id(subscription);
      const invoice = await target.createInvoice(subscriptionId, attrs, intent(() => findBySubscription(target, subscriptionId)));
      return outcome(invoice, target);
    },
    async find(target, resolver) {
      const subscriptionId = await idIfExists(resolver, subscription);
      if (subscriptionId === undefined) return undefined;
      const invoice = await findBySubscription(target, subscriptionId);
      return invoice ? outcome(invoice, target) : undefined;
    },
  });
}
