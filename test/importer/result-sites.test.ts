// Which site result files link into: result-sites.json when it is there, else the links' addresses
// against where the site answers now or, by the run records, answered before.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../src/errors.js';
import { checkResultLinks, recordResultSites, type FileLinks } from '../../src/importer/result-sites.js';
import { saveRun } from '../../src/state/runs.js';
import { siteIdentityOf } from '../../src/state/site-identity.js';
import { withTempDir } from '../helpers/temp-dir.js';

const sandbox = (instance: string, baseUrl: string) => siteIdentityOf({ id: '1', name: 'sandbox', mode: 'test', sandboxInstance: instance }, baseUrl);
const links = (...values: string[]) => async (): Promise<FileLinks> => ({ row: 2, links: values });

async function outcome(run: Promise<void>): Promise<string | undefined> {
  return run.then(
    () => undefined,
    (error: unknown) => {
      expect(error).toBeInstanceOf(MigrateError);
      return (error as MigrateError).message;
    },
  );
}

describe('checkResultLinks', () => {
  it('judges by the site result-sites.json records, whatever the links say', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'results', 'subs.csv');
      await mkdir(join(dir, 'results'));
      await writeFile(path, '');
      const a = sandbox('aaaa-1', 'http://127.0.0.1:3200');
      await recordResultSites([path], a, 'run-a', 'test-import');
      expect(await outcome(checkResultLinks([path], sandbox('aaaa-1', 'http://127.0.0.1:4000'), dir, 'nothing was compared', links('http://127.0.0.1:3200/subscriptions/1')))).toBeUndefined();
      const message = await outcome(checkResultLinks([path], sandbox('bbbb-2', 'http://127.0.0.1:3200'), dir, 'nothing was compared', links('http://127.0.0.1:3200/subscriptions/1')));
      expect(message).toBe(`${path} holds links into http://127.0.0.1:3200 (sandbox instance aaaa-1) (run run-a), not into http://127.0.0.1:3200 (sandbox instance bbbb-2); nothing was compared.`);
    });
  });

  it('without it, accepts the addresses this site answered at and refuses any other', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'copy.csv');
      const now = sandbox('aaaa-1', 'http://127.0.0.1:4000');
      await saveRun(dir, {
        version: 1,
        id: 'run-a',
        command: 'test-import',
        site: { name: 'sandbox', key: now.key, baseUrl: 'http://127.0.0.1:3200', fingerprint: now.fingerprint },
        files: [],
        startedAt: '2026-12-04T00:00:00.000Z',
        status: 'completed',
      });
      expect(await outcome(checkResultLinks([path], now, dir, 'nothing was sent', links('http://localhost:3200/customers/1', 'http://127.0.0.1:4000/customers/2')))).toBeUndefined();
      const message = await outcome(checkResultLinks([path], now, dir, 'nothing was sent', links('http://127.0.0.1:3200/customers/1', 'http://127.0.0.1:3401/customers/2')));
      expect(message).toBe('This file holds links into http://127.0.0.1:3401, not into http://127.0.0.1:4000 (sandbox instance aaaa-1); nothing was sent.');
    });
  });
});
