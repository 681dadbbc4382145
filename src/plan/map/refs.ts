// Cells that name another object, by site ID or by natural key (handle, reference, code): pure, so the
// mapping can say what a row depends on; resolving a ref to a site id happens when the plan is applied.
import type { ObjectRef, ObjectType } from '../operation.js';

/** A cell's referent: a site ID written as digits, or a ref to resolve at run time. */
export type IdOrRef = { id: number } | { ref: ObjectRef };

export function idOrRef(type: ObjectType, value: string): IdOrRef {
  return /^\d+$/.test(value) ? { id: Number(value) } : { ref: { type, key: value } };
}

/** The refs among these (site IDs need no ordering: they exist already). */
export function refsOf(items: ReadonlyArray<IdOrRef | undefined>): ObjectRef[] {
  return items.flatMap((item) => (item && 'ref' in item ? [item.ref] : []));
}

/** Key of a price point or segment under its parent: `${parent handle}/${own handle}`. */
export function childKey(...parts: string[]): string {
  return parts.join('/');
}

/** The cell as the row wrote it: the natural key, or a site ID's digits. */
export function writtenAs(item: IdOrRef): string {
  return 'ref' in item ? item.ref.key : String(item.id);
}
