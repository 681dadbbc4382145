// `erase --scope customers` (every customer on the site and its subscriptions, whoever created them)
// and `--scope site` (the site's clear-data call); test sites only. Afterwards the journal is brought
// in line: what the site no longer holds is journaled as erased, so a re-import creates it again.
import { InputError } from '../errors.js';
import type { ObjectType } from '../plan/operation.js';
import type { Journal, JournalObject } from '../state/journal.js';
import type { CustomerRecord, Target } from '../targets/target.js';
import { runPool, settleEach } from '../importer/pool.js';
import { recordErased } from './record.js';

export interface SiteCustomer {
  id: string;
  /** Reference, else email: how people recognise the customer. */
  label: string;
  subscriptionIds: string[];
}

export interface CustomerResult {
  customer: SiteCustomer;
  status: 'erased' | 'gone' | 'failed' | 'pending';
  message?: string;
}

const CUSTOMER_SIDE: ReadonlySet<ObjectType> = new Set(['customer', 'payment_profile', 'subscription', 'service_credit', 'prepayment', 'invoice']);

/**
 * The customers to erase with the ids of their subscriptions: every customer on the site, or only
 * those named (by reference, or by site id when all digits) — one by one, as people remove a
 * customer added by hand. A name that matches no customer is an InputError: nothing is sent.
 */
export async function listSiteCustomers(target: Target, concurrency: number, named: readonly string[] = []): Promise<SiteCustomer[]> {
  const customers: CustomerRecord[] = [];
  if (named.length === 0) {
    for await (const customer of target.listCustomers()) customers.push(customer);
  }
  for (const name of named) {
    const customer = (await target.findCustomer(name)) ?? (/^\d+$/.test(name) ? await target.readCustomer(name) : undefined);
    if (customer === undefined) {
      throw new InputError('unknown-customer', `No customer with reference or id "${name}" on ${target.baseUrl}; nothing was erased.`, {
        hint: 'Give the customer reference as the site shows it (or its numeric id).',
      });
    }
    customers.push(customer);
  }
  const listed: SiteCustomer[] = customers.map((customer) => ({
    id: customer.id,
    label: customer.reference ?? customer.email ?? String(customer.id),
    subscriptionIds: [],
  }));
  await runPool(listed, concurrency, () => false, async (customer) => {
    customer.subscriptionIds = (await target.customerSubscriptionIds(customer.id)).sort(byId);
  });
  return listed;
}

/** Ids in the site's order: numbers by value (Advanced Billing's), other ids as text. */
function byId(a: string, b: string): number {
  return /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a.localeCompare(b);
}

/** Purges each customer's subscriptions (the last one takes the customer along) or deletes a customer without any. */
export async function eraseSiteCustomers(
  target: Target,
  customers: SiteCustomer[],
  options: { concurrency: number; signal?: AbortSignal; onSettled?: (result: CustomerResult) => void },
): Promise<{ results: CustomerResult[]; fatal?: unknown; interrupted: boolean }> {
  const { results, fatal } = await settleEach(
    customers,
    options,
    async (customer): Promise<CustomerResult> => {
      if ((await target.readCustomer(customer.id)) === undefined) return { customer, status: 'gone', message: 'no longer on the site' };
      // Subscriptions added since the plan was shown go too: the customer cannot be deleted with them.
      const subscriptions = await target.customerSubscriptionIds(customer.id);
      for (const [index, id] of subscriptions.entries()) {
        await target.removeSubscription(id, index === subscriptions.length - 1 ? ['customer', 'payment_profile'] : ['payment_profile']);
      }
      if (subscriptions.length === 0) await target.deleteCustomer(customer.id);
      return { customer, status: 'erased', message: subscriptions.length > 0 ? `purged with ${subscriptions.length} subscription(s)` : 'deleted' };
    },
    (customer, message): CustomerResult => ({ customer, status: 'failed', message }),
  );
  return {
    results: customers.map((customer) => results.get(customer) ?? { customer, status: 'pending' }),
    ...(fatal !== undefined ? { fatal } : {}),
    interrupted: options.signal?.aborted === true,
  };
}

/**
 * After customers were erased: journaled customer-side objects whose customer or subscription the
 * site no longer has are journaled as erased. Each is checked on the site, so a customer that could
 * not be deleted keeps its journal entries.
 */
export async function syncJournalAfterCustomers(journal: Journal, target: Target, concurrency: number): Promise<number> {
  const live = [...journal.objects().values()].filter((object) => object.state === 'done' && CUSTOMER_SIDE.has(object.type));
  const gone: JournalObject[] = [];
  const goneKeys = new Set<string>();
  const check = async (object: JournalObject): Promise<void> => {
    const present =
      object.type === 'customer'
        ? await target.readCustomer(String(object.id))
        : object.type === 'subscription'
          ? await target.readSubscription(String(object.id))
          : object.type === 'invoice'
            ? await target.readInvoice(String(object.id))
            : undefined;
    if (present === undefined) {
      gone.push(object);
      goneKeys.add(object.naturalKey);
    }
  };
  await runPool(live.filter((object) => ['customer', 'subscription', 'invoice'].includes(object.type)), concurrency, () => false, check);
  // Payment profiles go with their customer, balances with their subscription (same natural key).
  for (const object of live) {
    const key = object.naturalKey.slice(object.type.length + 1);
    if (object.type === 'payment_profile' && goneKeys.has(`customer:${key}`)) gone.push(object);
    if ((object.type === 'service_credit' || object.type === 'prepayment') && goneKeys.has(`subscription:${key}`)) gone.push(object);
  }
  await recordErased(journal, gone);
  return gone.length;
}

/** After a clear-data call the site holds none of the cleared objects: the journal says so too (unsettled creates included). */
export async function syncJournalAfterClear(journal: Journal, cleanup: 'all' | 'customers'): Promise<number> {
  const cleared = [...journal.objects().values()].filter(
    (object) => (object.state === 'done' || object.state === 'intent') && (cleanup === 'all' || CUSTOMER_SIDE.has(object.type)),
  );
  await recordErased(journal, cleared);
  return cleared.length;
}
