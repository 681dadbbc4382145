// What a target declares it supports is what the commands rely on: with a capability switched off
// (the real Advanced Billing adapter over a real sandbox, one `supports` member false), each command
// that needs it stops with a clear refusal and sends nothing, or does without it.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewFromSite } from '../../src/compare/site-preview.js';
import { runErase } from '../../src/erase/run-erase.js';
import { checkCustomFields } from '../../src/importer/custom-fields.js';
import { operationToken } from '../../src/importer/intent-token.js';
import { prepareImport } from '../../src/importer/run-import.js';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import type { Operation } from '../../src/plan/operation.js';
import type { Target, TargetSupport } from '../../src/targets/target.js';
import { validateFiles } from '../../src/validate/index.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { withTempDir } from '../helpers/temp-dir.js';

const customersWithCustomFields = fileURLToPath(new URL('../../fixtures/kinds/customers-advanced/valid.csv', import.meta.url));

/** The same target, declaring one capability less. */
function without(target: Target, capability: keyof TargetSupport): Target {
  return Object.create(target, { supports: { value: { ...target.supports, [capability]: false } } }) as Target;
}

let sandbox: RunningSandbox;
let target: Target;
beforeAll(async () => {
  sandbox = await startSandbox();
  target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl });
});
afterAll(async () => {
  await target.close();
  await sandbox.close();
});

describe('target capabilities', () => {
  it('the Advanced Billing adapter declares them all', () => {
    expect(target.supports).toEqual({ renewalPreview: true, uniquenessTokens: true, purge: true, clearSite: true, customFields: true });
  });

  it.each([
    ['customers', 'purge', /cannot delete a subscription together with its customer, so --scope customers is not possible there; nothing was sent/],
    ['site', 'clearSite', /cannot clear its customers and catalog in one call, so --scope site is not possible there; nothing was sent/],
  ] as const)('erase --scope %s stops when the target lacks %s', async (scope, capability, message) => {
    await withTempDir({}, async (dir) => {
      let asked = false;
      const erase = runErase({
        target: without(target, capability), stateDir: dir, scope, cleanup: 'all', customers: [], catalog: false, configuredLive: false, dryRun: false, concurrency: 2,
        showPlan: () => undefined, confirm: async () => void (asked = true), interruptible: (body) => body(new AbortController().signal), progress: process.stderr, log: () => undefined,
      });
      await expect(erase).rejects.toMatchObject({ code: 'erase-not-supported', exitCode: 2, message: expect.stringMatching(message) });
      expect(asked).toBe(false);
    });
  });

  it('an import with custom-field columns stops when the target has no custom fields, naming the columns', async () => {
    const report = await validateFiles([customersWithCustomFields], { asOf: TEST_TODAY, keepContent: true });
    const prepared = prepareImport(report.files);
    await expect(checkCustomFields(prepared.loaded, target, true)).resolves.toBeDefined();
    await expect(checkCustomFields(prepared.loaded, without(target, 'customFields'), false)).rejects.toMatchObject({
      code: 'custom-fields-not-supported',
      message: expect.stringMatching(/has no custom fields, so these columns cannot be imported: .*valid\.csv column custom_field\[/),
    });
  });

  it('an import derives no uniqueness token for a target without them', () => {
    const operation: Operation = { kind: 'customer', key: 'c-1', dependsOn: [], fields: {}, applied: {}, source: { file: 'c.csv', kind: 'customers-advanced', row: 2, line: 2, key: 'c-1', values: { reference: 'c-1' } } };
    expect(operationToken(target, operation)).toMatch(/\S/);
    expect(operationToken(without(target, 'uniquenessTokens'), operation)).toBeUndefined();
  });

  it('compare asks no renewal preview of a target that cannot price one', async () => {
    const row = { subscriptionId: '1' } as Parameters<typeof previewFromSite>[1];
    // Recording whether compare asks: the same target, its renewalFacts counting calls.
    let asked = 0;
    const counting = (base: Target): Target => Object.create(base, { renewalFacts: { value: async (...args: Parameters<Target['renewalFacts']>) => ((asked += 1), base.renewalFacts(...args)) } }) as Target;
    await expect(previewFromSite(counting(without(target, 'renewalPreview')), row, 'USD')).resolves.toBeUndefined();
    expect(asked).toBe(0);
    await previewFromSite(counting(target), row, 'USD');
    expect(asked).toBe(1);
  });
});
