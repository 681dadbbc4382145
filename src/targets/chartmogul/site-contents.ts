// What deleting the data source takes with it, counted from the account before erase asks: its
// customers, plans and invoices, and the customers carrying what people did on ChartMogul (tags, custom
// attributes, merges, edits), which the help article warns a deletion loses and a re-sync keeps.
import { customerFieldsOf } from '../../plan/map/customers.js';
import type { CustomerFields } from '../../plan/map/customers.js';
import type { ImportedObject, ManualWork, SiteContents } from '../records.js';
import type { ChartMogulApi, DataSource, Json, JsonObject } from './api.js';
import { customerAttributes } from './operations/customer.js';

const EXAMPLES = 3;
/** The customer fields the toolkit sends; one that differs from what it sent was edited on ChartMogul. */
const SENT_FIELDS = ['name', 'email', 'company', 'city', 'state', 'zip', 'country'] as const;

/** What the toolkit sent for each customer it created, by external id: its fields and custom attributes. */
interface Sent {
  fields: JsonObject;
  custom: Record<string, string>;
}

/** The customer fields a journaled row applied, or undefined when its cells no longer make a customer. */
function customerFields(object: ImportedObject): CustomerFields | undefined {
  const row = { file: '', kind: object.kind, row: 0, line: 0, key: object.key, values: object.applied };
  const reference = object.type === 'customer' ? object.key : object.applied.customer_reference;
  try {
    return customerFieldsOf(row, reference);
  } catch {
    return undefined;
  }
}

/** Customers the toolkit created, by external id: customers-advanced rows and the customers of standard subscription rows. */
export function sentCustomers(imported: readonly ImportedObject[]): Map<string, Sent | undefined> {
  const sent = new Map<string, Sent | undefined>();
  for (const object of imported) {
    const ownCustomer = object.type === 'customer' || (object.type === 'subscription' && object.kind.startsWith('subscriptions-standard'));
    if (!ownCustomer) continue;
    const fields = customerFields(object);
    const externalId = object.type === 'customer' ? object.key : (fields?.reference ?? fields?.email.toLowerCase());
    if (externalId === undefined) continue;
    sent.set(externalId, fields === undefined ? undefined : { fields: customerAttributes(fields, '', externalId), custom: fields.customFields ?? {} });
  }
  return sent;
}

/** Blank the way ChartMogul answers it (null or ''), else the text. */
function plain(value: Json | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function objectOf(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * The work people did on one customer, measured against what the toolkit sent: any tag (the toolkit
 * sets none), a custom attribute it did not set or whose value differs, more than one external id (a
 * merge), a sent field (name, email, company, address) that differs. A customer the toolkit did not
 * create is not measured: all of it is someone else's.
 */
export function manualWorkOf(customer: JsonObject, sent: Sent | undefined): ManualWork[] {
  const work: ManualWork[] = [];
  const attributes = objectOf(customer.attributes);
  if (Array.isArray(attributes.tags) && attributes.tags.length > 0) work.push('tagged');
  const custom = objectOf(attributes.custom);
  if (Object.entries(custom).some(([name, value]) => sent?.custom[name] === undefined || plain(value) !== sent.custom[name])) work.push('attributed');
  if (Array.isArray(customer.external_ids) && customer.external_ids.length > 1) work.push('merged');
  if (sent !== undefined && SENT_FIELDS.some((field) => plain(customer[field]) !== plain(sent.fields[field]))) work.push('edited');
  return work;
}

async function count(items: AsyncIterable<unknown>): Promise<number> {
  let total = 0;
  for await (const _ of items) total += 1;
  return total;
}

export async function dataSourceContents(api: ChartMogulApi, source: DataSource, imported: readonly ImportedObject[]): Promise<SiteContents> {
  const sent = sentCustomers(imported);
  const manualWork: SiteContents['manualWork'] = { tagged: { count: 0, examples: [] }, attributed: { count: 0, examples: [] }, merged: { count: 0, examples: [] }, edited: { count: 0, examples: [] } };
  const notImported: SiteContents['notImported'] = { count: 0, examples: [] };
  const note = (tally: { count: number; examples: string[] }, reference: string): void => {
    tally.count += 1;
    if (tally.examples.length < EXAMPLES) tally.examples.push(reference);
  };
  let customers = 0;
  let customersWithManualWork = 0;
  for await (const customer of api.listCustomers(source.uuid)) {
    customers += 1;
    const reference = plain(customer.external_id);
    if (!sent.has(reference)) note(notImported, reference);
    const work = manualWorkOf(customer, sent.get(reference));
    for (const kind of work) note(manualWork[kind], reference);
    if (work.length > 0) customersWithManualWork += 1;
  }
  const [plans, invoices] = await Promise.all([count(api.listPlans(source.uuid)), count(api.listInvoices(source.uuid))]);
  return {
    object: { type: 'data_source', key: source.name, action: 'delete' },
    counts: { customers, plans, invoices },
    manualWork,
    customersWithManualWork,
    notImported,
  };
}
