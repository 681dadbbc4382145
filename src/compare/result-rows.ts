// Reads the files given to `compare` — annotated results from test-import, or templates — into the
// subscription rows (ChargifyNextRenewal vs YourExpectedRenewal) and invoice rows (Amount vs
// total_amount) to compare, and lists the catalog files among them.
import { parseIsoDate, type CalendarDate } from '../dates/index.js';
import { InputError } from '../errors.js';
import { cell } from '../plan/map/cells.js';
import { subscriptionKeysOfFile } from '../plan/map/index.js';
import type { SourceRow } from '../plan/operation.js';
import { Decimal, readMoney } from '../pricing/index.js';
import { detectTemplate } from '../templates/detect.js';
import type { TemplateKind } from '../templates/types.js';
import { cellAddress } from '../workbook/cell-address.js';
import { sourceKey } from '../workbook/location.js';
import { openInput } from '../workbook/sources.js';
import type { FileLinks } from '../importer/result-sites.js';
import { MISMATCH_HEADER } from './mismatch-csv.js';
import { subscriptionFactsOf, type SubscriptionFacts } from './subscription-facts.js';

interface RowBase {
  file: string;
  /** The sheet, when the file is a workbook. */
  sheet?: string;
  row: number;
  line: number;
  /** The row's business key (subscription or customer reference, invoice id). */
  key: string;
  template: TemplateKind;
  /** The Status cell: success, error, pending or blank. */
  status: string;
  /** The Result cell: a link, or the error messages. */
  result: string;
  expected?: Decimal;
  /** A workbook's cell holding the expected amount (`R13`), for findings that point at it. */
  expectedCell?: string;
  /** The written amount: ChargifyNextRenewal or the invoice Amount. */
  actual?: Decimal;
}

export interface SubscriptionRow extends RowBase {
  kind: 'subscription';
  currency?: string;
  nextBillingAt?: CalendarDate;
  /** From the Result link. */
  /** The target's id of the row's subscription, read from its Result link by the target's profile. */
  subscriptionId?: string;
  subscriptionReference?: string;
  /** The key the import gave the row's subscription (`subscriptionKeyOf`): how a target that keeps it finds it. */
  subscriptionKey?: string;
  customerReference?: string;
  facts: SubscriptionFacts;
}

export interface InvoiceRow extends RowBase {
  kind: 'invoice';
  subscriptionReference?: string;
  /** The invoice's uid on the site, from the Result link. */
  uid?: string;
  /** Σ quantity × unit_price of the template's line items attached to the invoice. */
  lineItemsTotal?: Decimal;
}

const SUBSCRIPTION_KINDS = new Set<TemplateKind>([
  'subscriptions-standard',
  'subscriptions-standard-custom-pricing',
  'subscriptions-advanced',
  'subscriptions-advanced-custom-pricing',
]);
const CATALOG_KINDS = new Set<TemplateKind>(['products', 'components', 'coupons']);

export interface ReadOptions {
  /** Leave unreadable amounts out instead of stopping (validate reports them as findings). */
  lenientAmounts?: boolean;
  /** Kinds already known (validate's report, which honours --template), by `sourceKey`; others are detected from the header. */
  kinds?: ReadonlyMap<string, TemplateKind>;
  /** How the target reads a subscription's id from a Result link (its profile's); without it rows carry no id. */
  subscriptionIdOfLink?: (link: string) => string | undefined;
}

export type CompareInput = SubscriptionRow | InvoiceRow | { kind: 'catalog'; path: string };

/**
 * The inputs one by one, in file and row order, so that compare keeps only what differs. A file's
 * invoices come after all its rows (their line items may follow them).
 */
export async function* streamCompareInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<CompareInput> {
  const strict = options.lenientAmounts !== true;
  for (const path of paths) for (const source of (await openInput(path)).sources) {
    // compare's own --out file, met again when a later compare is given the same folder.
    if (source.header.join(',') === MISMATCH_HEADER.join(',')) continue;
    const { sheet } = source;
    const template = detectTemplate(source.header, path, options.kinds?.get(sourceKey({ path, sheet })) ?? source.kind);
    if (CATALOG_KINDS.has(template.kind)) yield { kind: 'catalog', path };
    const isSubscription = SUBSCRIPTION_KINDS.has(template.kind);
    if (!isSubscription && template.kind !== 'invoices') continue;
    const lineTotals = new Map<string, Decimal>();
    const invoices: InvoiceRow[] = [];
    const subscriptionKeyOf = subscriptionKeysOfFile();
    const expectedColumn = source.header.indexOf('YourExpectedRenewal');
    const expectedCellOf = (row: number) => (sheet !== undefined && expectedColumn >= 0 ? { expectedCell: cellAddress(row, expectedColumn + 1) } : {});
    for await (const record of source.records) {
      const values: Record<string, string> = {};
      source.header.forEach((name, index) => (values[name] = record.cells[index] ?? ''));
      const row: SourceRow = { file: path, ...(sheet !== undefined ? { sheet } : {}), kind: template.kind, row: record.row, line: record.line, key: keyOf(values, template.keyColumns), values };
      if (isSubscription) {
        // Every row counts towards the occurrences that tell identical subscriptions apart, as at import.
        const key = subscriptionKeyOf(row);
        if (cell(row, 'create_subscription')?.toUpperCase() === 'TRUE') yield { ...subscriptionRow(row, template.kind, strict, options.subscriptionIdOfLink), ...optional('subscriptionKey', key), ...expectedCellOf(record.row) };
        continue;
      }
      addLineItem(row, lineTotals);
      // Line-item rows repeat their invoice's Amount; the invoice row carries total_amount.
      if (cell(row, 'create_invoice')?.toUpperCase() !== 'TRUE') continue;
      const uid = /\/invoices\/([^/?#]+)$/.exec(cell(row, 'Result') ?? '')?.[1];
      invoices.push({
        ...base(row, template.kind, 'total_amount', 'Amount', strict),
        kind: 'invoice',
        ...optional('subscriptionReference', cell(row, 'sub_reference')),
        ...optional('uid', uid),
      });
    }
    for (const invoice of invoices) yield { ...invoice, ...optional('lineItemsTotal', lineTotals.get(invoice.key)) };
  }
}

/** The links in a result file's Result cells (a workbook's: every sheet's), for checking which site they point into; none in a template. */
export async function resultLinksOf(path: string): Promise<FileLinks> {
  const found: FileLinks = { row: 0, links: [] };
  for (const source of (await openInput(path)).sources) {
    const column = source.header.indexOf('Result');
    if (column < 0) continue;
    for await (const record of source.records) {
      const value = record.cells[column]?.trim() ?? '';
      if (!/^https?:\/\//.test(value)) continue;
      if (found.links.length === 0) Object.assign(found, { row: record.row }, source.sheet !== undefined ? { sheet: source.sheet } : {});
      found.links.push(value);
    }
  }
  return found;
}

function addLineItem(row: SourceRow, totals: Map<string, Decimal>): void {
  const invoice = cell(row, 'attach_to');
  const quantity = readMoney(cell(row, 'quantity') ?? '');
  const unitPrice = readMoney(cell(row, 'unit_price') ?? '');
  if (invoice === undefined || cell(row, 'name') === undefined || !quantity.ok || !unitPrice.ok) return;
  totals.set(invoice, (totals.get(invoice) ?? new Decimal(0)).plus(quantity.value.times(unitPrice.value)));
}

function subscriptionRow(row: SourceRow, template: TemplateKind, strict: boolean, idOfLink: ReadOptions['subscriptionIdOfLink']): SubscriptionRow {
  const facts = subscriptionFactsOf(row);
  const nextBilling = cell(row, 'next_billing_at');
  const link = cell(row, 'Result');
  const linkId = link === undefined ? undefined : idOfLink?.(link);
  return {
    ...base(row, template, 'YourExpectedRenewal', 'ChargifyNextRenewal', strict),
    kind: 'subscription',
    facts,
    ...optional('currency', facts.currency),
    ...optional('nextBillingAt', nextBilling === undefined ? undefined : parseIsoDate(nextBilling)),
    ...optional('subscriptionId', linkId),
    ...optional('subscriptionReference', cell(row, 'subscription_reference')),
    ...optional('customerReference', cell(row, 'customer_reference') ?? cell(row, 'import_identifier_customer_reference')),
  };
}

function base(row: SourceRow, template: TemplateKind, expectedColumn: string, actualColumn: string, strict: boolean): RowBase {
  return {
    file: row.file,
    ...(row.sheet !== undefined ? { sheet: row.sheet } : {}),
    row: row.row,
    line: row.line,
    key: row.key,
    template,
    status: (cell(row, 'Status') ?? '').toLowerCase(),
    result: cell(row, 'Result') ?? '',
    ...optional('expected', amountCell(row, expectedColumn, strict)),
    ...optional('actual', amountCell(row, actualColumn, strict)),
  };
}

/** An amount column; a value that is not an amount stops the command with the cell named (exit 2). */
function amountCell(row: SourceRow, column: string, strict: boolean): Decimal | undefined {
  const text = cell(row, column);
  if (text === undefined) return undefined;
  const read = readMoney(text);
  if (read.ok) return read.value;
  if (!strict) return undefined;
  throw new InputError('bad-amount', `${column} "${text}" is not an amount: ${read.reason}.`, {
    location: { file: row.file, ...(row.sheet !== undefined ? { sheet: row.sheet } : {}), row: row.row, line: row.line, column },
    hint: 'Fix the cell (plain digits with a decimal point) and run compare again.',
  });
}

function keyOf(values: Record<string, string>, keyColumns: readonly string[]): string {
  for (const column of keyColumns) {
    const value = values[column]?.trim();
    if (value) return value;
  }
  return '';
}

function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}

