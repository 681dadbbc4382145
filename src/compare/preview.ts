// `validate --preview`: before any import, prices each subscription row's next renewal from the catalog
// templates (src/pricing, as the sandbox does) and reports rows whose YourExpectedRenewal disagrees,
// with the likely cause — a wrong product or a missed coupon is caught before the first test import.
import { sourceKey } from '../workbook/location.js';
import { openInput } from '../workbook/sources.js';
import { InputError } from '../errors.js';
import { detectTemplate } from '../templates/detect.js';
import type { TemplateKind } from '../templates/types.js';
import type { Finding } from '../rules/finding.js';
import { Decimal, formatMoney } from '../pricing/index.js';
import { isCatalogEmpty, readCatalog } from './catalog.js';
import { priceFromCatalog } from './catalog-price.js';
import { explainMismatch } from './explain.js';
import { streamCompareInputs } from './result-rows.js';

const PREVIEW_RULE = 'expected-renewal';

/**
 * Warnings (rule `expected-renewal`, column YourExpectedRenewal) for the subscription rows of `inputPaths`
 * whose expected amount differs from the catalog's price by more than `tolerance`. The catalog is read
 * from the catalog templates among the inputs and `catalogPaths`. Rows the catalog cannot price are left
 * to the reference rules, which already report unknown products, components and coupons.
 */
export async function previewRenewalFindings(
  inputPaths: string[],
  catalogPaths: string[] = [],
  tolerance: Decimal = new Decimal(0),
  kinds?: ReadonlyMap<string, TemplateKind>,
): Promise<Finding[]> {
  const catalog = await readCatalog([...new Set([...(await catalogFilesAmong(inputPaths, kinds)), ...catalogPaths])]);
  if (isCatalogEmpty(catalog)) {
    throw new InputError('preview-needs-catalog', '--preview prices subscriptions from the catalog templates, and none was given.', {
      hint: 'Include products.csv (and components.csv, coupons.csv) among the files, or pass --catalog DIR.',
    });
  }
  const findings: Finding[] = [];
  // Rows stream through: only the findings are kept, whatever the size of the files.
  for await (const row of streamCompareInputs(inputPaths, { lenientAmounts: true, ...(kinds ? { kinds } : {}) })) {
    if (row.kind !== 'subscription' || row.expected === undefined) continue;
    const currency = row.currency ?? 'USD';
    const priced = priceFromCatalog(row.facts, catalog, currency);
    if (!priced.ok) continue;
    const actual = priced.breakdown.total;
    if (actual.minus(row.expected).abs().lessThanOrEqualTo(tolerance)) continue;
    const explanation = explainMismatch({ expected: row.expected, actual, tolerance, template: row.facts, catalog, preview: priced.preview });
    // Catalog pricing computes no tax, and the total is already in the message.
    const lines = explanation.site.filter((line) => !/^(total|tax) /.test(line)).join(' · ');
    const causes = explanation.causes.filter((cause) => cause.fits).map((cause) => cause.message);
    findings.push({
      rule: PREVIEW_RULE,
      messageId: 'renewal-differs',
      severity: 'warning',
      message: `YourExpectedRenewal ${formatMoney(row.expected, currency)} differs from the next renewal the catalog prices: ${formatMoney(actual, currency)} ${currency} (${lines})${causes.length > 0 ? `; likely: ${causes.join('; ')}` : ''}`,
      file: row.file,
      ...(row.sheet !== undefined ? { sheet: row.sheet } : {}),
      ...(row.expectedCell !== undefined ? { cell: row.expectedCell } : {}),
      row: row.row,
      line: row.line,
      column: 'YourExpectedRenewal',
      value: formatMoney(row.expected, currency),
      key: row.key,
    });
  }
  return findings;
}

/** The inputs holding catalog templates (a workbook counts when one of its sheets is one); `kinds` by `sourceKey`. */
async function catalogFilesAmong(paths: string[], kinds: ReadonlyMap<string, TemplateKind> | undefined): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const known = kinds?.get(path);
    const sheetKinds = known !== undefined ? [known] : (await openInput(path)).sources.map((source) => kinds?.get(sourceKey(source)) ?? source.kind ?? detectTemplate(source.header, path).kind);
    if (sheetKinds.some((kind) => kind === 'products' || kind === 'components' || kind === 'coupons')) found.push(path);
  }
  return found;
}
