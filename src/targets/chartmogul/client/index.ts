// The ChartMogul HTTP client: what the adapter and the CLI build (limits and errors: docs/client-chartmogul.md).
export { ChartMogulClient } from './client.js';
export { ChartMogulError } from './errors.js';
export type { AccountAccess, ChartMogulClientOptions } from './transport.js';
