// The distribution of compare's differences as histogram bins, in decimal (money is never a float):
// round bin widths (1, 2 or 5 times a power of ten, at least the currency's minor unit).
import { Decimal, formatMoney, minorUnitDigits } from '../../../pricing/index.js';

export interface Bin {
  /** The bin's bounds as money text: from (inclusive) to (exclusive; the last bin includes it). */
  from: string;
  to: string;
  count: number;
}

/** Enough bins to show a shape, few enough to read. */
const MAX_BINS = 20;

export function histogram(values: readonly Decimal[], currency: string): Bin[] {
  if (values.length === 0) return [];
  // A loop, not Decimal.min(...values): 100,000 arguments overflow the stack.
  let [min, max] = [values[0]!, values[0]!];
  for (const value of values) {
    if (value.lessThan(min)) min = value;
    if (value.greaterThan(max)) max = value;
  }
  const money = (amount: Decimal): string => formatMoney(amount, currency);
  if (min.equals(max)) return [{ from: money(min), to: money(max), count: values.length }];
  const wanted = Math.min(MAX_BINS, Math.max(2, Math.ceil(Math.sqrt(values.length))));
  const width = Decimal.max(roundWidth(max.minus(min).dividedBy(wanted)), new Decimal(10).pow(-minorUnitDigits(currency)));
  const start = min.dividedBy(width).floor().times(width);
  // The last bin takes its upper bound too: a maximum on a boundary makes no bin of its own.
  const count = Math.max(1, max.minus(start).dividedBy(width).ceil().toNumber());
  const bins = Array.from({ length: count }, (_, index) => ({ from: money(start.plus(width.times(index))), to: money(start.plus(width.times(index + 1))), count: 0 }));
  for (const value of values) bins[Math.min(count - 1, value.minus(start).dividedBy(width).floor().toNumber())]!.count += 1;
  return bins;
}

/** The smallest of 1, 2, 5 × 10ⁿ at least `raw`. */
function roundWidth(raw: Decimal): Decimal {
  const magnitude = new Decimal(10).pow(raw.log(10).floor());
  const step = [1, 2, 5, 10].find((factor) => magnitude.times(factor).greaterThanOrEqualTo(raw))!;
  return magnitude.times(step);
}
