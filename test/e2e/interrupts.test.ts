// Interrupts end to end: Ctrl-C typed into a real pseudo-terminal (spinner drawn, prompt open), SIGTERM
// and SIGHUP. Each ends with exit 130, the journal flushed, results written and the run record closed
// as interrupted; a prompt open before anything was sent ends with exit 130 and nothing sent.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { hasScript, underPseudoTerminal } from '../helpers/pseudo-terminal.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';
import { count, withSandboxes } from './sandboxes.js';

const ROWS = 120;
const CTRL_C = '\u0003';

/** A project folder whose sites are these sandboxes (by name), holding the catalog and `rows` subscription rows. */
function withProject<T>(sites: Record<string, RunningSandbox>, rows: number, fn: (dir: string) => Promise<T>): Promise<T> {
  return withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(rows) }, async (dir) => {
    const configured = Object.fromEntries(Object.entries(sites).map(([name, sandbox]) => [name, { baseUrl: sandbox.baseUrl }]));
    await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: configured }));
    return fn(dir);
  });
}

/** The run records in the state folder, oldest first (none before a run started). */
async function runRecords(dir: string): Promise<Array<{ command: string; status: string }>> {
  const folder = join(dir, '.migrate', 'runs');
  const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as { command: string; status: string }));
}

async function resultRows(dir: string, folder = 'migrate-results'): Promise<Array<Record<string, string>>> {
  return parse(await readFile(join(dir, folder, 'subs.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

/** Every journal line is whole JSON, and every intent has its outcome (requests in flight were let finish). */
async function expectJournalIntact(dir: string): Promise<void> {
  const [file] = (await readdir(join(dir, '.migrate', 'journal'))).filter((name) => name.endsWith('.jsonl'));
  const text = await readFile(join(dir, '.migrate', 'journal', file!), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const latest = new Map<string, string>();
  for (const line of text.trim().split('\n')) {
    const entry = JSON.parse(line) as { type: string; naturalKey: string; event: string };
    latest.set(`${entry.type}:${entry.naturalKey}`, entry.event);
  }
  expect([...latest.values()].filter((event) => event === 'intent')).toEqual([]);
}

/** The stopped run left marked rows and a closed record; the same command then finishes with one object per row. */
async function expectInterruptedThenResumed(dir: string, sandbox: RunningSandbox): Promise<void> {
  const rows = await resultRows(dir);
  expect(rows).toHaveLength(ROWS);
  expect(rows.some((row) => row.Status === 'success')).toBe(true);
  expect(rows.some((row) => row.Status === 'pending')).toBe(true);
  expect((await runRecords(dir)).map((run) => run.status)).toEqual(['interrupted']);
  await expectJournalIntact(dir);

  const resumed = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(JSON.parse(resumed.stdout).summary).toMatchObject({ rows: ROWS + 2, error: 0, pending: 0 });
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  try {
    const customers = await collect(target.api.listCustomers());
    expect(customers).toHaveLength(ROWS);
    expect(new Set(customers.map((customer) => customer.reference)).size).toBe(ROWS);
    expect(await collect(target.api.listSubscriptions())).toHaveLength(ROWS);
  } finally {
    await target.close();
  }
}

/** A sandbox slow enough (latency per request) that a run is mid-way when it is interrupted. */
async function withSlowSandbox<T>(fn: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ latency: { ms: 30, jitterMs: 5 } });
  try {
    return await fn(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe('interrupting an import', () => {
  it.skipIf(!hasScript)('Ctrl-C in a terminal while the spinner runs writes the results and exits 130', async () => {
    await withSlowSandbox((sandbox) => withProject({ test: sandbox }, ROWS, async (dir) => {
      const run = await underPseudoTerminal(['test-import', 'data', '--as-of', AS_OF], {
        cwd: dir,
        columns: 80,
        steps: [{ when: async () => (await journalLines(dir)) >= 20, keys: CTRL_C }],
      });
      expect(run.timedOut).toBe(false);
      expect(run.output).toContain('Stopping');
      expect(run.code, run.output.slice(-2000)).toBe(130);
      expect(run.output).toContain('Test import:');
      await expectInterruptedThenResumed(dir, sandbox);
    }));
  }, 120_000);

  it.each([['SIGTERM'], ['SIGHUP']] as const)('%s mid-import writes the results and exits 130', async (signal) => {
    await withSlowSandbox((sandbox) => withProject({ test: sandbox }, ROWS, async (dir) => {
      const run = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json'], { when: async () => (await journalLines(dir)) >= 20, signal });
      expect(run.signal).toBe(null);
      expect(run.code, run.stderr).toBe(130);
      expect(JSON.parse(run.stdout).stopped).toBe('interrupted');
      await expectInterruptedThenResumed(dir, sandbox);
    }));
  }, 120_000);
});

const asksForSubdomain = (output: string): boolean => output.includes('Type its subdomain (acme)');

describe.skipIf(!hasScript)('interrupting a question', () => {
  it.each([
    ['Ctrl-C', { keys: CTRL_C }],
    ['SIGTERM', { signal: 'SIGTERM' }],
    ['SIGHUP', { signal: 'SIGHUP' }],
  ] as const)("%s at live-import's typed confirmation exits 130 with nothing sent", async (_name, interrupt) => {
    await withSandboxes((test, live) =>
      withProject({ test, live }, 3, async (dir) => {
        const run = await underPseudoTerminal(['live-import', 'data', '--skip-test-check', '--as-of', AS_OF], {
          cwd: dir,
          columns: 80,
          steps: [{ when: asksForSubdomain, ...interrupt }],
        });
        expect(run.timedOut).toBe(false);
        expect(run.code, run.output).toBe(130);
        expect(run.output).toContain('live-import was interrupted at the confirmation; nothing was sent.');
        expect(run.output).not.toContain('internal error');
        expect(await count(live, 'listCustomers')).toBe(0);
        expect(await runRecords(dir)).toEqual([]);
      }),
    );
  }, 60_000);

  it("Ctrl-C at erase's typed confirmation exits 130 with nothing erased", async () => {
    await withSandboxes((test) =>
      withProject({ test }, 3, async (dir) => {
        const imported = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF]);
        expect(imported.code, imported.stderr).toBe(0);
        const run = await underPseudoTerminal(['erase'], { cwd: dir, columns: 80, steps: [{ when: (output) => output.includes('Type its subdomain'), keys: CTRL_C }] });
        expect(run.timedOut).toBe(false);
        expect(run.code, run.output).toBe(130);
        expect(run.output).toContain('erase was interrupted at the confirmation; nothing was sent.');
        expect(await count(test, 'listCustomers')).toBe(3);
      }),
    );
  }, 60_000);

  it('Ctrl-C at the question after the canary reports the canary rows and exits 130', async () => {
    await withSandboxes((test, live) =>
      withProject({ test, live }, 6, async (dir) => {
        const run = await underPseudoTerminal(['live-import', 'data', '--skip-test-check', '--canary', '2', '--as-of', AS_OF], {
          cwd: dir,
          columns: 80,
          steps: [
            { when: asksForSubdomain, keys: 'acme\r' },
            { when: (output) => output.includes('Continue with the remaining rows?'), keys: CTRL_C },
          ],
        });
        expect(run.timedOut).toBe(false);
        expect(run.code, run.output).toBe(130);
        expect(run.output).toContain('Live import:');
        const rows = await resultRows(dir, join('migrate-results', 'live'));
        expect(rows.filter((row) => row.Status === 'success').length).toBeGreaterThanOrEqual(1);
        expect(rows.some((row) => row.Status === 'pending')).toBe(true);
        expect((await runRecords(dir)).map((record) => record.status)).toEqual(['interrupted']);
        const created = await count(live, 'listCustomers');
        expect(created).toBeGreaterThanOrEqual(1);
        expect(created).toBeLessThanOrEqual(2);
      }),
    );
  }, 60_000);
});
