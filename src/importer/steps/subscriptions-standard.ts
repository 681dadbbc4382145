// Create Subscriptions (standard, and with custom pricing) rows → ONE create-subscription call that
// carries the customer, its payment profile (by vault token) and the subscription: one object per
// row, so a failure never leaves a customer without its subscription or a token stored twice.
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, SourceRow } from '../types.js';
import { cell, flag, requiredCell } from '../../plan/map/cells.js';
import { customFieldsOf } from './metadata.js';
import { CUSTOMER_ATTRIBUTES_LACK, customerAttributes, paymentProfileFields, splitAttributes, subscriptionPayment } from './customer-fields.js';
import { firstMatch } from './refs.js';
import { siteInfo } from './site.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, embeddedId, objectId } from './step.js';
import { BALANCE_COLUMNS, balanceSteps, billingAttributes, checkBillingCells, nthSubscriptionOf, subscriptionOutcome } from './subscription-common.js';
import { itemAttributes, subscriptionItems } from './subscription-items.js';

/**
 * The template has no subscription reference, so the subscription is keyed by what identifies it
 * in any file: `${customer_reference}/${product_handle}` (or the lower-cased email when the row has
 * no customer reference), with `/${occurrence}` appended for the 2nd, 3rd… identical pair in a file.
 */
export function standardSubscriptionKey(row: SourceRow): string {
  const customer = cell(row, 'customer_reference') ?? requiredCell(row, 'email').toLowerCase();
  return `${customer}/${requiredCell(row, 'product_handle')}`;
}

export function subscriptionStandardSteps(row: SourceRow, customPricing: boolean, occurrence = 1): ImportStep[] {
  if (flag(row, 'create_subscription') !== true) return [];
  const reference = cell(row, 'customer_reference');
  const email = requiredCell(row, 'email');
  const key = occurrence > 1 ? `${standardSubscriptionKey(row)}/${occurrence}` : standardSubscriptionKey(row);
  const items = subscriptionItems(row, customPricing);
  checkBillingCells(row);
  // locale is not among Create-Subscription's customer_attributes: Update-Customer sets it after the create.
  const customer = splitAttributes(customerAttributes(row, reference), CUSTOMER_ATTRIBUTES_LACK);
  const customerFields = customFieldsOf(row, 'customers');
  const subscriptionFields = customFieldsOf(row, 'subscriptions');
  const withProfile = flag(row, 'create_payment_profile') === true;
  if (withProfile) paymentProfileFields(row, { mode: 'test' });

  const findExisting = async (target: Target): Promise<JsonObject | undefined> => {
    const found = reference !== undefined
      ? await target.findCustomerByReference(reference)
      : await firstMatch(target.listCustomers(), (candidate) => typeof candidate.email === 'string' && candidate.email.toLowerCase() === email.toLowerCase());
    return found ? nthSubscriptionOf(target, objectId(found), items.productHandle, occurrence) : undefined;
  };
  const applied = appliedCells(row, (column) => !BALANCE_COLUMNS.has(column));
  // What the create could not carry goes by the updates the spec documents for it, before the row counts as done.
  const completeSubscription = async (target: Target, subscription: JsonObject): Promise<void> => {
    if (Object.keys(customer.later).length > 0) await target.updateCustomer(embeddedId(subscription, 'customer'), customer.later);
    const payment = withProfile ? subscriptionPayment(row, paymentProfileFields(row, await siteInfo(target))) : undefined;
    if (payment && Object.keys(payment.update).length > 0) await target.updatePaymentProfile(embeddedId(subscription, 'bank_account'), payment.update);
  };

  const subscription = defineStep({
    type: 'subscription',
    key,
    source: row,
    dependsOn: items.refs,
    async create(target, resolver, intent) {
      const site = await siteInfo(target);
      const payment = withProfile ? subscriptionPayment(row, paymentProfileFields(row, site)) : undefined;
      const attrs: JsonObject = {
        ...(await itemAttributes(row, items, target, resolver)),
        ...(await billingAttributes(row, target)),
        customer_attributes: Object.keys(customerFields).length > 0 ? { ...customer.now, metafields: customerFields } : customer.now,
        ...(payment ? { [payment.key]: payment.attrs } : {}),
        ...(Object.keys(subscriptionFields).length > 0 ? { metafields: subscriptionFields } : {}),
      };
      const created = await target.createSubscription(attrs, intent(() => findExisting(target)));
      await completeSubscription(target, created);
      return subscriptionOutcome(target, created, applied);
    },
    // Reconciling an interrupted create: the subscription found is read again for the ids the updates need.
    async finish(target, _resolver, { id }) {
      if (Object.keys(customer.later).length === 0 && !withProfile) return;
      const found = await target.readSubscription(Number(id));
      if (found) await completeSubscription(target, found);
    },
    async find(target) {
      const existing = await findExisting(target);
      return existing ? subscriptionOutcome(target, existing, applied) : undefined;
    },
  });
  return [subscription, ...balanceSteps(row, subscription.provides)];
}
