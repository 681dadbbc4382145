// Create Subscriptions rows → a subscription operation and its balance operations (service credit,
// prepayment). Standard rows carry their customer and payment method, created with the subscription
// (one object per row, so a failure never leaves a customer without its subscription); advanced rows
// name a customer from the customers file (or on the site), paid by itself or, through a group, by an ancestor.
import type { ObjectRef, Operation, SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { appliedCells, cell, date, flag, integer, money, requiredCell } from './cells.js';
import { customFieldsOf } from './custom-fields.js';
import { customerFieldsOf, type CustomerFields } from './customers.js';
import { defined } from './defined.js';
import { paymentFieldsOf, type PaymentFields } from './payment.js';
import { itemRefs, subscriptionItemsOf, type SubscriptionItems } from './subscription-items.js';

export type CollectionMethod = 'automatic' | 'remittance' | 'prepaid';
const COLLECTION_METHODS: readonly string[] = ['automatic', 'remittance', 'prepaid'];

/** Billing terms: calendar dates (YYYY-MM-DD, in the target's time zone) and whole days. */
export type BillingFields = {
  currency?: string;
  collectionMethod: CollectionMethod;
  nextBillingDate: string;
  previousBillingDate?: string;
  netTerms?: number;
};

/** Who pays a grouped subscription, and whether the group gets one consolidated invoice. */
export type GroupFields = {
  payer: 'self' | 'parent' | 'eldest';
  consolidated: boolean;
  /** Align the billing date with the group's (consolidated invoices only). */
  alignDate?: boolean;
};

export type SubscriptionFields = SubscriptionItems & BillingFields & {
  /** The subscription's own reference (advanced templates), its natural key when given. */
  reference?: string;
  /** An existing customer (advanced templates). */
  customer?: ObjectRef;
  /** The customer created with the subscription (standard templates). */
  newCustomer?: CustomerFields;
  /** A payment method created with the subscription (standard templates). */
  payment?: PaymentFields;
  /** The customer's own payment profile (advanced templates, who_pays self), used when it has one. */
  paymentProfile?: ObjectRef;
  group?: GroupFields;
  receivesInvoiceEmails?: boolean;
  customFields: Record<string, string>;
  /**
   * Which of the file's subscriptions of this customer to this product it is (1 = first): rows alike in
   * both are told apart on the target by creation order.
   */
  occurrence: number;
};

/** An opening balance moved from the old system onto the subscription. */
export type BalanceFields = {
  subscription: ObjectRef;
  /** A decimal string in the subscription's currency. */
  amount: string;
  memo: string;
};

export type SubscriptionOperation = Operation<SubscriptionFields> & { kind: 'subscription' };
export type BalanceOperation = Operation<BalanceFields> & { kind: 'service_credit' | 'prepayment' };

const BALANCES = [
  { kind: 'service_credit', column: 'service_credit_balance', memo: 'Service credit balance migrated from the previous billing system' },
  { kind: 'prepayment', column: 'prepayment_balance', memo: 'Prepayment balance migrated from the previous billing system' },
] as const;

/** Columns the balance operations manage (the subscription leaves them out of its `applied`). */
export const BALANCE_COLUMNS: ReadonlySet<string> = new Set(BALANCES.map((balance) => balance.column));

/** The column a balance operation comes from (what a message about its amount names). */
export function balanceColumn(kind: BalanceOperation['kind']): string {
  return BALANCES.find((balance) => balance.kind === kind)!.column;
}

/**
 * The template has no subscription reference, so the subscription is keyed by what identifies it
 * in any file: `${customer_reference}/${product_handle}` (or the lower-cased email when the row has
 * no customer reference), with `/${occurrence}` appended for the 2nd, 3rd… identical pair in a file.
 */
export function standardSubscriptionKey(row: SourceRow): string {
  const customer = cell(row, 'customer_reference') ?? requiredCell(row, 'email').toLowerCase();
  return `${customer}/${requiredCell(row, 'product_handle')}`;
}

const CUSTOMER = 'import_identifier_customer_reference';

/** `subscription_reference` when the row has one, else `${customer reference}/${product_handle}` (see the standard key). */
export function advancedSubscriptionKey(row: SourceRow): string {
  return cell(row, 'subscription_reference') ?? `${requiredCell(row, CUSTOMER)}/${requiredCell(row, 'product_handle')}`;
}

/**
 * The key a subscription row's subscription is imported under: its occurrence-th appearance in the file
 * (see `operationsForFile`) is told apart by `/occurrence`; a subscription_reference stands alone.
 */
export function subscriptionKeyOf(row: SourceRow, occurrence = 1): string {
  const advanced = row.kind.startsWith('subscriptions-advanced');
  if (advanced && cell(row, 'subscription_reference') !== undefined) return advancedSubscriptionKey(row);
  const key = advanced ? advancedSubscriptionKey(row) : standardSubscriptionKey(row);
  return occurrence > 1 ? `${key}/${occurrence}` : key;
}

/** Billing cells, read while mapping so a row with unusable ones fails before anything is sent. */
export function billingFieldsOf(row: SourceRow): BillingFields {
  const nextBillingDate = date(row, 'next_billing_at') ?? requiredCell(row, 'next_billing_at');
  const previousBillingDate = date(row, 'previous_billing_at');
  const netTerms = integer(row, 'net_terms');
  const collectionMethod = collectionMethodOf(row);
  return {
    ...defined({ currency: cell(row, 'currency')?.toUpperCase() }),
    collectionMethod,
    nextBillingDate,
    ...defined({ previousBillingDate, netTerms }),
  };
}

function collectionMethodOf(row: SourceRow): CollectionMethod {
  const value = requiredCell(row, 'payment_collection_method');
  if (!COLLECTION_METHODS.includes(value)) throw new RowError(row, 'payment_collection_method', `payment_collection_method must be one of ${COLLECTION_METHODS.join(', ')}, got "${value}"`);
  return value as CollectionMethod;
}

/** The billing fields and the balance amounts, in the order the cells were always checked. */
function billingAndBalances(row: SourceRow): { billing: BillingFields; balances: Array<{ kind: BalanceOperation['kind']; column: string; memo: string; amount: string }> } {
  const billing = billingFieldsOf(row);
  const balances = BALANCES.flatMap((balance) => {
    const amount = money(row, balance.column);
    return amount === undefined ? [] : [{ kind: balance.kind, column: balance.column, memo: balance.memo, amount: amount.toString() }];
  });
  return { billing, balances };
}

export function standardSubscriptionOperations(row: SourceRow, customPricing: boolean, occurrence = 1): Array<SubscriptionOperation | BalanceOperation> {
  if (flag(row, 'create_subscription') !== true) return [];
  const reference = cell(row, 'customer_reference');
  requiredCell(row, 'email');
  const key = subscriptionKeyOf(row, occurrence);
  const items = subscriptionItemsOf(row, customPricing);
  const { billing, balances } = billingAndBalances(row);
  const newCustomer = customerFieldsOf(row, reference);
  const customFields = customFieldsOf(row, 'subscriptions');
  const payment = flag(row, 'create_payment_profile') === true ? paymentFieldsOf(row) : undefined;
  const subscription: SubscriptionOperation = {
    kind: 'subscription',
    key,
    dependsOn: itemRefs(items),
    fields: { newCustomer, ...(payment ? { payment } : {}), ...items, ...billing, customFields, occurrence },
    source: row,
    applied: appliedCells(row, (column) => !BALANCE_COLUMNS.has(column)),
  };
  return [subscription, ...balanceOperations(row, subscription, balances)];
}

const PAYERS: readonly string[] = ['self', 'parent', 'eldest'];

/**
 * who_pays parent/eldest puts the subscription in a group paid by that ancestor; a consolidated
 * invoice_type also groups a self-paid one. `align` (default TRUE) aligns the billing date with the
 * group's, which the document applies to consolidated invoices only.
 */
function groupOf(row: SourceRow): GroupFields | undefined {
  const payer = requiredCell(row, 'who_pays');
  if (!PAYERS.includes(payer)) throw new RowError(row, 'who_pays', `who_pays must be one of ${PAYERS.join(', ')}, got "${payer}"`);
  const invoiceType = requiredCell(row, 'invoice_type');
  if (invoiceType !== 'normal' && invoiceType !== 'consolidated') throw new RowError(row, 'invoice_type', `invoice_type must be normal or consolidated, got "${invoiceType}"`);
  if (payer === 'self' && invoiceType === 'normal') return undefined;
  const consolidated = invoiceType === 'consolidated';
  return { payer: payer as GroupFields['payer'], consolidated, ...(consolidated ? { alignDate: flag(row, 'align') ?? true } : {}) };
}

export function advancedSubscriptionOperations(row: SourceRow, customPricing: boolean, occurrence = 1): Array<SubscriptionOperation | BalanceOperation> {
  if (flag(row, 'create_subscription') !== true) return [];
  const customerReference = requiredCell(row, CUSTOMER);
  const reference = cell(row, 'subscription_reference');
  const key = subscriptionKeyOf(row, occurrence);
  const customer: ObjectRef = { type: 'customer', key: customerReference };
  // Only a self-paying subscription uses the customer's own profile; parents pay with theirs.
  const paymentProfile: ObjectRef | undefined = cell(row, 'who_pays') === 'self' ? { type: 'payment_profile', key: customerReference } : undefined;
  const items = subscriptionItemsOf(row, customPricing);
  const { billing, balances } = billingAndBalances(row);
  const group = groupOf(row);
  const receivesInvoiceEmails = flag(row, 'receive_invoice_emails');
  const customFields = customFieldsOf(row, 'subscriptions');
  const subscription: SubscriptionOperation = {
    kind: 'subscription',
    key,
    dependsOn: [customer, ...(paymentProfile ? [paymentProfile] : []), ...itemRefs(items)],
    fields: {
      ...defined({ reference }),
      customer,
      ...(paymentProfile ? { paymentProfile } : {}),
      ...items,
      ...billing,
      ...(group ? { group } : {}),
      ...defined({ receivesInvoiceEmails }),
      customFields,
      occurrence,
    },
    source: row,
    applied: appliedCells(row, (column) => !BALANCE_COLUMNS.has(column)),
  };
  return [subscription, ...balanceOperations(row, subscription, balances)];
}

/** Service credit and prepayment balances, added once the subscription exists; each is known by its subscription. */
function balanceOperations(row: SourceRow, subscription: SubscriptionOperation, balances: ReturnType<typeof billingAndBalances>['balances']): BalanceOperation[] {
  const ref: ObjectRef = { type: 'subscription', key: subscription.key };
  return balances.map(({ kind, column, memo, amount }) => ({
    kind,
    key: subscription.key,
    dependsOn: [ref],
    fields: { subscription: ref, amount, memo },
    source: row,
    applied: { [column]: amount },
  }));
}
