// State in a data folder: survives a restart (records, id counters, uniqueness tokens), tolerates a write
// torn by a crash, refuses a damaged file with a clear error, and never holds a full vault token.
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MigrateError } from '../../../../src/errors.js';
import { startSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { withTempDir } from '../../../helpers/temp-dir.js';
import { buildCatalog, customerAttributes } from './catalog-fixture.js';
import { callSandbox, startHarness } from './harness.js';

const STATE_FILE = 'sandbox-state.jsonl';

describe('persistence', () => {
  it('keeps records, id counters and tokens across a restart', async () => {
    await withTempDir({}, async (dir) => {
      const first = await startHarness({ dataDir: dir });
      await buildCatalog(first);
      const created = await first.call('POST', '/subscriptions.json', {
        subscription: {
          product_handle: 'gold',
          customer_attributes: customerAttributes('persist-1'),
          credit_card_attributes: { vault_token: 'tok_FULL_SECRET_777', current_vault: 'bogus', last_four: '1111' },
        },
        uniqueness_token: 'persist-token',
      });
      expect(created.status).toBe(201);
      const removed = await first.call('POST', '/customers.json', { customer: customerAttributes('persist-2') });
      await first.call('DELETE', `/customers/${removed.body.customer.id}.json`);
      await first.close();

      const second = await startSandbox({ dataDir: dir });
      try {
        const read = await callSandbox(second.baseUrl, 'GET', `/subscriptions/${created.body.subscription.id}.json`);
        expect(read.body.subscription.customer.reference).toBe('persist-1');
        const preview = await callSandbox(second.baseUrl, 'POST', `/subscriptions/${created.body.subscription.id}/renewals/preview.json`);
        expect(preview.body.renewal_preview.total_in_cents).toBe(10000);
        const next = await callSandbox(second.baseUrl, 'POST', '/customers.json', { customer: customerAttributes('persist-3') });
        expect(next.body.customer.id).toBe(removed.body.customer.id + 1);
        const replay = await callSandbox(second.baseUrl, 'POST', '/subscriptions.json', {
          subscription: { product_handle: 'gold', customer_reference: 'persist-1' },
          uniqueness_token: 'persist-token',
        });
        expect(replay.status).toBe(409);
      } finally {
        await second.close();
      }
      const text = await readFile(join(dir, STATE_FILE), 'utf8');
      expect(text).not.toContain('FULL_SECRET');
      expect(await readdir(dir)).toEqual([STATE_FILE]);
    });
  });

  it('drops a last line torn by a crash and keeps everything before it', async () => {
    await withTempDir({}, async (dir) => {
      const first = await startHarness({ dataDir: dir });
      await first.call('POST', '/customers.json', { customer: customerAttributes('torn-1') });
      await first.close();
      await appendFile(join(dir, STATE_FILE), '{"t":"put","c":"customers","r":{"id":9,"refer');
      const second = await startSandbox({ dataDir: dir });
      try {
        expect((await callSandbox(second.baseUrl, 'GET', '/customers/lookup.json?reference=torn-1')).status).toBe(200);
        expect((await callSandbox(second.baseUrl, 'GET', '/customers.json')).body).toHaveLength(1);
      } finally {
        await second.close();
      }
    });
  });

  it('refuses a damaged state file with one line naming it and what to do', async () => {
    await withTempDir({ [STATE_FILE]: '{"t":"put","c":"customers","r":{"id":1}}\nnot json at all\n{"t":"tok","k":"x","at":1}\n' }, async (dir) => {
      const error = await startSandbox({ dataDir: dir }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(MigrateError);
      expect((error as MigrateError).message).toBe(`the sandbox state file ${join(dir, STATE_FILE)} is damaged at line 2`);
      expect((error as MigrateError).hint).toMatch(/Move the data folder aside/);
    });
  });

  it('refuses a second sandbox on a data folder in use, and takes over a lock left by a crash', async () => {
    await withTempDir({}, async (dir) => {
      const first = await startSandbox({ dataDir: dir });
      try {
        const error = await startSandbox({ dataDir: dir }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(MigrateError);
        expect((error as MigrateError).message).toBe(`another sandbox (process ${process.pid}) is using the data folder ${dir}`);
      } finally {
        await first.close();
      }
      await writeFile(join(dir, 'sandbox.lock'), '2147483646');
      const afterCrash = await startSandbox({ dataDir: dir });
      await afterCrash.close();
    });
  });

  it('releases the data folder when it cannot listen (the port is taken)', async () => {
    await withTempDir({}, async (dir) => {
      const holder = await startSandbox();
      try {
        await expect(startSandbox({ dataDir: dir, port: holder.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
        const next = await startSandbox({ dataDir: dir });
        await next.close();
      } finally {
        await holder.close();
      }
    });
  });

  it('keeps state in memory without a data folder: a new sandbox starts empty', async () => {
    const first = await startHarness();
    await first.call('POST', '/customers.json', { customer: customerAttributes('memory-1') });
    await first.close();
    const second = await startHarness();
    expect((await second.call('GET', '/customers.json')).body).toEqual([]);
    await second.close();
  });
  it('is one site per data folder: the instance id it reports survives a restart on another port, and differs elsewhere', async () => {
    await withTempDir({}, async (dir) => {
      const instanceOf = async (baseUrl: string): Promise<string> => (await callSandbox(baseUrl, 'GET', '/site.json')).body.site.sandbox_instance_id;
      const first = await startSandbox({ dataDir: join(dir, 'a') });
      const reported = await instanceOf(first.baseUrl);
      expect(reported).toBe(first.instance);
      expect(reported).toMatch(/^[0-9a-f-]{36}$/);
      await first.close();
      const again = await startSandbox({ dataDir: join(dir, 'a') });
      const other = await startSandbox({ dataDir: join(dir, 'b') });
      const memory = [await startSandbox(), await startSandbox()];
      try {
        expect(again.baseUrl).not.toBe(first.baseUrl);
        expect(await instanceOf(again.baseUrl)).toBe(reported);
        expect(await instanceOf(other.baseUrl)).not.toBe(reported);
        expect(new Set([reported, other.instance, ...memory.map((sandbox) => sandbox.instance)]).size).toBe(4);
      } finally {
        await Promise.all([again.close(), other.close(), ...memory.map((sandbox) => sandbox.close())]);
      }
      // Kept in the state log itself: the folder still holds the one state file.
      expect(await readdir(join(dir, 'a'))).toEqual([STATE_FILE]);
    });
  });

  it('gives a state log written before instance ids one, and keeps it from then on', async () => {
    await withTempDir({}, async (dir) => {
      await writeFile(join(dir, STATE_FILE), '{"t":"put","c":"customers","r":{"id":1,"reference":"old"}}\n');
      const first = await startSandbox({ dataDir: dir });
      const instance = first.instance;
      await first.close();
      const second = await startSandbox({ dataDir: dir });
      try {
        expect(second.instance).toBe(instance);
        expect((await callSandbox(second.baseUrl, 'GET', '/customers/1.json')).body.customer.reference).toBe('old');
      } finally {
        await second.close();
      }
    });
  });
});
