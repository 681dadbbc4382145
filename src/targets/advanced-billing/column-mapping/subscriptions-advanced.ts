// Where the subscriptions-advanced templates' columns go in Advanced Billing (`migrate templates subscriptions-advanced` prints it).
import { BOOLEAN, subscriptionHeadMapping, subscriptionMapping, to, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

/** Where the advanced columns go: the customer exists already (customers-advanced), the row makes its subscription. */
export function advancedMapping(customPricing: boolean): MappingTable {
  const op = 'Create Subscription';
  return {
    ...subscriptionHeadMapping,
    organization_name: toolkit("help only: not sent (the customer's organization comes from customers-advanced)"),
    import_identifier_customer_reference: to(op, 'subscription.customer_id', 'reference used to find the customer; its id is sent (and, when who_pays is self, its payment profile as subscription.payment_profile_id)'),
    who_pays: to(op, 'subscription.group.target.type', 'parent or eldest (self with normal invoices sends no group)'),
    invoice_type: to(op, 'subscription.group', 'consolidated sends subscription.group.billing (a self-paid subscription gets a group too)'),
    align: to(op, 'subscription.group.billing.align_date', `${BOOLEAN}; consolidated invoices only, default TRUE`),
    receive_invoice_emails: to(op, 'subscription.receives_invoice_emails', BOOLEAN),
    subscription_reference: to(op, 'subscription.reference', 'also how a re-run finds the subscription'),
    ...subscriptionMapping(customPricing),
    'custom_field[Name]': to(op, 'subscription.metafields.Name', 'the custom field must exist on the site'),
  };
}
