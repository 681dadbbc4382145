// customer operations → Create a Customer in the configured data source, its `external_id` the
// template's customer reference; custom fields become custom attributes (set after the create, by
// name, so setting them again changes nothing). Standard subscription rows create their customer here too.
import type { CustomerFields } from '../../../plan/map/customers.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import type { JsonObject } from '../api.js';
import { customerPage, uuidOf, type ChartMogulContext } from './context.js';
import { createOnce, type ChartMogulHandler } from './handler.js';

/** ChartMogul's own name for a customer: the organisation when there is one, else the person. */
export function customerAttributes(fields: CustomerFields, dataSourceUuid: string, externalId: string): JsonObject {
  const attributes: JsonObject = {
    data_source_uuid: dataSourceUuid,
    external_id: externalId,
    name: fields.organization ?? `${fields.firstName} ${fields.lastName}`.trim(),
    email: fields.email,
  };
  if (fields.organization !== undefined) attributes.company = fields.organization;
  const { city, state, zip, country } = fields.address ?? {};
  for (const [name, value] of Object.entries({ city, state, zip, country })) if (value !== undefined) attributes[name] = value;
  return attributes;
}

/** The external id a customer is created with: its reference, else (a standard row without one) its email, lower-cased. */
export function customerKeyOf(fields: CustomerFields): string {
  return fields.reference ?? fields.email.toLowerCase();
}

/** The customer with this external id in the data source, created when absent (and never twice). */
export async function ensureCustomer(context: ChartMogulContext, fields: CustomerFields, externalId: string): Promise<JsonObject> {
  const dataSource = await context.dataSourceUuid();
  const customer = await createOnce(
    () => context.api.createCustomer(customerAttributes(fields, dataSource, externalId)),
    () => context.api.findCustomer(dataSource, externalId),
  );
  if (fields.customFields !== undefined && Object.keys(fields.customFields).length > 0) await context.api.setCustomAttributes(uuidOf(customer), fields.customFields);
  return customer;
}

function outcome(operation: Operation<CustomerFields>, customer: JsonObject): StepOutcome {
  return { id: uuidOf(customer), link: customerPage(customer), applied: operation.applied };
}

export const customerHandler: ChartMogulHandler<CustomerFields> = {
  async create(context, operation) {
    return outcome(operation, await ensureCustomer(context, operation.fields, operation.key));
  },
  async find(context, operation) {
    const customer = await context.api.findCustomer(await context.dataSourceUuid(), operation.key);
    return customer === undefined ? undefined : outcome(operation, customer);
  },
  async finish(context, operation, _resolver, result) {
    const values = operation.fields.customFields ?? {};
    // A customer an interrupted create left behind may lack its attributes: setting them again is harmless.
    if (Object.keys(values).length > 0) await context.api.setCustomAttributes(String(result.id), values);
  },
};
