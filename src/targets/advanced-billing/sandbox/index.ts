// startSandbox: a local, stateful Advanced Billing site over HTTP (or HTTPS with a test certificate),
// used by `migrate sandbox`, by `test-import` when no test site is configured, and by the tests.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { clockFromEnv, type Clock } from '../../../dates/clock.js';
import type { SiteSettings } from './context.js';
import { siteTax } from './tax.js';
import type { FaultSpec, Latency } from './faults.js';
import { SiteThrottle, type RateLimit } from './throttle.js';
import { listenOn } from './listen.js';
import { Router } from './router.js';
import { registerComponentRoutes } from './routes/components.js';
import { registerCouponRoutes } from './routes/coupons.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerInvoiceRoutes } from './routes/invoices.js';
import { registerLinkPages } from './routes/links.js';
import { registerMetafieldRoutes } from './routes/metafields.js';
import { registerPaymentProfileRoutes } from './routes/payment-profiles.js';
import { registerProductFamilyRoutes } from './routes/product-families.js';
import { registerProductRoutes } from './routes/products.js';
import { registerSegmentRoutes } from './routes/segments.js';
import { registerSiteRoutes } from './routes/site.js';
import { registerSubscriptionRoutes } from './routes/subscriptions.js';
import { createRequestListener, type HandlerSettings } from './server.js';
import { Store } from './store.js';

export { parseFaultSpec, parseLatency, type FaultSpec, type Latency } from './faults.js';
export { parseQueueLimit, parseRateLimit, type RateLimit } from './throttle.js';

export interface SandboxOptions {
  /** 0 or absent: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state persists (crash-safe, survives restarts); absent: in memory. */
  dataDir?: string;
  /** 'test' (default) allows purge and clear-data; 'live' answers them 403. */
  mode?: 'test' | 'live';
  /** When set, requests need HTTP Basic auth with this key as the user name (401 otherwise). */
  apiKey?: string;
  /** Reported by GET /site.json (default "sandbox"). */
  subdomain?: string;
  /** Site currency (default USD). */
  currency?: string;
  /** Currencies besides `currency` that subscriptions may use (default none). */
  nonPrimaryCurrencies?: string[];
  /** The site's time zone, an IANA name (default UTC). */
  timeZone?: string;
  /**
   * A flat tax rate renewal previews apply ("8%" or "0.08"), and rates by customer state code
   * (`{ CA: '0.0725' }`) that take precedence. Absent: previews leave taxes uncalculated. A rate that
   * is not a percentage or fraction from 0 to 100% throws.
   */
  taxRate?: string;
  taxRates?: Record<string, string>;
  latency?: Latency;
  faults?: FaultSpec;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /**
   * Requests processed at once (default 4, as the API), and how many may wait, queued for a slot or
   * slowed by `rateLimit` (default 16), before 429 (docs/sandbox.md, "Throttling").
   */
  concurrency?: number;
  queueLimit?: number;
  /** A sustained rate past which requests are slowed, not refused; absent: none (the guide gives no rate). */
  rateLimit?: RateLimit;
  /** What the site takes for "now": judges next_billing_at, stamps records, ages tokens (default: MIGRATE_NOW's clock, else the system's). */
  now?: Clock;
  /** Source of randomness for faults and jitter (tests pass a seeded one). */
  random?: () => number;
  /**
   * A request body field that the operation's request schema (in the vendor spec) does not have: false
   * answers it with an `X-Sandbox-Warning` header and a log line, true refuses the request with 422.
   * Default: the MIGRATE_SANDBOX_STRICT environment variable (`1` or `true`), else false. The test
   * suite sets that variable, so every sandbox a test starts is strict.
   */
  strict?: boolean;
  /**
   * Where warnings and internal errors go, one line each; the CLI passes its stderr. Absent: nowhere
   * (a library never writes to the process's streams; a failing request still answers 500).
   */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 — what a site's `baseUrl` is set to. */
  readonly baseUrl: string;
  readonly port: number;
  readonly mode: 'test' | 'live';
  readonly dataDir?: string;
  readonly strict: boolean;
  /** The instance id GET /site.json reports: kept with the data folder, fresh for a sandbox in memory. */
  readonly instance: string;
  /** Replaces the fault spec for the requests that follow. */
  setFaults(faults: FaultSpec): void;
  setLatency(latency: Latency | undefined): void;
  /** Stops listening, drops open connections and flushes the state. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const tax = siteTax(options.taxRate, options.taxRates);
  const clock = options.now ?? clockFromEnv();
  const log = options.log ?? (() => {});
  const store = await Store.open(options.dataDir, clock, log);
  const mode = options.mode ?? 'test';
  const site: SiteSettings = {
    id: 1,
    name: 'Migrate Sandbox',
    subdomain: options.subdomain ?? 'sandbox',
    currency: options.currency ?? 'USD',
    nonPrimaryCurrencies: (options.nonPrimaryCurrencies ?? []).map((code) => code.toUpperCase()),
    mode,
    timeZone: options.timeZone ?? 'UTC',
    instance: store.instance,
    ...(tax === undefined ? {} : { tax }),
  };
  const settings: HandlerSettings = {
    site,
    apiKey: options.apiKey,
    latency: options.latency,
    faults: { ...options.faults },
    random: options.random ?? Math.random,
    now: clock,
    strict: options.strict ?? strictFromEnvironment(),
    log,
  };
  const timers = new Set<NodeJS.Timeout>();
  const throttle = new SiteThrottle({ concurrency: options.concurrency ?? 4, queueLimit: options.queueLimit ?? 16, ...(options.rateLimit ? { rate: options.rateLimit } : {}) }, timers);
  const listener = createRequestListener(buildRouter(), store, throttle, settings, timers);
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  server.keepAliveTimeout = 10_000;

  let listening: { port: number; baseUrl: string };
  try {
    listening = await listenOn(server, options.port ?? 0, options.host ?? '127.0.0.1', options.tls ? 'https' : 'http');
  } catch (error) {
    // A sandbox that cannot listen (the port is taken) must not keep its data folder locked.
    await store.close();
    throw error;
  }
  const { port, baseUrl } = listening;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    port,
    mode,
    dataDir: options.dataDir,
    strict: settings.strict,
    instance: store.instance,
    setFaults(faults) {
      settings.faults = { ...faults };
    },
    setLatency(latency) {
      settings.latency = latency;
    },
    close() {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
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

function strictFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.MIGRATE_SANDBOX_STRICT?.trim().toLowerCase();
  return value === '1' || value === 'true';
}

/** The routes the sandbox serves, as METHOD and path shape (for scripts/generate-request-fields.ts). */
export function sandboxRoutes(): Array<{ method: string; shape: string }> {
  return buildRouter().list();
}

function buildRouter(): Router {
  const router = new Router();
  // Metafield paths start with a placeholder (/{resource_type}/metafields.json): they go first so that
  // /customers/metafields.json is not read as the customer with id "metafields".
  registerMetafieldRoutes(router);
  registerSiteRoutes(router);
  registerProductFamilyRoutes(router);
  registerProductRoutes(router);
  registerComponentRoutes(router);
  registerSegmentRoutes(router);
  registerCouponRoutes(router);
  registerCustomerRoutes(router);
  registerPaymentProfileRoutes(router);
  registerSubscriptionRoutes(router);
  registerInvoiceRoutes(router);
  registerLinkPages(router);
  return router;
}
