// The sandbox's state: one collection of records per resource, plus the uniqueness tokens seen.
// With a data folder, every change is appended to a JSON-lines log before the answer is sent (group
// commit), so a restart after a crash of the process replays exactly what clients were told; the log is
// fsynced within SYNC_INTERVAL_MS and on close, and compacted on open. The log also holds the instance
// id that makes this sandbox a site of its own (see `instance`).
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../../dates/clock.js';
import { InputError } from '../../../errors.js';

export type RecordValue = string | number | boolean | null | RecordValue[] | { [key: string]: RecordValue };
export type StoredRecord = { id: number; [key: string]: RecordValue };

export type CollectionName =
  | 'product_families'
  | 'products'
  | 'product_price_points'
  | 'components'
  | 'component_price_points'
  | 'segments'
  | 'coupons'
  | 'customers'
  | 'payment_profiles'
  | 'subscriptions'
  | 'invoices'
  | 'service_credits'
  | 'prepayments'
  | 'metafields'
  | 'metadata'
  /** Price brackets: only an id counter, the brackets live inside their price point. */
  | 'prices';

type LogEntry =
  | { t: 'put'; c: CollectionName; r: StoredRecord }
  | { t: 'del'; c: CollectionName; id: number }
  | { t: 'tok'; k: string; at: number }
  /** The instance id, first line of every compacted log. */
  | { t: 'site'; instance: string };

const LOG_FILE = 'sandbox-state.jsonl';
const LOCK_FILE = 'sandbox.lock';
/** Fields looked up by value on every signup or per resource: indexed so lookups stay cheap as the site grows. */
const INDEXED: Partial<Record<CollectionName, Array<{ field: string; ignoreCase: boolean }>>> = {
  product_families: [{ field: 'handle', ignoreCase: true }],
  products: [{ field: 'handle', ignoreCase: true }],
  components: [{ field: 'handle', ignoreCase: true }],
  coupons: [{ field: 'code', ignoreCase: true }],
  customers: [{ field: 'reference', ignoreCase: false }],
  subscriptions: [
    { field: 'reference', ignoreCase: false },
    { field: 'customer_id', ignoreCase: false },
  ],
  payment_profiles: [{ field: 'customer_id', ignoreCase: false }],
  service_credits: [{ field: 'subscription_id', ignoreCase: false }],
  prepayments: [{ field: 'subscription_id', ignoreCase: false }],
  invoices: [
    { field: 'uid', ignoreCase: false },
    { field: 'subscription_id', ignoreCase: false },
  ],
  metadata: [
    { field: '_owner', ignoreCase: false },
    { field: '_key', ignoreCase: false },
  ],
};
const TOKEN_WINDOW_MS = 60 * 60 * 1000;
/**
 * Why not fsync before each answer: at ~3 ms per fsync it would cap a persisting sandbox at a few hundred
 * writes a second. Written data survives the process dying (the kernel holds it); only a machine crash
 * could lose the last interval, which a local test site can afford.
 */
const SYNC_INTERVAL_MS = 100;

export class Store {
  private readonly collections = new Map<CollectionName, Map<number, StoredRecord>>();
  private readonly lastIds = new Map<CollectionName, number>();
  private readonly tokens = new Map<string, number>();
  private readonly indexes = new Map<string, Map<string, Set<number>>>();
  private pending: string[] = [];
  private undo: Array<() => void> | undefined;
  private changeCount = 0;
  private flushing: Promise<void> | undefined;
  private handle: FileHandle | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private instanceId: string = randomUUID();

  private constructor(
    readonly dataDir: string | undefined,
    private readonly clock: Clock,
  ) {}

  /**
   * Which sandbox this is, as a site has an identity of its own: created with the state and kept in its
   * log, so a sandbox restarted on the same data folder (on any port) is the same site, and any other
   * sandbox (another folder, or in memory: a fresh id each start) is another. Two sandboxes both answer
   * subdomain `sandbox` and site id 1; only this tells them apart.
   */
  get instance(): string {
    return this.instanceId;
  }

  /** Opens the state in dataDir (created when missing), or an in-memory state without one; `clock` ages the tokens. */
  static async open(dataDir?: string, clock: Clock = systemClock): Promise<Store> {
    const store = new Store(dataDir, clock);
    if (dataDir === undefined) return store;
    mkdirSync(dataDir, { recursive: true });
    lockDataDir(dataDir);
    try {
      const path = join(dataDir, LOG_FILE);
      // A log written before instance ids existed gets one now, kept from here on.
      if (existsSync(path)) store.replay(path);
      store.compact(path);
      store.handle = await open(path, 'a');
    } catch (error) {
      rmSync(join(dataDir, LOCK_FILE), { force: true });
      throw error;
    }
    return store;
  }

  all(collection: CollectionName): StoredRecord[] {
    return [...this.table(collection).values()];
  }

  get(collection: CollectionName, id: number): StoredRecord | undefined {
    return this.table(collection).get(id);
  }

  /** The first record (lowest id) whose field equals value; handles and codes ignore case. */
  findBy(collection: CollectionName, field: string, value: string | number): StoredRecord | undefined {
    return this.allBy(collection, field, value)[0];
  }

  /** Every record whose field equals value, by id; handles and codes ignore case. */
  allBy(collection: CollectionName, field: string, value: string | number): StoredRecord[] {
    const spec = INDEXED[collection]?.find((candidate) => candidate.field === field);
    if (!spec) {
      const wanted = String(value).toLowerCase();
      return this.all(collection)
        .filter((record) => indexKey(record[field], true) === wanted)
        .sort((a, b) => a.id - b.id);
    }
    const ids = this.indexes.get(`${collection}.${field}`)?.get(indexKey(value, spec.ignoreCase) ?? '');
    if (!ids || ids.size === 0) return [];
    return [...ids].sort((a, b) => a - b).flatMap((id) => this.get(collection, id) ?? []);
  }

  find(collection: CollectionName, predicate: (record: StoredRecord) => boolean): StoredRecord | undefined {
    for (const record of this.table(collection).values()) if (predicate(record)) return record;
    return undefined;
  }

  /** The next id of a collection; ids are never reused, not even after a restart. */
  nextId(collection: CollectionName): number {
    const id = (this.lastIds.get(collection) ?? 0) + 1;
    this.lastIds.set(collection, id);
    return id;
  }

  put(collection: CollectionName, record: StoredRecord): StoredRecord {
    this.apply({ t: 'put', c: collection, r: record });
    return record;
  }

  remove(collection: CollectionName, id: number): void {
    if (this.table(collection).has(id)) this.apply({ t: 'del', c: collection, id });
  }

  /** True when the token was used within the last 60 minutes (the API's duplicate-prevention window). */
  tokenSeen(token: string, now: number): boolean {
    const at = this.tokens.get(token);
    return at !== undefined && now - at < TOKEN_WINDOW_MS;
  }

  rememberToken(token: string, now: number): void {
    this.apply({ t: 'tok', k: token, at: now });
  }

  forgetToken(token: string): void {
    this.tokens.delete(token);
  }

  /** Grows with every change: a request that did not move it has nothing to wait for on disk. */
  get changes(): number {
    return this.changeCount;
  }

  /** Runs fn so that either all its changes stay or, when it throws, none of them do. */
  transaction<T>(fn: () => T): T {
    const undo: Array<() => void> = [];
    const pendingLength = this.pending.length;
    const lastIds = new Map(this.lastIds);
    this.undo = undo;
    try {
      return fn();
    } catch (error) {
      for (const step of undo.reverse()) step();
      this.pending.length = pendingLength;
      this.lastIds.clear();
      for (const [collection, id] of lastIds) this.lastIds.set(collection, id);
      throw error;
    } finally {
      this.undo = undefined;
    }
  }

  /** Resolves once every change made so far is on disk (immediately without a data folder). */
  async flush(): Promise<void> {
    while (this.pending.length > 0 || this.flushing) {
      if (this.flushing) {
        await this.flushing;
        continue;
      }
      const lines = this.pending.join('');
      this.pending = [];
      this.flushing = this.writeDurably(lines).finally(() => {
        this.flushing = undefined;
      });
      await this.flushing;
    }
  }

  async close(): Promise<void> {
    await this.flush();
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    await this.syncing;
    await this.handle?.datasync();
    await this.handle?.close();
    this.handle = undefined;
    if (this.dataDir !== undefined) rmSync(join(this.dataDir, LOCK_FILE), { force: true });
  }

  private async writeDurably(lines: string): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    await handle.write(lines);
    if (this.syncTimer === undefined) {
      this.syncTimer = setTimeout(() => {
        this.syncTimer = undefined;
        this.syncing = handle.datasync().catch(() => undefined);
      }, SYNC_INTERVAL_MS);
      this.syncTimer.unref();
    }
  }

  private table(collection: CollectionName): Map<number, StoredRecord> {
    let table = this.collections.get(collection);
    if (!table) {
      table = new Map();
      this.collections.set(collection, table);
    }
    return table;
  }

  private apply(entry: Exclude<LogEntry, { t: 'site' }>, replaying = false): void {
    if (this.undo) this.undo.push(this.undoStep(entry));
    if (entry.t === 'put') {
      this.setRecord(entry.c, entry.r.id, entry.r);
      if (entry.r.id > (this.lastIds.get(entry.c) ?? 0)) this.lastIds.set(entry.c, entry.r.id);
    } else if (entry.t === 'del') {
      this.setRecord(entry.c, entry.id, undefined);
    } else {
      this.tokens.set(entry.k, entry.at);
    }
    if (replaying) return;
    this.changeCount += 1;
    if (this.dataDir !== undefined) this.pending.push(`${JSON.stringify(entry)}\n`);
  }

  private undoStep(entry: Exclude<LogEntry, { t: 'site' }>): () => void {
    if (entry.t === 'tok') {
      const previous = this.tokens.get(entry.k);
      return () => (previous === undefined ? this.tokens.delete(entry.k) : this.tokens.set(entry.k, previous));
    }
    const collection = entry.c;
    const id = entry.t === 'put' ? entry.r.id : entry.id;
    const previous = this.table(collection).get(id);
    return () => this.setRecord(collection, id, previous);
  }

  /** Sets (or with undefined, deletes) a record, keeping the indexes in step. */
  private setRecord(collection: CollectionName, id: number, record: StoredRecord | undefined): void {
    const table = this.table(collection);
    const specs = INDEXED[collection] ?? [];
    const previous = table.get(id);
    for (const { field, ignoreCase } of specs) {
      const index = this.indexes.get(`${collection}.${field}`) ?? new Map<string, Set<number>>();
      this.indexes.set(`${collection}.${field}`, index);
      const before = indexKey(previous?.[field], ignoreCase);
      if (before !== undefined) index.get(before)?.delete(id);
      const after = indexKey(record?.[field], ignoreCase);
      if (after !== undefined) {
        const ids = index.get(after) ?? new Set<number>();
        ids.add(id);
        index.set(after, ids);
      }
    }
    if (record === undefined) table.delete(id);
    else table.set(id, record);
  }

  private replay(path: string): void {
    const text = readFileSync(path, 'utf8');
    // The last piece after the final newline is either empty or a write torn by a crash, whose answer was
    // never sent: drop it.
    const complete = text.split('\n').slice(0, -1);
    complete.forEach((line, index) => {
      if (line.trim() === '') return;
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        throw corruptState(path, index + 1);
      }
      if (!isLogEntry(entry)) throw corruptState(path, index + 1);
      if (entry.t === 'site') this.instanceId = entry.instance;
      else this.apply(entry, true);
    });
  }

  /** Rewrites the log as one put per live record (temp file, fsync, rename, fsync of the folder). */
  private compact(path: string): void {
    const now = this.clock().getTime();
    const temp = `${path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      const chunk: string[] = [`${JSON.stringify({ t: 'site', instance: this.instanceId })}\n`];
      const writeChunk = (): void => {
        if (chunk.length > 0) writeSync(fd, chunk.join(''));
        chunk.length = 0;
      };
      for (const [collection, lastId] of this.lastIds) {
        // Keeps the id counter when the highest record was deleted: a tombstone put followed by a delete.
        if (!this.table(collection).has(lastId)) {
          chunk.push(`${JSON.stringify({ t: 'put', c: collection, r: { id: lastId } })}\n`);
          chunk.push(`${JSON.stringify({ t: 'del', c: collection, id: lastId })}\n`);
        }
      }
      for (const [collection, table] of this.collections) {
        for (const record of table.values()) {
          chunk.push(`${JSON.stringify({ t: 'put', c: collection, r: record })}\n`);
          if (chunk.length >= 1000) writeChunk();
        }
      }
      for (const [token, at] of this.tokens) {
        if (now - at < TOKEN_WINDOW_MS) chunk.push(`${JSON.stringify({ t: 'tok', k: token, at })}\n`);
      }
      writeChunk();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    const dirFd = openSync(this.dataDir as string, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}

/** How a field's value is indexed: strings (lowercased when case does not count) and numbers as text. */
function indexKey(value: unknown, ignoreCase: boolean): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  return ignoreCase ? value.toLowerCase() : value;
}

/** One sandbox per data folder: two appending to one log would interleave their writes. */
function lockDataDir(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new InputError('sandbox-data-dir-in-use', `another sandbox (process ${holder}) is using the data folder ${dataDir}`, {
          hint: 'Stop it first, or give this one another --data-dir.',
        });
      }
      // The holder is gone (a crash): the lock is stale.
      rmSync(path, { force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isLogEntry(value: unknown): value is LogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.t === 'put') return typeof entry.c === 'string' && typeof (entry.r as { id?: unknown } | null)?.id === 'number';
  if (entry.t === 'del') return typeof entry.c === 'string' && typeof entry.id === 'number';
  if (entry.t === 'tok') return typeof entry.k === 'string' && typeof entry.at === 'number';
  if (entry.t === 'site') return typeof entry.instance === 'string' && entry.instance !== '';
  return false;
}

function corruptState(path: string, line: number): InputError {
  return new InputError('sandbox-state-corrupt', `the sandbox state file ${path} is damaged at line ${line}`, {
    hint: 'Move the data folder aside (or delete it) to start with an empty sandbox.',
  });
}
