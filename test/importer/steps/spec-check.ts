// Checks the requests a MemoryTarget recorded against the vendor's spec (skipped when ../shared is absent).
import { expect } from 'vitest';
import { loadRequestContract, specMissingReason, type RequestContract } from '../../target/helpers/request-contract.js';
import type { MemoryTarget } from './memory-target.js';

export { specMissingReason };

let loaded: RequestContract | undefined;

export function contract(): RequestContract | undefined {
  if (!loaded && specMissingReason === undefined) loaded = loadRequestContract();
  return loaded;
}

export function expectSpecValid(target: MemoryTarget): void {
  const spec = contract();
  if (!spec) return;
  expect(target.calls.flatMap((call) => spec.problems(call.method, call.path, call.body))).toEqual([]);
}
