// How the Advanced Billing adapter applies one kind of neutral operation: the calls that create it
// (idempotent through the CreateIntent), find it again (reconciling an interrupted create, resync),
// and complete it after the create with what the create call cannot carry.
import type { Fields, Operation, StepOutcome } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';
import type { AdvancedBillingApi, CreateIntent, JsonObject } from '../api.js';

/** Builds the intent of a create: the natural key, the uniqueness token, and how to find an earlier attempt. */
export type IntentFor = (lookup?: () => Promise<JsonObject | undefined>) => CreateIntent;

export interface OperationHandler<F extends Fields = Fields> {
  create(api: AdvancedBillingApi, operation: Operation<F>, resolver: Resolver, intent: IntentFor): Promise<StepOutcome>;
  find(api: AdvancedBillingApi, operation: Operation<F>, resolver: Resolver): Promise<StepOutcome | undefined>;
  /** The calls that complete the object after its create; run after every create and again when reconciling. Idempotent. */
  finish?(api: AdvancedBillingApi, operation: Operation<F>, resolver: Resolver, outcome: StepOutcome): Promise<void>;
}
