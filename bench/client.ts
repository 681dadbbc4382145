// Benchmark of the target client against in-process sandboxes on loopback: requests/s at concurrency 4
// (mixed reads and creates, goal ≥ 2,000/s; persisted and in-memory sandbox, to show the fsync share),
// and the client's own cost per request over raw undici. BENCH_CLIENT_REQUESTS overrides the batch size.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { startSandbox } from '../src/targets/advanced-billing/sandbox/index.js';
import { ChargifyClient } from '../src/targets/advanced-billing/client/client.js';

const API_KEY = 'bench-key';
const REPETITIONS = 5;
const WORKERS = 8;
/** One create per this many requests; the rest are reads. */
const CREATE_EVERY = 4;
/** Paired blocks of one-at-a-time reads for the overhead figure. */
const OVERHEAD_BLOCKS = 41;
const BLOCK_SIZE = 100;

export async function run(): Promise<void> {
  const requests = Number(process.env.BENCH_CLIENT_REQUESTS ?? 4000);
  const dataDir = await mkdtemp(join(tmpdir(), 'migrate-bench-client-'));
  const persisted = await startSandbox({ port: 0, host: '127.0.0.1', dataDir, apiKey: API_KEY });
  const inMemory = await startSandbox({ port: 0, host: '127.0.0.1', apiKey: API_KEY });
  const client = new ChargifyClient({ name: 'bench', baseUrl: persisted.baseUrl, apiKey: API_KEY }, { concurrency: 4 });
  const memoryClient = new ChargifyClient({ name: 'bench-memory', baseUrl: inMemory.baseUrl, apiKey: API_KEY }, { concurrency: 4 });
  const raw = new Pool(new URL(persisted.baseUrl).origin, { connections: 4, pipelining: 1 });
  const authorization = `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}`;
  try {
    const seedId = Number((await client.createCustomer(customerAttrs('seed'), { naturalKey: 'bench:seed' })).id);
    const memorySeedId = Number((await memoryClient.createCustomer(customerAttrs('seed'), { naturalKey: 'bench:seed' })).id);
    const mixed = mixedWorkload(client, seedId, 'disk');
    const mixedInMemory = mixedWorkload(memoryClient, memorySeedId, 'memory');
    const clientRead = async (): Promise<void> => {
      await client.readCustomer(seedId);
    };
    const rawRead = async (): Promise<void> => {
      const response = await raw.request({ method: 'GET', path: `/customers/${seedId}.json`, headers: { accept: 'application/json', authorization } });
      JSON.parse(await response.body.text());
    };

    await drive(mixed, 500, WORKERS);
    await drive(mixedInMemory, 500, WORKERS);
    const rates = { mixed: [] as number[], mixedInMemory: [] as number[], reads: [] as number[], rawReads: [] as number[] };
    for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
      rates.mixed.push(perSecond(requests, await drive(mixed, requests, WORKERS)));
      rates.mixedInMemory.push(perSecond(requests, await drive(mixedInMemory, requests, WORKERS)));
      rates.reads.push(perSecond(requests, await drive(clientRead, requests, WORKERS)));
      rates.rawReads.push(perSecond(requests, await drive(rawRead, requests, 4)));
    }
    // One request at a time, so the difference is the client's own cost, not queueing; client and raw
    // blocks alternate and are paired, so a busy machine slows both sides of each pair alike.
    const clientSerial: number[] = [];
    const rawSerial: number[] = [];
    const differences: number[] = [];
    for (let block = 0; block < OVERHEAD_BLOCKS; block += 1) {
      const clientMs = (await drive(clientRead, BLOCK_SIZE, 1)) / BLOCK_SIZE;
      const rawMs = (await drive(rawRead, BLOCK_SIZE, 1)) / BLOCK_SIZE;
      clientSerial.push(clientMs);
      rawSerial.push(rawMs);
      differences.push(clientMs - rawMs);
    }
    const mixedRate = median(rates.mixed);
    const overheadUs = median(differences) * 1000;
    const workload = `1 create per ${CREATE_EVERY} requests, rest reads`;
    const table = [
      ['measure', 'median', 'goal'],
      [`client, concurrency 4, ${workload}, sandbox persisting (fsync)`, `${rounded(mixedRate)} req/s`, mixedRate >= 2000 ? '≥ 2,000 ✓' : '≥ 2,000 ✗'],
      [`client, concurrency 4, ${workload}, sandbox in memory`, `${rounded(median(rates.mixedInMemory))} req/s`, ''],
      ['client, concurrency 4, reads', `${rounded(median(rates.reads))} req/s`, ''],
      ['raw undici, 4 connections, reads', `${rounded(median(rates.rawReads))} req/s`, ''],
      ['latency, one at a time: client', `${(median(clientSerial) * 1000).toFixed(0)} µs`, ''],
      ['latency, one at a time: raw undici', `${(median(rawSerial) * 1000).toFixed(0)} µs`, ''],
      ['client overhead per request', `${overheadUs.toFixed(0)} µs`, ''],
    ];
    process.stdout.write(`${requests.toLocaleString('en-US')} requests per batch against in-process sandboxes on loopback (client and sandbox share one event loop)\n\n`);
    process.stdout.write(`${markdownTable(table)}\n`);
    process.stdout.write(`\nRates: median of ${REPETITIONS} runs. Latencies and overhead: median of ${OVERHEAD_BLOCKS} alternating blocks of ${BLOCK_SIZE} requests.\n`);
  } finally {
    await raw.close();
    await client.close();
    await memoryClient.close();
    await persisted.close();
    await inMemory.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Reads of one customer, with every CREATE_EVERY-th call creating a new one. */
function mixedWorkload(client: ChargifyClient, seedId: number, prefix: string): () => Promise<void> {
  let serial = 0;
  return async () => {
    serial += 1;
    if (serial % CREATE_EVERY === 0) {
      await client.createCustomer(customerAttrs(`${prefix}-${serial}`), { naturalKey: `bench:${prefix}-${serial}` });
    } else {
      await client.readCustomer(seedId);
    }
  };
}

function perSecond(count: number, ms: number): number {
  return (count / ms) * 1000;
}

function customerAttrs(reference: string) {
  return { first_name: 'Bench', last_name: 'Mark', email: `${reference}@example.com`, reference };
}

/** Runs `total` calls of `task` from `workers` concurrent loops; answers the elapsed milliseconds. */
async function drive(task: () => Promise<void>, total: number, workers: number): Promise<number> {
  let remaining = total;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (remaining > 0) {
        remaining -= 1;
        await task();
      }
    }),
  );
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function rounded(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}
