// The site's subscription export (Subscriptions → Export, with "Next Billing Amount" enabled in CSV
// Exports): its `Estimated Renewal Amount` per subscription, matched to result rows by id or reference.
import { openCsv } from '../csv/reader.js';
import { parseIsoDate, type CalendarDate } from '../dates/index.js';
import { InputError } from '../errors.js';
import { readMoney, type Decimal } from '../pricing/index.js';
import type { SubscriptionRow } from './result-rows.js';

export interface ExportEntry {
  row: number;
  id?: number;
  reference?: string;
  customerReference?: string;
  productHandle?: string;
  currency?: string;
  nextBillingAt?: CalendarDate;
  amount: Decimal;
}

export interface SubscriptionExport {
  path: string;
  entries: ExportEntry[];
}

/** Header spellings accepted for each field, compared lower-cased with spaces and underscores alike. */
const COLUMNS = {
  id: ['subscription id', 'id'],
  reference: ['subscription reference', 'reference'],
  customerReference: ['customer reference'],
  productHandle: ['product handle'],
  currency: ['currency'],
  nextBillingAt: ['next billing date', 'next billing at', 'next assessment at', 'current period ends at', 'period ends'],
  amount: ['estimated renewal amount', 'next billing amount'],
} as const;

function normalized(name: string): string {
  return name.trim().toLowerCase().replace(/[_\s]+/g, ' ');
}

export async function readSubscriptionExport(path: string): Promise<SubscriptionExport> {
  const source = await openCsv(path);
  const names = source.header.map(normalized);
  const indexOf = (field: keyof typeof COLUMNS): number => {
    for (const spelling of COLUMNS[field]) {
      const index = names.indexOf(spelling);
      if (index >= 0) return index;
    }
    return -1;
  };
  const amountIndex = indexOf('amount');
  if (amountIndex < 0) {
    throw new InputError('export-no-amount', 'the export has no "Estimated Renewal Amount" column.', {
      location: { file: path, row: 1 },
      hint: 'In the site, enable Config → Settings → CSV Exports → "Next Billing Amount", then export the subscriptions again.',
    });
  }
  const idIndex = indexOf('id');
  const referenceIndex = indexOf('reference');
  const customerIndex = indexOf('customerReference');
  if (idIndex < 0 && referenceIndex < 0 && customerIndex < 0) {
    throw new InputError('export-no-key', 'the export has no "ID", "Reference" or "Customer Reference" column to match subscriptions by.', {
      location: { file: path, row: 1 },
    });
  }
  const productIndex = indexOf('productHandle');
  const currencyIndex = indexOf('currency');
  const nextIndex = indexOf('nextBillingAt');
  const entries: ExportEntry[] = [];
  for await (const record of source.records) {
    const text = (index: number): string | undefined => {
      const value = index < 0 ? undefined : record.cells[index]?.trim();
      return value === '' ? undefined : value;
    };
    const amountText = text(amountIndex);
    if (amountText === undefined) continue;
    const amount = exportAmount(amountText);
    if (amount === undefined) {
      throw new InputError('export-bad-amount', `"${amountText}" is not an amount.`, {
        location: { file: path, row: record.row, line: record.line, column: source.header[amountIndex] },
        hint: 'Use the export file as the site wrote it.',
      });
    }
    const id = text(idIndex);
    const next = text(nextIndex);
    entries.push({
      row: record.row,
      amount,
      ...(id !== undefined && /^\d+$/.test(id) ? { id: Number(id) } : {}),
      ...(text(referenceIndex) !== undefined ? { reference: text(referenceIndex) } : {}),
      ...(text(customerIndex) !== undefined ? { customerReference: text(customerIndex) } : {}),
      ...(text(productIndex) !== undefined ? { productHandle: text(productIndex) } : {}),
      ...(text(currencyIndex) !== undefined ? { currency: text(currencyIndex)!.toUpperCase() } : {}),
      ...(next !== undefined && parseIsoDate(next.slice(0, 10)) !== undefined ? { nextBillingAt: parseIsoDate(next.slice(0, 10)) } : {}),
    });
  }
  return { path, entries };
}

/** The site writes plain amounts; a leading currency symbol or thousands separators are tolerated. */
function exportAmount(text: string): Decimal | undefined {
  const plain = readMoney(text);
  if (plain.ok) return plain.value;
  const stripped = /^[^\d.-]{0,3}\s*(-?[\d,]*\.?\d+)$/.exec(text)?.[1]?.replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (stripped === undefined) return undefined;
  const read = readMoney(stripped);
  return read.ok ? read.value : undefined;
}

/**
 * The export entry of a result row: by subscription id (from the row's Result link), else by
 * subscription reference, else by customer reference when that customer has one exported
 * subscription (to the row's product, when the export names products).
 */
export function matchExportEntry(exported: SubscriptionExport, row: SubscriptionRow): ExportEntry | undefined {
  if (row.subscriptionId !== undefined) {
    const byId = exported.entries.find((entry) => entry.id !== undefined && String(entry.id) === row.subscriptionId);
    if (byId) return byId;
  }
  if (row.subscriptionReference !== undefined) {
    const byReference = exported.entries.find((entry) => entry.reference === row.subscriptionReference);
    if (byReference) return byReference;
  }
  if (row.customerReference !== undefined) {
    const candidates = exported.entries.filter(
      (entry) => entry.customerReference === row.customerReference && (entry.productHandle === undefined || entry.productHandle === row.facts.productHandle),
    );
    if (candidates.length === 1) return candidates[0];
  }
  return undefined;
}
