// The typed error pricing throws for amounts, currencies or price definitions it cannot price.
// Callers that validate rows catch it and turn `code` + `reason` into a finding with a row and column.
import { InputError } from '../errors.js';

export type PricingErrorCode =
  | 'invalid-money'
  | 'unknown-currency'
  | 'missing-unit-price'
  | 'missing-brackets'
  | 'negative-quantity'
  | 'negative-price'
  | 'invalid-coupon';

export class PricingError extends InputError {
  override readonly code: PricingErrorCode;
  /** The offending text or value, safe to show (prices and codes are never secrets). */
  readonly value: string;

  constructor(code: PricingErrorCode, message: string, value: string, hint?: string) {
    super(code, message, { hint });
    this.name = 'PricingError';
    this.code = code;
    this.value = value;
  }
}
