// Test harness for erase, resync and whole import runs: copies sample template files into a temp folder,
// imports them into a sandbox through the real importer and client, and counts what the site holds over HTTP.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expect } from 'vitest';
import { prepareImport, runImport } from '../../src/importer/run-import.js';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { openJournal, type Journal } from '../../src/state/journal.js';
import { siteIdentityOf } from '../../src/state/site-identity.js';
import { createTarget, type ClientOptions } from '../../src/targets/index.js';
import type { JsonObject } from '../../src/targets/advanced-billing/api.js';
import type { Target } from '../../src/targets/target.js';
import { validateFiles } from '../../src/validate/index.js';
import { AS_OF } from '../e2e/import-data.js';
import { withTempDir } from '../helpers/temp-dir.js';

const SAMPLE = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

/** The sample files most erase and resync tests use: the catalog, advanced customers and their subscriptions. */
export const CORE_FILES = ['product-families.csv', 'products.csv', 'components.csv', 'coupons.csv', 'customers-advanced.csv', 'subscriptions-advanced.csv'];

/** Copies sample files into `dir/data`; `keep` filters rows of a file by its cells. */
export async function copySample(dir: string, names: string[], keep: Record<string, (row: Record<string, string>) => boolean> = {}): Promise<string[]> {
  await mkdir(join(dir, 'data'), { recursive: true });
  const paths: string[] = [];
  for (const name of names) {
    const to = join(dir, 'data', name);
    const filter = keep[name];
    if (filter) {
      const [header, ...rows] = parse(await readFile(join(SAMPLE, name), 'utf8')) as string[][];
      const kept = rows.filter((cells) => filter(Object.fromEntries(header!.map((column, index) => [column, cells[index] ?? '']))));
      await writeFile(to, stringify([header!, ...kept]));
    } else {
      await copyFile(join(SAMPLE, name), to);
    }
    paths.push(to);
  }
  return paths;
}

/** Advanced subscriptions without balances, so every journaled subscription is a purge with nothing riding along. */
export const withoutBalances = (row: Record<string, string>): boolean => row.service_credit_balance === '' && row.prepayment_balance === '';

/** Imports files into the target as test-import does (site "test"), with the state folder and results under `dir`. */
export async function importFiles(dir: string, files: string[], target: Target) {
  return runImport({
    command: 'test-import',
    prepared: await prepareFiles(files),
    target,
    siteName: 'test',
    stateDir: join(dir, '.migrate'),
    outDir: join(dir, 'out'),
    asOf: AS_OF,
    concurrency: 4,
  });
}

export interface ImportedSite {
  sandbox: RunningSandbox;
  target: Target;
  /** The temp project folder: data/ holds the copied files, .migrate/ the state, out/ the results. */
  dir: string;
  files: string[];
}

/**
 * Starts a sandbox, copies the sample files (`keep` filters rows, as copySample) into a temp folder,
 * imports them with no row errors, and hands the site to `fn`; everything is closed afterwards.
 */
export async function withImportedSample(
  sample: { names: string[]; keep?: Record<string, (row: Record<string, string>) => boolean> },
  fn: (site: ImportedSite) => Promise<void>,
  options: { mode?: 'test' | 'live'; target?: ClientOptions } = {},
): Promise<void> {
  const sandbox = await startSandbox(options.mode ? { mode: options.mode } : {});
  const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl }, options.target);
  try {
    await withTempDir({}, async (dir) => {
      const files = await copySample(dir, sample.names, sample.keep);
      expect((await importFiles(dir, files, target)).document.summary.error).toBe(0);
      await fn({ sandbox, target, dir, files });
    });
  } finally {
    await target.close();
    await sandbox.close();
  }
}

export async function all(items: AsyncIterable<JsonObject>): Promise<JsonObject[]> {
  const list: JsonObject[] = [];
  for await (const item of items) list.push(item);
  return list;
}

export async function siteJournal(dir: string, target: Target): Promise<Journal> {
  return openJournal(join(dir, '.migrate'), siteIdentityOf(await target.readSite(), target.baseUrl).key, 'test-reader');
}

/** What a site holds, as sorted keys: customers by reference, active subscriptions by reference, unarchived products by handle. */
export async function siteSnapshot(target: Target): Promise<{ customers: string[]; subscriptions: string[]; products: string[] }> {
  const customers = (await all(target.api.listCustomers())).map((customer) => String(customer.reference ?? customer.email)).sort();
  const subscriptions = (await all(target.api.listSubscriptions()))
    .filter((subscription) => subscription.state !== 'canceled')
    .map((subscription) => String(subscription.reference ?? (subscription.customer as JsonObject | undefined)?.reference))
    .sort();
  const products = (await all(target.api.listProducts())).map((product) => String(product.handle)).sort();
  return { customers, subscriptions, products };
}

/** Validates and plans files as the CLI does, without sending anything. */
export async function prepareFiles(files: string[]) {
  const report = await validateFiles(files, { asOf: AS_OF, keepContent: true });
  return prepareImport(report.files);
}

/** Rewrites cells of a template file: `edit` receives each row's cells by column and changes them in place; returning false drops the row. */
export async function editCsv(path: string, edit: (row: Record<string, string>) => boolean | void, append: Array<Record<string, string>> = []): Promise<void> {
  const [header, ...rows] = parse(await readFile(path, 'utf8')) as string[][];
  const out: string[][] = [header!];
  for (const cells of [...rows, ...append.map((values) => header!.map((column) => values[column] ?? ''))]) {
    const row = Object.fromEntries(header!.map((column, index) => [column, cells[index] ?? '']));
    if (edit(row) === false) continue;
    out.push(header!.map((column) => row[column] ?? ''));
  }
  await writeFile(path, stringify(out));
}
