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

export function linkTo(target: Target, path: LinkPath): string {
  const base = target.baseUrl.replace(/\/+$/, '');
  return path.type === 'invoice' ? `${base}/invoices/${encodeURIComponent(path.uid)}` : `${base}/${COLLECTIONS[path.type]}/${path.id}`;
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
