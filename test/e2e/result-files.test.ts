// Result files keep their promises: they are written from the bytes validated and sent, never from a file
// that changed during the run; an output folder that cannot be written is refused before anything is sent
// (exit 2), and one that fails after everything was sent is exit 3 with the journal and run record closed.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { startHostileServer } from '../helpers/hostile-server.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { withTmpfs } from '../helpers/tmpfs.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';

const ROWS = 6;

async function runStatuses(dir: string): Promise<string[]> {
  const folder = join(dir, '.migrate', 'runs');
  const names = await readdir(folder).catch(() => [] as string[]);
  return Promise.all(names.map(async (name) => (JSON.parse(await readFile(join(folder, name), 'utf8')) as { status: string }).status));
}

/** Each result row's customer_reference against the customer of the subscription its Result links to. */
async function linkedReferences(baseUrl: string, resultFile: string): Promise<Array<[string, string]>> {
  const rows = parse(await readFile(resultFile, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const target = createTarget({ name: 'check', baseUrl });
  try {
    const subscriptions = await collect(target.api.listSubscriptions());
    const customerOf = new Map(subscriptions.map((s) => [String(s.id), String((s.customer as { reference?: string } | undefined)?.reference)]));
    return rows.map((row) => [row.customer_reference!, customerOf.get(row.Result!.replace(/^.*\/subscriptions\//, '')) ?? `no subscription at ${row.Result}`]);
  } finally {
    await target.close();
  }
}

describe('result files', () => {
  it('come from the content validated when the template file changes during a live import', async () => {
    const test = await startSandbox({});
    const live = await startSandbox({ mode: 'live', subdomain: 'acme' });
    let swapped = false;
    let subsPath = '';
    // The first subscription sent to the live site is the moment someone edits the file: its rows reversed.
    const proxy = await startHostileServer({
      upstream: live.baseUrl,
      rules: [{
        name: 'edit the file',
        method: 'POST',
        path: /^\/subscriptions\.json$/,
        answer: () => {
          if (!swapped) {
            swapped = true;
            const [header, ...rows] = parse(readFileSync(subsPath)) as string[][];
            writeFileSync(subsPath, [header, ...rows.reverse()].map((cells) => cells.join(',')).join('\n') + '\n');
          }
          return 'pass';
        },
      }],
    });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(ROWS) }, async (dir) => {
        subsPath = join(dir, 'data', 'subs.csv');
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: proxy.baseUrl } } }));
        expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);
        const exit = await runCli(dir, ['live-import', 'data', '--as-of', AS_OF, '--yes', '--canary', '0']);
        expect(swapped).toBe(true);
        expect(exit.code, exit.stderr).toBe(0);
        expect(exit.stderr).toMatch(/subs\.csv changed while the run was under way/);
        const pairs = await linkedReferences(live.baseUrl, join(dir, 'migrate-results', 'live', 'subs.csv'));
        expect(pairs).toHaveLength(ROWS);
        for (const [reference, linked] of pairs) expect(linked).toBe(reference);
      });
    } finally {
      await proxy.close();
      await live.close();
      await test.close();
    }
  });

  it('are refused before anything is sent when --out is on a read-only disk (exit 2)', async () => {
    const sandbox = await startSandbox({});
    const counter = await startHostileServer({ upstream: sandbox.baseUrl, rules: [] });
    try {
      await withTmpfs({ size: '64k', readOnly: true }, async (readOnly) => {
        await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(ROWS) }, async (dir) => {
          await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: counter.baseUrl } } }));
          const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--out', readOnly]);
          expect(exit.code, exit.stderr).toBe(2);
          expect(exit.stderr).toMatch(/cannot be written.*read-only/i);
          expect(exit.stderr).not.toMatch(/\n\s+at /);
          expect(counter.requests.filter((request) => request.method !== 'GET')).toEqual([]);
          expect(await runStatuses(dir)).not.toContain('running');
        });
      });
    } finally {
      await counter.close();
      await sandbox.close();
    }
  });

  it('that fail after everything was sent end in exit 3, the journal intact, and a rerun writes them', async () => {
    const sandbox = await startSandbox({});
    try {
      // A page of tmpfs: the probe's empty file fits, the annotated copies do not.
      await withTmpfs({ size: '4k' }, async (tiny) => {
        await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(40) }, async (dir) => {
          await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
          const full = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--out', tiny]);
          expect(full.code, full.stderr).toBe(3);
          expect(full.stderr).toMatch(/disk is full/);
          expect(full.stderr).toMatch(/sent and journaled/);
          expect(full.stderr).not.toMatch(/\n\s+at /);
          expect(await journalLines(dir, '"done"')).toBeGreaterThan(40);
          expect(await runStatuses(dir)).toEqual(['failed']);

          const rerun = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
          expect(rerun.code, rerun.stderr).toBe(0);
          expect(JSON.parse(rerun.stdout).summary).toMatchObject({ success: 0, error: 0, pending: 0 });
          const results = parse(await readFile(join(dir, 'migrate-results', 'subs.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
          expect(results.map((row) => row.Status)).toEqual(Array(40).fill('success'));
        });
      });
      const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
      try {
        expect(await collect(target.api.listSubscriptions())).toHaveLength(40);
      } finally {
        await target.close();
      }
    } finally {
      await sandbox.close();
    }
  });
});
