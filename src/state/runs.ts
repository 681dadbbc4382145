// Run records in the state folder (`runs/<run-id>.json`): which files (by content hash) a command
// imported into which site, when, and how it ended. live-import's test-check relies on them.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { writeJsonFile } from './json-file.js';
import { basename, join } from 'node:path';

export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed';

export interface RunFile {
  path: string;
  /** The sheet, for a workbook's template sheet: `sha256` is then the whole workbook's, so an edit to any sheet is a new file. */
  sheet?: string;
  kind: string;
  sha256: string;
}

export interface RunRecord {
  version: 1;
  id: string;
  command: 'test-import' | 'live-import';
  /** `fingerprint`: the site's identity (src/state/site-identity.ts); absent in records written before it existed. */
  site: { name: string; key: string; baseUrl: string; fingerprint?: string };
  files: RunFile[];
  startedAt: string;
  endedAt?: string;
  status: RunStatus;
  counts?: { rows: number; success: number; error: number; skipped: number; pending: number };
}

/** A sortable, unique run id: UTC timestamp plus a random suffix. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

function runsDir(stateDir: string): string {
  return join(stateDir, 'runs');
}

/** Writes the record atomically (writeJsonFile), so a crash never leaves half a record. */
export async function saveRun(stateDir: string, run: RunRecord): Promise<void> {
  const dir = runsDir(stateDir);
  await mkdir(dir, { recursive: true });
  await writeJsonFile(join(dir, `${run.id}.json`), run);
}

/** All run records, oldest first; unreadable records are skipped (they are history, not state). */
export async function listRuns(stateDir: string): Promise<RunRecord[]> {
  let names: string[];
  try {
    names = await readdir(runsDir(stateDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const runs: RunRecord[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    try {
      const record = JSON.parse(await readFile(join(runsDir(stateDir), name), 'utf8')) as RunRecord;
      if (record.version === 1 && typeof record.id === 'string') runs.push(record);
    } catch {
      continue;
    }
  }
  return runs;
}

/**
 * The latest completed test-import whose files cover every given file by content hash and that ended
 * with no row errors, or undefined.
 */
export function findCleanTestRun(runs: RunRecord[], hashes: string[]): RunRecord | undefined {
  const clean = runs.filter(
    (run) =>
      run.command === 'test-import' &&
      run.status === 'completed' &&
      (run.counts?.error ?? 1) === 0 &&
      hashes.every((hash) => run.files.some((file) => file.sha256 === hash)),
  );
  return clean.at(-1);
}

/** The most recent run of a command against a site that stopped before the end (canary or interruption). */
export function findUnfinishedRun(runs: RunRecord[], command: RunRecord['command'], siteKey: string): RunRecord | undefined {
  return runs.filter((run) => run.command === command && run.site.key === siteKey && run.status !== 'completed').at(-1);
}

export function describeRun(run: RunRecord): string {
  const files = [...new Set(run.files.map((file) => basename(file.path)))].join(', ');
  return `run ${run.id} (${run.command} into ${run.site.name}, ${run.startedAt}, files ${files})`;
}
