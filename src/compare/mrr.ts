// Compare by MRR, on a target that derives subscriptions and MRR from imported invoices: each row's
// expected renewal normalised to a month by its subscription's interval, against the MRR the target
// reports; a mismatch is explained from the un-normalised amounts (expected renewal against the
// opening invoice the import priced, which the row's ChargifyNextRenewal holds).
import { Decimal, describeInterval, formatMoney, minorUnitDigits, monthlyAmount } from '../pricing/index.js';
import type { RecurringRevenue } from '../targets/target.js';
import type { CatalogFacts } from './catalog.js';
import { catalogTotal, priceFromCatalog } from './catalog-price.js';
import type { Comparison, RenewalAmounts } from './comparison.js';
import { explainMismatch, type Explanation } from './explain.js';
import type { SubscriptionRow } from './result-rows.js';

export type MeasuredMrr = { source: 'mrr'; amount: Decimal; expected?: Decimal; renewal?: RenewalAmounts } | { missing: string };

/** What the report says once about an MRR comparison. */
export function mrrBasisNote(system: string): string {
  return (
    `On ${system} compare sets MRR against MRR: each row's YourExpectedRenewal normalised to a month by its subscription's ` +
    `billing interval, against the MRR ${system} reports for the subscription. The ChargifyNextRenewal cells hold the amount of the ` +
    'opening invoice imported for each row; a difference is explained from those amounts (expected renewal against opening invoice).'
  );
}

/** An MRR row's un-normalised amounts: "expected 129.60 · opening invoice (ChargifyNextRenewal) 144.00 · every month". */
export function describeRenewal(renewal: RenewalAmounts, currency: string): string {
  const opening = renewal.actual === undefined ? 'no ChargifyNextRenewal' : `opening invoice (ChargifyNextRenewal) ${formatMoney(renewal.actual, currency)}`;
  return `expected ${formatMoney(renewal.expected, currency)} · ${opening} · ${describeInterval(renewal.interval)}`;
}

/** The MRR the target reports for the row's subscription, and the row's expected renewal as MRR. */
export async function measureMrr(row: SubscriptionRow, revenue: RecurringRevenue, currency: string): Promise<MeasuredMrr> {
  const key = row.subscriptionKey;
  if (key === undefined) return { missing: 'the row names no subscription the import could key (customer reference or email, and product_handle)' };
  const facts = await revenue.subscriptionMrr(key);
  if (facts === undefined) {
    return { missing: `${revenue.systemName} has no subscription ${key}: its opening invoice is not in the data source; run test-import again to import it` };
  }
  const { interval } = facts;
  const amount = new Decimal(facts.mrr);
  if (row.expected === undefined) return { source: 'mrr', amount };
  return {
    source: 'mrr',
    amount,
    expected: monthlyAmount(row.expected, interval, minorUnitDigits(currency)),
    renewal: { expected: row.expected, ...(row.actual !== undefined ? { actual: row.actual } : {}), interval },
  };
}

export interface MrrExplainInput {
  comparison: Comparison;
  renewal: RenewalAmounts;
  row: SubscriptionRow;
  catalog: CatalogFacts;
  tolerance: Decimal;
  system: string;
}

/**
 * Why a row's MRR differs: where the expected renewal differs from the opening invoice (ChargifyNextRenewal,
 * else the catalog's price of the row), the renewal causes compare finds everywhere; where they agree,
 * the target derived its MRR otherwise, and the explanation says so.
 */
export function explainMrrMismatch(input: MrrExplainInput): Explanation {
  const { comparison, renewal, row, catalog, tolerance } = input;
  const priced = priceFromCatalog(row.facts, catalog, comparison.currency);
  const opening = renewal.actual ?? catalogTotal(row.facts, catalog, comparison.currency) ?? renewal.expected;
  const explanation = explainMismatch({ expected: renewal.expected, actual: opening, tolerance, template: row.facts, catalog, ...(priced.ok ? { preview: priced.preview } : {}) });
  if (opening.minus(renewal.expected).abs().greaterThan(tolerance)) return explanation;
  const money = (amount: Decimal): string => formatMoney(amount, comparison.currency);
  return {
    ...explanation,
    causes: [
      {
        code: 'mrr-derived-otherwise',
        fits: false,
        message:
          `the opening invoice is the expected renewal (${money(opening)} ${describeInterval(renewal.interval)}, ${money(comparison.expected)} a month), ` +
          `yet ${input.system} reports ${money(comparison.actual)}: it derived the subscription otherwise (another plan interval, a cancellation, or other invoices for it)`,
      },
    ],
  };
}
