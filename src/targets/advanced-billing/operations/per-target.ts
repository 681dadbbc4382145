// What a handler remembers of one target within this process (a created subscription's currency, a
// parent's default price point, a component's kind): one map per target, gone with the target.
import type { AdvancedBillingApi } from '../api.js';

/** A lookup of this process's memory for a target, its map made on first use. */
export function perTarget<K, V>(): (target: AdvancedBillingApi) => Map<K, V> {
  const maps = new WeakMap<AdvancedBillingApi, Map<K, V>>();
  return (target) => {
    let map = maps.get(target);
    if (!map) maps.set(target, (map = new Map()));
    return map;
  };
}
