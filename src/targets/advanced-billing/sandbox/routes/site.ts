// The site itself: GET /site.json, and clearing its data (test sites only) with POST /sites/clear_data.json.
import { SandboxError, reply, type RequestContext } from '../context.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { CollectionName } from '../store.js';

const CUSTOMER_DATA: CollectionName[] = ['customers', 'payment_profiles', 'subscriptions', 'invoices', 'service_credits', 'prepayments', 'metadata'];
const CATALOG: CollectionName[] = ['product_families', 'products', 'product_price_points', 'components', 'component_price_points', 'segments', 'coupons', 'metafields'];

export function registerSiteRoutes(router: Router): void {
  router.add('GET', '/site.json', readSite);
  router.add('POST', '/sites/clear_data.json', clearSite);
}

function readSite({ site }: RequestContext) {
  return reply(200, {
    site: {
      id: site.id,
      name: site.name,
      subdomain: site.subdomain,
      currency: site.currency,
      seller_id: 1,
      non_primary_currencies: site.nonPrimaryCurrencies,
      relationship_invoicing_enabled: true,
      customer_hierarchy_enabled: true,
      whopays_enabled: true,
      whopays_default_payer: 'self',
      allocation_settings: { upgrade_charge: 'prorated', downgrade_credit: 'none', accrue_charge: 'true' },
      default_payment_collection_method: 'automatic',
      organization_address: { street: null, line2: null, city: null, state: null, zip: null, country: null, name: site.name, phone: null },
      tax_configuration: { kind: 'custom', destination_address: 'shipping_then_billing', fully_configured: false },
      net_terms: {
        default_net_terms: 0,
        automatic_net_terms: 0,
        remittance_net_terms: 0,
        net_terms_on_remittance_signups_enabled: false,
        custom_net_terms_enabled: true,
      },
      test: site.mode === 'test',
      // Not in the API's Site schema: only a sandbox says this, so clients can tell two sandboxes apart
      // (every sandbox is subdomain "sandbox", id 1). Extra fields are allowed by the schema.
      sandbox_instance_id: site.instance,
    },
  });
}

function clearSite({ site, store, query }: RequestContext) {
  if (site.mode !== 'test') throw new SandboxError(403, [messages.forbiddenLiveMode]);
  const scope = query.get('cleanup_scope') ?? 'all';
  if (scope !== 'all' && scope !== 'customers') throw new SandboxError(422, [messages.mustBeOneOf('cleanup_scope', ['all', 'customers'])]);
  const collections = scope === 'all' ? [...CUSTOMER_DATA, ...CATALOG] : CUSTOMER_DATA;
  for (const collection of collections) {
    for (const record of store.all(collection)) store.remove(collection, record.id);
  }
  return reply(200);
}
