// How the ChartMogul adapter applies one kind of neutral operation: the create (which reconciles an
// "already exists" answer by finding the object, never creating it twice), the find, and what
// completes the object after its create.
import type { Fields, Operation, StepOutcome } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';
import type { ChartMogulContext } from './context.js';

export interface ChartMogulHandler<F extends Fields = Fields> {
  create(context: ChartMogulContext, operation: Operation<F>, resolver: Resolver): Promise<StepOutcome>;
  find(context: ChartMogulContext, operation: Operation<F>, resolver: Resolver): Promise<StepOutcome | undefined>;
  /** Idempotent; run after every create and again when reconciling. */
  finish?(context: ChartMogulContext, operation: Operation<F>, resolver: Resolver, outcome: StepOutcome): Promise<void>;
}

/**
 * Creates through `create`; when ChartMogul answers that the external id is already taken (an earlier
 * attempt went through, or another run made it), answers what `find` finds instead.
 */
export async function createOnce<T>(create: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const found = await find();
    if (found === undefined) throw error;
    return found;
  }
}

function isAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { alreadyExists?: unknown }).alreadyExists === true;
}
