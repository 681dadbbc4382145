// Generated from the vendor spec: every operation the sandbox serves is driven over HTTP with every
// request example the spec gives for it (one request without a body where it gives none), on a fixture
// site built through the API. Each answer must be a status the operation declares, a success (the
// spec's own examples are accepted), and match the declared response schema. The only exceptions are
// the spec defects docs/sandbox.md lists (its "Spec defects" section, read here), each with its reason.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContract, specAvailable, specSkipReason } from './contract.js';
import { refusedBodyFields } from '../../../../src/targets/advanced-billing/sandbox/refused-fields.js';
import generated from '../../../../src/targets/advanced-billing/sandbox/request-fields.json' with { type: 'json' };
import { callSandbox, startHarness, type Harness } from './harness.js';
import { buildFixture } from './spec-fixture.js';
import { loadSpec, parametersOf, requestExamples, servedOperations, type ServedOperation } from './spec-operations.js';
import { RESOURCE_TYPES, pathFor, queryFor, withFixtureReferences } from './spec-requests.js';

interface Case {
  name: string;
  served: ServedOperation;
  example: string;
  body: unknown;
  resourceType: string;
}

const spec = loadSpec();
/** Before every date in the spec's examples. */
const EXAMPLES_WRITTEN = '2010-01-01T12:00:00Z';

/** Every served operation × its request examples (or none) × the resource types its path takes. */
function cases(): Case[] {
  return servedOperations(spec).flatMap((served) => {
    const examples = requestExamples(spec, served);
    const bodies = examples.length > 0 ? examples : [{ name: 'no body', body: undefined }];
    const types = served.template.includes('{resource_type}') ? [...RESOURCE_TYPES] : ['customers'];
    return bodies.flatMap(({ name, body }) =>
      types.map((resourceType) => ({
        name: `${served.key}${types.length > 1 ? ` (${resourceType})` : ''}: ${name}`,
        served,
        example: name,
        body,
        resourceType,
      })),
    );
  });
}

interface Defect {
  /** "METHOD /template", or "METHOD /template: example name". */
  key: string;
  /** The status the sandbox answers, and the declared one whose schema its body is checked against. */
  answered: number;
  declared: number;
}

/**
 * The spec defects docs/sandbox.md lists in its "Spec defects" section, each one line:
 * `- **METHOD /template** (example "name") answers 200 where the spec declares 201: why`, or `answers 422: why`
 * for an example a real site refuses too (checked against the declared 422).
 */
function documentedSpecDefects(): Defect[] {
  const doc = readFileSync(new URL('../../../../docs/sandbox.md', import.meta.url), 'utf8');
  const section = doc.split(/^## Spec defects$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^- \*\*([A-Z]+ \S+)\*\*(?: \(example "([^"]+)"\))? answers (\d{3})(?: where the spec declares (\d{3}))?:/gm)].map((match) => ({
    key: match[2] === undefined ? match[1]! : `${match[1]!}: ${match[2]}`,
    answered: Number(match[3]),
    declared: Number(match[4] ?? match[3]),
  }));
}

/** The body fields the sandbox refuses (501) for an operation, as its answer names them. */
function refusalAllowed(served: ServedOperation, status: number, text: string): boolean {
  const field = /does not implement this field \(([^ ]+) of /.exec(text)?.[1];
  return status === 501 && field !== undefined && (refusedBodyFields[served.key] ?? []).includes(field);
}

describe.skipIf(!specAvailable)(`the spec's request examples against the sandbox${specAvailable ? '' : ` (skipped: ${specSkipReason})`}`, () => {
  const defects = specAvailable ? documentedSpecDefects() : [];
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('finds examples for the served operations, and every documented defect names one of them', () => {
    const all = cases();
    expect(all.filter((one) => one.body !== undefined).length).toBeGreaterThan(50);
    expect(defects.length).toBeGreaterThan(0);
    const names = new Set(all.flatMap((one) => [one.served.key, `${one.served.key}: ${one.example}`]));
    expect(defects.map((defect) => defect.key).filter((key) => !names.has(key))).toEqual([]);
  });

  it.each(cases().map((one) => [one.name, one] as const))('%s', async (_name, one) => {
    // The examples were written when their dates (next_billing_at 2020-06-01, …) were ahead: the site's clock is set before them.
    harness = await startHarness({ now: () => new Date(EXAMPLES_WRITTEN) });
    const fixture = await buildFixture(harness);
    const declared = new Set(parametersOf(spec, one.served).filter((parameter) => parameter.in === 'query').map((parameter) => String(parameter.name)));
    const path = `${pathFor(one.served.method, one.served.template, one.example, one.resourceType, fixture)}${queryFor(one.served.template, declared, fixture)}`;
    const body = one.body === undefined ? undefined : withFixtureReferences(one.body, fixture);
    // The example is sent as the spec gives it: a request check here would only repeat the spec's own.
    const answer = await callSandbox(harness.sandbox.baseUrl, one.served.method, path, body, { invalidRequest: true });
    // What the sandbox says it cannot do (a body field in its 501 table) is an answer, not a mistake.
    if (refusalAllowed(one.served, answer.status, answer.text)) return;
    const defect = defects.find((candidate) => (candidate.key === one.served.key || candidate.key === `${one.served.key}: ${one.example}`) && candidate.answered === answer.status);
    const problems = loadContract()?.checkDeclared(one.served.method, path, answer.status, answer.body, defect?.declared) ?? [];
    // Without an example for a body the operation takes, nothing is sent: its declared refusal is the answer.
    const refusalExpected = one.body === undefined && one.served.operation.requestBody !== undefined && answer.status === 422;
    if (answer.status >= 300 && defect === undefined && !refusalExpected) problems.push(`answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    expect(problems, `${one.served.method} ${path} ${JSON.stringify(body)?.slice(0, 300)}`).toEqual([]);
  });

  /** Write operations whose spec declares a 422 and that take a request body. */
  const refusable = servedOperations(spec).filter((served) => served.operation.responses?.['422'] !== undefined && served.operation.requestBody !== undefined);

  it.each(refusable.map((served) => [served.key, served] as const))('%s refuses a body with an unknown field (strict) in its declared 422 envelope', async (_key, served) => {
    harness = await startHarness({ now: () => new Date(EXAMPLES_WRITTEN), strict: true });
    const fixture = await buildFixture(harness);
    const path = pathFor(served.method, served.template, '', 'customers', fixture);
    // The body's root key as the request schema names it (request-fields.json), e.g. `payment_profile`.
    const fields = (generated as unknown as { operations: Record<string, { fields: Record<string, unknown> }> }).operations[served.key]?.fields ?? {};
    const root = Object.keys(fields)[0] ?? 'body';
    const answer = await callSandbox(harness.sandbox.baseUrl, served.method, path, { [root]: { not_a_spec_field: 1 } }, { invalidRequest: true });
    expect(answer.status).toBe(422);
    expect(loadContract()?.checkDeclared(served.method, path, answer.status, answer.body)).toEqual([]);
  });
});
