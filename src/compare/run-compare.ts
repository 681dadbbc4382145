// `compare` as a library call: reads the result (or template) files, the catalog and the export, asks
// the site for renewal previews when one is connected, compares every row and explains each mismatch.
import { Decimal } from '../pricing/index.js';
import type { Target, TargetProfile } from '../targets/target.js';
import { sourceName } from '../workbook/location.js';
import { emptyCatalog, readCatalog, type CatalogFacts } from './catalog.js';
import { priceFromCatalog } from './catalog-price.js';
import { comparisonOf, Tally, type Comparison, type CompareReport, type RowNote, type ComparedRowRef, type RenewalAmounts } from './comparison.js';
import { explainInvoiceMismatch, explainMismatch } from './explain.js';
import { matchExportEntry, readSubscriptionExport, type SubscriptionExport } from './export-file.js';
import type { PreviewFacts } from './preview-facts.js';
import { explainMrrMismatch, measureMrr, mrrBasisNote } from './mrr.js';
import { isInRange, type RenewalRange } from './renewal-range.js';
import { streamCompareInputs, type InvoiceRow, type SubscriptionRow } from './result-rows.js';
import { mergeCatalogs, readSiteCatalog } from './site-catalog.js';
import { previewFromSite, type SitePreview } from './site-preview.js';
import { runPool } from '../importer/pool.js';

/** compare never stops early: every row is compared, every mismatch explained. */
const never = (): boolean => false;

export interface CompareSite {
  target: Target;
  /** Shown in the report: the configured site's name, or "embedded sandbox". */
  name: string;
}

export interface CompareOptions {
  /** Result files from test-import, or templates (with --export); catalog files among them are read as the catalog. */
  paths: string[];
  /** Extra catalog templates (`--catalog`). */
  catalogPaths?: string[];
  /** An absolute amount: rows differing by at most this much are equal. */
  tolerance: Decimal;
  exportPath?: string;
  /** Ask the site for fresh renewal amounts instead of the result files' ChargifyNextRenewal and Amount. */
  refresh?: boolean;
  renewing?: RenewalRange;
  /** The site for --refresh and explanations; without one, explanations come from the catalog. */
  site?: CompareSite;
  /** The profile of the system the result files were written for (the site's target's, when there is a site). */
  profile: TargetProfile;
  /** Concurrent site requests (the site allows 4). */
  concurrency?: number;
}

const DEFAULT_CURRENCY = 'USD';

/** Rows handled together: their site previews are fetched concurrently, then they are compared in order. */
const BATCH = 64;

interface State {
  tally: Tally;
  missingExpected: RowNote[];
  missingActual: RowNote[];
  notImported: RowNote[];
  rows: number;
  outsideRange: number;
}

export async function runCompare(options: CompareOptions): Promise<CompareReport> {
  const exported = options.exportPath === undefined ? undefined : await readSubscriptionExport(options.exportPath);
  const siteCurrency = options.site ? (await options.site.target.readSite()).currency.toUpperCase() : undefined;
  const previews = new PreviewCache(options.site?.target, siteCurrency ?? DEFAULT_CURRENCY);
  const state: State = { tally: new Tally(), missingExpected: [], missingActual: [], notImported: [], rows: 0, outsideRange: 0 };
  const catalogFiles = [...(options.catalogPaths ?? [])];
  const invoices: InvoiceRow[] = [];
  const subscriptionCurrencies = new Map<string, string>();
  // Only the rows that differ are kept, for their explanations.
  const differing = new Map<string, SubscriptionRow>();

  let batch: SubscriptionRow[] = [];
  const flush = async (): Promise<void> => {
    if (options.refresh && options.site) await runPool(batch, options.concurrency ?? 4, never, (row) => previews.get(row).then(() => undefined));
    for (const row of batch) {
      const currency = row.currency ?? siteCurrency ?? DEFAULT_CURRENCY;
      if (row.subscriptionReference) subscriptionCurrencies.set(row.subscriptionReference, currency);
      const before = state.tally.mismatches.length;
      await compareSubscription(row, currency, options, exported, previews, state);
      if (state.tally.mismatches.length > before) differing.set(rowKey(row), row);
      else previews.forget(row);
    }
    batch = [];
  };
  for await (const input of streamCompareInputs(options.paths, { subscriptionIdOfLink: options.profile.subscriptionIdOfLink })) {
    if (input.kind === 'catalog') {
      if (!catalogFiles.includes(input.path)) catalogFiles.push(input.path);
    } else if (input.kind === 'invoice') {
      invoices.push(input);
    } else {
      batch.push(input);
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();

  if (!options.renewing) {
    const currencies = new Set(subscriptionCurrencies.values());
    const soleCurrency = currencies.size === 1 ? [...currencies][0] : undefined;
    for (const invoice of invoices) {
      const currency = (invoice.subscriptionReference && subscriptionCurrencies.get(invoice.subscriptionReference)) || siteCurrency || soleCurrency || DEFAULT_CURRENCY;
      await compareInvoice(invoice, currency, options, state);
    }
  }

  const revenue = options.site?.target.recurringRevenue;
  const catalog = catalogFiles.length > 0 ? await readCatalog(catalogFiles) : emptyCatalog();
  // The site's own catalog completes the templates' when a subscription differs and a site is connected.
  const needsCatalog = options.site !== undefined && differing.size > 0;
  const fullCatalog = needsCatalog ? mergeCatalogs(catalog, await readSiteCatalog(options.site!.target, siteCurrency ?? DEFAULT_CURRENCY)) : catalog;
  await explainMismatches(state.tally.mismatches, differing, invoices, fullCatalog, previews, options);
  return {
    tolerance: options.tolerance,
    ...(options.renewing ? { renewing: options.renewing } : {}),
    ...(options.site ? { site: options.site.name } : {}),
    ...(revenue ? { basis: { kind: 'mrr' as const, note: mrrBasisNote(revenue.systemName) } } : {}),
    mismatches: state.tally.mismatches,
    missingExpected: state.missingExpected,
    missingActual: state.missingActual,
    notImported: state.notImported,
    summary: state.tally.summary(state),
  };
}

/** What the report says of a row: where it is (a workbook's sheet named), and the object on the site its Result cell links to (an http(s) link only). */
function refOf(row: SubscriptionRow | InvoiceRow, currency: string): ComparedRowRef {
  const link = /^https?:\/\/\S+$/i.test(row.result.trim()) ? row.result.trim() : undefined;
  return { kind: row.kind, file: sourceName({ path: row.file, sheet: row.sheet }), row: row.row, line: row.line, key: row.key, currency, ...(link === undefined ? {} : { link }) };
}

/**
 * A row's key, for a row read (with its sheet) and for its comparison alike: a comparison's `file` is
 * already the row's sourceName, so a workbook's mismatches find their rows (and explanations) too.
 */
function rowKey(row: { file: string; sheet?: string; row: number }): string {
  return `${sourceName({ path: row.file, sheet: row.sheet })}\u0000${row.row}`;
}

async function compareSubscription(
  row: SubscriptionRow,
  currency: string,
  options: CompareOptions,
  exported: SubscriptionExport | undefined,
  previews: PreviewCache,
  state: State,
): Promise<void> {
  if (options.renewing) {
    const fresh = options.refresh ? (await previews.get(row))?.nextBillingAt : undefined;
    if (!isInRange(options.renewing, fresh ?? row.nextBillingAt)) {
      state.outsideRange += 1;
      return;
    }
  }
  state.rows += 1;
  const ref = refOf(row, currency);
  if (row.status === 'error' || row.status === 'pending') {
    state.notImported.push({ ...ref, reason: row.status === 'error' ? `not imported: ${row.result || 'the row has errors'}` : 'not imported yet (pending): run test-import again to finish' });
    return;
  }
  const actuals = await subscriptionActuals(row, currency, options, exported, previews);
  if (row.expected === undefined) {
    const first = actuals.amounts[0];
    state.missingExpected.push({ ...ref, ...(first ? { amount: first.amount } : {}), reason: 'YourExpectedRenewal is blank' });
    return;
  }
  for (const reason of actuals.missing) state.missingActual.push({ ...ref, amount: row.expected, reason });
  for (const { source, amount, expected, renewal } of actuals.amounts) {
    const comparison = comparisonOf(ref, source, expected ?? row.expected, amount, options.tolerance);
    state.tally.add(renewal ? { ...comparison, renewal } : comparison);
  }
}

type Actual = { source: Comparison['source']; amount: Decimal; expected?: Decimal; renewal?: RenewalAmounts };

async function subscriptionActuals(
  row: SubscriptionRow,
  currency: string,
  options: CompareOptions,
  exported: SubscriptionExport | undefined,
  previews: PreviewCache,
): Promise<{ amounts: Actual[]; missing: string[] }> {
  const amounts: Actual[] = [];
  const missing: string[] = [];
  const revenue = options.site?.target.recurringRevenue;
  if (revenue) {
    // MRR is always the target's own, fresh: --refresh changes nothing here.
    const measured = await measureMrr(row, revenue, currency);
    if ('missing' in measured) missing.push(measured.missing);
    else amounts.push(measured);
  } else if (options.refresh && options.site) {
    const preview = await previews.get(row);
    if (preview) amounts.push({ source: 'site', amount: preview.facts.total });
    else missing.push(`the site has no subscription for this row${row.subscriptionId !== undefined ? ` (id ${row.subscriptionId})` : ''}`);
  } else if (row.actual !== undefined) {
    amounts.push({ source: 'result', amount: row.actual });
  } else if (!exported) {
    missing.push('ChargifyNextRenewal is blank: import the row first (migrate test-import), or pass --export or --refresh');
  }
  if (exported) {
    const entry = matchExportEntry(exported, row);
    if (entry) amounts.push({ source: 'export', amount: entry.amount });
    else missing.push(`not found in the export ${exported.path} (matched by subscription id, reference or customer reference)`);
  }
  return { amounts, missing };
}

async function compareInvoice(invoice: InvoiceRow, currency: string, options: CompareOptions, state: State): Promise<void> {
  state.rows += 1;
  const ref = refOf(invoice, currency);
  if (invoice.status === 'error' || invoice.status === 'pending') {
    state.notImported.push({ ...ref, reason: invoice.status === 'error' ? `not imported: ${invoice.result || 'the row has errors'}` : 'not imported yet (pending)' });
    return;
  }
  let actual = invoice.actual;
  let source: Comparison['source'] = 'result';
  if (options.refresh && options.site && invoice.uid !== undefined) {
    const total = (await options.site.target.readInvoice(invoice.uid))?.total;
    if (total !== undefined) {
      actual = new Decimal(total);
      source = 'site';
    }
  }
  if (invoice.expected === undefined) {
    state.missingExpected.push({ ...ref, ...(actual ? { amount: actual } : {}), reason: 'total_amount is blank' });
    return;
  }
  if (actual === undefined) {
    state.missingActual.push({ ...ref, amount: invoice.expected, reason: 'Amount is blank: import the invoice first (migrate test-import)' });
    return;
  }
  state.tally.add(comparisonOf(ref, source, invoice.expected, actual, options.tolerance));
}

/** Every mismatch gets an explanation: from the site's preview when a site is connected, else from the catalog. */
async function explainMismatches(
  mismatches: Comparison[],
  subscriptions: ReadonlyMap<string, SubscriptionRow>,
  invoices: InvoiceRow[],
  catalog: CatalogFacts,
  previews: PreviewCache,
  options: CompareOptions,
): Promise<void> {
  const invoiceAt = new Map(invoices.map((row) => [rowKey(row), row]));
  await runPool(mismatches, options.concurrency ?? 4, never, async (comparison) => {
    if (comparison.kind === 'invoice') {
      const invoice = invoiceAt.get(rowKey(comparison));
      comparison.explanation = explainInvoiceMismatch({
        expected: comparison.expected,
        actual: comparison.actual,
        tolerance: options.tolerance,
        currency: comparison.currency,
        ...(invoice?.lineItemsTotal !== undefined ? { lineItemsTotal: invoice.lineItemsTotal } : {}),
      });
      return;
    }
    const row = subscriptions.get(rowKey(comparison));
    if (row === undefined) return;
    if (comparison.renewal) {
      const system = options.site?.target.recurringRevenue?.systemName ?? 'the target';
      comparison.explanation = explainMrrMismatch({ comparison, renewal: comparison.renewal, row, catalog, tolerance: options.tolerance, system });
      return;
    }
    let preview: PreviewFacts | undefined = (await previews.get(row))?.facts;
    if (preview === undefined) {
      const priced = priceFromCatalog(row.facts, catalog, comparison.currency);
      if (priced.ok) preview = priced.preview;
    }
    comparison.explanation = explainMismatch({
      expected: comparison.expected,
      actual: comparison.actual,
      tolerance: options.tolerance,
      template: row.facts,
      catalog,
      ...(preview ? { preview } : {}),
    });
  });
}

/** One site preview per row, asked at most once. */
class PreviewCache {
  private readonly cache = new Map<SubscriptionRow, Promise<SitePreview | undefined>>();

  constructor(
    private readonly target: Target | undefined,
    private readonly siteCurrency: string,
  ) {}

  get(row: SubscriptionRow): Promise<SitePreview | undefined> {
    if (this.target === undefined) return Promise.resolve(undefined);
    let preview = this.cache.get(row);
    if (!preview) {
      preview = previewFromSite(this.target, row, this.siteCurrency);
      this.cache.set(row, preview);
    }
    return preview;
  }

  /** Drops a row's preview once it is no longer needed (the row matched). */
  forget(row: SubscriptionRow): void {
    this.cache.delete(row);
  }
}
