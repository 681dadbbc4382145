// The uniqueness token of a step's create is derived before the create, from the site, the step's
// natural key and its row's cells, so the journal records it with the intent (exactly-once audit).
import type { Target } from '../targets/advanced-billing/api.js';
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
