// What every ChartMogul handler works with: the API, and the configured data source (found by name, or
// created when absent, once per target) that every customer, plan and invoice belongs to.
import type { ChartMogulApi, JsonObject } from '../api.js';

export interface ChartMogulContext {
  api: ChartMogulApi;
  /** The uuid of the configured data source. */
  dataSourceUuid(): Promise<string>;
}

/** The id ChartMogul gives an object: its uuid (`cus_…`, `pl_…`, `inv_…`). */
export function uuidOf(object: JsonObject): string {
  const uuid = object.uuid;
  if (typeof uuid !== 'string' || uuid === '') throw new TypeError('a ChartMogul object without a uuid');
  return uuid;
}

/** The customer's page in ChartMogul's app, as ChartMogul's answer gives it (`chartmogul-url`). */
export function customerPage(customer: JsonObject): string {
  const url = customer['chartmogul-url'];
  return typeof url === 'string' && url !== '' ? url : `https://app.chartmogul.com/#/customers/${String(customer.id ?? customer.uuid)}`;
}
