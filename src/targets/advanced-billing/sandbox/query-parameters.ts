// Which query parameters each served operation implements and which it refuses (501), and the page size a
// list answers when the request names none. A test reads the vendor spec and fails when an operation's
// spec parameter is in neither list, so a filter is never silently ignored (docs/sandbox.md).
import { pathShape } from './router.js';

/**
 * By "METHOD /spec/path.json": the spec's query parameters the sandbox implements and those it refuses.
 * A deepObject parameter is listed by its properties (`filter[ids]`); a parameter the spec does not
 * declare for the operation is ignored, as a real site ignores it. `perPage`: the spec's default.
 */
export interface QueryTable {
  [operation: string]: { implemented: string[]; refused: string[]; perPage?: number };
}

const DATE_RANGE = ['date_field', 'start_date', 'end_date', 'start_datetime', 'end_datetime'];
const filterOf = (names: string[]): string[] => names.map((name) => `filter[${name}]`);

export const queryParameters: QueryTable = {
  'GET /{resource_type}/metafields.json': { implemented: ['page', 'per_page'], refused: ['name', 'direction'] },
  'GET /{resource_type}/{resource_id}/metadata.json': { implemented: ['page', 'per_page'], refused: [] },
  'POST /sites/clear_data.json': { implemented: ['cleanup_scope'], refused: [] },
  'GET /product_families.json': { implemented: [], refused: DATE_RANGE },
  'GET /product_families/{product_family_id}/products.json': {
    implemented: ['page', 'per_page', 'include_archived'],
    refused: [...DATE_RANGE, ...filterOf(['prepaid_product_price_point', 'use_site_exchange_rate']), 'include'],
  },
  'GET /products.json': {
    implemented: ['page', 'per_page', 'include_archived'],
    refused: [...DATE_RANGE, ...filterOf(['prepaid_product_price_point', 'use_site_exchange_rate']), 'include'],
  },
  'GET /products/{product_id}/price_points.json': { implemented: ['page', 'per_page'], refused: ['currency_prices', 'filter[type]'], perPage: 10 },
  'GET /products/{product_id}/price_points/{price_point_id}.json': { implemented: [], refused: ['currency_prices'] },
  'GET /components/lookup.json': { implemented: ['handle'], refused: [] },
  'GET /components.json': {
    implemented: ['page', 'per_page', 'include_archived'],
    refused: [...DATE_RANGE, ...filterOf(['ids', 'use_site_exchange_rate'])],
  },
  'GET /product_families/{product_family_id}/components.json': {
    implemented: ['include_archived', 'page', 'per_page'],
    refused: [...DATE_RANGE, ...filterOf(['ids', 'use_site_exchange_rate'])],
  },
  'GET /components/{component_id}/price_points.json': { implemented: ['page', 'per_page'], refused: ['currency_prices', 'filter[type]'] },
  'GET /components/{component_id}/price_points/{price_point_id}/segments.json': {
    implemented: ['page', 'per_page'],
    refused: filterOf(['segment_property_1_value', 'segment_property_2_value', 'segment_property_3_value', 'segment_property_4_value']),
    perPage: 30,
  },
  'GET /product_families/{product_family_id}/coupons.json': {
    implemented: ['page', 'per_page'],
    refused: ['currency_prices', ...filterOf([...DATE_RANGE, 'ids', 'codes', 'use_site_exchange_rate'])],
    perPage: 30,
  },
  'GET /coupons.json': {
    implemented: ['page', 'per_page'],
    refused: ['currency_prices', ...filterOf([...DATE_RANGE, 'ids', 'codes', 'use_site_exchange_rate'])],
    perPage: 30,
  },
  'GET /coupons/find.json': { implemented: ['product_family_id', 'code'], refused: [] },
  'GET /customers.json': { implemented: ['direction', 'page', 'per_page', ...DATE_RANGE, 'q'], refused: [], perPage: 50 },
  'GET /customers/lookup.json': { implemented: ['reference'], refused: [] },
  'GET /payment_profiles.json': { implemented: ['page', 'per_page', 'customer_id'], refused: [] },
  'GET /subscriptions.json': {
    implemented: ['page', 'per_page', 'state', 'direction', 'product', 'product_price_point_id', 'coupon', ...DATE_RANGE],
    refused: ['metadata', 'sort', 'include'],
  },
  'GET /subscriptions/lookup.json': { implemented: ['reference'], refused: [] },
  // Of `include[]`, only `coupons`: the route refuses another value itself.
  'GET /subscriptions/{subscription_id}.json': { implemented: ['include'], refused: [] },
  'POST /subscriptions/{subscription_id}/purge.json': { implemented: ['ack', 'cascade'], refused: [] },
  'GET /subscriptions/{subscription_id}/components.json': {
    implemented: [],
    refused: [...DATE_RANGE, 'direction', ...filterOf(['currencies', 'use_site_exchange_rate']), 'price_point_ids', 'product_family_ids', 'sort', 'include', 'in_use'],
  },
  'GET /subscriptions/{subscription_id}/prepayments.json': { implemented: ['page', 'per_page'], refused: filterOf(['date_field', 'start_date', 'end_date']) },
  'GET /invoices.json': {
    implemented: ['status', 'subscription_id', 'page', 'per_page'],
    refused: [
      ...DATE_RANGE,
      'subscription_group_uid',
      'direction',
      'line_items',
      'discounts',
      'taxes',
      'credits',
      'payments',
      'custom_fields',
      'refunds',
      'customer_ids',
      'number',
      'product_ids',
      'sort',
    ],
  },
};

const byRoute = new Map<string, QueryTable[string]>();
for (const [key, entry] of Object.entries(queryParameters)) {
  const space = key.indexOf(' ');
  byRoute.set(`${key.slice(0, space)} ${pathShape(key.slice(space + 1))}`, entry);
}

/** The first query parameter of a request that its operation refuses, as written; undefined when none. */
export function refusedQueryParameter(method: string, shape: string, query: URLSearchParams): string | undefined {
  const entry = byRoute.get(`${method} ${shape}`);
  if (entry === undefined) return undefined;
  for (const key of new Set(query.keys())) {
    // `include[]=x` is the spec's `include`; `metadata[plan]=x` is its `metadata` when no property is listed.
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    const base = name.includes('[') ? name.slice(0, name.indexOf('[')) : name;
    if (entry.implemented.includes(name) || entry.implemented.includes(base)) continue;
    if (entry.refused.includes(name) || entry.refused.includes(base)) return key;
  }
  return undefined;
}

/** The page size the operation's spec gives when a request names none (20 where the table says nothing). */
export function defaultPerPage(method: string, shape: string): number | undefined {
  return byRoute.get(`${method} ${shape}`)?.perPage;
}
