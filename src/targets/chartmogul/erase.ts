// Erase on ChartMogul: the neutral Target's record and removal calls, kept inside the configured data
// source. A subscription is its opening invoice; deleting a customer takes its invoices (and so its
// subscriptions) along; "void" deletes an invoice (the API voids none); a plan goes only when no
// invoice of the data source uses it; clearing the site deletes the data source.
import { TargetError } from '../../errors.js';
import type { CatalogItemKind, CatalogItemRecord, CustomerRecord, SubscriptionRecord } from '../records.js';
import type { ChartMogulApi, DataSource, JsonObject } from './api.js';
import { ChartMogulError } from './client/errors.js';

/** What the eraser needs of its target: the API and the configured data source. */
export interface EraseScope {
  api: ChartMogulApi;
  dataSource(): Promise<DataSource>;
  /** Forgets the data source found or created, once it was deleted. */
  forgetDataSource(): void;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function customerRecord(customer: JsonObject): CustomerRecord {
  const reference = text(customer.external_id);
  const email = text(customer.email);
  return { id: String(customer.uuid), ...(reference !== undefined ? { reference } : {}), ...(email !== undefined ? { email } : {}) };
}

/** A 404 on a removal: the object is already gone, which is what was wanted. */
function isGone(error: unknown): boolean {
  return error instanceof ChartMogulError && error.status === 404;
}

async function removing(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

export class ChartMogulEraser {
  constructor(private readonly scope: EraseScope) {}

  private async dataSourceUuid(): Promise<string> {
    return (await this.scope.dataSource()).uuid;
  }

  /** The customer by uuid, only when it is in the configured data source: erase never reaches into another. */
  private async customerInSource(uuid: string): Promise<JsonObject | undefined> {
    const customer = await this.scope.api.readCustomer(uuid);
    return customer !== undefined && customer.data_source_uuid === (await this.dataSourceUuid()) ? customer : undefined;
  }

  async readCustomer(id: string): Promise<CustomerRecord | undefined> {
    const customer = await this.customerInSource(id);
    return customer === undefined ? undefined : customerRecord(customer);
  }

  async findCustomer(reference: string): Promise<CustomerRecord | undefined> {
    const customer = await this.scope.api.findCustomer(await this.dataSourceUuid(), reference);
    return customer === undefined ? undefined : customerRecord(customer);
  }

  async *listCustomers(): AsyncIterable<CustomerRecord> {
    for await (const customer of this.scope.api.listCustomers(await this.dataSourceUuid())) yield customerRecord(customer);
  }

  async deleteCustomer(id: string): Promise<void> {
    await removing(() => this.scope.api.deleteCustomer(id));
  }

  /** The opening invoice a subscription was imported as, read back as a subscription of its customer in the data source. */
  async readSubscription(id: string): Promise<SubscriptionRecord | undefined> {
    const invoice = await this.scope.api.readInvoice(id);
    if (invoice === undefined) return undefined;
    const customer = await this.customerInSource(String(invoice.customer_uuid ?? ''));
    if (customer === undefined) return undefined;
    const items = Array.isArray(invoice.line_items) ? (invoice.line_items as JsonObject[]) : [];
    const item = items.find((line) => line.type === 'subscription');
    const plan = typeof item?.plan_uuid === 'string' ? await this.scope.api.readPlan(item.plan_uuid) : undefined;
    const reference = text(item?.subscription_external_id);
    const productHandle = text(plan?.external_id)?.split('/')[0];
    const owner = customerRecord(customer);
    return {
      id,
      ...(reference !== undefined ? { reference } : {}),
      ...(productHandle !== undefined ? { productHandle } : {}),
      customer: { id: owner.id, ...(owner.reference !== undefined ? { reference: owner.reference } : {}), ...(owner.email !== undefined ? { email: owner.email } : {}) },
    };
  }

  /** Deletes the opening invoice, or with 'customer' its customer (which takes every invoice of the customer along). */
  async removeSubscription(id: string, cascade: Array<'customer' | 'payment_profile'>): Promise<void> {
    if (cascade.includes('customer')) {
      const invoice = await this.scope.api.readInvoice(id);
      const customer = invoice === undefined ? undefined : await this.customerInSource(String(invoice.customer_uuid ?? ''));
      if (customer !== undefined) return this.deleteCustomer(String(customer.uuid));
    }
    await removing(() => this.scope.api.deleteInvoice(id));
  }

  /** ChartMogul's API voids no invoice: erase deletes it (its customer stays). */
  async voidInvoice(uid: string): Promise<void> {
    await removing(() => this.scope.api.deleteInvoice(uid));
  }

  /** A plan by its external id (`product/price point`); ChartMogul has no products, components or coupons. */
  async findCatalogItem(kind: CatalogItemKind, key: string): Promise<CatalogItemRecord | undefined> {
    if (kind !== 'product') return undefined;
    const plan = await this.scope.api.findPlan(await this.dataSourceUuid(), key);
    return plan === undefined ? undefined : { kind, id: String(plan.uuid), archived: false, familyId: '' };
  }

  /**
   * Deletes the plan, unless an invoice of the data source still uses it: ChartMogul would derive no
   * subscription from such an invoice any more, so the plan stays and the erase says why.
   */
  async archiveCatalogItem(item: CatalogItemRecord): Promise<void> {
    let users = 0;
    for await (const invoice of this.scope.api.listInvoices(await this.dataSourceUuid())) {
      const items = Array.isArray(invoice.line_items) ? (invoice.line_items as JsonObject[]) : [];
      if (items.some((line) => line.plan_uuid === item.id)) users += 1;
    }
    if (users > 0) {
      throw new TargetError('plan-in-use', `plan ${item.id} is used by ${users} invoice(s) of the data source; not deleted`, {
        rowLevel: true,
        messages: [`the plan is used by ${users} invoice(s) the toolkit did not import; not deleted`],
      });
    }
    await removing(() => this.scope.api.deletePlan(item.id));
  }

  /** Deletes the configured data source with everything in it (ChartMogul's "Delete this data source"). */
  async clearSite(scope: 'all' | 'customers'): Promise<void> {
    if (scope !== 'all') throw new TypeError('ChartMogul deletes its data source whole (eraseScopes.cleanups is all)');
    const source = await this.scope.dataSource();
    await removing(() => this.scope.api.deleteDataSource(source.uuid));
    this.scope.forgetDataSource();
  }
}
