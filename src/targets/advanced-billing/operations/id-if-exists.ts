// Finding an object whose parent may not exist yet: a `find` before anything was created asks for
// the parent's id and must get "nothing there" rather than an error.
import { TargetError } from '../../../errors.js';
import type { ObjectRef } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';
import { siteId } from './lookup.js';

/** The id of a ref, or undefined when it names nothing yet (a find before the object was created). */
export async function idIfExists(resolver: Resolver, ref: ObjectRef): Promise<number | undefined> {
  try {
    return await siteId(resolver, ref);
  } catch (error) {
    if (error instanceof TargetError) throw error;
    return undefined;
  }
}
