// What resync asks of a target beyond updating fields, where the site has it: customers people merged
// there (followed to the one that survives, never unmerged), and billing kept as imported history that
// cannot be edited (imported again, one customer at a time).
import type { ObjectRef, Operation, StepOutcome } from '../plan/operation.js';
import type { Resolver } from './target.js';

/** A customer on the site, as resync names it in reports. */
export interface SiteCustomer {
  id: string;
  link: string;
}

export interface MergedCustomer {
  /**
   * The customer the operation's row names (its own, or its subscription's), when on the site it was
   * merged into `siteCustomerId` (where its key leads now): the customer that survives; undefined when
   * it was not merged.
   */
  survivor(operation: Operation, siteCustomerId: string): Promise<SiteCustomer | undefined>;
}

/** What the journal says an object's billing was imported as. */
export interface ImportedBilling {
  applied?: Record<string, string>;
  nextRenewal?: string;
  amount?: string;
}

/** One thing about an object's billing that differs from what was imported: its amount, plan, period… */
export interface BillingChange {
  field: string;
  base: string;
  template: string;
}

export interface BillingHistory {
  /** What differs between the billing the operation imports now (`now`, as `find` read it) and what was imported; [] when nothing. */
  changes(operation: Operation, imported: ImportedBilling, now: StepOutcome): BillingChange[];
  /** The customer whose billing holds the object imported as `id` (followed through merges); undefined when the object is gone. */
  holder(operation: Operation, id: string): Promise<SiteCustomer | undefined>;
  /** What the customer's billing holds, as refs to the objects imported (a subscription by its key, an invoice by its id). */
  held(customerId: string): Promise<ObjectRef[]>;
  /** Deletes the customer's billing; the customer record stays, with what people added to it. */
  clear(customerId: string): Promise<void>;
  /** Imports the operation's billing again for the customer, as the templates price it now. */
  importFor(customerId: string, operation: Operation, resolver: Resolver): Promise<StepOutcome>;
}
