// Issue 9, reproductions 1-3, end to end: the built CLI against real sandboxes over HTTP. Two sites
// that answer to the same name are never taken for one, a live import does real work or refuses, and
// "live is the test site" is decided by what the site is, not by how its address is spelled.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { listJournals } from '../../src/state/journal-sites.js';
import { createTarget } from '../../src/targets/index.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';
import { cliSandbox } from './cli-sandbox.js';
import { runCli } from './run-cli.js';

const sample = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

async function customers(baseUrl: string, apiKey?: string): Promise<number> {
  const target = createTarget({ name: 'check', baseUrl, ...(apiKey ? { apiKey } : {}) });
  try {
    let n = 0;
    for await (const _customer of target.api.listCustomers()) n += 1;
    return n;
  } finally {
    await target.close();
  }
}

async function resultRows(dir: string, path: string): Promise<Array<Record<string, string>>> {
  return parse(await readFile(join(dir, path), 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

describe('reproduction 1: two sandboxes that both answer "sandbox", id 1', () => {
  it('stops the second import with both sites named, until --new-journal gives the new site its own journal; compare refuses links into the other', async () => {
    await withTempDir({}, async (dir) => {
      await cp(sample, join(dir, 'sample'), { recursive: true });
      const embedded = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF]);
      expect(embedded.code, embedded.stderr).toBe(0);

      const second = await cliSandbox(['--api-key', 'K2']);
      try {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: second.baseUrl, apiKeyEnv: 'K2_KEY' } } }));
        const env = { K2_KEY: 'K2' };
        const refused = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF], undefined, env);
        expect(refused.code, refused.stderr + refused.stdout).toBe(2);
        expect(refused.stdout).toBe('');
        const message = refused.stderr.trim().split('\n').at(-1)!;
        expect(message).toMatch(/^migrate: The journal knows "sandbox-1" as http:\/\/127\.0\.0\.1:\d+ \(sandbox instance \w+\), but this run talks to /);
        expect(message).toContain(`${second.baseUrl} (sandbox instance`);
        expect(message).toContain('--new-journal');
        expect(await customers(second.baseUrl, 'K2')).toBe(0);

        // The results still link into the embedded sandbox: compare against the new one refuses them.
        const mixed = await runCli(dir, ['compare', 'migrate-results', '--site', 'test'], undefined, env);
        expect(mixed.code, mixed.stderr).toBe(2);
        expect(mixed.stderr).toMatch(/holds links into http:\/\/127\.0\.0\.1:\d+ \(sandbox instance \w+\) \(run \S+\), not into /);
        expect(mixed.stderr).toContain('nothing was compared');

        const fresh = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF, '--new-journal', '--format', 'json'], undefined, env);
        expect(fresh.code, fresh.stderr).toBe(0);
        const summary = JSON.parse(fresh.stdout).summary;
        expect(summary).toMatchObject({ skipped: 0, error: 0 });
        expect(summary.success).toBe(summary.rows);
        expect(await customers(second.baseUrl, 'K2')).toBeGreaterThan(0);
        for (const row of await resultRows(dir, 'migrate-results/subscriptions-standard.csv')) expect(row.Result.startsWith(`${second.baseUrl}/`)).toBe(true);

        // Both journals are kept, each about its own site.
        const journals = await listJournals(join(dir, '.migrate'));
        expect(journals.filter((journal) => journal.hasEntries && journal.site?.name === 'sandbox-1')).toHaveLength(2);

        const compared = await runCli(dir, ['compare', 'migrate-results'], undefined, env);
        expect(compared.code, compared.stderr).toBe(1);
        expect(compared.stdout).toContain('1 of 24 amounts differ');
      } finally {
        await second.stop();
      }
    });
  });
});

describe('reproduction 2: a live sandbox beside a test sandbox', () => {
  it('imports a real canary, then the rest, into the live site; live results go to migrate-results/live/; an empty canary is refused', async () => {
    const test = await startSandbox();
    const live = await startSandbox({ mode: 'live' });
    try {
      await withTempDir({}, async (dir) => {
        await cp(sample, join(dir, 'sample'), { recursive: true });
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: live.baseUrl } } }));
        const tested = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF]);
        expect(tested.code, tested.stderr).toBe(0);
        const testResults = await readFile(join(dir, 'migrate-results', 'subscriptions-standard.csv'), 'utf8');

        const canary = await runCli(dir, ['live-import', 'sample', '--yes', '--as-of', AS_OF]);
        expect(canary.code, canary.stderr).toBe(0);
        const review = canary.stderr.split('review them on the site:\n')[1]!.trim().split('\n');
        // Three canary rows, a subscription first, and the catalog rows they need.
        expect(review.length).toBeGreaterThan(3);
        expect(review.some((line) => line.includes('subscriptions-'))).toBe(true);
        for (const line of review) expect(line).toContain(`success ${live.baseUrl}/`);
        expect(await customers(live.baseUrl)).toBeGreaterThan(0);
        expect(await customers(live.baseUrl)).toBeLessThan(await customers(test.baseUrl));

        const rest = await runCli(dir, ['live-import', '--continue', '--yes', '--as-of', AS_OF, '--format', 'json']);
        expect(rest.code, rest.stderr).toBe(0);
        const document = JSON.parse(rest.stdout);
        expect(document.summary).toMatchObject({ skipped: review.length, error: 0, pending: 0 });
        expect(document.summary.success).toBe(document.summary.rows - review.length);
        expect(await customers(live.baseUrl)).toBe(await customers(test.baseUrl));

        for (const row of await resultRows(dir, 'migrate-results/live/subscriptions-standard.csv')) expect(row.Result.startsWith(`${live.baseUrl}/`)).toBe(true);
        expect(await readFile(join(dir, 'migrate-results', 'subscriptions-standard.csv'), 'utf8')).toBe(testResults);

        // Without --yes and with no terminal to type the subdomain in: refused for the empty canary, before any prompt.
        const again = await runCli(dir, ['live-import', 'sample', '--as-of', AS_OF]);
        expect(again.code, again.stderr).toBe(2);
        expect(again.stderr).toContain(`The canary would be empty: no valid row of these files is left to import into ${live.baseUrl}`);

        // compare on the results folder reads the test results only, against the test site.
        const compared = await runCli(dir, ['compare', 'migrate-results', '--format', 'json']);
        expect(compared.code, compared.stderr).toBe(1);
        expect(JSON.parse(compared.stdout).summary.rows).toBe(24);
      });
    } finally {
      await test.close();
      await live.close();
    }
  });
});

describe('reproduction 3: the live site is the test site under another name', () => {
  it('refuses localhost for 127.0.0.1, and a live site that a test-import already imported into', async () => {
    const test: RunningSandbox = await startSandbox();
    try {
      await withTempDir({}, async (dir) => {
        await cp(sample, join(dir, 'sample'), { recursive: true });
        const port = new URL(test.baseUrl).port;
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: `http://localhost:${port}` } } }));
        const tested = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF]);
        expect(tested.code, tested.stderr).toBe(0);
        const before = await customers(test.baseUrl);

        const aliased = await runCli(dir, ['live-import', 'sample', '--yes', '--as-of', AS_OF]);
        expect(aliased.code, aliased.stderr).toBe(2);
        expect(aliased.stderr).toContain(`The live site "live" is the same site as "test" (http://localhost:${port})`);

        // No sites.test to compare addresses with: the site's own identity still gives it away.
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { live: { baseUrl: `${test.baseUrl}/` } } }));
        const known = await runCli(dir, ['live-import', 'sample', '--yes', '--as-of', AS_OF]);
        expect(known.code, known.stderr).toBe(2);
        expect(known.stderr).toMatch(/The live site "live" \(http:\/\/127\.0\.0\.1:\d+ \(sandbox instance \w+\)\) is the site run \S+ \(test-import into test/);
        expect(await customers(test.baseUrl)).toBe(before);
      });
    } finally {
      await test.close();
    }
  });
});
