// subscription operations → ONE Create Subscription call. A standard row's subscription carries its new
// customer (customer_attributes) and payment method (by vault token), so a failure never leaves a
// customer without its subscription or a token stored twice; an advanced row's names its customer and,
// when it pays itself, the customer's payment profile. What the create cannot carry follows by the
// updates the spec documents for it (finish).
import type { SubscriptionFields } from '../../../plan/map/subscriptions.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';
import { firstMatch, siteId } from './lookup.js';
import { siteInfo } from './site.js';
import { embeddedId, objectId } from './ids.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import { billingAttributes } from './billing.js';
import { CUSTOMER_ATTRIBUTES_LACK, customerAttributes, splitAttributes, subscriptionPayment } from './customer-fields.js';
import type { OperationHandler } from './handler.js';
import { idIfExists } from './id-if-exists.js';
import { metafieldsOf } from './metafields.js';
import { itemAttributes } from './subscription-items.js';
import { nthSubscriptionOf, subscriptionOutcome } from './subscription-outcome.js';

type SubscriptionOperation = Operation<SubscriptionFields>;

/** locale is not among Create-Subscription's customer_attributes: Update-Customer sets it after the create. */
function newCustomerAttributes(operation: SubscriptionOperation): { now: JsonObject; later: JsonObject } | undefined {
  const { newCustomer } = operation.fields;
  return newCustomer ? splitAttributes(customerAttributes(newCustomer), CUSTOMER_ATTRIBUTES_LACK) : undefined;
}

async function createAttributes(api: AdvancedBillingApi, operation: SubscriptionOperation, resolver: Resolver): Promise<JsonObject> {
  const { fields, source } = operation;
  const customerId = fields.customer ? await siteId(resolver, fields.customer) : undefined;
  const paymentProfileId = fields.paymentProfile ? await idIfExists(resolver, fields.paymentProfile) : undefined;
  const site = await siteInfo(api);
  const customer = newCustomerAttributes(operation);
  const payment = fields.payment ? subscriptionPayment(source, fields.payment, site) : undefined;
  return {
    ...(customerId === undefined ? {} : { customer_id: customerId }),
    ...(paymentProfileId === undefined ? {} : { payment_profile_id: paymentProfileId }),
    ...(await itemAttributes(source, fields, api, resolver)),
    ...billingAttributes(fields, site.timeZone),
    ...(customer ? { customer_attributes: { ...customer.now, ...metafieldsOf(fields.newCustomer?.customFields) } } : {}),
    ...(payment ? { [payment.key]: payment.attrs } : {}),
    ...(fields.receivesInvoiceEmails === undefined ? {} : { receives_invoice_emails: String(fields.receivesInvoiceEmails) }),
    ...(fields.reference ? { reference: fields.reference } : {}),
    ...(fields.group ? { group: groupAttributes(fields.group) } : {}),
    ...metafieldsOf(fields.customFields),
  };
}

function groupAttributes(group: NonNullable<SubscriptionFields['group']>): JsonObject {
  return { target: { type: group.payer }, ...(group.consolidated ? { billing: { align_date: group.alignDate ?? true } } : {}) };
}

/**
 * The subscription on the site: by its reference, else as the `occurrence`-th of its customer's
 * subscriptions to the product (the customer found by reference, by email for a standard row without one).
 */
async function findExisting(api: AdvancedBillingApi, operation: SubscriptionOperation, customerId: () => Promise<number | undefined>): Promise<JsonObject | undefined> {
  const { fields } = operation;
  if (fields.reference !== undefined) return api.findSubscriptionByReference(fields.reference);
  const id = await customerId();
  return id === undefined ? undefined : nthSubscriptionOf(api, id, fields.product.key, fields.occurrence);
}

/** The customer's id: resolved for an existing customer; looked up for the one a standard row creates. */
async function customerIdOnSite(api: AdvancedBillingApi, operation: SubscriptionOperation, resolver: Resolver): Promise<number | undefined> {
  const { customer, newCustomer } = operation.fields;
  if (customer) return idIfExists(resolver, customer);
  if (!newCustomer) return undefined;
  const email = newCustomer.email.toLowerCase();
  const found = newCustomer.reference !== undefined
    ? await api.findCustomerByReference(newCustomer.reference)
    : await firstMatch(api.listCustomers(), (candidate) => typeof candidate.email === 'string' && candidate.email.toLowerCase() === email);
  return found ? objectId(found) : undefined;
}

/** The updates for what the create could not carry: the new customer's locale, a bank account's holder and address. */
async function complete(api: AdvancedBillingApi, operation: SubscriptionOperation, subscription: JsonObject): Promise<void> {
  const customer = newCustomerAttributes(operation);
  if (customer && Object.keys(customer.later).length > 0) await api.updateCustomer(embeddedId(subscription, 'customer'), customer.later);
  const { payment } = operation.fields;
  const update = payment ? subscriptionPayment(operation.source, payment, await siteInfo(api)).update : {};
  if (Object.keys(update).length > 0) await api.updatePaymentProfile(embeddedId(subscription, 'bank_account'), update);
}

/**
 * The subscription each create answered, by the outcome it returned: `finish`, which runs right after the
 * create, completes it from there instead of reading it again. Weak, so outcomes are not kept alive.
 */
const createdBy = new WeakMap<StepOutcome, JsonObject>();

export const subscriptionHandler: OperationHandler<SubscriptionFields> = {
  async create(api, operation, resolver, intent) {
    const attrs = await createAttributes(api, operation, resolver);
    const customerId = typeof attrs.customer_id === 'number' ? attrs.customer_id : undefined;
    const lookup = () => findExisting(api, operation, async () => customerId ?? (await customerIdOnSite(api, operation, resolver)));
    const created = await api.createSubscription(attrs, intent(lookup));
    const outcome = await subscriptionOutcome(api, created, operation.applied);
    createdBy.set(outcome, created);
    return outcome;
  },
  // Completes the subscription once, after its create (from the create's answer) or when reconciling an
  // interrupted create (the subscription found is read again for the ids the updates need).
  async finish(api, operation, _resolver, outcome) {
    const customer = newCustomerAttributes(operation);
    if ((!customer || Object.keys(customer.later).length === 0) && !operation.fields.payment) return;
    const found = createdBy.get(outcome) ?? (await api.readSubscription(Number(outcome.id)));
    if (found) await complete(api, operation, found);
  },
  async find(api, operation, resolver) {
    const existing = await findExisting(api, operation, () => customerIdOnSite(api, operation, resolver));
    return existing ? subscriptionOutcome(api, existing, operation.applied) : undefined;
  },
};
