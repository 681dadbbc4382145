// The request body fields of served operations that the sandbox does not implement: a request that sets
// one is refused (501) rather than answered as if the field had not been sent (docs/sandbox.md, "Not
// implemented"). A test checks each is a field of the operation's request schema in the spec.
import { pathShape } from './router.js';

/** By "METHOD /spec/path.json": dotted field paths (`subscription.custom_price.trial_interval`). */
export const refusedBodyFields: Record<string, string[]> = {
  'POST /subscriptions.json': [
    // Offers, calendar billing, delayed signups, trials and expiry change how a subscription bills: not modelled.
    'subscription.offer_id',
    'subscription.calendar_billing',
    'subscription.calendar_billing_first_charge',
    'subscription.initial_billing_at',
    'subscription.expires_at',
    'subscription.expiration_tracks_next_billing_change',
    'subscription.custom_price.trial_price_in_cents',
    'subscription.custom_price.trial_interval',
    'subscription.custom_price.trial_interval_unit',
    'subscription.custom_price.initial_charge_in_cents',
    'subscription.custom_price.initial_charge_after_trial',
    'subscription.custom_price.expiration_interval',
    'subscription.custom_price.expiration_interval_unit',
  ],
  'PUT /subscriptions/{subscription_id}.json': [
    // A product or price change (now or at renewal) and a snap day change how a subscription bills: not modelled.
    'subscription.product_handle',
    'subscription.product_id',
    'subscription.next_product_id',
    'subscription.next_product_price_point_id',
    'subscription.product_change_delayed',
    'subscription.custom_price',
    'subscription.components',
    'subscription.snap_day',
  ],
};

const byRoute = new Map<string, string[]>();
for (const [key, fields] of Object.entries(refusedBodyFields)) {
  const space = key.indexOf(' ');
  byRoute.set(`${key.slice(0, space)} ${pathShape(key.slice(space + 1))}`, fields);
}

/** The first refused field a body sets (null counts as not set), as its dotted path; undefined when none. */
export function refusedBodyField(method: string, shape: string, body: Record<string, unknown>): string | undefined {
  return byRoute.get(`${method} ${shape}`)?.find((path) => {
    let value: unknown = body;
    for (const name of path.split('.')) value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
    return value !== undefined && value !== null;
  });
}
