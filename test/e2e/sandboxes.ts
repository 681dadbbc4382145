// Test helper for the import end-to-end tests: a test sandbox and a live one side by side, and how
// many objects of a kind a sandbox holds.
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import type { JsonObject } from '../../src/targets/advanced-billing/api.js';
import { createTarget } from '../../src/targets/index.js';

/** How many customers or subscriptions the sandbox holds, read over its API. */
export async function count(sandbox: RunningSandbox, list: 'listCustomers' | 'listSubscriptions'): Promise<number> {
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  try {
    let n = 0;
    for await (const _item of target.api[list]() as AsyncIterable<JsonObject>) n += 1;
    return n;
  } finally {
    await target.close();
  }
}

/** Runs `fn` with a test sandbox and a live one (subdomain acme), both closed afterwards. */
export async function withSandboxes<T>(fn: (test: RunningSandbox, live: RunningSandbox) => Promise<T>): Promise<T> {
  const test = await startSandbox();
  const live = await startSandbox({ mode: 'live', subdomain: 'acme' });
  try {
    return await fn(test, live);
  } finally {
    await test.close();
    await live.close();
  }
}
