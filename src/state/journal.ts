// The journal: an append-only JSON-lines file per site recording, for every template row, the intent
// to create an object and its outcome, so that no row is ever created twice and any run can resume.
import { mkdir, open, readFile, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrateError } from '../errors.js';
import type { ObjectType } from '../plan/operation.js';

const JOURNAL_VERSION = 1;

export type JournalEvent = 'intent' | 'done' | 'failed' | 'erased';

/** One line of the journal file. */
export interface JournalEntry {
  v: number;
  /** ISO timestamp. */
  at: string;
  run: string;
  /** The journal's key: the site's name and a hash of its fingerprint (see src/state/site-identity.ts). */
  site: string;
  type: ObjectType;
  /** `${type}:${natural key}`, unique per site. */
  naturalKey: string;
  /** Template kind of the row. */
  kind: string;
  file: string;
  /** The sheet, when the row is a workbook's. */
  sheet?: string;
  row: number;
  event: JournalEvent;
  token?: string;
  id?: number | string;
  link?: string;
  applied?: Record<string, string>;
  nextRenewal?: string;
  amount?: string;
  /** Error messages of a failed create (API messages; never secrets). */
  error?: string;
}

/** What the caller supplies for an entry; version, time, run and site are filled in by the journal. */
export type JournalRecord = Omit<JournalEntry, 'v' | 'at' | 'run' | 'site'>;

/** The latest known state of one object, folded from its entries (the same fields; the latest event is the state). */
export interface JournalObject
  extends Pick<JournalEntry, 'naturalKey' | 'type' | 'kind' | 'file' | 'sheet' | 'row' | 'run' | 'at' | 'id' | 'link' | 'applied' | 'nextRenewal' | 'amount' | 'error'> {
  state: JournalEvent;
  /**
   * When the object was last erased from the site, kept through the re-create that follows: a
   * re-create must not reuse the uniqueness token of the erased object's create (the site remembers
   * tokens for an hour), so whoever derives the token mixes this in.
   */
  erasedAt?: string;
}

export interface Journal {
  readonly path: string;
  readonly site: string;
  /** Appends an entry and resolves once it is on disk (fsynced). */
  record(entry: JournalRecord): Promise<void>;
  /** Latest state per natural key. */
  objects(): Map<string, JournalObject>;
  /** Objects whose latest event is an intent: a create may or may not have reached the site. */
  unfinishedIntents(): JournalObject[];
  close(): Promise<void>;
}

/** Field names whose values are secrets or full payment tokens: masked before they reach the file. */
/** The fields that name an object and its row, which every new entry about a known object repeats. */
export function objectRef(object: JournalObject): Pick<JournalRecord, 'type' | 'naturalKey' | 'kind' | 'file' | 'sheet' | 'row'> {
  return { type: object.type, naturalKey: object.naturalKey, kind: object.kind, file: object.file, ...(object.sheet !== undefined ? { sheet: object.sheet } : {}), row: object.row };
}

const SECRET_FIELD = /(api_?key|password|secret|vault_token|payment_token|card_number|full_number|cvv|account_number|routing_number)/i;

/** Masks values of secret-looking fields, keeping the last 4 characters so a person can still tell them apart. */
function maskSecrets(values: Record<string, string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    masked[name] = SECRET_FIELD.test(name) && value !== '' ? `****${value.slice(-4)}` : value;
  }
  return masked;
}

export function journalPath(stateDir: string, site: string): string {
  return join(stateDir, 'journal', `${site}.jsonl`);
}

/** Reads a journal's entries, tolerating a torn last line; returns the byte length of the intact part. */
async function readJournalEntries(path: string): Promise<{ entries: JournalEntry[]; intactBytes: number; torn: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], intactBytes: 0, torn: false };
    throw error;
  }
  const lastNewline = text.lastIndexOf('\n');
  const intact = text.slice(0, lastNewline + 1);
  const tail = text.slice(lastNewline + 1);
  const entries: JournalEntry[] = [];
  const lines = intact.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    entries.push(parseEntry(line, path, index + 1));
  }
  // A crash mid-write leaves a partial last line without its newline: that entry never happened.
  return { entries, intactBytes: Buffer.byteLength(intact, 'utf8'), torn: tail.length > 0 };
}

function parseEntry(line: string, path: string, lineNumber: number): JournalEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw corrupt(path, lineNumber, 'is not valid JSON');
  }
  if (typeof value !== 'object' || value === null) throw corrupt(path, lineNumber, 'is not a journal entry');
  const entry = value as Partial<JournalEntry>;
  if (typeof entry.v !== 'number') throw corrupt(path, lineNumber, 'has no format version');
  if (entry.v > JOURNAL_VERSION) {
    throw new MigrateError('journal-newer', `The journal ${path} was written by a newer version of migrate (format ${entry.v}).`, {
      hint: 'Upgrade migrate to read it; do not delete it, it records what already exists on the site.',
    });
  }
  if (typeof entry.naturalKey !== 'string' || typeof entry.event !== 'string' || typeof entry.type !== 'string') {
    throw corrupt(path, lineNumber, 'lacks naturalKey, type or event');
  }
  return entry as JournalEntry;
}

function corrupt(path: string, lineNumber: number, what: string): MigrateError {
  return new MigrateError('journal-corrupt', `The journal ${path} is damaged: line ${lineNumber} ${what}.`, {
    hint: 'Restore it from a backup or fix that line by hand; it records which rows already exist on the site.',
  });
}

function applyEntry(objects: Map<string, JournalObject>, entry: JournalEntry): void {
  const previous = objects.get(entry.naturalKey);
  const next: JournalObject = {
    naturalKey: entry.naturalKey,
    type: entry.type,
    kind: entry.kind,
    file: entry.file,
    ...(entry.sheet !== undefined ? { sheet: entry.sheet } : {}),
    row: entry.row,
    state: entry.event,
    run: entry.run,
    at: entry.at,
  };
  if (entry.event === 'done') {
    Object.assign(next, definedOnly({
      id: entry.id,
      link: entry.link,
      applied: entry.applied,
      nextRenewal: entry.nextRenewal,
      amount: entry.amount,
    }));
  } else if (entry.event === 'intent' || entry.event === 'erased') {
    // An intent over a finished object (a re-create after erase) keeps nothing; an erase keeps the old id for the record.
    if (entry.event === 'erased' && previous?.id !== undefined) next.id = previous.id;
  } else if (entry.error !== undefined) {
    next.error = entry.error;
  }
  const erasedAt = entry.event === 'erased' ? entry.at : previous?.erasedAt;
  if (erasedAt !== undefined) next.erasedAt = erasedAt;
  objects.set(entry.naturalKey, next);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface OpenJournalOptions {
  /**
   * Default true: take the site's lock (`<site>.jsonl.lock`, holding this process id) so that two
   * runs never write one journal at once; a lock left by a process that no longer exists is taken
   * over. Readers that only look (dry runs) pass false and never repair a torn line.
   */
  exclusive?: boolean;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(path: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new MigrateError('journal-locked', `Another migrate process (pid ${holder}) is working on this site's journal ${path.replace(/\.lock$/, '')}.`, {
          hint: 'Wait for it to finish (or stop it), then run again.',
        });
      }
      // Left behind by a process that was killed: nobody holds it any more.
      await unlink(path).catch(() => undefined);
    }
  }
  throw new MigrateError('journal-locked', `Could not lock the journal ${path.replace(/\.lock$/, '')}.`, { hint: 'Run again.' });
}

/**
 * Opens (creating if needed) the journal of a site in the state folder. A torn last line left by a
 * crash is cut off so that new entries start on a fresh line.
 */
export async function openJournal(stateDir: string, site: string, run = 'read-only', options: OpenJournalOptions = {}): Promise<Journal> {
  const path = journalPath(stateDir, site);
  const exclusive = options.exclusive ?? true;
  await mkdir(join(stateDir, 'journal'), { recursive: true });
  const lock = exclusive ? `${path}.lock` : undefined;
  if (lock) await takeLock(lock);
  try {
    const { entries, intactBytes, torn } = await readJournalEntries(path);
    if (torn && exclusive) await truncate(path, intactBytes);
    const objects = new Map<string, JournalObject>();
    for (const entry of entries) applyEntry(objects, entry);
    const handle = await open(path, 'a');
    return new AppendJournal(path, site, run, handle, objects, lock);
  } catch (error) {
    if (lock) await unlink(lock).catch(() => undefined);
    throw error;
  }
}

/**
 * Group commit: entries recorded while an fsync is in progress are written and synced together in
 * the next batch, so concurrent operations share one fsync instead of queueing one each.
 */
class AppendJournal implements Journal {
  private pending: Array<{ line: string; entry: JournalEntry; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly path: string,
    readonly site: string,
    private readonly run: string,
    private readonly handle: FileHandle,
    private readonly state: Map<string, JournalObject>,
    private readonly lock: string | undefined,
  ) {}

  record(record: JournalRecord): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    const entry: JournalEntry = {
      v: JOURNAL_VERSION,
      at: new Date().toISOString(),
      run: this.run,
      site: this.site,
      ...record,
      ...(record.applied ? { applied: maskSecrets(record.applied) } : {}),
    };
    const line = `${JSON.stringify(entry)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, entry, resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.handle.write(batch.map((item) => item.line).join(''));
        await this.handle.datasync();
        for (const item of batch) {
          applyEntry(this.state, item.entry);
          item.resolve();
        }
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = undefined;
  }

  objects(): Map<string, JournalObject> {
    return this.state;
  }

  unfinishedIntents(): JournalObject[] {
    return [...this.state.values()].filter((object) => object.state === 'intent');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing) await this.flushing;
    this.closed = true;
    await this.handle.close();
    if (this.lock) await unlink(this.lock).catch(() => undefined);
  }
}
