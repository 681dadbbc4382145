// The API's customers, subscriptions, invoices and catalog items reduced to the records erase checks
// before it acts (whose the object is, whether it is still there and still the one imported).
import type { CatalogItemKind, CatalogItemRecord, CustomerRecord, InvoiceRecord, SubscriptionRecord } from '../../records.js';
import type { JsonObject } from '../api.js';
import { idOf, nested, textOf } from './json.js';

export function customerRecord(customer: JsonObject): CustomerRecord {
  const reference = textOf(customer.reference);
  const email = textOf(customer.email);
  return { id: String(customer.id), ...(reference !== undefined ? { reference } : {}), ...(email !== undefined ? { email } : {}) };
}

export function subscriptionRecord(subscription: JsonObject): SubscriptionRecord {
  const customer = nested(subscription, 'customer') ?? {};
  const customerId = idOf(nested(subscription, 'customer')?.id ?? subscription.customer_id);
  const paymentProfileId = idOf(nested(subscription, 'credit_card')?.id ?? nested(subscription, 'bank_account')?.id ?? subscription.payment_profile_id);
  const reference = textOf(subscription.reference);
  const state = textOf(subscription.state);
  const productHandle = textOf(nested(subscription, 'product')?.handle);
  const customerReference = textOf(customer.reference);
  const customerEmail = textOf(customer.email);
  return {
    id: String(subscription.id),
    ...(reference !== undefined ? { reference } : {}),
    ...(state !== undefined ? { state } : {}),
    customer: {
      ...(customerId !== undefined ? { id: String(customerId) } : {}),
      ...(customerReference !== undefined ? { reference: customerReference } : {}),
      ...(customerEmail !== undefined ? { email: customerEmail } : {}),
    },
    ...(productHandle !== undefined ? { productHandle } : {}),
    ...(paymentProfileId !== undefined ? { paymentProfileId: String(paymentProfileId) } : {}),
  };
}

export function invoiceRecord(uid: string, invoice: JsonObject): InvoiceRecord {
  const total = invoice.total_amount;
  return { uid, voided: invoice.status === 'voided', ...(typeof total === 'string' && /^-?\d+(\.\d+)?$/.test(total) ? { total } : {}) };
}

export function catalogItemRecord(kind: CatalogItemKind, item: JsonObject): CatalogItemRecord {
  return {
    kind,
    id: String(item.id),
    archived: (item.archived_at !== null && item.archived_at !== undefined) || item.archived === true,
    familyId: String(item.product_family_id ?? nested(item, 'product_family')?.id),
  };
}
