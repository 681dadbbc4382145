// The pricing library's public surface: decimal money and the renewal math.
export { Decimal, formatMoney, minorUnitDigits, parseMoney, readMoney, roundToMinorUnit, type MoneyParseResult } from './money.js';
export { priceComponent, type ComponentLine, type PriceBracket, type PricingScheme } from './component.js';
export { priceRenewal, type CouponLine, type RenewalBreakdown, type RenewalInput, type RenewalLine, type SkippedCoupon } from './renewal.js';
export { billingUnitOf, describeInterval, monthlyAmount, type BillingInterval, type BillingUnit } from './monthly.js';
export { parseTaxRate, taxOnLine } from './tax.js';
export { PricingError, type PricingErrorCode } from './pricing-error.js';
