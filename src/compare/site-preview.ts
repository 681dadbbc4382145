// Renewal previews from the site through the Target: a result row's subscription (by the id in its
// Result link, else by reference) and its renewal preview, as PreviewFacts for the comparison and the
// explanations.
import { parseIsoDate, type CalendarDate } from '../dates/index.js';
import { Decimal } from '../pricing/index.js';
import type { RenewalFacts, Target } from '../targets/target.js';
import type { PreviewFacts } from './preview-facts.js';
import type { SubscriptionRow } from './result-rows.js';

export interface SitePreview {
  subscriptionId: string;
  facts: PreviewFacts;
  nextBillingAt?: CalendarDate;
}

/** The site's renewal preview of the row's subscription, or undefined when the site does not have it. */
export async function previewFromSite(target: Target, row: SubscriptionRow, siteCurrency: string): Promise<SitePreview | undefined> {
  // A target that cannot price a renewal leaves the explanation to the templates alone.
  if (!target.supports.renewalPreview) return undefined;
  const locator = { ...(row.subscriptionId !== undefined ? { id: row.subscriptionId } : {}), ...(row.subscriptionReference !== undefined ? { reference: row.subscriptionReference } : {}) };
  const renewal = await target.renewalFacts(locator, siteCurrency);
  if (renewal === undefined) return undefined;
  const next = renewal.nextBillingAt === undefined ? undefined : parseIsoDate(renewal.nextBillingAt);
  return { subscriptionId: renewal.subscriptionId, facts: previewFacts(renewal), ...(next ? { nextBillingAt: next } : {}) };
}

/** The target's decimal strings as Decimals. */
function previewFacts(renewal: RenewalFacts): PreviewFacts {
  return {
    source: 'site',
    currency: renewal.currency,
    lines: renewal.lines.map(({ quantity, amount, ...line }) => ({ ...line, amount: new Decimal(amount), ...(quantity !== undefined ? { quantity: new Decimal(quantity) } : {}) })),
    ...(renewal.couponCodes !== undefined ? { couponCodes: renewal.couponCodes } : {}),
    discount: new Decimal(renewal.discount),
    tax: new Decimal(renewal.tax),
    uncalculatedTaxes: renewal.uncalculatedTaxes,
    total: new Decimal(renewal.total),
  };
}
