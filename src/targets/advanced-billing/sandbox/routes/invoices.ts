// Invoices: create for a subscription (line items with periods), list, read by uid, void. Amounts are
// decimal strings computed with decimal.js; taxes are not computed.
import { randomBytes } from 'node:crypto';
import { parseIsoDate } from '../../../../dates/index.js';
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { DAY_COUNT_RANGE, FieldErrors, isPresent, paginate, publicView, recordById, rootObject, type Attributes } from '../fields.js';
import { findByIdOrHandle, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';
import { Decimal } from '../../../../pricing/index.js';

export function registerInvoiceRoutes(router: Router): void {
  router.add('POST', '/subscriptions/:id/invoices.json', createInvoice);
  router.add('GET', '/invoices.json', ({ store, query }) => {
    const subscriptionId = query.get('subscription_id');
    const status = query.get('status');
    const invoices = recordsWhere(
      store,
      'invoices',
      (invoice) => (subscriptionId === null || String(invoice.subscription_id) === subscriptionId) && (status === null || invoice.status === status),
    );
    return reply(200, { invoices: paginate(invoices, query).map((invoice) => publicView(invoice)) });
  });
  router.add('GET', '/invoices/:uid.json', ({ store, params }) => reply(200, publicView(invoiceByUid(store, params.uid))));
  router.add('POST', '/invoices/:uid/void.json', voidInvoice);
}

function invoiceByUid(store: Store, uid: string | undefined): StoredRecord {
  const invoice = uid === undefined ? undefined : store.findBy('invoices', 'uid', uid);
  if (!invoice) throw new SandboxError(404, [messages.recordNotFound('Invoice')]);
  return invoice;
}

function createInvoice(context: RequestContext) {
  const { store, params, now } = context;
  const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
  const attrs = rootObject(context, 'invoice');
  const errors = new FieldErrors();
  const rawItems = Array.isArray(attrs.line_items) ? attrs.line_items : [];
  if (rawItems.length === 0) errors.add(messages.invoiceNoLineItems, 'line_items');
  const items = rawItems.map((raw: unknown, index) => readLineItem(store, (typeof raw === 'object' && raw !== null ? raw : {}) as Attributes, index, errors));
  const issueDate = errors.string(attrs, 'issue_date', 'Issue date') ?? timestamp(now).slice(0, 10);
  if (parseIsoDate(issueDate) === undefined) errors.add(messages.invalidDate('Issue date'), 'issue_date');
  // Added to the issue date for the due date: kept to a count that gives a real date.
  const netTerms = errors.integerWithin(attrs, 'net_terms', 'Net terms', DAY_COUNT_RANGE) ?? 0;
  const status = errors.oneOf(attrs, 'status', 'Status', ['draft', 'open'] as const) ?? 'open';
  const memo = errors.string(attrs, 'memo', 'Memo') ?? null;
  // This operation's spec gives its 422 errors keyed by field.
  errors.done();

  const subtotal = items.reduce((sum, item) => sum.plus(item.amount), new Decimal(0));
  const at = timestamp(now);
  const due = new Date(`${issueDate}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + netTerms);
  const customer = store.get('customers', Number(subscription.customer_id));
  const id = store.nextId('invoices');
  const uid = `inv_${randomBytes(7).toString('hex')}`;
  const invoice = store.put('invoices', {
    id,
    uid,
    site_id: context.site.id,
    customer_id: Number(subscription.customer_id),
    subscription_id: subscription.id,
    number: String(id),
    sequence_number: id,
    transaction_time: at,
    created_at: at,
    updated_at: at,
    issue_date: issueDate,
    due_date: due.toISOString().slice(0, 10),
    paid_date: null,
    status,
    role: 'adhoc',
    collection_method: String(subscription.payment_collection_method ?? 'remittance'),
    currency: String(subscription.currency ?? context.site.currency),
    consolidation_level: 'none',
    net_terms: netTerms,
    memo: memo ?? '',
    customer: customer
      ? { chargify_id: customer.id, first_name: customer.first_name, last_name: customer.last_name, organization: customer.organization, email: customer.email, reference: customer.reference }
      : null,
    subtotal_amount: money(subtotal),
    discount_amount: '0.0',
    tax_amount: '0.0',
    total_amount: money(subtotal),
    credit_amount: '0.0',
    refund_amount: '0.0',
    paid_amount: '0.0',
    due_amount: money(subtotal),
    line_items: items.map((item) => ({
      uid: `li_${randomBytes(7).toString('hex')}`,
      title: item.title,
      description: item.description,
      quantity: item.quantity.toString(),
      unit_price: item.unitPrice.toString(),
      subtotal_amount: money(item.amount),
      discount_amount: '0.0',
      tax_amount: '0.0',
      total_amount: money(item.amount),
      tiered_unit_price: false,
      ...(item.periodStart !== null ? { period_range_start: item.periodStart } : {}),
      ...(item.periodEnd !== null ? { period_range_end: item.periodEnd } : {}),
      product_id: item.productId,
      component_id: item.componentId,
      price_point_id: item.pricePointId,
      hide: false,
      custom_item: item.productId === null && item.componentId === null,
      kind: item.componentId !== null ? 'component' : item.productId !== null ? 'baseline' : 'adjustment',
    })),
    discounts: [],
    taxes: [],
    credits: [],
    refunds: [],
    payments: [],
    custom_fields: [],
  });
  return reply(201, { invoice: publicView(invoice) });
}

interface LineItem {
  title: string;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  amount: Decimal;
  periodStart: string | null;
  periodEnd: string | null;
  productId: number | null;
  componentId: number | null;
  pricePointId: number | null;
}

function readLineItem(store: Store, attrs: Attributes, index: number, errors: FieldErrors): LineItem {
  const label = `Line items[${index}]`;
  const title = errors.string(attrs, 'title', `${label} title`, true) ?? '';
  const quantity = new Decimal(errors.decimal(attrs, 'quantity', `${label} quantity`, true) ?? 0);
  const unitPrice = new Decimal(errors.decimal(attrs, 'unit_price', `${label} unit price`, true) ?? 0);
  if (quantity.isNegative()) errors.add(messages.notNegative(`${label} quantity`));
  const periodStart = errors.string(attrs, 'period_range_start', `${label} period range start`) ?? null;
  const periodEnd = errors.string(attrs, 'period_range_end', `${label} period range end`) ?? null;
  for (const [value, name] of [[periodStart, 'period range start'], [periodEnd, 'period range end']] as const) {
    if (value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.add(messages.invalidDate(`${label} ${name}`));
  }
  if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) errors.add(messages.periodEndBeforeStart(`${label} period range end`));
  let productId: number | null = null;
  if (isPresent(attrs.product_id)) {
    const product = findByIdOrHandle(store, 'products', keyOf(attrs.product_id));
    if (!product) errors.add(messages.notFoundBy(`${label} product`, 'id', String(attrs.product_id)));
    productId = product?.id ?? null;
  }
  let componentId: number | null = null;
  if (isPresent(attrs.component_id)) {
    const component = findByIdOrHandle(store, 'components', keyOf(attrs.component_id));
    if (!component) errors.add(messages.notFoundBy(`${label} component`, 'id', String(attrs.component_id)));
    componentId = component?.id ?? null;
  }
  const pricePointId = typeof attrs.price_point_id === 'number' ? attrs.price_point_id : null;
  return {
    title,
    description: errors.string(attrs, 'description', `${label} description`) ?? '',
    quantity,
    unitPrice,
    amount: quantity.times(unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    periodStart,
    periodEnd,
    productId,
    componentId,
    pricePointId,
  };
}

function voidInvoice(context: RequestContext) {
  const { store, params, now } = context;
  const invoice = invoiceByUid(store, params.uid);
  const attrs = rootObject(context, 'void');
  const errors = new FieldErrors();
  errors.string(attrs, 'reason', 'Reason', true);
  if (invoice.status === 'voided') errors.add(messages.invoiceAlreadyVoid);
  errors.done();
  const voided = store.put('invoices', { ...invoice, status: 'voided', due_amount: '0.0', updated_at: timestamp(now) });
  return reply(200, publicView(voided));
}

function keyOf(value: unknown): string | number {
  return typeof value === 'number' ? value : String(value);
}

function money(amount: Decimal): string {
  return amount.toFixed(2);
}
