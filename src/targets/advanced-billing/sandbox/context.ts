// What a route handler gets (the parsed request, the store, the site) and gives back (a status and a
// JSON body), and the SandboxError it throws for 4xx answers in the API's `{"errors": [...]}` envelope.
import { shapedErrors, type ErrorShape, type FieldError } from './error-shapes.js';
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

/**
 * A refusal: its status and messages, each with the request field it is about. The server answers a 422
 * in the envelope the operation's spec declares (error-shapes.ts); any other status as `{"errors": [...]}`.
 */
export class SandboxError extends Error {
  readonly entries: FieldError[];

  constructor(
    readonly status: number,
    errors: Array<string | FieldError>,
  ) {
    const entries = errors.map((error) => (typeof error === 'string' ? { field: 'base', message: error } : error));
    super(entries.map((entry) => entry.message).join('; '));
    this.name = 'SandboxError';
    this.entries = entries;
  }

  get errors(): string[] {
    return this.entries.map((entry) => entry.message);
  }

  /** The answer's body: a 422 in the operation's declared shape, anything else as a list. */
  body(shape: ErrorShape = 'list'): Record<string, unknown> {
    return shapedErrors(this.status === 422 ? shape : 'list', this.entries);
  }
}

export function reply(status: number, body?: unknown): Reply {
  return { status, body };
}

/** Timestamps as the API writes them: ISO 8601 without fractions. */
export function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
