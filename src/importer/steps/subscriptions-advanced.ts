// Create Subscriptions (advanced, and with custom pricing) rows → a subscription for a customer
// imported from the customers file (or already on the site), paid by itself or, through a
// subscription group, by its parent or eldest ancestor.
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, ObjectRef, SourceRow } from '../types.js';
import { cell, flag, requiredCell } from '../../plan/map/cells.js';
import { customFieldsOf } from './metadata.js';
import { RowError } from '../../plan/row-error.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep } from './step.js';
import { BALANCE_COLUMNS, balanceSteps, billingAttributes, checkBillingCells, idIfExists, nthSubscriptionOf, subscriptionOutcome } from './subscription-common.js';
import { itemAttributes, subscriptionItems } from './subscription-items.js';

const CUSTOMER = 'import_identifier_customer_reference';
const PAYERS: readonly string[] = ['self', 'parent', 'eldest'];

/** `subscription_reference` when the row has one, else `${customer reference}/${product_handle}` (see the standard key). */
export function advancedSubscriptionKey(row: SourceRow): string {
  return cell(row, 'subscription_reference') ?? `${requiredCell(row, CUSTOMER)}/${requiredCell(row, 'product_handle')}`;
}

/**
 * who_pays parent/eldest puts the subscription in a group paid by that ancestor; a consolidated
 * invoice_type also groups a self-paid one. `align` (default TRUE) aligns the billing date with the
 * group's, which the document applies to consolidated invoices only.
 */
function groupSettings(row: SourceRow): JsonObject | undefined {
  const payer = requiredCell(row, 'who_pays');
  if (!PAYERS.includes(payer)) throw new RowError(row, 'who_pays', `who_pays must be one of ${PAYERS.join(', ')}, got "${payer}"`);
  const invoiceType = requiredCell(row, 'invoice_type');
  if (invoiceType !== 'normal' && invoiceType !== 'consolidated') throw new RowError(row, 'invoice_type', `invoice_type must be normal or consolidated, got "${invoiceType}"`);
  if (payer === 'self' && invoiceType === 'normal') return undefined;
  const group: JsonObject = { target: { type: payer } };
  if (invoiceType === 'consolidated') group.billing = { align_date: flag(row, 'align') ?? true };
  return group;
}

export function subscriptionAdvancedSteps(row: SourceRow, customPricing: boolean, occurrence = 1): ImportStep[] {
  if (flag(row, 'create_subscription') !== true) return [];
  const customerReference = requiredCell(row, CUSTOMER);
  const reference = cell(row, 'subscription_reference');
  const key = reference ?? (occurrence > 1 ? `${advancedSubscriptionKey(row)}/${occurrence}` : advancedSubscriptionKey(row));
  const customer: ObjectRef = { type: 'customer', key: customerReference };
  // Only a self-paying subscription uses the customer's own profile; parents pay with theirs.
  const paysSelf = cell(row, 'who_pays') === 'self';
  const profile: ObjectRef = { type: 'payment_profile', key: customerReference };
  const items = subscriptionItems(row, customPricing);
  checkBillingCells(row);
  const group = groupSettings(row);
  const receivesEmails = flag(row, 'receive_invoice_emails');
  const fields = customFieldsOf(row, 'subscriptions');
  const applied = appliedCells(row, (column) => !BALANCE_COLUMNS.has(column));

  const findExisting = async (target: Target, customerId: number | undefined): Promise<JsonObject | undefined> => {
    if (reference !== undefined) return target.findSubscriptionByReference(reference);
    return customerId === undefined ? undefined : nthSubscriptionOf(target, customerId, items.productHandle, occurrence);
  };

  const subscription = defineStep({
    type: 'subscription',
    key,
    source: row,
    dependsOn: [customer, ...(paysSelf ? [profile] : []), ...items.refs],
    async create(target, resolver, intent) {
      const customerId = await resolver.id(customer);
      const paymentProfileId = paysSelf ? await idIfExists(resolver, profile) : undefined;
      const attrs: JsonObject = {
        customer_id: customerId,
        ...(paymentProfileId === undefined ? {} : { payment_profile_id: paymentProfileId }),
        ...(await itemAttributes(row, items, target, resolver)),
        ...(await billingAttributes(row, target)),
        ...(receivesEmails === undefined ? {} : { receives_invoice_emails: String(receivesEmails) }),
        ...(reference ? { reference } : {}),
        ...(group ? { group } : {}),
        ...(Object.keys(fields).length > 0 ? { metafields: fields } : {}),
      };
      const created = await target.createSubscription(attrs, intent(() => findExisting(target, customerId)));
      return subscriptionOutcome(target, created, applied);
    },
    async find(target, resolver) {
      const customerId = reference === undefined ? await idIfExists(resolver, customer) : undefined;
      const existing = await findExisting(target, customerId);
      return existing ? subscriptionOutcome(target, existing, applied) : undefined;
    },
  });
  return [subscription, ...balanceSteps(row, subscription.provides)];
}
