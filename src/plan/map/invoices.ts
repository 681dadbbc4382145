// Invoices rows → one invoice operation per `create_invoice` TRUE row, carrying every line-item row
// whose attach_to names its id. No memo is set: the target's default memo is what the end customer
// should see, so a re-run finds the invoice by what it holds (subscription, issue date, line items).
import type { ObjectRef, Operation, SourceRow } from '../operation.js';
import type { RowOperations } from './index.js';
import { RowError } from '../row-error.js';
import { daysBetween } from '../../dates/index.js';
import { appliedCells, cell, date, flag, money, requiredCell, requiredDate } from './cells.js';
import { defined } from './defined.js';

export type LineItemFields = {
  title: string;
  /** Decimal strings. */
  quantity: string;
  unitPrice: string;
  /** The service period, as calendar dates. */
  periodStart?: string;
  periodEnd?: string;
};

export type InvoiceFields = {
  subscription: ObjectRef;
  issueDate: string;
  dueDate: string;
  /** Days from issue to due date. */
  netTerms: number;
  lineItems: LineItemFields[];
  /**
   * Which of the file's invoices alike in subscription, issue date and line items it is (1 = first):
   * they are told apart on the target by creation order.
   */
  occurrence: number;
};

export type InvoiceOperation = Operation<InvoiceFields> & { kind: 'invoice' };

/** The operations of one row, or why it yields none. */

/**
 * An invoice is all or nothing: when its own row or any of its line-item rows cannot be mapped, or
 * is among `excluded` (rows with validation errors, which will not be sent), none of its rows yields
 * an operation, and each says why, so no invoice is ever created with a line missing.
 */
export function invoiceFileOperations(rows: SourceRow[], excluded: ReadonlySet<SourceRow> = new Set()): Array<RowOperations<InvoiceOperation>> {
  const result = new Map<SourceRow, RowOperations<InvoiceOperation>>(rows.map((row) => [row, { row, operations: [] }]));
  const fail = (row: SourceRow, error: unknown) => {
    const entry = result.get(row)!;
    entry.operations = [];
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

  const members = new Map<string, Array<{ row: SourceRow; item?: LineItemFields }>>();
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
      list.push({ row, item: lineItemOf(row) });
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
      const operation = invoiceOperation(row, id, lineItems, occurrence);
      for (const member of rowsOfInvoice) result.get(member)!.operations.push(operation);
    } catch (error) {
      for (const member of rowsOfInvoice) {
        fail(member, member === row ? error : new RowError(member, 'attach_to', `invoice "${id}" on row ${row.row} is not imported`, 'See that row for why.'));
      }
    }
  }
  return [...result.values()];
}

function lineItemOf(row: SourceRow): LineItemFields {
  const quantity = money(row, 'quantity');
  const unitPrice = money(row, 'unit_price');
  if (quantity === undefined) requiredCell(row, 'quantity');
  if (unitPrice === undefined) requiredCell(row, 'unit_price');
  return {
    title: requiredCell(row, 'name'),
    quantity: quantity!.toString(),
    unitPrice: unitPrice!.toString(),
    ...defined({ periodStart: date(row, 'start_date'), periodEnd: date(row, 'end_date') }),
  };
}

function invoiceOperation(row: SourceRow, id: string, lineItems: LineItemFields[], occurrence: number): InvoiceOperation {
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
  return {
    kind: 'invoice',
    key: id,
    dependsOn: [subscription],
    fields: { subscription, issueDate, dueDate, netTerms, lineItems, occurrence },
    source: row,
    applied: { ...appliedCells(row), net_terms: String(netTerms) },
  };
}
