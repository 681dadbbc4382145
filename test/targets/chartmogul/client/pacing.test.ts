// The client keeps to the account's rate itself: a burst past a second's worth of requests meets no 429
// from an emulator that enforces the same rate; where the emulator's limit is lower than the client's
// pace, each 429 is waited out (Retry-After) and retried until every call succeeds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { harness } from './setup.js';

const cleanUp: string[] = [];
afterAll(async () => {
  for (const dir of cleanUp) await rm(dir, { recursive: true, force: true });
});

const throttled = (lines: string[]): number => lines.filter((line) => / 429 \d+ms/.test(line)).length;

describe('pacing', () => {
  it('sends a burst of 90 at 40 a second without one 429 from an emulator limited to 40 a second', async () => {
    const { client, lines, waits } = await harness({ emulator: { rateLimit: 40 }, client: { requestsPerSecond: 40 } });
    await Promise.all(Array.from({ length: 90 }, () => client.ping()));
    expect(lines.filter((line) => / 200 \d+ms$/.test(line))).toHaveLength(90);
    expect(throttled(lines)).toBe(0);
    expect(waits).toEqual([]);
  });

  it('meets 429 with the same burst when it does not pace (the emulator does enforce the limit)', async () => {
    const { client, lines } = await harness({ emulator: { rateLimit: 40 }, client: { requestsPerSecond: 10_000, maxInFlight: 20 } });
    await Promise.all(Array.from({ length: 90 }, () => client.ping()));
    // Every call still succeeds: each 429 is retried after the Retry-After it came with.
    expect(lines.filter((line) => / 200 \d+ms$/.test(line))).toHaveLength(90);
    expect(throttled(lines)).toBeGreaterThan(0);
  });

  it('retries the 429s of an emulator limited below its pace, waiting its Retry-After, until every call succeeds', async () => {
    const { client, lines, waits } = await harness({ emulator: { rateLimit: 5 }, client: { requestsPerSecond: 40 } });
    await Promise.all(Array.from({ length: 12 }, () => client.ping()));
    expect(lines.filter((line) => / 200 \d+ms$/.test(line))).toHaveLength(12);
    expect(throttled(lines)).toBeGreaterThan(0);
    expect(waits.length).toBe(throttled(lines));
    expect(waits.every((wait) => wait.seconds === 1 && wait.reason === 'ChartMogul asked to retry later (429)' && wait.call === 'GET /v1/ping')).toBe(true);
  });

  it('keeps at most maxInFlight requests open, and an Advanced Billing concurrency caps it too', async () => {
    // The emulator answers 503 past 2 requests at once (each held until its change is on disk): a
    // client that keeps within 2 never sees one.
    for (const client of [{ maxInFlight: 2 }, { concurrency: 2 }]) {
      const dataDir = await mkdtemp(join(tmpdir(), 'migrate-cm-client-'));
      cleanUp.push(dataDir);
      const { client: cm, lines } = await harness({ emulator: { parallelLimit: 2, dataDir }, client });
      const ds = await cm.createDataSource('Migrate');
      await Promise.all(Array.from({ length: 30 }, (_, index) => cm.createCustomer({ data_source_uuid: ds.uuid, external_id: `C-${index}` })));
      expect(lines.filter((line) => / 503 /.test(line))).toEqual([]);
    }
  });
});
