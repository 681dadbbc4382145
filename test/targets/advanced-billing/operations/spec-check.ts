// The vendor's request schemas, loaded once per test file (undefined when ../shared is absent).
import { loadRequestContract, specMissingReason, type RequestContract } from '../../helpers/request-contract.js';

export { specMissingReason };

let loaded: RequestContract | undefined;

export function contract(): RequestContract | undefined {
  if (!loaded && specMissingReason === undefined) loaded = loadRequestContract();
  return loaded;
}
