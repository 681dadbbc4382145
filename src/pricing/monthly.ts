// Monthly recurring revenue from an amount billed every `count` days, months or years: the one
// normalisation, shared by compare (the expected renewal as MRR) and the ChartMogul emulator (its MRR).
import { Decimal } from './money.js';

export type BillingUnit = 'day' | 'month' | 'year';

export interface BillingInterval {
  unit: BillingUnit;
  count: number;
}

/**
 * The monthly value of `amount` billed every `interval`, rounded half up to `places` decimals: a month
 * of `count` months is ÷count, of years ÷(12 × count), of days × (365/12) ÷ count (an average month,
 * as ChartMogul normalises day plans). One division each, so nothing rounds before the last step.
 */
export function monthlyAmount(amount: Decimal | string | number, interval: BillingInterval, places: number): Decimal {
  const value = new Decimal(amount);
  const monthly =
    interval.unit === 'year' ? value.div(new Decimal(12).times(interval.count)) : interval.unit === 'day' ? value.times(365).div(new Decimal(12).times(interval.count)) : value.div(interval.count);
  return monthly.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** An interval as an API names it: `year` and `day` as they are, anything else a month. */
export function billingUnitOf(unit: string): BillingUnit {
  return unit === 'year' || unit === 'day' ? unit : 'month';
}

/** "every 12 months", "every year", "every 30 days". */
export function describeInterval(interval: BillingInterval): string {
  return interval.count === 1 ? `every ${interval.unit}` : `every ${interval.count} ${interval.unit}s`;
}
