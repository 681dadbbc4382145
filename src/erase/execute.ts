// Carries out an imported-scope erase plan: each object is read first (gone = already erased; a
// different object under the same key = changed outside the toolkit, left alone), then voided,
// purged, deleted, archived or canceled, and journaled as erased once the site confirms it.
import type { Journal, JournalObject } from '../state/journal.js';
import type { SubscriptionRecord, Target } from '../targets/target.js';
import { keyOf, type EraseItem } from './plan.js';
import { settleEach } from '../importer/pool.js';
import { recordErased } from './record.js';

export type EraseStatus = 'erased' | 'gone' | 'canceled' | 'failed' | 'pending';

export interface EraseResult {
  item: EraseItem;
  status: EraseStatus;
  message?: string;
}

export interface EraseExecution {
  results: EraseResult[];
  /** The failure that stopped the run (authentication, unreachable, 5xx after retries). */
  fatal?: unknown;
  interrupted: boolean;
}

export interface ExecuteEraseOptions {
  target: Target;
  journal: Journal;
  concurrency: number;
  signal?: AbortSignal;
  onSettled?: (result: EraseResult) => void;
}

const VOID_REASON = 'Erased by migrate erase: the imported data is being replaced.';

/** Why the site's object under this id is not the one the journal recorded, or undefined when it is. */
function subscriptionMismatch(key: string, subscription: SubscriptionRecord): string | undefined {
  const { customer } = subscription;
  if (!key.includes('/')) {
    return subscription.reference === key ? undefined : `its reference is now "${subscription.reference ?? ''}"`;
  }
  const [who, handle] = key.split('/');
  const sameCustomer = customer.reference === who || (customer.email !== undefined && customer.email.toLowerCase() === who);
  if (!sameCustomer) return `it now belongs to customer "${customer.reference ?? customer.email ?? ''}"`;
  return subscription.productHandle === handle ? undefined : `it is now on product "${subscription.productHandle ?? ''}"`;
}

/** The journaled id as the target's text (a journal written when ids were numbers reads the same). */
function idOf(object: JournalObject): string {
  return String(object.id);
}

class ItemEraser {
  /** Customers a purge's cascade removed in this run: not "already gone" but erased with their subscription. */
  private readonly cascaded = new Set<string>();

  constructor(
    private readonly target: Target,
    private readonly journal: Journal,
    /** Natural keys this erase removes (with --run, one run's objects): a cascade may take only these along. */
    private readonly planned: ReadonlySet<string>,
  ) {}

  async erase(item: EraseItem): Promise<EraseResult> {
    switch (item.operation) {
      case 'void':
        return this.voidInvoice(item);
      case 'purge':
        return this.purgeSubscription(item);
      case 'cancel':
        return this.cancelSubscription(item);
      case 'delete':
        return this.deleteCustomer(item);
      case 'archive':
        return this.archive(item);
    }
  }

  private async done(item: EraseItem, status: 'erased' | 'gone', message?: string): Promise<EraseResult> {
    await recordErased(this.journal, [item.object, ...item.companions]);
    return { item, status, ...(message ? { message } : {}) };
  }

  private async voidInvoice(item: EraseItem): Promise<EraseResult> {
    const uid = String(item.object.id);
    const invoice = await this.target.readInvoice(uid);
    if (invoice === undefined) return this.done(item, 'gone', 'no longer on the site');
    if (invoice.voided) return this.done(item, 'gone', 'already voided');
    await this.target.voidInvoice(uid, VOID_REASON);
    return this.done(item, 'erased', 'voided');
  }

  private async purgeSubscription(item: EraseItem): Promise<EraseResult> {
    const id = idOf(item.object);
    const subscription = await this.target.readSubscription(id);
    if (subscription === undefined) return this.done(item, 'gone', 'no longer on the site');
    const mismatch = subscriptionMismatch(item.key, subscription);
    if (mismatch) return { item, status: 'failed', message: `subscription ${id} was changed on the site (${mismatch}); not erased` };
    const customerId = subscription.customer.id;
    const profileId = subscription.paymentProfileId;
    const journaled = [...this.journal.objects().values()].filter((object) => object.state === 'done' && this.planned.has(object.naturalKey));
    // A standard row creates its customer and profile inside the subscription call; advanced rows name
    // a customer that only goes too when the journal says the toolkit created it (and this erase covers it).
    const inline = item.object.kind.startsWith('subscriptions-standard');
    const ownCustomer = inline || journaled.some((object) => object.type === 'customer' && String(object.id) === customerId);
    const ownProfile = inline || journaled.some((object) => object.type === 'payment_profile' && String(object.id) === profileId);
    const cascade: Array<'customer' | 'payment_profile'> = [];
    if (ownCustomer) cascade.push('customer');
    if (ownProfile || ownCustomer) cascade.push('payment_profile');
    await this.target.removeSubscription(id, cascade);
    const result = await this.done(item, 'erased', cascade.length > 0 ? `purged with its ${cascade.join(' and ').replace('_', ' ')}` : 'purged');
    if (ownCustomer && customerId !== undefined && (await this.target.readCustomer(customerId)) === undefined) {
      this.cascaded.add(customerId);
      // The cascade took a journaled customer along: record it now, so no later run believes it exists.
      const customer = journaled.find((object) => object.type === 'customer' && String(object.id) === customerId);
      if (customer) {
        const profiles = journaled.filter((object) => object.type === 'payment_profile' && keyOf(object) === keyOf(customer));
        await recordErased(this.journal, [customer, ...profiles]);
      }
    }
    return result;
  }

  private async cancelSubscription(item: EraseItem): Promise<EraseResult> {
    const id = idOf(item.object);
    const subscription = await this.target.readSubscription(id);
    if (subscription === undefined) return this.done(item, 'gone', 'no longer on the site');
    const mismatch = subscriptionMismatch(item.key, subscription);
    if (mismatch) return { item, status: 'failed', message: `subscription ${id} was changed on the site (${mismatch}); not canceled` };
    // A canceled subscription stays on the site and in the journal as imported: a re-import must not create it again.
    if (subscription.state === 'canceled') return { item, status: 'canceled', message: 'already canceled' };
    await this.target.cancelSubscription(id);
    return { item, status: 'canceled', message: 'canceled' };
  }

  private async deleteCustomer(item: EraseItem): Promise<EraseResult> {
    const id = idOf(item.object);
    const customer = await this.target.readCustomer(id);
    if (customer === undefined && this.cascaded.has(id)) return this.done(item, 'erased', 'purged with its subscription');
    if (customer === undefined) return this.done(item, 'gone', 'no longer on the site');
    if (customer.reference !== item.key) {
      return { item, status: 'failed', message: `customer ${id} was changed on the site (its reference is now "${customer.reference ?? ''}"); not deleted` };
    }
    await this.target.deleteCustomer(id);
    return this.done(item, 'erased', 'deleted');
  }

  private async archive(item: EraseItem): Promise<EraseResult> {
    const id = idOf(item.object);
    const { type } = item.object;
    const found = await this.target.findCatalogItem(type === 'coupon' || type === 'component' ? type : 'product', item.key);
    // Archiving frees the handle on the site, so another object may hold it now: ours is gone from view.
    if (found === undefined || found.id !== id) return this.done(item, 'gone', 'no longer on the site');
    if (found.archived) return this.done(item, 'gone', 'already archived');
    await this.target.archiveCatalogItem(found);
    return this.done(item, 'erased', 'archived');
  }
}

/**
 * Runs the items type by type, in the order the plan gives them (the target's erase order), several at a time within a type. A
 * refusal of one object is that object's failure; anything else (401, 5xx, unreachable) stops the run
 * and leaves the rest pending — nothing is journaled as erased that the site has not confirmed.
 */
export async function executeErase(items: EraseItem[], options: ExecuteEraseOptions): Promise<EraseExecution> {
  const planned = new Set(items.flatMap((item) => [item.object.naturalKey, ...item.companions.map((companion) => companion.naturalKey)]));
  const eraser = new ItemEraser(options.target, options.journal, planned);
  const results = new Map<EraseItem, EraseResult>();
  let fatal: unknown;
  const phases = [...new Set(items.map((item) => item.object.type))];
  for (const type of phases) {
    const phase = items.filter((item) => item.object.type === type);
    const settled = await settleEach(phase, options, (item) => eraser.erase(item), (item, message): EraseResult => ({ item, status: 'failed', message }));
    for (const [item, result] of settled.results) results.set(item, result);
    fatal = settled.fatal;
    if (fatal !== undefined || options.signal?.aborted === true) break;
  }
  return {
    results: items.map((item) => results.get(item) ?? { item, status: 'pending' }),
    ...(fatal !== undefined ? { fatal } : {}),
    interrupted: options.signal?.aborted === true,
  };
}
