// The seam between the import engine (plan, execute, journal, results) and the per-template
// mapping of rows onto site objects (src/importer/steps/). Neither knows the other's internals.
import type { Target, JsonObject } from '../targets/advanced-billing/api.js';

export { OBJECT_TYPES, type ObjectRef, type ObjectType, type SourceRow, type StepOutcome } from '../plan/operation.js';
import type { ObjectRef, ObjectType, Operation, SourceRow, StepOutcome } from '../plan/operation.js';

/** Turns refs into site ids: objects created earlier in this run, recorded in the journal, or already on the site. */
export interface Resolver {
  /** The site id of the object; throws a RowError-like error naming the ref when it cannot be found. */
  id(ref: ObjectRef): Promise<number>;
  /** The site object (cached), for steps that need more than the id (e.g. a price point's handle). */
  object?(ref: ObjectRef): Promise<JsonObject | undefined>;
}

/** One object to create on the site for a row. A row may yield several (customer, payment profile, subscription…). */
export interface ImportStep {
  type: ObjectType;
  /** The operation as data (what --dry-run prints and resync diffs); every kind will carry one. */
  operation?: Operation;
  /** Unique per site across runs: `${type}:${natural key}`; the journal's key and the uniqueness-token seed. */
  naturalKey: string;
  source: SourceRow;
  /** Objects that must exist first (created in this run or already on the site). */
  dependsOn: ObjectRef[];
  /** The ref other steps use to depend on this one (e.g. {type:'customer', key: reference}). */
  provides: ObjectRef;
  /**
   * Creates the object through the target; idempotent through the CreateIntent it passes, which
   * carries `token` (the uniqueness token the engine journaled with its intent) when given.
   */
  create(target: Target, resolver: Resolver, token?: string): Promise<StepOutcome>;
  /** Finds the object if it already exists on the site (reconciling an unfinished intent), else undefined. */
  find(target: Target, resolver: Resolver): Promise<StepOutcome | undefined>;
  /**
   * The calls that complete the object after its create, for what the create operation cannot carry
   * (Update Customer's verified, a promoted default price point…). `create` makes them itself;
   * reconciling runs them again on an object an interrupted create left behind, so a crash between the
   * create and them never loses a column. Idempotent.
   */
  finish(target: Target, resolver: Resolver, outcome: StepOutcome): Promise<void>;
}
