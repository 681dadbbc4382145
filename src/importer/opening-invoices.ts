// For a target that takes a subscription as the invoice opening its current billing period
// (`profile.pricesSubscriptions`: ChartMogul), prices each subscription row from the catalog templates
// among the files exactly as `validate --preview` does (src/compare/catalog-price.ts on src/pricing), and
// hands the priced invoice to the target in the operation's `opening` field. A row the catalog cannot
// price is not sent, and says why.
import type { OpeningInvoiceFields } from '../plan/opening-invoice.js';
import type { ObjectRef, Operation } from '../plan/operation.js';
import { childKey } from '../plan/map/refs.js';
import { roundToMinorUnit } from '../pricing/index.js';
import { catalogOfRows } from '../compare/catalog.js';
import { priceFromCatalog } from '../compare/catalog-price.js';
import { subscriptionFactsOf } from '../compare/subscription-facts.js';
import { refKey } from './plan.js';
import type { LoadedRows } from './sources.js';

/** `loaded` with every subscription operation priced, or its row refused; `siteCurrency` prices rows that name none. */
export function priceOpeningInvoices(loaded: LoadedRows, siteCurrency: string): LoadedRows {
  if (!loaded.rowOperations.some(({ operations }) => operations.some((operation) => operation.kind === 'subscription'))) return loaded;
  // The catalog templates as validated and read once: no file is read again.
  const catalog = catalogOfRows(loaded.files.flatMap((file) => file.rows));
  const invalid = new Map(loaded.invalid);
  const rowOperations = loaded.rowOperations.map((entry) => {
    if (invalid.has(entry.row)) return entry;
    const operations: Operation[] = [];
    for (const operation of entry.operations) {
      if (operation.kind !== 'subscription') {
        operations.push(operation);
        continue;
      }
      const facts = subscriptionFactsOf(operation.source);
      const priced = priceFromCatalog(facts, catalog, siteCurrency);
      if (!priced.ok) {
        invalid.set(entry.row, {
          message: `product_handle: the target imports a subscription as the invoice that opens its current period, priced from the catalog templates, and ${priced.reason}; include the catalog templates (products.csv, components.csv, coupons.csv) among the files`,
          findings: [],
        });
        return { ...entry, operations: [] };
      }
      const currency = priced.preview.currency;
      const product = priced.preview.lines[0]!;
      const plan: ObjectRef = { type: 'product_price_point', key: childKey(product.handle, product.pricePoint!) };
      const opening: OpeningInvoiceFields = {
        currency,
        plan,
        lines: priced.preview.lines.map((line) => ({
          kind: line.kind,
          handle: line.handle,
          ...(line.pricePoint !== undefined ? { pricePoint: line.pricePoint } : {}),
          ...(line.quantity !== undefined ? { quantity: line.quantity.toString() } : {}),
          amount: line.amount.toString(),
        })),
        couponCodes: priced.preview.couponCodes ?? [],
        discount: roundToMinorUnit(priced.breakdown.discount, currency).toString(),
        total: priced.breakdown.total.toString(),
      };
      // The subscription waits for its plan, whether or not its row named the price point.
      const dependsOn = operation.dependsOn.some((ref) => refKey(ref) === refKey(plan)) ? operation.dependsOn : [...operation.dependsOn, plan];
      operations.push({ ...operation, dependsOn, fields: { ...operation.fields, opening } });
    }
    return { ...entry, operations };
  });
  return { ...loaded, rowOperations, invalid };
}
