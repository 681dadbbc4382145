// Builds an ImportStep from its parts so every module names and keys its objects the same way:
// naturalKey `${type}:${key}` and the ref it provides `{ type, key }`.
import { TargetError } from '../../errors.js';
import type { CreateIntent, JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { Fields, Operation } from '../../plan/operation.js';
import type { OperationHandler } from '../../targets/advanced-billing/operations/handler.js';
import type { ImportStep, ObjectRef, ObjectType, Resolver, SourceRow, StepOutcome } from '../types.js';
import type { RowError } from '../../plan/row-error.js';

interface StepParts {
  type: ObjectType;
  key: string;
  source: SourceRow;
  dependsOn: ObjectRef[];
  create(target: Target, resolver: Resolver, intent: (lookup?: () => Promise<JsonObject | undefined>) => CreateIntent): Promise<StepOutcome>;
  find(target: Target, resolver: Resolver): Promise<StepOutcome | undefined>;
  /** What completes the object after its create (see ImportStep.finish); run after every create too. */
  finish?(target: Target, resolver: Resolver, outcome: StepOutcome): Promise<void>;
}

/**
 * The step that applies a neutral operation through its Advanced Billing handler: the bridge that lets
 * the engine run operations (data) while every kind moves from closures to mapping + handler.
 */
export function operationStep<F extends Fields>(operation: Operation<F>, handler: OperationHandler<F>): ImportStep {
  const step = defineStep({
    type: operation.kind,
    key: operation.key,
    source: operation.source,
    dependsOn: operation.dependsOn,
    create: (target, resolver, intent) => handler.create(target, operation, resolver, intent),
    find: (target, resolver) => handler.find(target, operation, resolver),
    ...(handler.finish ? { finish: (target: Target, resolver: Resolver, outcome: StepOutcome) => handler.finish!(target, operation, resolver, outcome) } : {}),
  });
  return { ...step, operation: operation as Operation };
}

export function defineStep(parts: StepParts): ImportStep {
  const naturalKey = `${parts.type}:${parts.key}`;
  const dependsOn = dedupeRefs(parts.dependsOn);
  return {
    type: parts.type,
    naturalKey,
    source: parts.source,
    dependsOn,
    provides: { type: parts.type, key: parts.key },
    async create(target, resolver, token) {
      const outcome = await parts.create(target, resolver, (lookup) => ({ naturalKey, lookup, ...(token === undefined ? {} : { token }) }));
      await parts.finish?.(target, resolver, outcome);
      return outcome;
    },
    find: (target, resolver) => parts.find(target, resolver),
    finish: async (target, resolver, outcome) => parts.finish?.(target, resolver, outcome),
  };
}

function dedupeRefs(refs: ObjectRef[]): ObjectRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const id = `${ref.type}:${ref.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The numeric id of an API object (ids arrive as numbers; a string id is accepted if it is all digits). */
export function objectId(object: JsonObject): number {
  const id = object.id;
  if (typeof id === 'number') return id;
  if (typeof id === 'string' && /^\d+$/.test(id)) return Number(id);
  // Only the field names: the answer may hold a payment token.
  throw new TargetError('unexpected-answer', `the site answered a create or lookup without an object id (fields: ${Object.keys(object).join(', ')})`);
}

/** The id of an object the API embeds in another's answer (a subscription's `customer`, `bank_account`). */
export function embeddedId(object: JsonObject, key: string): number {
  const embedded = object[key];
  if (typeof embedded !== 'object' || embedded === null || Array.isArray(embedded)) {
    throw new TargetError('unexpected-answer', `the site answered without the ${key} it was sent (fields: ${Object.keys(object).join(', ')})`);
  }
  return objectId(embedded);
}

/** The steps one row yields, or why it yields none. */
export interface RowSteps {
  row: SourceRow;
  steps: ImportStep[];
  /** Why the row cannot be imported; it yields no steps then. */
  error?: RowError;
}
