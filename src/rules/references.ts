// Keys that reference files (customers, catalog) provide to the files that point at them.
import type { ReferenceSet } from '../templates/types.js';
import type { References } from './types.js';

/** Collects keys while reference files are validated; read by cross-file rules afterwards. */
export class ReferenceStore implements References {
  private readonly sets = new Map<ReferenceSet, Set<string>>();

  /** Marks a set as provided even when its file has no rows, so references to it are checked. */
  provide(set: ReferenceSet): void {
    if (!this.sets.has(set)) this.sets.set(set, new Set());
  }

  add(set: ReferenceSet, key: string, parent?: string): void {
    let keys = this.sets.get(set);
    if (!keys) {
      keys = new Set();
      this.sets.set(set, keys);
    }
    keys.add(parent === undefined ? key : `${parent}\u0000${key}`);
  }

  has(set: ReferenceSet): boolean {
    return this.sets.has(set);
  }

  includes(set: ReferenceSet, key: string, parent?: string): boolean {
    return this.sets.get(set)?.has(parent === undefined ? key : `${parent}\u0000${key}`) ?? false;
  }
}
