// Where the subscriptions-standard templates' columns go in Advanced Billing (`migrate templates subscriptions-standard` prints it).
import { customerMapping, sent, subscriptionHeadMapping, subscriptionMapping, subscriptionPaymentMapping, to, toMany } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

/** Where the standard columns go: one Create Subscription carries customer, profile and subscription. */
export function standardMapping(customPricing: boolean): MappingTable {
  const op = 'Create Subscription';
  return {
    ...subscriptionHeadMapping,
    ...customerMapping({ operation: op, prefix: 'subscription.customer_attributes.' }, ['locale']),
    customer_reference: toMany([sent(op, 'subscription.customer_attributes.reference')], 'also how a re-run finds the customer'),
    ...subscriptionPaymentMapping(),
    ...subscriptionMapping(customPricing),
    'custom_field_customer[Name]': to(op, 'subscription.customer_attributes.metafields.Name', 'the custom field must exist on the site'),
    'custom_field_subscription[Name]': to(op, 'subscription.metafields.Name', 'the custom field must exist on the site'),
    'custom_field[Name]': to(op, 'subscription.metafields.Name', 'the custom field must exist on the site'),
  };
}
