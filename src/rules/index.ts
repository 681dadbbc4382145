// The registry of every rule, sorted by id: templates name rules by id, the engine looks them up here.
import { allowedValues } from './allowed-values.js';
import { attachTo } from './attach-to.js';
import { catalogReference } from './catalog-reference.js';
import { couponCode } from './coupon-code.js';
import { currencyCode } from './currency-code.js';
import { customPrice } from './custom-price.js';
import { customerExists } from './customer-exists.js';
import { customerHierarchy } from './customer-hierarchy.js';
import { dateFormat } from './date-format.js';
import { dateFuture } from './date-future.js';
import { datePast } from './date-past.js';
import { decimal } from './decimal.js';
import { email } from './email.js';
import { emailList } from './email-list.js';
import { exactlyOneOf } from './exactly-one-of.js';
import { formulaValue } from './formula-value.js';
import { fourDigitYear } from './four-digit-year.js';
import { handle } from './handle.js';
import { integerRange } from './integer-range.js';
import { invalidBytes } from './invalid-bytes.js';
import { invoiceNetTerms } from './invoice-net-terms.js';
import { isoCountry } from './iso-country.js';
import { isoState } from './iso-state.js';
import { lastFour } from './last-four.js';
import { locale } from './locale.js';
import { missingColumn } from './missing-column.js';
import { noSurroundingSpaces } from './no-surrounding-spaces.js';
import { payerHasParent } from './payer-has-parent.js';
import { positiveAmount } from './positive-amount.js';
import { pricingBrackets } from './pricing-brackets.js';
import { required } from './required.js';
import { requiredIf } from './required-if.js';
import { rowEnabled } from './row-enabled.js';
import { rowShape } from './row-shape.js';
import { segmentMetric } from './segment-metric.js';
import { subscriptionExists } from './subscription-exists.js';
import { trueFalse } from './true-false.js';
import { unique } from './unique.js';
import { unknownColumn } from './unknown-column.js';
import { vatNumber } from './vat-number.js';
import { vaultToken } from './vault-token.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  allowedValues,
  attachTo,
  catalogReference,
  couponCode,
  currencyCode,
  customPrice,
  customerExists,
  customerHierarchy,
  dateFormat,
  dateFuture,
  datePast,
  decimal,
  email,
  emailList,
  exactlyOneOf,
  formulaValue,
  fourDigitYear,
  handle,
  integerRange,
  invalidBytes,
  invoiceNetTerms,
  isoCountry,
  isoState,
  lastFour,
  locale,
  missingColumn,
  noSurroundingSpaces,
  payerHasParent,
  positiveAmount,
  pricingBrackets,
  required,
  requiredIf,
  rowEnabled,
  rowShape,
  segmentMetric,
  subscriptionExists,
  trueFalse,
  unique,
  unknownColumn,
  vatNumber,
  vaultToken,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id; an unknown id is a bug in a template definition. */
export function getRule(id: string): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule id "${id}"`);
  return rule;
}
