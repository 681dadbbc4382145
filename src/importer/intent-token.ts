// The uniqueness token of an operation's create is derived before the create, from the site, the operation's
// natural key and its row's cells, so the journal records it with the intent (exactly-once audit).
import { naturalKeyOf, type Operation } from '../plan/operation.js';
import type { Target } from '../targets/target.js';

/**
 * The token an operation's create sends: the same for the same site, object and row content, in any
 * run. After an erase (`erasedAt` from the journal) it differs, because the site remembers the erased
 * object's token for an hour and would refuse the re-create as a duplicate. Undefined for a target
 * without uniqueness tokens (`supports.uniquenessTokens`): its creates are reconciled by `find` alone.
 */
export function operationToken(target: Target, operation: Operation, erasedAt?: string): string | undefined {
  if (!target.supports.uniquenessTokens) return undefined;
  const content = erasedAt === undefined ? operation.source.values : { row: operation.source.values, erasedAt };
  return target.uniquenessToken(naturalKeyOf(operation), content);
}
