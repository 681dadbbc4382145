// Advanced Billing's policy as data (the neutral TargetProfile): which object a row's result describes,
// and the order and calls erase removes what the toolkit created with.
import { OBJECT_TYPES } from '../../plan/operation.js';
import type { TargetProfile } from '../target.js';
import { columnMapping } from './column-mapping/index.js';

export const ADVANCED_BILLING_PROFILE: TargetProfile = {
  // The API's documented limit of requests at once.
  concurrency: 4,
  // Every kind the templates map to.
  kinds: OBJECT_TYPES,
  // The object the template is about, not its helpers: a subscription row links to its subscription.
  rowObjectOrder: [
    'invoice',
    'subscription',
    'segment',
    'coupon',
    'component',
    'product',
    'product_family',
    'customer',
    'component_price_point',
    'product_price_point',
    'payment_profile',
    'service_credit',
    'prepayment',
  ],
  // Reverse dependency order. Product families stay (the API cannot delete or archive them); price
  // points, segments, payment profiles, credits and prepayments go with their owner.
  eraseOrder: [
    { type: 'invoice', operation: 'void' },
    { type: 'subscription', operation: 'purge' },
    { type: 'customer', operation: 'delete' },
    { type: 'coupon', operation: 'archive' },
    { type: 'component', operation: 'archive' },
    { type: 'product', operation: 'archive' },
  ],
  // The API refuses purge and clear-data on live sites: only cancelling is left there.
  eraseScopes: { customers: 'customers', site: 'site', cleanups: ['all', 'customers'], live: 'cancel-only' },
  // A subscription's page: …/subscriptions/42 (then /, ?, # or the end).
  subscriptionIdOfLink: (link) => /\/subscriptions\/(\d+)(?:[/?#]|$)/.exec(link)?.[1],
  pricesSubscriptions: false,
  // Payment profiles, balances and invoices are history resync leaves as imported.
  resyncKinds: ['customer', 'subscription', 'product_family', 'product', 'product_price_point', 'component', 'component_price_point', 'coupon', 'segment'],
  columnMapping,
  notApplicableKinds: {},
};
