// ChartMogulApi over HTTP: one method per endpoint the adapter uses, each a call through the transport,
// and ChartMogul's answers read into the shapes api.ts names (lists walked by cursor).
import type { ChartMogulAccount, ChartMogulApi, DataSource, Json, JsonObject } from '../api.js';
import type { Query } from '../../advanced-billing/client/wire.js';
import { ChartMogulError } from './errors.js';
import { ChartMogulTransport, type AccountAccess, type ChartMogulClientOptions } from './transport.js';

/** ChartMogul's largest page. */
const PER_PAGE = 200;

export class ChartMogulClient implements ChartMogulApi {
  readonly baseUrl: string;
  private readonly transport: ChartMogulTransport;

  constructor(access: AccountAccess, options: ChartMogulClientOptions = {}) {
    this.transport = new ChartMogulTransport(access, options);
    this.baseUrl = this.transport.baseUrl;
  }

  async ping(): Promise<void> {
    await this.transport.request('GET', '/v1/ping');
  }

  async readAccount(): Promise<ChartMogulAccount> {
    const body = objectOf(await this.transport.request('GET', '/v1/account'), 'GET', '/v1/account');
    const timeZone = typeof body.time_zone === 'string' ? body.time_zone : undefined;
    return { name: String(body.name ?? ''), currency: String(body.currency ?? ''), ...(timeZone !== undefined ? { timeZone } : {}) };
  }

  async findDataSource(name: string): Promise<DataSource | undefined> {
    const body = await this.transport.request('GET', '/v1/data_sources', { query: { name, with_processing_status: true } });
    // Only the exact name: a server that filtered loosely (or not at all) must not hand over another's.
    return itemsOf(body, 'data_sources').map(dataSourceOf).find((source) => source.name === name);
  }

  async createDataSource(name: string): Promise<DataSource> {
    return dataSourceOf(objectOf(await this.transport.request('POST', '/v1/data_sources', { body: { name } }), 'POST', '/v1/data_sources'));
  }

  async readDataSource(uuid: string): Promise<DataSource | undefined> {
    const path = `/v1/data_sources/${segment(uuid)}`;
    const body = await this.transport.request('GET', path, { query: { with_processing_status: true }, allowNotFound: true });
    return body === undefined ? undefined : dataSourceOf(objectOf(body, 'GET', path));
  }

  async deleteDataSource(uuid: string): Promise<void> {
    await this.transport.request('DELETE', `/v1/data_sources/${segment(uuid)}`);
  }

  listPlans(dataSourceUuid: string): AsyncIterable<JsonObject> {
    return this.pages('/v1/plans', 'plans', { data_source_uuid: dataSourceUuid });
  }

  async readPlan(uuid: string): Promise<JsonObject | undefined> {
    return this.transport.request('GET', `/v1/plans/${segment(uuid)}`, { allowNotFound: true });
  }

  async deletePlan(uuid: string): Promise<void> {
    await this.transport.request('DELETE', `/v1/plans/${segment(uuid)}`);
  }

  listInvoices(dataSourceUuid: string): AsyncIterable<JsonObject> {
    return this.pages('/v1/invoices', 'invoices', { data_source_uuid: dataSourceUuid });
  }

  async deleteInvoice(uuid: string): Promise<void> {
    await this.transport.request('DELETE', `/v1/invoices/${segment(uuid)}`);
  }

  async createCustomer(attrs: JsonObject): Promise<JsonObject> {
    return objectOf(await this.transport.request('POST', '/v1/customers', { body: attrs }), 'POST', '/v1/customers');
  }

  async findCustomer(dataSourceUuid: string, externalId: string): Promise<JsonObject | undefined> {
    return this.first('/v1/customers', 'entries', { data_source_uuid: dataSourceUuid, external_id: externalId });
  }

  async readCustomer(uuid: string): Promise<JsonObject | undefined> {
    return this.transport.request('GET', `/v1/customers/${segment(uuid)}`, { allowNotFound: true });
  }

  async updateCustomer(uuid: string, attrs: JsonObject): Promise<JsonObject> {
    const path = `/v1/customers/${segment(uuid)}`;
    return objectOf(await this.transport.request('PATCH', path, { body: attrs }), 'PATCH', path);
  }

  async deleteCustomer(uuid: string): Promise<void> {
    await this.transport.request('DELETE', `/v1/customers/${segment(uuid)}`);
  }

  listCustomers(dataSourceUuid: string): AsyncIterable<JsonObject> {
    return this.pages('/v1/customers', 'entries', { data_source_uuid: dataSourceUuid });
  }

  async setCustomAttributes(customerUuid: string, values: Record<string, string>): Promise<void> {
    await this.transport.request('PUT', `/v1/customers/${segment(customerUuid)}/attributes/custom`, { body: { custom: values } });
  }

  async customAttributes(customerUuid: string): Promise<Record<string, Json>> {
    const path = `/v1/customers/${segment(customerUuid)}/attributes`;
    const custom = objectOf(await this.transport.request('GET', path), 'GET', path).custom;
    return custom !== null && typeof custom === 'object' && !Array.isArray(custom) ? custom : {};
  }

  async createPlan(attrs: JsonObject): Promise<JsonObject> {
    return objectOf(await this.transport.request('POST', '/v1/plans', { body: attrs }), 'POST', '/v1/plans');
  }

  async findPlan(dataSourceUuid: string, externalId: string): Promise<JsonObject | undefined> {
    return this.first('/v1/plans', 'plans', { data_source_uuid: dataSourceUuid, external_id: externalId });
  }

  async importInvoice(customerUuid: string, invoice: JsonObject): Promise<JsonObject> {
    const path = `/v1/import/customers/${segment(customerUuid)}/invoices`;
    const created = itemsOf(await this.transport.request('POST', path, { body: { invoices: [invoice] } }), 'invoices')[0];
    if (created === undefined) throw protocolError('POST', path, 'answered no invoice');
    return created;
  }

  async findInvoice(dataSourceUuid: string, externalId: string): Promise<JsonObject | undefined> {
    return this.first('/v1/invoices', 'invoices', { data_source_uuid: dataSourceUuid, external_id: externalId });
  }

  async readInvoice(uuid: string): Promise<JsonObject | undefined> {
    return this.transport.request('GET', `/v1/invoices/${segment(uuid)}`, { allowNotFound: true });
  }

  async deleteCustomerInvoices(dataSourceUuid: string, customerUuid: string): Promise<void> {
    await this.transport.request('DELETE', `/v1/data_sources/${segment(dataSourceUuid)}/customers/${segment(customerUuid)}/invoices`);
  }

  async customerSubscriptions(customerUuid: string): Promise<JsonObject[]> {
    const subscriptions: JsonObject[] = [];
    for await (const subscription of this.pages(`/v1/customers/${segment(customerUuid)}/subscriptions`, 'entries')) subscriptions.push(subscription);
    return subscriptions;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  async customerInvoices(dataSourceUuid: string, customerUuid: string): Promise<JsonObject[]> {
    const invoices: JsonObject[] = [];
    for await (const invoice of this.pages('/v1/invoices', 'invoices', { data_source_uuid: dataSourceUuid, customer_uuid: customerUuid })) invoices.push(invoice);
    return invoices;
  }

  /** The first item a filtered list answers, if any (a lookup by external id answers one at most). */
  private async first(path: string, key: string, query: Query): Promise<JsonObject | undefined> {
    return itemsOf(await this.transport.request('GET', path, { query: { ...query, per_page: PER_PAGE } }), key)[0];
  }

  /** Every item of a cursor-paginated list, page by page, until `has_more` is false. */
  private async *pages(path: string, key: string, query: Query = {}): AsyncGenerator<JsonObject> {
    let cursor: string | undefined;
    for (;;) {
      const body = await this.transport.request('GET', path, { query: { ...query, per_page: PER_PAGE, cursor } });
      yield* itemsOf(body, key);
      const next = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
      if (next.has_more !== true) return;
      // A cursor that does not move would answer the same page forever.
      if (typeof next.cursor !== 'string' || next.cursor === '' || next.cursor === cursor) throw protocolError('GET', path, 'says it has more but gives no new cursor');
      cursor = next.cursor;
    }
  }
}

/** A uuid as one path segment: whatever it holds, it cannot reach another path. */
function segment(value: string): string {
  return encodeURIComponent(value);
}

function objectOf(body: Json | undefined, method: string, path: string): JsonObject {
  if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) throw protocolError(method, path, 'answered no JSON object');
  return body;
}

function itemsOf(body: Json | undefined, key: string): JsonObject[] {
  const items = body !== null && typeof body === 'object' && !Array.isArray(body) ? body?.[key] : undefined;
  if (!Array.isArray(items)) return [];
  return items.filter((item): item is JsonObject => item !== null && typeof item === 'object' && !Array.isArray(item));
}

function dataSourceOf(body: JsonObject): DataSource {
  const status = body.processing_status;
  const counts = status !== null && typeof status === 'object' && !Array.isArray(status) ? status : undefined;
  return {
    uuid: String(body.uuid ?? ''),
    name: String(body.name ?? ''),
    status: String(body.status ?? ''),
    ...(counts !== undefined ? { processingStatus: { processed: Number(counts.processed ?? 0), failed: Number(counts.failed ?? 0), pending: Number(counts.pending ?? 0) } } : {}),
  };
}

function protocolError(method: string, path: string, detail: string): ChartMogulError {
  return new ChartMogulError({ kind: 'protocol', messages: [], method, path, detail });
}
