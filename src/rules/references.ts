// Keys that reference files (customers, catalog) provide to the files that point at them, with where
// each key first appeared (for uniqueness across files).
import type { ReferenceSet } from '../templates/types.js';
import type { KeyOrigin, References } from './types.js';

/** Collects keys while reference files are validated; read by cross-file rules afterwards. */
export class ReferenceStore implements References {
  private readonly sets = new Map<ReferenceSet, Map<string, KeyOrigin>>();
  private readonly withdrawn = new Set<ReferenceSet>();

  /** Marks a set as provided even when its file has no rows, so references to it are checked. */
  provide(set: ReferenceSet): void {
    if (!this.sets.has(set) && !this.withdrawn.has(set)) this.sets.set(set, new Map());
  }

  /**
   * A file providing this set could not be read to its end: the keys it held are unknown, so references
   * to the set are no longer checked (each would be a false "not found"), whatever other files provide.
   */
  withdraw(set: ReferenceSet): void {
    this.withdrawn.add(set);
    this.sets.delete(set);
  }

  /** Records a key; the first origin of a key is kept. */
  add(set: ReferenceSet, key: string, parent?: string, origin: KeyOrigin = NO_ORIGIN): void {
    if (this.withdrawn.has(set)) return;
    let keys = this.sets.get(set);
    if (!keys) {
      keys = new Map();
      this.sets.set(set, keys);
    }
    const entry = parent === undefined ? key : `${parent}\u0000${key}`;
    if (!keys.has(entry)) keys.set(entry, origin);
  }

  has(set: ReferenceSet): boolean {
    return this.sets.has(set);
  }

  includes(set: ReferenceSet, key: string, parent?: string): boolean {
    return this.sets.get(set)?.has(parent === undefined ? key : `${parent}\u0000${key}`) ?? false;
  }

  originOf(set: ReferenceSet, key: string): KeyOrigin | undefined {
    return this.sets.get(set)?.get(key);
  }
}

const NO_ORIGIN: KeyOrigin = { file: '', row: 0, input: false };
