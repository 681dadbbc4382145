// An in-memory Target for mapping tests until they run against the sandbox: it stores what steps
// create, answers their lookups, and records each call as the request the client would send
// (method, spec path, root-keyed body) so payloads can be checked against the vendor's spec.
import { Decimal } from 'decimal.js';
import type { ComponentKind, CreateIntent, JsonObject, SiteInfo, Target } from '../../../src/target/types.js';

export interface RecordedCall {
  method: 'POST';
  path: string;
  body: JsonObject;
  intent?: CreateIntent;
}

type Kind = 'product_family' | 'product' | 'product_price_point' | 'component' | 'component_price_point' | 'segment' | 'coupon' | 'customer' | 'payment_profile' | 'subscription' | 'service_credit' | 'prepayment' | 'invoice';

export class MemoryTarget implements Target {
  readonly baseUrl = 'https://acme.example.test';
  readonly calls: RecordedCall[] = [];
  readonly objects = new Map<Kind, JsonObject[]>();
  readonly metadata = new Map<string, Record<string, string>>();
  private nextId = 100;

  constructor(private readonly site: Partial<SiteInfo> = {}) {}

  private store(kind: Kind, object: JsonObject): JsonObject {
    const stored = { id: this.nextId++, ...object };
    this.objects.set(kind, [...(this.objects.get(kind) ?? []), stored]);
    return stored;
  }

  private all(kind: Kind): JsonObject[] {
    return this.objects.get(kind) ?? [];
  }

  private record(path: string, root: string, attrs: JsonObject, intent?: CreateIntent): void {
    this.calls.push({ method: 'POST', path, body: { [root]: attrs }, intent });
  }

  async readSite(): Promise<SiteInfo> {
    return { id: 1, subdomain: 'acme', currency: 'USD', mode: 'test', ...this.site };
  }
  async clearSite(): Promise<void> {
    this.objects.clear();
  }

  async createProductFamily(attrs: JsonObject, intent: CreateIntent) {
    this.record('/product_families.json', 'product_family', attrs, intent);
    return this.store('product_family', attrs);
  }
  async *listProductFamilies() {
    yield* this.all('product_family');
  }
  async findProductFamilyByHandle(handle: string) {
    return this.all('product_family').find((family) => family.handle === handle);
  }

  async createProduct(productFamilyId: number, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/product_families/${productFamilyId}/products.json`, 'product', attrs, intent);
    const product = this.store('product', { ...attrs, product_family: { id: productFamilyId } });
    this.store('product_price_point', { product_id: product.id, handle: `default-${String(product.id)}`, price_in_cents: attrs.price_in_cents ?? 0 });
    return product;
  }
  async findProductByHandle(handle: string) {
    return this.all('product').find((product) => product.handle === handle);
  }
  async *listProducts() {
    yield* this.all('product');
  }
  async archiveProduct(): Promise<void> {}
  async createProductPricePoint(productId: number, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/products/${productId}/price_points.json`, 'price_point', attrs, intent);
    return this.store('product_price_point', { ...attrs, product_id: productId });
  }
  async *listProductPricePoints(productId: number) {
    yield* this.all('product_price_point').filter((pp) => pp.product_id === productId);
  }

  async createComponent(productFamilyId: number, kind: ComponentKind, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/product_families/${productFamilyId}/${kind}_components.json`, `${kind}_component`, attrs, intent);
    return this.store('component', { ...attrs, kind: `${kind}_component`, product_family_id: productFamilyId });
  }
  async findComponentByHandle(handle: string) {
    return this.all('component').find((component) => component.handle === handle);
  }
  async *listComponents() {
    yield* this.all('component');
  }
  async archiveComponent(): Promise<void> {}
  async createComponentPricePoint(componentId: number, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/components/${componentId}/price_points.json`, 'price_point', attrs, intent);
    return this.store('component_price_point', { ...attrs, component_id: componentId });
  }
  async *listComponentPricePoints(componentId: number) {
    yield* this.all('component_price_point').filter((pp) => pp.component_id === componentId);
  }
  async createSegment(componentId: number, pricePointId: number, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/components/${componentId}/price_points/${pricePointId}/segments.json`, 'segment', attrs, intent);
    return this.store('segment', { ...attrs, component_id: componentId, price_point_id: pricePointId });
  }
  async *listSegments(componentId: number, pricePointId: number) {
    yield* this.all('segment').filter((segment) => segment.component_id === componentId && segment.price_point_id === pricePointId);
  }

  async createCoupon(productFamilyId: number, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/product_families/${productFamilyId}/coupons.json`, 'coupon', attrs, intent);
    return this.store('coupon', attrs);
  }
  async findCouponByCode(code: string) {
    return this.all('coupon').find((coupon) => coupon.code === code);
  }
  async *listCoupons() {
    yield* this.all('coupon');
  }
  async archiveCoupon(): Promise<void> {}

  async createCustomer(attrs: JsonObject, intent: CreateIntent) {
    this.record('/customers.json', 'customer', attrs, intent);
    return this.store('customer', attrs);
  }
  async readCustomer(customerId: number) {
    return this.all('customer').find((customer) => customer.id === customerId);
  }
  async findCustomerByReference(reference: string) {
    return this.all('customer').find((customer) => customer.reference === reference);
  }
  async updateCustomer(customerId: number, attrs: JsonObject) {
    return { ...(await this.readCustomer(customerId)), ...attrs };
  }
  async deleteCustomer(): Promise<void> {}
  async *listCustomers() {
    yield* this.all('customer');
  }
  async listCustomerSubscriptions(customerId: number) {
    return this.all('subscription').filter((subscription) => (subscription.customer as JsonObject).id === customerId);
  }

  async createPaymentProfile(attrs: JsonObject, intent: CreateIntent) {
    this.record('/payment_profiles.json', 'payment_profile', attrs, intent);
    return this.store('payment_profile', attrs);
  }

  async createSubscription(attrs: JsonObject, intent: CreateIntent) {
    this.record('/subscriptions.json', 'subscription', attrs, intent);
    const customer = attrs.customer_attributes ? this.store('customer', attrs.customer_attributes as JsonObject) : await this.readCustomer(Number(attrs.customer_id));
    const product = await this.findProductByHandle(String(attrs.product_handle));
    return this.store('subscription', {
      ...attrs,
      customer: customer ?? null,
      product: { handle: String(attrs.product_handle), price_in_cents: product?.price_in_cents ?? 0 },
      currency: String(attrs.currency ?? 'USD'),
      credit_balance_in_cents: 0,
      prepayment_balance_in_cents: 0,
    });
  }
  async readSubscription(subscriptionId: number) {
    return this.all('subscription').find((subscription) => subscription.id === subscriptionId);
  }
  async findSubscriptionByReference(reference: string) {
    return this.all('subscription').find((subscription) => subscription.reference === reference);
  }
  async updateSubscription(subscriptionId: number, attrs: JsonObject) {
    return { ...(await this.readSubscription(subscriptionId)), ...attrs };
  }
  async *listSubscriptions() {
    yield* this.all('subscription');
  }
  async listSubscriptionComponents() {
    return [];
  }
  async purgeSubscription(): Promise<void> {}
  async cancelSubscription(): Promise<void> {}
  async previewRenewal(subscriptionId: number) {
    const subscription = await this.readSubscription(subscriptionId);
    return { total_in_cents: (subscription?.product as JsonObject | undefined)?.price_in_cents ?? 0 };
  }
  async issueServiceCredit(subscriptionId: number, amount: string, memo: string, intent: CreateIntent) {
    this.record(`/subscriptions/${subscriptionId}/service_credits.json`, 'service_credit', { amount, memo }, intent);
    const subscription = (await this.readSubscription(subscriptionId))!;
    subscription.credit_balance_in_cents = new Decimal(amount).times(100).plus(Number(subscription.credit_balance_in_cents)).toNumber();
    return this.store('service_credit', { amount, memo });
  }
  async createPrepayment(subscriptionId: number, amount: string, memo: string, intent: CreateIntent) {
    this.calls.push({ method: 'POST', path: `/subscriptions/${subscriptionId}/prepayments.json`, body: { prepayment: { amount: Number(amount), details: memo, memo, method: 'other' } }, intent });
    const subscription = (await this.readSubscription(subscriptionId))!;
    subscription.prepayment_balance_in_cents = new Decimal(amount).times(100).plus(Number(subscription.prepayment_balance_in_cents)).toNumber();
    return this.store('prepayment', { amount, memo });
  }

  async createInvoice(subscriptionId: number, attrs: JsonObject, intent: CreateIntent) {
    this.record(`/subscriptions/${subscriptionId}/invoices.json`, 'invoice', attrs, intent);
    const items = attrs.line_items as JsonObject[];
    const total = items.reduce((sum, item) => sum.plus(new Decimal(String(item.quantity)).times(String(item.unit_price))), new Decimal(0));
    return this.store('invoice', { ...attrs, uid: `inv_${this.nextId}`, subscription_id: subscriptionId, total_amount: total.toFixed(2) });
  }
  async readInvoice(uid: string) {
    return this.all('invoice').find((invoice) => invoice.uid === uid);
  }
  async *listInvoices() {
    yield* this.all('invoice');
  }
  async voidInvoice(): Promise<void> {}

  async ensureMetafields(): Promise<void> {}
  async setMetadata(resourceType: 'customers' | 'subscriptions', resourceId: number, values: Record<string, string>) {
    this.metadata.set(`${resourceType}/${resourceId}`, { ...this.metadata.get(`${resourceType}/${resourceId}`), ...values });
  }
  async listMetadata(resourceType: 'customers' | 'subscriptions', resourceId: number) {
    return this.metadata.get(`${resourceType}/${resourceId}`) ?? {};
  }
  async close(): Promise<void> {}
}
