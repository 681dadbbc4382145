// The ChartMogul API surface: one method per endpoint the adapter uses. Payloads and answers are the
// API's own JSON (snake_case; amounts in cents on the wire). Only the adapter (src/targets/chartmogul/)
// uses it; everything else goes through the neutral Target (../target.ts).
import type { Json, JsonObject } from '../advanced-billing/api.js';

export type { Json, JsonObject };

/** What GET /v1/account says: ChartMogul gives no account id, only its name. */
export interface ChartMogulAccount {
  name: string;
  currency: string;
  timeZone?: string;
}

/** A data source as GET /v1/data_sources/{uuid}?with_processing_status=true reads it. */
export interface DataSource {
  uuid: string;
  name: string;
  /** `never_imported`, `importing`, `idle`… as ChartMogul says. */
  status: string;
  /** Counts of imported invoices by processing state; absent when not asked for. */
  processingStatus?: { processed: number; failed: number; pending: number };
}

/** A refusal that says the object is already there (422 "already exists" / "has already been taken"). */
export interface AlreadyExists {
  alreadyExists: true;
}

export interface ChartMogulApi {
  /** The API root (no credentials), e.g. https://api.chartmogul.com or a local emulator's address. */
  readonly baseUrl: string;
  ping(): Promise<void>;
  readAccount(): Promise<ChartMogulAccount>;

  /** The data source with exactly this name, if any (GET /v1/data_sources?name=). */
  findDataSource(name: string): Promise<DataSource | undefined>;
  createDataSource(name: string): Promise<DataSource>;
  /** With its processing status; undefined when it is gone (404). */
  readDataSource(uuid: string): Promise<DataSource | undefined>;
  deleteDataSource(uuid: string): Promise<void>;
  // What erase counts and removes in a data source (src/targets/chartmogul/erase.ts).
  /** Every plan of the data source (GET /v1/plans?data_source_uuid=, cursor pagination). */
  listPlans(dataSourceUuid: string): AsyncIterable<JsonObject>;
  /** GET /v1/plans/{uuid}; undefined when it is gone (404). */
  readPlan(uuid: string): Promise<JsonObject | undefined>;
  deletePlan(uuid: string): Promise<void>;
  /** Every invoice of the data source, with its `customer_uuid` (GET /v1/invoices?data_source_uuid=). */
  listInvoices(dataSourceUuid: string): AsyncIterable<JsonObject>;
  /** DELETE /v1/invoices/{uuid} */
  deleteInvoice(uuid: string): Promise<void>;

  /** POST /v1/customers (`data_source_uuid` and `external_id` in `attrs`); 422 "already exists" throws ChartMogulError with `alreadyExists`. */
  createCustomer(attrs: JsonObject): Promise<JsonObject>;
  /** The customer with this external id in the data source (GET /v1/customers?data_source_uuid=&external_id=). */
  findCustomer(dataSourceUuid: string, externalId: string): Promise<JsonObject | undefined>;
  readCustomer(uuid: string): Promise<JsonObject | undefined>;
  updateCustomer(uuid: string, attrs: JsonObject): Promise<JsonObject>;
  deleteCustomer(uuid: string): Promise<void>;
  /** Every customer of the data source, page by page (cursor pagination). */
  listCustomers(dataSourceUuid: string): AsyncIterable<JsonObject>;
  /** Adds or replaces custom attributes (PUT /v1/customers/{uuid}/attributes/custom); values as text. */
  setCustomAttributes(customerUuid: string, values: Record<string, string>): Promise<void>;
  /** The customer's custom attributes by name (GET /v1/customers/{uuid}/attributes). */
  customAttributes(customerUuid: string): Promise<Record<string, Json>>;

  /** POST /v1/plans; 422 "already exists" throws ChartMogulError with `alreadyExists`. */
  createPlan(attrs: JsonObject): Promise<JsonObject>;
  /** GET /v1/plans?data_source_uuid=&external_id= */
  findPlan(dataSourceUuid: string, externalId: string): Promise<JsonObject | undefined>;

  /** POST /v1/import/customers/{uuid}/invoices with one invoice; answers it as created. 422 on an external id already in the data source throws ChartMogulError with `alreadyExists`. */
  importInvoice(customerUuid: string, invoice: JsonObject): Promise<JsonObject>;
  /** GET /v1/invoices?data_source_uuid=&external_id= */
  findInvoice(dataSourceUuid: string, externalId: string): Promise<JsonObject | undefined>;
  readInvoice(uuid: string): Promise<JsonObject | undefined>;
  /** DELETE /v1/data_sources/{ds}/customers/{uuid}/invoices */
  deleteCustomerInvoices(dataSourceUuid: string, customerUuid: string): Promise<void>;

  /** GET /v1/customers/{uuid}/subscriptions: each with `external_id`, `mrr` (cents), `plan`, billing cycle, status (all pages). */
  customerSubscriptions(customerUuid: string): Promise<JsonObject[]>;

  /** Releases connections. */
  close(): Promise<void>;

  /** Every invoice of the customer in the data source (GET /v1/invoices?data_source_uuid=&customer_uuid=, all pages). */
  customerInvoices(dataSourceUuid: string, customerUuid: string): Promise<JsonObject[]>;
}
