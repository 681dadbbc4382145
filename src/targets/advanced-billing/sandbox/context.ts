// What a route handler gets (the parsed request, the store, the site) and gives back (a status and a
// JSON body), and the SandboxError it throws for 4xx answers in the API's `{"errors": [...]}` envelope.
import type { Store } from './store.js';
import type { SiteTax } from './tax.js';

export interface SiteSettings {
  id: number;
  name: string;
  subdomain: string;
  currency: string;
  /** Further currencies subscriptions may be created in (the site's Multi-Currency setting). */
  nonPrimaryCurrencies: string[];
  mode: 'test' | 'live';
  /** IANA name: bare dates are noon there, and subscription dates are answered with its offset. */
  timeZone: string;
  /** This sandbox's instance id (see Store.instance), reported as the sandbox-only `sandbox_instance_id`. */
  instance: string;
  /** Flat tax rates for renewal previews; absent: taxes are left uncalculated, as without a tax service. */
  tax?: SiteTax;
}

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  params: Record<string, string>;
  store: Store;
  site: SiteSettings;
  now: Date;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (context: RequestContext) => Reply;

/** Where an operation's spec gives 422 errors another shape than a list, e.g. keyed by field. */
export type ErrorBody = { errors: string[]; error?: string } | { errors: Record<string, unknown> };

export class SandboxError extends Error {
  readonly body: ErrorBody;

  constructor(
    readonly status: number,
    readonly errors: string[],
    body?: ErrorBody,
  ) {
    super(errors.join('; '));
    this.name = 'SandboxError';
    this.body = body ?? { errors };
  }
}

export function reply(status: number, body?: unknown): Reply {
  return { status, body };
}

/** Timestamps as the API writes them: ISO 8601 without fractions. */
export function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
