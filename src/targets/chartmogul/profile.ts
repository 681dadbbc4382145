// ChartMogul's policy as data (the neutral TargetProfile): it analyses billing rather than bills, so it
// takes customers, plans (a product's price points), subscriptions (as the invoice that opens their
// current period) and invoices; a row's Result links to its customer's ChartMogul page.
import type { TargetProfile } from '../target.js';
import { chartMogulColumnMapping } from './column-mapping/index.js';

export const CHARTMOGUL_PROFILE: TargetProfile = {
  // Half the 20 parallel requests ChartMogul allows: its 40 a second, not the requests in flight, is the limit the client keeps to.
  concurrency: 10,
  kinds: ['product_price_point', 'customer', 'subscription', 'invoice'],
  rowObjectOrder: ['invoice', 'subscription', 'product_price_point', 'customer'],
  // A subscription goes as its opening invoice, a standard row's with its customer (deleting a customer
  // takes its invoices, and so its subscriptions); then customers, then invoices whose customer stays
  // ("void" deletes them: the API voids nothing), and with --catalog the plans no invoice uses any more.
  eraseOrder: [
    { type: 'subscription', operation: 'purge' },
    { type: 'customer', operation: 'delete' },
    { type: 'invoice', operation: 'void' },
    { type: 'product_price_point', operation: 'archive' },
  ],
  // ChartMogul's own words ("Delete all manual customers", "Delete this data source"); an account
  // used for live data deletes as a test one does, so only the typed data source name lets it.
  eraseScopes: { customers: 'manual-customers', site: 'data-source', cleanups: ['all'], live: 'typed' },
  // A row links to its customer's page, which names no subscription: compare finds subscriptions by reference.
  subscriptionIdOfLink: () => undefined,
  pricesSubscriptions: true,
  // Customers' fields and attributes are merged; subscriptions and invoices are compared as billing (imported again per customer when it changed).
  resyncKinds: ['customer', 'product_price_point', 'subscription', 'invoice'],
  columnMapping: chartMogulColumnMapping,
  notApplicableKinds: {
    product_family: 'ChartMogul has no product families: plans stand alone in the data source',
    product: 'ChartMogul has no products: each price point of the row becomes a plan',
    component: 'ChartMogul has no components: a subscription\'s component charges are priced into the amount of its opening invoice',
    component_price_point: 'ChartMogul has no components: a subscription\'s component charges are priced into the amount of its opening invoice',
    coupon: 'ChartMogul has no coupons: a subscription\'s coupons are priced into its opening invoice as its discount',
    segment: 'ChartMogul has no event-based billing segments: usage is billed by the billing system',
    payment_profile: 'ChartMogul never charges anyone: payment methods and vault tokens stay in the billing system',
    service_credit: 'ChartMogul keeps no balances: service credits stay in the billing system',
    prepayment: 'ChartMogul keeps no balances: prepayments stay in the billing system',
  },
};
