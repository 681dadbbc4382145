// What the mapping needs to know about the site (currency, time zone, test or live), read once per
// target, plus the links written to the `Result` column.
import type { SiteDetails, AdvancedBillingApi } from '../api.js';

const siteInfos = new WeakMap<AdvancedBillingApi, Promise<SiteDetails>>();

export function siteInfo(target: AdvancedBillingApi): Promise<SiteDetails> {
  let info = siteInfos.get(target);
  if (!info) {
    info = target.readSite();
    siteInfos.set(target, info);
    info.catch(() => siteInfos.delete(target));
  }
  return info;
}

/**
 * Where an object lives in the site's web app: its own page for the objects that have one, else
 * its owner's (a price point or segment → its product or component, a payment profile → its customer).
 */
type LinkPath =
  | { type: 'product_family' | 'product' | 'component' | 'coupon' | 'customer' | 'subscription'; id: number | string }
  | { type: 'invoice'; uid: string };

const COLLECTIONS = {
  product_family: 'product_families',
  product: 'products',
  component: 'components',
  coupon: 'coupons',
  customer: 'customers',
  subscription: 'subscriptions',
} as const;

export function linkTo(target: AdvancedBillingApi, path: LinkPath): string {
  const base = target.baseUrl.replace(/\/+$/, '');
  return path.type === 'invoice' ? `${base}/invoices/${encodeURIComponent(path.uid)}` : `${base}/${COLLECTIONS[path.type]}/${path.id}`;
}

