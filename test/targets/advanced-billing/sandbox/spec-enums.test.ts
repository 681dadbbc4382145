// Generated from the vendor spec (through request-fields.json): every enumerated request field of every
// served write operation, sent with a value outside its enum in the operation's first request example,
// is refused with 422 in the operation's declared envelope, naming the value, and nothing keeps it: the
// sandbox's state file (every change it stores) never holds the value afterwards.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENUM_ADDITIONS, type FieldNode } from '../../../../src/targets/advanced-billing/sandbox/request-fields.js';
import generated from '../../../../src/targets/advanced-billing/sandbox/request-fields.json' with { type: 'json' };
import { refusedBodyField, refusedBodyFields } from '../../../../src/targets/advanced-billing/sandbox/refused-fields.js';
import { pathShape } from '../../../../src/targets/advanced-billing/sandbox/router.js';
import { withTempDir } from '../../../helpers/temp-dir.js';
import { loadContract, specAvailable, specSkipReason } from './contract.js';
import { callSandbox, startHarness } from './harness.js';
import { buildFixture } from './spec-fixture.js';
import { loadSpec, requestExamples, servedOperations, type Json, type ServedOperation } from './spec-operations.js';
import { pathFor, withFixtureReferences } from './spec-requests.js';

const BOGUS = 'not-in-the-spec-enum';
const operations = (generated as unknown as { operations: Record<string, { fields: FieldNode }> }).operations;

/** The enumerated fields under a node, as dotted paths with their values. */
function enumFields(node: FieldNode, path: string): Array<{ path: string; values: string[] }> {
  if (node === true) return [];
  if (Array.isArray(node)) return [{ path, values: node }];
  return Object.entries(node).flatMap(([name, child]) => enumFields(child, path === '' ? name : `${path}.${name}`));
}

/** Under a body field the sandbox refuses (501) whatever its value: that answer comes first. */
const underRefused = (served: ServedOperation, path: string): boolean =>
  (refusedBodyFields[served.key] ?? []).some((refused) => path === refused || path.startsWith(`${refused}.`));

/** `base` with the value at a dotted path replaced by `leaf`; where `base` has an array on the way, in its first item. */
function withValueAt(base: unknown, segments: string[], leaf: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return leaf;
  const object: Json = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...(base as Json) } : {};
  const inner = object[head];
  object[head] = Array.isArray(inner) && inner.length > 0 ? [withValueAt(inner[0], rest, leaf), ...inner.slice(1)] : withValueAt(inner, rest, leaf);
  return object;
}

const spec = loadSpec();
const cases = servedOperations(spec).flatMap((served) => {
  const fields = operations[served.key]?.fields ?? true;
  // The first example that sets no refused field, so the answer is the enum's and not a 501.
  const example = requestExamples(spec, served).find(({ body }) => refusedBodyField(served.method, pathShape(served.template), body as Json) === undefined);
  return enumFields(fields, '')
    .filter(({ path }) => !underRefused(served, path))
    .map(({ path }) => ({ name: `${served.key} ${path}`, served, path, example: example?.body }));
});

describe.skipIf(!specAvailable)(`values outside the spec's enums${specAvailable ? '' : ` (skipped: ${specSkipReason})`}`, () => {
  it('covers the enumerated fields of the write operations, and each value added to an enum is one the spec lacks', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.map((one) => one.name)).toContain('PUT /payment_profiles/{payment_profile_id}.json payment_profile.card_type');
    // An addition the spec has come to list is no defect any more: remove it from ENUM_ADDITIONS.
    for (const addition of ENUM_ADDITIONS) {
      const matching = Object.values(operations).flatMap(({ fields }) => enumFields(fields, '')).filter(({ path }) => path === addition.path || path.endsWith(`.${addition.path}`));
      expect(matching.length, addition.path).toBeGreaterThan(0);
      for (const { values } of matching) expect(values.filter((value) => addition.values.includes(value)), addition.path).toEqual([]);
    }
  });

  it.each(cases.map((one) => [one.name, one] as const))('%s: a value outside the enum is refused in the declared 422 and not stored', async (_name, one) => {
    await withTempDir({}, async (dir) => {
      const harness = await startHarness({ dataDir: dir, now: () => new Date('2010-01-01T12:00:00Z') });
      try {
        const fixture = await buildFixture(harness);
        const path = pathFor(one.served.method, one.served.template, '', 'customers', fixture);
        const base = one.example === undefined ? {} : withFixtureReferences(one.example, fixture);
        const body = withValueAt(base, one.path.split('.'), BOGUS);
        const answer = await callSandbox(harness.sandbox.baseUrl, one.served.method, path, body, { invalidRequest: true });
        expect(answer.status, answer.text).toBe(422);
        expect(answer.text).toContain(BOGUS);
        // Where the spec declares no 422 (Create Component Price Point), the API's usual list envelope.
        if (one.served.operation.responses?.['422'] === undefined) expect(answer.body).toEqual({ errors: [expect.stringContaining(BOGUS)] });
        else expect(loadContract()?.checkDeclared(one.served.method, path, answer.status, answer.body)).toEqual([]);
        expect(await readFile(join(dir, 'sandbox-state.jsonl'), 'utf8')).not.toContain(BOGUS);
      } finally {
        await harness.close();
      }
    });
  });
});

describe('a value the spec enum lacks but a real site takes', () => {
  it('is accepted: a card profile in the bpoint vault (the vendor template documents it); a bank account keeps the spec\'s vaults', async () => {
    const harness = await startHarness();
    try {
      const customer = await harness.call('POST', '/customers.json', { customer: { first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com' } });
      const card = { customer_id: customer.body.customer.id, payment_type: 'credit_card', current_vault: 'bpoint', vault_token: 'tok_1234', last_four: '1111', card_type: 'visa', expiration_month: 1, expiration_year: 2031 };
      // Sent without the harness's spec checks: the answer's current_vault breaks the spec's response enum, which lacks bpoint too.
      const response = await fetch(`${harness.sandbox.baseUrl}/payment_profiles.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payment_profile: card }) });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Json).payment_profile.current_vault).toBe('bpoint');
      const bank = { payment_type: 'bank_account', bank_name: 'Acme', bank_routing_number: '021000089', bank_account_number: '111111113' };
      const signup = await harness.call(
        'POST',
        '/subscriptions.json',
        { subscription: { customer_id: customer.body.customer.id, product_handle: 'none', bank_account_attributes: { ...bank, current_vault: 'bpoint' } } },
        { invalidRequest: true },
      );
      expect(signup.status).toBe(422);
      expect(signup.body.errors).toContain("subscription.bank_account_attributes.current_vault: 'bpoint' is not included in the list of values the API spec allows.");
    } finally {
      await harness.close();
    }
  });
});
