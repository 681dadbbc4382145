// What the mapping needs to know about the site (currency, time zone, test or live), read once per
// target, plus the links written to the `Result` column and calendar dates as the API's date-times.
import type { SiteInfo, Target } from '../../target/types.js';

const siteInfos = new WeakMap<Target, Promise<SiteInfo>>();

export function siteInfo(target: Target): Promise<SiteInfo> {
  let info = siteInfos.get(target);
  if (!info) {
    info = target.readSite();
    siteInfos.set(target, info);
    info.catch(() => siteInfos.delete(target));
  }
  return info;
}

/** Where each kind of object lives in the site's web app, e.g. `/subscriptions/42`. */
type LinkPath =
  | { type: 'product_family' | 'product' | 'component' | 'coupon' | 'customer' | 'payment_profile' | 'subscription'; id: number | string }
  | { type: 'invoice'; uid: string }
  | { type: 'product_price_point'; productId: number | string; id: number | string }
  | { type: 'component_price_point'; componentId: number | string; id: number | string }
  | { type: 'segment'; componentId: number | string; pricePointId: number | string; id: number | string };

const COLLECTIONS = {
  product_family: 'product_families',
  product: 'products',
  component: 'components',
  coupon: 'coupons',
  customer: 'customers',
  payment_profile: 'payment_profiles',
  subscription: 'subscriptions',
} as const;

export function linkTo(target: Target, path: LinkPath): string {
  const base = target.baseUrl.replace(/\/+$/, '');
  switch (path.type) {
    case 'invoice':
      return `${base}/invoices/${path.uid}`;
    case 'product_price_point':
      return `${base}/products/${path.productId}/price_points/${path.id}`;
    case 'component_price_point':
      return `${base}/components/${path.componentId}/price_points/${path.id}`;
    case 'segment':
      return `${base}/components/${path.componentId}/price_points/${path.pricePointId}/segments/${path.id}`;
    default:
      return `${base}/${COLLECTIONS[path.type]}/${path.id}`;
  }
}

/**
 * Midnight at the start of a calendar date in the site's time zone, as an ISO date-time with its
 * offset ("2026-12-01T00:00:00-05:00"): the API's date-time fields then land on the intended day.
 */
export function startOfDay(date: string, timeZone = 'UTC'): string {
  const utcGuess = Date.parse(`${date}T00:00:00Z`);
  // The offset at the guessed instant can differ from the one at local midnight across a DST change; a second pass settles it.
  let offsetMinutes = zoneOffsetMinutes(utcGuess, timeZone);
  offsetMinutes = zoneOffsetMinutes(utcGuess - offsetMinutes * 60_000, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${date}T00:00:00${offset}`;
}

function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = name ? /GMT([+-])(\d{2}):?(\d{2})?/.exec(name) : null;
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}
