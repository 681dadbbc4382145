// payment_profile operations → Create Payment Profile for the customer, by vault token. The profile has
// no natural key, so `find` lists the customer's profiles and takes the one the fields describe (see
// payment-profile-match.ts): a re-run after the uniqueness token's hour, or with a lost journal, sees
// it instead of adding a second card.
import type { PaymentProfileFields } from '../../../plan/map/customers.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import { linkTo, siteInfo } from './site.js';
import { objectId } from './ids.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import { paymentProfileAttributes } from './customer-fields.js';
import type { OperationHandler } from './handler.js';
import { idIfExists } from './id-if-exists.js';
import { siteId } from './lookup.js';
import { matchingProfile } from './payment-profile-match.js';

function outcome(api: AdvancedBillingApi, operation: Operation<PaymentProfileFields>, profile: JsonObject, customerId: number): StepOutcome {
  // A profile has no page of its own: the link is its customer's.
  return { id: objectId(profile), link: linkTo(api, { type: 'customer', id: customerId }), applied: operation.applied };
}

async function findProfile(api: AdvancedBillingApi, attrs: JsonObject, customerId: number): Promise<JsonObject | undefined> {
  return matchingProfile(await api.listPaymentProfiles(customerId), attrs);
}

export const paymentProfileHandler: OperationHandler<PaymentProfileFields> = {
  async create(api, operation, resolver, intent) {
    const attrs = paymentProfileAttributes(operation.fields.payment, await siteInfo(api));
    const customerId = await siteId(resolver, operation.fields.customer);
    const profile = await api.createPaymentProfile({ ...attrs, customer_id: customerId }, intent(() => findProfile(api, attrs, customerId)));
    return outcome(api, operation, profile, customerId);
  },
  async find(api, operation, resolver) {
    const customerId = await idIfExists(resolver, operation.fields.customer);
    if (customerId === undefined) return undefined;
    const profile = await findProfile(api, paymentProfileAttributes(operation.fields.payment, await siteInfo(api)), customerId);
    return profile ? outcome(api, operation, profile, customerId) : undefined;
  },
};
