// startChartMogulSandbox: a local, stateful emulator of ChartMogul's API at /v1/... over HTTP, used by
// `migrate sandbox --system chartmogul` and by the tests. What it serves: docs/sandbox-chartmogul.md.
import { createServer, type Server } from 'node:http';
import { clockFromEnv, type Clock } from '../../../dates/clock.js';
import { ConcurrencyGate } from '../../advanced-billing/sandbox/gate.js';
import { listenOn } from '../../advanced-billing/sandbox/listen.js';
import { Router } from '../../advanced-billing/sandbox/router.js';
import { Store, type IndexSpec } from '../../advanced-billing/sandbox/store.js';
import type { AccountSettings, CmCollection, CmHandler } from './context.js';
import { RateLimiter } from './rate-limit.js';
import { registerAccountRoutes } from './routes/account.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerDataSourceRoutes } from './routes/data-sources.js';
import { registerInvoiceRoutes } from './routes/invoices.js';
import { registerMergeRoutes } from './routes/merges.js';
import { registerPlanRoutes } from './routes/plans.js';
import { registerSubscriptionUpdateRoutes } from './routes/subscription-updates.js';
import { registerSubscriptionRoutes } from './routes/subscriptions.js';
import { createCmListener } from './server.js';

/** ChartMogul's published limits (dev.chartmogul.com/docs/rate-limits). */
export const CHARTMOGUL_RATE_LIMIT = 40;
export const CHARTMOGUL_PARALLEL_LIMIT = 20;

const INDEXED: Partial<Record<CmCollection, IndexSpec[]>> = {
  data_sources: [
    { field: 'uuid', ignoreCase: false },
    { field: 'name', ignoreCase: false },
  ],
  customers: [
    { field: 'uuid', ignoreCase: false },
    { field: 'external_id', ignoreCase: false },
    { field: 'data_source_uuid', ignoreCase: false },
  ],
  plans: [
    { field: 'uuid', ignoreCase: false },
    { field: 'external_id', ignoreCase: false },
    { field: 'data_source_uuid', ignoreCase: false },
  ],
  aliases: [
    { field: 'customer_uuid', ignoreCase: false },
    { field: 'external_id', ignoreCase: false },
    { field: 'data_source_uuid', ignoreCase: false },
  ],
  cancellations: [
    { field: 'subscription_uuid', ignoreCase: false },
    { field: 'customer_uuid', ignoreCase: false },
    { field: 'data_source_uuid', ignoreCase: false },
  ],
  invoices: [
    { field: 'uuid', ignoreCase: false },
    { field: 'external_id', ignoreCase: false },
    { field: 'customer_uuid', ignoreCase: false },
    { field: 'data_source_uuid', ignoreCase: false },
  ],
};

export interface ChartMogulSandboxOptions {
  /** 0 or absent: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state persists (crash-safe, survives restarts); absent: in memory. */
  dataDir?: string;
  /** When set, requests need HTTP Basic auth with this key as the user name (401 otherwise). */
  apiKey?: string;
  /** How long a data source takes to process an import, in ms (default 0: at once). */
  processingDelayMs?: number;
  /** Requests per second before 429 (default 40, as ChartMogul). */
  rateLimit?: number;
  /** Requests processed at once before 503 (default 20, as ChartMogul). */
  parallelLimit?: number;
  /** The account's currency (default USD) and time zone (default UTC). */
  currency?: string;
  timeZone?: string;
  /** What the emulator takes for "now" (default: MIGRATE_NOW's clock, else the system's). */
  now?: Clock;
  /** Where internal errors and state-file notes go, one line each. */
  log?: (line: string) => void;
}

export interface RunningChartMogulSandbox {
  /** e.g. http://127.0.0.1:41234 — a client's API base (paths start with /v1). */
  readonly baseUrl: string;
  readonly port: number;
  readonly dataDir?: string;
  /** Changes the processing delay of the imports that follow (an import keeps the delay it was made with). */
  setProcessingDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startChartMogulSandbox(options: ChartMogulSandboxOptions = {}): Promise<RunningChartMogulSandbox> {
  const clock = options.now ?? clockFromEnv();
  const log = options.log ?? (() => {});
  const store = await Store.openIndexed<CmCollection>(INDEXED, options.dataDir, clock, log);
  const account: AccountSettings = {
    name: 'Migrate ChartMogul Emulator',
    currency: options.currency ?? 'USD',
    timeZone: options.timeZone ?? 'UTC',
    processingDelayMs: options.processingDelayMs ?? 0,
  };
  const limiter = new RateLimiter(options.rateLimit ?? CHARTMOGUL_RATE_LIMIT);
  const gate = new ConcurrencyGate({ concurrency: options.parallelLimit ?? CHARTMOGUL_PARALLEL_LIMIT, queueLimit: 0 });
  const listener = createCmListener(buildRouter(), store, limiter, gate, { account, apiKey: options.apiKey, now: clock, log });
  const server: Server = createServer(listener);
  server.keepAliveTimeout = 10_000;
  let listening: { port: number; baseUrl: string };
  try {
    listening = await listenOn(server, options.port ?? 0, options.host ?? '127.0.0.1');
  } catch (error) {
    await store.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    baseUrl: listening.baseUrl,
    port: listening.port,
    dataDir: options.dataDir,
    setProcessingDelay(ms) {
      account.processingDelayMs = ms;
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.close();
      })();
      return closing;
    },
  };
}

function buildRouter(): Router<CmHandler> {
  const router = new Router<CmHandler>();
  registerAccountRoutes(router);
  registerDataSourceRoutes(router);
  // Invoices before customers: /v1/data_sources/:ds/customers/:uuid/invoices is theirs.
  registerInvoiceRoutes(router);
  registerSubscriptionRoutes(router);
  registerSubscriptionUpdateRoutes(router);
  // Before customers: /v1/customers/merges is no customer uuid.
  registerMergeRoutes(router);
  registerCustomerRoutes(router);
  registerPlanRoutes(router);
  return router;
}
