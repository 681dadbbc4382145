// customer operations → Create Customer (parent_id resolved from the parent's ref), then Update
// Customer for what the create lacks (verified) and the custom fields as metafields; found by reference.
import type { CustomerFields } from '../../../plan/map/customers.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import { linkTo } from './site.js';
import { objectId } from './ids.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';
import { CREATE_CUSTOMER_LACKS, customerAttributes, splitAttributes } from './customer-fields.js';
import type { OperationHandler } from './handler.js';
import { applyCustomFields } from './metafields.js';
import { siteId } from './lookup.js';

function outcome(api: AdvancedBillingApi, operation: Operation<CustomerFields>, customer: JsonObject): StepOutcome {
  return { id: objectId(customer), link: linkTo(api, { type: 'customer', id: objectId(customer) }), applied: operation.applied };
}

/** verified is not in Create-Customer: Update-Customer sets it right after the create. */
function attributesOf(fields: CustomerFields): { now: JsonObject; later: JsonObject } {
  return splitAttributes(customerAttributes(fields), CREATE_CUSTOMER_LACKS);
}

/** Outcomes of customers created by this process: `finish` right after the create knows they hold no custom-field values. */
const createdHere = new WeakSet<StepOutcome>();

export const customerHandler: OperationHandler<CustomerFields> = {
  async create(api, operation, resolver, intent) {
    const { parent } = operation.fields;
    const parentId = parent ? await siteId(resolver, parent) : undefined;
    const { now } = attributesOf(operation.fields);
    // The lookup runs only when the site answers 409: the customer is then an earlier attempt's, maybe with values.
    let foundEarlier = false;
    const customer = await api.createCustomer(
      parentId === undefined ? now : { ...now, parent_id: parentId },
      intent(() => {
        foundEarlier = true;
        return api.findCustomerByReference(operation.key);
      }),
    );
    const created = outcome(api, operation, customer);
    if (!foundEarlier) createdHere.add(created);
    return created;
  },
  async finish(api, operation, _resolver, result) {
    const { later } = attributesOf(operation.fields);
    if (Object.keys(later).length > 0) await api.updateCustomer(Number(result.id), later);
    await applyCustomFields(api, 'customers', Number(result.id), operation.fields.customFields ?? {}, createdHere.has(result));
  },
  async find(api, operation) {
    const customer = await api.findCustomerByReference(operation.key);
    return customer ? outcome(api, operation, customer) : undefined;
  },
};
