// What standard and advanced subscription rows share: billing attributes and dates, the renewal
// preview behind `ChargifyNextRenewal`, and the balance steps (service credit, prepayment).
import { TargetError } from '../../errors.js';
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, ObjectRef, Resolver, SourceRow, StepOutcome } from '../types.js';
import { cell, compact, date, fromMinorUnits, integer, minorUnits, money, requiredCell } from '../../plan/map/cells.js';
import { RowError } from '../../plan/row-error.js';
import { linkTo, siteInfo, billingDateTime } from './site.js';
import { defineStep, objectId } from './step.js';

const COLLECTION_METHODS: readonly string[] = ['automatic', 'remittance', 'prepaid'];

/** Reads the billing cells once while mapping, so a row with unusable ones fails before anything is sent. */
export function checkBillingCells(row: SourceRow): void {
  if (date(row, 'next_billing_at') === undefined) requiredCell(row, 'next_billing_at');
  date(row, 'previous_billing_at');
  integer(row, 'net_terms');
  collectionMethod(row);
  for (const balance of BALANCES) money(row, balance.column);
}

/** Currency, collection method, billing dates (noon in the site's time zone) and net terms. */
export async function billingAttributes(row: SourceRow, target: Target): Promise<JsonObject> {
  const { timeZone } = await siteInfo(target);
  const nextBilling = date(row, 'next_billing_at');
  if (nextBilling === undefined) requiredCell(row, 'next_billing_at');
  const previousBilling = date(row, 'previous_billing_at');
  const netTerms = integer(row, 'net_terms');
  return compact({
    currency: cell(row, 'currency')?.toUpperCase(),
    payment_collection_method: collectionMethod(row),
    next_billing_at: nextBilling === undefined ? undefined : billingDateTime(nextBilling, timeZone),
    previous_billing_at: previousBilling === undefined ? undefined : billingDateTime(previousBilling, timeZone),
    net_terms: netTerms === undefined ? undefined : String(netTerms),
    prepaid_configuration: prepaidConfiguration(row),
  });
}

/**
 * A prepaid subscription needs its prepaid_configuration. The template has no auto-replenishment
 * columns, so it is off (the engineer sets it on the site if the old system replenished); the opening
 * balance is `prepayment_balance`, added as an external prepayment after creation (see balanceSteps),
 * not an initial funding the site would charge to the card.
 */
function prepaidConfiguration(row: SourceRow): JsonObject | undefined {
  return collectionMethod(row) === 'prepaid' ? { auto_replenish: false } : undefined;
}

function collectionMethod(row: SourceRow): string {
  const value = requiredCell(row, 'payment_collection_method');
  if (!COLLECTION_METHODS.includes(value)) throw new RowError(row, 'payment_collection_method', `payment_collection_method must be one of ${COLLECTION_METHODS.join(', ')}, got "${value}"`);
  return value;
}

/** The outcome of a created or found subscription, with `ChargifyNextRenewal` from the site's renewal preview. */
export async function subscriptionOutcome(target: Target, subscription: JsonObject, applied: Record<string, string>): Promise<StepOutcome> {
  const id = objectId(subscription);
  const preview = await target.previewRenewal(id);
  const currency = typeof subscription.currency === 'string' ? subscription.currency : (await siteInfo(target)).currency;
  const total = preview.total_in_cents;
  return {
    id,
    link: linkTo(target, { type: 'subscription', id }),
    applied,
    ...(typeof total === 'number' || typeof total === 'string' ? { nextRenewal: fromMinorUnits(total, currency) } : {}),
  };
}

/** The subscription's product handle as the site reports it. */
function productHandleOf(subscription: JsonObject): string | undefined {
  const product = subscription.product;
  return product && typeof product === 'object' && !Array.isArray(product) && typeof product.handle === 'string' ? product.handle : undefined;
}

/** The `occurrence`-th (1-based, by id) of a customer's subscriptions to a product. */
export async function nthSubscriptionOf(target: Target, customerId: number, productHandle: string, occurrence: number): Promise<JsonObject | undefined> {
  const subscriptions = (await target.listCustomerSubscriptions(customerId))
    .filter((subscription) => productHandleOf(subscription) === productHandle)
    .sort((a, b) => objectId(a) - objectId(b));
  return subscriptions[occurrence - 1];
}

/** Columns the balance steps manage (the subscription step leaves them out of its `applied`). */
export const BALANCE_COLUMNS = new Set(['service_credit_balance', 'prepayment_balance']);

const BALANCES = [
  { type: 'service_credit', column: 'service_credit_balance', siteField: 'credit_balance_in_cents', memo: 'Service credit balance migrated from the previous billing system' },
  { type: 'prepayment', column: 'prepayment_balance', memo: 'Prepayment balance migrated from the previous billing system' },
] as const;

/**
 * Service credit and prepayment balances, added after the subscription exists. A prepayment is found
 * again precisely: one with the row's amount and the migration memo already on the subscription means it
 * was added. The API lists no service credits, so for those `find` reads the subscription's credit
 * balance instead: a subscription this run created starts at zero, so a positive balance means the
 * credit was already added.
 */
export function balanceSteps(row: SourceRow, subscription: ObjectRef): ImportStep[] {
  return BALANCES.flatMap((balance) => {
    if (cell(row, balance.column) === undefined) return [];
    const outcome = (target: Target, subscriptionId: number, amount: string): StepOutcome =>
      ({ id: subscriptionId, link: linkTo(target, { type: 'subscription', id: subscriptionId }), applied: { [balance.column]: amount } });
    /** The prepayment the row describes, if the subscription already has it (with the row's amount in the site's minor unit). */
    const findPrepayment = async (target: Target, subscriptionId: number, currency: string): Promise<JsonObject | undefined> => {
      const cents = minorUnits(row, balance.column, currency)!;
      return (await target.listPrepayments(subscriptionId)).find((prepayment) =>
        prepayment.memo === balance.memo && prepayment.amount_in_cents !== null && prepayment.amount_in_cents !== undefined && Number(prepayment.amount_in_cents) === cents);
    };
    return [
      defineStep({
        type: balance.type,
        key: subscription.key,
        source: row,
        dependsOn: [subscription],
        async create(target, resolver, intent) {
          const subscriptionId = await resolver.id(subscription);
          const currency = await subscriptionCurrency(target, subscriptionId);
          const amount = fromMinorUnits(minorUnits(row, balance.column, currency)!, currency);
          if (balance.type === 'service_credit') await target.issueServiceCredit(subscriptionId, amount, balance.memo, intent());
          else await target.createPrepayment(subscriptionId, amount, balance.memo, intent(() => findPrepayment(target, subscriptionId, currency)));
          // A balance is known by its subscription: that is what `find` can see again, and where the Result link points.
          return outcome(target, subscriptionId, amount);
        },
        async find(target, resolver) {
          const subscriptionId = await idIfExists(resolver, subscription);
          if (subscriptionId === undefined) return undefined;
          const site = await target.readSubscription(subscriptionId);
          if (site === undefined) return undefined;
          const currency = await subscriptionCurrency(target, subscriptionId, site);
          if (balance.type === 'prepayment') {
            const prepayment = await findPrepayment(target, subscriptionId, currency);
            return prepayment ? outcome(target, subscriptionId, fromMinorUnits(Number(prepayment.amount_in_cents), currency)) : undefined;
          }
          const cents = site[balance.siteField];
          if (cents === undefined || cents === null || Number(cents) <= 0) return undefined;
          return outcome(target, subscriptionId, fromMinorUnits(Number(cents), currency));
        },
      }),
    ];
  });
}

async function subscriptionCurrency(target: Target, subscriptionId: number, known?: JsonObject): Promise<string> {
  const subscription = known ?? (await target.readSubscription(subscriptionId));
  return typeof subscription?.currency === 'string' ? subscription.currency : (await siteInfo(target)).currency;
}

/** The id of a ref, or undefined when it names nothing yet (a find before the object was created). */
export async function idIfExists(resolver: Resolver, ref: ObjectRef): Promise<number | undefined> {
  try {
    return await resolver.id(ref);
  } catch (error) {
    if (error instanceof TargetError) throw error;
    return undefined;
  }
}
