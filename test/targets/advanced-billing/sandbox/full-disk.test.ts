// The sandbox on a disk that fills up (a real tmpfs): a write it cannot keep is answered 503 and leaves no
// trace (not in its records, not in its uniqueness tokens), a write cut short is cut off the state file
// before the next one, and a restart on the same folder holds exactly what was answered 2xx.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { StateWriteError, Store } from '../../../../src/targets/advanced-billing/sandbox/store.js';
import { customerAttributes } from './catalog-fixture.js';
import { callSandbox } from './harness.js';
import { fillDisk, freeDisk, withTmpfs } from '../../../helpers/tmpfs.js';

const STATE_FILE = 'sandbox-state.jsonl';

/** Runs fn with a data folder on a fresh tmpfs of sizeKb. */
async function onSmallDisk(sizeKb: number, fn: (disk: string, dataDir: string) => Promise<void>): Promise<void> {
  await withTmpfs({ size: `${sizeKb}k` }, (disk) => fn(disk, join(disk, 'data')));
}

async function withSandbox<T>(options: SandboxOptions, fn: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox(options);
  try {
    return await fn(sandbox);
  } finally {
    await sandbox.close();
  }
}

/** A customer whose state line is about 2 KB, so a few fill the last page of the state file and one is cut short. */
async function createCustomer(sandbox: RunningSandbox, reference: string, token = `token-${reference}`) {
  const customer = { ...customerAttributes(reference), organization: `Org ${'x'.repeat(1400)}` };
  return callSandbox(sandbox.baseUrl, 'POST', '/customers.json', { customer, uniqueness_token: token });
}

/** Every customer on the site, reference → id. */
async function customersOn(sandbox: RunningSandbox): Promise<Map<string, number>> {
  const listed = await callSandbox(sandbox.baseUrl, 'GET', '/customers.json?per_page=200');
  expect(listed.status).toBe(200);
  return new Map(listed.body.map(({ customer }: { customer: { reference: string; id: number } }) => [customer.reference, customer.id]));
}

/** Creates customers one by one until the sandbox refuses one (it must, within 50); records those answered 2xx. */
async function createUntilRefused(sandbox: RunningSandbox, prefix: string, answered: Map<string, number>): Promise<string> {
  for (let index = 0; index < 50; index += 1) {
    const reference = `${prefix}-${index}`;
    const created = await createCustomer(sandbox, reference);
    if (created.status < 300) {
      answered.set(reference, created.body.customer.id);
      continue;
    }
    expect(created.status).toBe(503);
    expect(created.body.errors).toEqual([expect.stringMatching(/could not save the change.*ENOSPC.*nothing was kept/)]);
    return reference;
  }
  throw new Error('the sandbox never refused a write on a full disk');
}

/** Every line of the state file is a whole JSON record and the file ends with a newline. */
async function expectWholeLines(dataDir: string): Promise<void> {
  const text = await readFile(join(dataDir, STATE_FILE), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.split('\n').slice(0, -1)) expect(() => JSON.parse(line), line.slice(0, 80)).not.toThrow();
}

describe('sandbox on a full disk', () => {
  it('answers 503 to a write it cannot keep, keeps no trace of it, and restarts with exactly what it answered 2xx', async () => {
    await onSmallDisk(192, async (disk, dataDir) => {
      const logs: string[] = [];
      const answered = new Map<string, number>();
      const refused = await withSandbox({ dataDir, log: (line) => logs.push(line) }, async (first) => {
        for (const reference of ['before-0', 'before-1', 'before-2']) {
          const created = await createCustomer(first, reference);
          expect(created.status).toBe(200);
          answered.set(reference, created.body.customer.id);
        }
        const filler = await fillDisk(disk);
        // The state file's last page still takes a line or two; then a write is cut short and refused.
        const reference = await createUntilRefused(first, 'full', answered);
        expect(logs.some((line) => /cannot write .*sandbox-state\.jsonl.*ENOSPC/.test(line))).toBe(true);

        // Nothing of it was kept: the same token is not spent (no 409), the customer is not there.
        expect((await createCustomer(first, reference)).status).toBe(503);
        expect((await callSandbox(first.baseUrl, 'GET', `/customers/lookup.json?reference=${reference}`)).status).toBe(404);
        expect(await customersOn(first)).toEqual(answered);

        await freeDisk(filler);
        for (const again of [reference, 'after-free']) {
          const created = await createCustomer(first, again);
          expect(created.status).toBe(200);
          answered.set(again, created.body.customer.id);
        }
        expect(await customersOn(first)).toEqual(answered);
        return reference;
      });
      // No line cut short in the middle of the file: the torn write was cut off before the next one.
      await expectWholeLines(dataDir);

      await withSandbox({ dataDir }, async (second) => {
        expect(await customersOn(second)).toEqual(answered);
        // The token of the write answered 200 after the disk was freed is spent; the ids go on from the last one.
        expect((await createCustomer(second, refused)).status).toBe(409);
        const later = await createCustomer(second, 'later');
        expect(later.body.customer.id).toBe(Math.max(...answered.values()) + 1);
      });
    });
  });

  it('starts on a full disk with a torn state file: cuts the torn line off, logs it, and refuses writes with 503 until there is space', async () => {
    await onSmallDisk(128, async (disk, dataDir) => {
      await withSandbox({ dataDir }, async (first) => expect((await createCustomer(first, 'kept')).status).toBe(200));
      // A power cut in the middle of a write, then the disk filled up by something else.
      await appendFile(join(dataDir, STATE_FILE), '{"t":"put","c":"customers","r":{"id":2,"refer');
      const filler = await fillDisk(disk);
      const logs: string[] = [];
      const answered = new Map<string, number>([['kept', 1]]);
      await withSandbox({ dataDir, log: (line) => logs.push(line) }, async (second) => {
        expect(logs).toEqual([
          expect.stringMatching(/sandbox-state\.jsonl ended in a line cut short \(45 bytes.*dropped it, kept the 3 whole lines/),
          expect.stringMatching(/cannot compact .*sandbox-state\.jsonl \(ENOSPC\); appending to it as it is/),
        ]);
        expect(await customersOn(second)).toEqual(answered);
        await createUntilRefused(second, 'full', answered);
        await freeDisk(filler);
        const after = await createCustomer(second, 'after');
        expect(after.status).toBe(200);
        answered.set('after', after.body.customer.id);
      });
      await expectWholeLines(dataDir);
      await withSandbox({ dataDir }, async (third) => expect(await customersOn(third)).toEqual(answered));
    });
  });

  it('keeps exactly the concurrent writes it answered 2xx when the disk fills up under them (group commit)', async () => {
    await onSmallDisk(192, async (disk, dataDir) => {
      const answered = new Map<string, number>();
      const refused: string[] = [];
      await withSandbox({ dataDir }, async (first) => {
        const filler = await fillDisk(disk);
        // Rounds of 8 at once (4 processed, 4 queued): several share one append, which the disk cuts short.
        for (let round = 0; round < 10 && refused.length === 0; round += 1) {
          const references = Array.from({ length: 8 }, (_, index) => `round-${round}-${index}`);
          const results = await Promise.all(references.map((reference) => createCustomer(first, reference)));
          results.forEach((result, index) => {
            const reference = references[index] as string;
            if (result.status < 300) answered.set(reference, result.body.customer.id);
            else {
              expect(result.status).toBe(503);
              refused.push(reference);
            }
          });
        }
        expect(refused.length).toBeGreaterThan(0);
        expect(await customersOn(first)).toEqual(answered);
        await freeDisk(filler);
        for (const reference of refused) {
          const again = await createCustomer(first, reference);
          expect(again.status).toBe(200);
          answered.set(reference, again.body.customer.id);
        }
      });
      await expectWholeLines(dataDir);
      await withSandbox({ dataDir }, async (second) => {
        expect(await customersOn(second)).toEqual(answered);
        expect(new Set(answered.values()).size).toBe(answered.size);
      });
    });
  });
  it('still refuses a change the disk dropped when its request asks only after later writes succeeded', async () => {
    // The interleaving a request's latency allows: its change goes down with another request's failed
    // append, the disk recovers, and only then does it ask whether its change is on disk.
    await onSmallDisk(128, async (disk, dataDir) => {
      const store = await Store.open(dataDir);
      try {
        const put = (id: number) => store.transaction(() => store.put('customers', { id: store.nextId('customers'), organization: 'x'.repeat(1500), tag: id }));
        const filler = await fillDisk(disk);
        let dropped: ReturnType<Store['mark']> | undefined;
        for (let index = 0; index < 50 && dropped === undefined; index += 1) {
          put(index);
          const mark = store.mark();
          const kept = await store.persisted(mark).then(() => true, (error: unknown) => (error instanceof StateWriteError ? false : Promise.reject(error)));
          if (!kept) dropped = mark;
        }
        if (dropped === undefined) throw new Error('the disk never refused a write');
        await freeDisk(filler);
        put(100);
        await store.persisted(store.mark());
        await expect(store.persisted(dropped)).rejects.toBeInstanceOf(StateWriteError);
      } finally {
        await store.close();
      }
    });
  });
});
