// The import report's pieces: next steps, progress lines, and the dry-run estimate.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { planDryRun } from '../../src/importer/dry-run.js';
import { buildPlan } from '../../src/importer/plan.js';
import { createProgress, formatProgress } from '../../src/importer/progress.js';
import { postNote } from '../../src/progress/notes.js';
import type { PreparedImport } from '../../src/importer/run-import.js';
import { nextStep } from '../../src/importer/summary.js';
import type { ObjectRef, ObjectType, Operation, SourceRow } from '../../src/plan/operation.js';

const counts = (over: Partial<Record<'rows' | 'success' | 'error' | 'skipped' | 'pending', number>>) => ({
  rows: 3,
  success: 3,
  error: 0,
  skipped: 0,
  pending: 0,
  ...over,
});

describe('nextStep', () => {
  it.each([
    ['test-import', counts({}), undefined, 'migrate compare out/a.csv'],
    ['live-import', counts({}), undefined, 'migrate compare --site live out/a.csv'],
    ['test-import', counts({ error: 1, success: 2 }), undefined, 'fix the rows marked error in out/a.csv in your files, then run: migrate test-import in/a.csv'],
    ['test-import', counts({ pending: 2, success: 1 }), 'interrupted', 'migrate test-import in/a.csv   (resumes where this run stopped)'],
    ['live-import', counts({ pending: 2, success: 1 }), 'canary', 'review the canary rows on the site, then run: migrate live-import --continue'],
  ] as const)('%s %j %s', (command, rowCounts, stopped, expected) => {
    expect(nextStep(command, rowCounts, ['in/a.csv'], ['out/a.csv'], stopped)).toBe(expected);
  });

  it('names the results folder when there are several result files', () => {
    expect(nextStep('test-import', counts({}), ['in/a.csv', 'in/b.csv'], ['out/a.csv', 'out/b.csv'])).toBe('migrate compare out/');
  });
});

describe('progress', () => {
  it('formats done/total, rate, ETA and errors', () => {
    expect(formatProgress(50, 200, 2, 10_000)).toBe('50/200 objects · 5.0/s · 30 s left · 2 errors');
    expect(formatProgress(0, 10, 0, 0)).toBe('0/10 objects · 0.0/s · estimating · 0 errors');
  });

  /** A stream that is not a terminal, and what was written to it so far. */
  function plainStream(): { stream: NodeJS.WriteStream; text: () => string } {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk) => (text += chunk));
    return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
  }

  it('writes plain lines when the stream is not a terminal', async () => {
    const { stream, text } = plainStream();
    const progress = createProgress({ total: 3, stream, intervalSeconds: 0.02 });
    progress.tick(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    progress.tick(true);
    progress.stop();
    expect(text()).toMatch(/^progress: 1\/3 objects/m);
    expect(text().trimEnd().split('\n').at(-1)).toMatch(/^progress: 2\/3 objects · .* · 1 error$/);
  });

  it('shows a posted note (a wait before a retry) at once and while it holds; once stopped, it follows no more', async () => {
    const { stream, text } = plainStream();
    const progress = createProgress({ total: 3, stream, intervalSeconds: 60 });
    progress.tick(false);
    expect(postNote('waiting 60 s: the site asked to retry later (429), retry 1/6', 60_000)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toMatch(/^progress: 1\/3 objects · .* · 0 errors · waiting 60 s: the site asked to retry later \(429\), retry 1\/6$/m);
    progress.stop();
    expect(postNote('waiting 1 s: the site answered 503, retry 2/6', 1000)).toBe(false);
  });

  it('gives a note shorter than a second no plain line of its own (a CI log would fill with backoff steps)', async () => {
    const { stream, text } = plainStream();
    const progress = createProgress({ total: 3, stream, intervalSeconds: 60 });
    expect(postNote('waiting 40 ms: the connection failed (ECONNRESET), retry 1/6', 40)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    progress.stop();
    expect(text()).toBe('');
  });
});

describe('planDryRun', () => {
  const row = (n: number): SourceRow => ({ file: 's.csv', kind: 'subscriptions-standard', row: n, line: n, key: `k${n}`, values: {} });
  const operation = (source: SourceRow, type: ObjectType, key: string, dependsOn: ObjectRef[] = []): Operation => ({ kind: type, key, dependsOn, fields: {}, source, applied: {} });

  it('counts creates, lookups of refs outside the run and renewal previews, and estimates at the concurrency', () => {
    const rows = [row(2), row(3), row(4)];
    const rowOperations = rows.map((r, i) => ({ row: r, operations: [operation(r, 'subscription', `s${i}`, [{ type: 'product', key: 'on-site' }])] }));
    const invalid = new Map([[rows[2]!, { message: 'email: bad', findings: [] }]]);
    const prepared = {
      inputs: [],
      loaded: { files: [{ path: 's.csv', kind: 'subscriptions-standard', rows }], rowOperations, invalid, alreadyImported: new Set() },
      plan: buildPlan(rowOperations, invalid),
    } as unknown as PreparedImport;
    const plan = planDryRun(prepared, { command: 'test-import', site: 'http://x', asOf: '2026-11-23', concurrency: 4, latencyMs: 100 });
    expect(plan.objects).toEqual({ subscription: 2 });
    expect(plan.calls).toEqual({ creates: 2, lookups: 1, previews: 2, total: 5 });
    expect(plan.estimatedMs).toBe(125);
    expect(plan.rows).toEqual({ total: 3, invalid: 1, alreadyImported: 0 });
  });
});
