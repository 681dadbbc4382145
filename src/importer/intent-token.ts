// The uniqueness token of a step's create is derived before the create, from the site, the step's
// natural key and its row's cells, so the journal records it with the intent (exactly-once audit).
import type { CreateIntent, Target } from '../target/types.js';
import type { ImportStep } from './types.js';

/**
 * The token a step's own create sends: the same for the same site, object and row content, in any
 * run. After an erase (`erasedAt` from the journal) it differs, because the site remembers the erased
 * object's token for an hour and would refuse the re-create as a duplicate.
 */
export function stepToken(target: Target, step: ImportStep, erasedAt?: string): string {
  const content = erasedAt === undefined ? step.source.values : { row: step.source.values, erasedAt };
  return target.uniquenessToken(step.naturalKey, content);
}

function isIntentFor(value: unknown, naturalKey: string): value is CreateIntent {
  return typeof value === 'object' && value !== null && (value as CreateIntent).naturalKey === naturalKey;
}

/**
 * The target as a step sees it: its create of `naturalKey` carries `token`. Steps build their own
 * CreateIntents, so the token is added on the way through rather than threaded through every mapping.
 */
export function withStepToken(target: Target, naturalKey: string, token: string): Target {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => unknown).apply(
          object,
          args.map((arg) => (isIntentFor(arg, naturalKey) && arg.token === undefined ? { ...arg, token } : arg)),
        );
    },
  });
}
