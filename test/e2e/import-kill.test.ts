// Exactly once under crashes: the built CLI is killed with SIGKILL at random moments while importing
// into a sandbox with latency and commit-then-drop faults, resumed each time with the same command;
// the site must end with exactly one object per row and the result files must be complete.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';

const ROWS = 60;

describe('test-import killed at random moments', () => {
  it('resumes every time and leaves exactly one object per row', async () => {
    const sandbox = await startSandbox({ latency: { ms: 25, jitterMs: 10 }, faults: { dropAfterCommit: 0.15 } });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(ROWS) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const args = ['test-import', 'data', '--as-of', AS_OF, '--format', 'json'];
        let kills = 0;
        let seed = 7;
        const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
        for (let attempt = 0; attempt < 12; attempt += 1) {
          // Most kills land after a random number of new journal lines (mid-import, often between an
          // intent and its outcome); every third one at a random time, startup included.
          const before = await journalLines(dir);
          const lines = 1 + Math.floor(random() * 12);
          const started = Date.now();
          const deadline = 100 + Math.floor(random() * 900);
          const killWhen =
            attempt % 3 === 2 ? async () => Date.now() - started > deadline : async () => (await journalLines(dir)) >= before + lines;
          const exit = await runCli(dir, args, { when: killWhen, signal: 'SIGKILL' });
          if (exit.signal === 'SIGKILL') kills += 1;
          else expect(exit.code, exit.stderr).toBe(0);
        }
        expect(kills).toBeGreaterThan(3);
        const final = await runCli(dir, args);
        expect(final.code, final.stderr).toBe(0);
        const document = JSON.parse(final.stdout) as { summary: { rows: number; error: number; pending: number } };
        expect(document.summary).toMatchObject({ rows: ROWS + 2, error: 0, pending: 0 });

        const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl });
        try {
          const customers = await collect(target.api.listCustomers());
          const subscriptions = await collect(target.api.listSubscriptions());
          const families = await collect(target.api.listProductFamilies());
          const products = await collect(target.api.listProducts());
          expect(families.filter((family) => family.handle === 'main')).toHaveLength(1);
          expect(products).toHaveLength(1);
          expect(customers).toHaveLength(ROWS);
          expect(new Set(customers.map((customer) => customer.reference)).size).toBe(ROWS);
          expect(subscriptions).toHaveLength(ROWS);
        } finally {
          await target.close();
        }

        const results = parse(await readFile(join(dir, 'migrate-results', 'subs.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(results).toHaveLength(ROWS);
        for (const row of results) {
          expect(row.Status).toBe('success');
          expect(row.Result).toMatch(/\/subscriptions\/\d+$/);
          expect(row.ChargifyNextRenewal).toBe('49.00');
        }
        expect(new Set(results.map((row) => row.Result.replace(/^.*\/subscriptions\//, ''))).size).toBe(ROWS);

        // The kills must have landed mid-import: several runs journaled creates, some left open.
        const [journalFile] = await readdir(join(dir, '.migrate', 'journal'));
        const entries = (await readFile(join(dir, '.migrate', 'journal', journalFile!), 'utf8'))
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { run: string; event: string; naturalKey: string });
        const runsThatCreated = new Set(entries.filter((entry) => entry.event === 'done').map((entry) => entry.run));
        expect(runsThatCreated.size).toBeGreaterThanOrEqual(3);
        // More than one intent and one outcome per object: creates were cut off between the two and reconciled.
        const objects = new Set(entries.map((entry) => entry.naturalKey)).size;
        expect(entries.length).toBeGreaterThan(2 * objects);
        process.stderr.write(`kill test: ${kills} kills, ${runsThatCreated.size} runs created objects, ${entries.length} journal entries\n`);
      });
    } finally {
      await sandbox.close();
    }
  }, 120_000);
});
