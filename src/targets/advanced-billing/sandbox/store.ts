// The sandbox's state: one collection of records per resource, plus the uniqueness tokens seen.
// With a data folder, every change is appended to the state log (state-log.ts) before its answer is
// sent (group commit); a change the disk does not take is undone, with every change made after it, so
// memory never holds what the file does not. The log also holds the instance id that makes this
// sandbox a site of its own (see `instance`).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { systemClock, type Clock } from '../../../dates/clock.js';
import { StateLog, StateWriteError, type LogEntry, type StoredRecord } from './state-log.js';

export { StateWriteError } from './state-log.js';
export type { RecordValue, StoredRecord } from './state-log.js';

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

type Change = Exclude<LogEntry, { t: 'site' }>;

/** A change made in memory and not yet on disk: its log line, how to take it back, and where it ends. */
interface Unwritten {
  line: string;
  undo: () => void;
  seq: number;
  /** The id counters before the transaction that made it (on its first change only). */
  lastIds?: Map<string, number>;
}

/** Where the changes made so far end, taken when a request is answered: what it waits for on disk. */
export interface CommitMark {
  seq: number;
  generation: number;
}

/** A field a store keeps an index of, to look records up by value. */
export interface IndexSpec {
  field: string;
  ignoreCase: boolean;
}

/** Fields looked up by value on every signup or per resource: indexed so lookups stay cheap as the site grows. */
const INDEXED: Partial<Record<CollectionName, IndexSpec[]>> = {
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

export class Store<C extends string = CollectionName> {
  private readonly collections = new Map<C, Map<number, StoredRecord>>();
  private readonly lastIds = new Map<C, number>();
  private readonly tokens = new Map<string, number>();
  private readonly indexes = new Map<string, Map<string, Set<number>>>();
  private undo: Array<() => void> | undefined;
  /** The id counters when the running transaction began, until its first change takes them. */
  private transactionLastIds: Map<C, number> | undefined;
  /** Changes made (never goes back), and how many of them are on disk. */
  private seq = 0;
  private durable = 0;
  /** Grows with every failed write; `failures[g]` is how generation g ended: what was on disk, and why. */
  private generation = 0;
  private readonly failures: Array<{ durable: number; error: StateWriteError }> = [];
  /** Writes are failing (a log line when they start and when they stop). */
  private failing = false;
  private unwritten: Unwritten[] = [];
  private writing: Promise<void> | undefined;
  private file: StateLog | undefined;
  private instanceId: string = randomUUID();

  private constructor(
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
    /** The fields looked up by value, per collection (the ChartMogul emulator has its own). */
    private readonly indexed: Partial<Record<C, IndexSpec[]>>,
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

  /**
   * Opens the state in dataDir (created when missing), or an in-memory state without one; `clock` ages
   * the tokens; `log` takes a line when the state file needed mending or a write failed.
   */
  static open(dataDir?: string, clock: Clock = systemClock, log: (line: string) => void = () => {}): Promise<Store> {
    return Store.openIndexed<CollectionName>(INDEXED, dataDir, clock, log);
  }

  /** Opens a store whose collections are `K`, with these indexes: the same log and crash safety for another API. */
  static async openIndexed<K extends string>(
    indexed: Partial<Record<K, IndexSpec[]>>,
    dataDir?: string,
    clock: Clock = systemClock,
    log: (line: string) => void = () => {},
  ): Promise<Store<K>> {
    const store = new Store<K>(clock, log, indexed);
    if (dataDir === undefined) return store;
    mkdirSync(dataDir, { recursive: true });
    const { file, entries } = StateLog.open(dataDir, log);
    let hasInstance = false;
    for (const entry of entries) {
      if (entry.t === 'site') {
        store.instanceId = entry.instance;
        hasInstance = true;
      } else store.apply(entry as Change, true);
    }
    // A log written before instance ids existed gets one now, kept from here on.
    await file.start(store.compacted(), hasInstance);
    store.file = file;
    return store;
  }

  all(collection: C): StoredRecord[] {
    return [...this.table(collection).values()];
  }

  get(collection: C, id: number): StoredRecord | undefined {
    return this.table(collection).get(id);
  }

  /** The first record (lowest id) whose field equals value; handles and codes ignore case. */
  findBy(collection: C, field: string, value: string | number): StoredRecord | undefined {
    return this.allBy(collection, field, value)[0];
  }

  /** Every record whose field equals value, by id; handles and codes ignore case. */
  allBy(collection: C, field: string, value: string | number): StoredRecord[] {
    const spec = this.indexed[collection]?.find((candidate) => candidate.field === field);
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

  find(collection: C, predicate: (record: StoredRecord) => boolean): StoredRecord | undefined {
    for (const record of this.table(collection).values()) if (predicate(record)) return record;
    return undefined;
  }

  /** The next id of a collection; ids are never reused, not even after a restart. */
  nextId(collection: C): number {
    const id = (this.lastIds.get(collection) ?? 0) + 1;
    this.lastIds.set(collection, id);
    return id;
  }

  put(collection: C, record: StoredRecord): StoredRecord {
    this.apply({ t: 'put', c: collection, r: record });
    return record;
  }

  remove(collection: C, id: number): void {
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

  /** Runs fn so that either all its changes stay or, when it throws, none of them do. */
  transaction<T>(fn: () => T): T {
    const undo: Array<() => void> = [];
    const unwrittenLength = this.unwritten.length;
    const seq = this.seq;
    const lastIds = new Map(this.lastIds);
    this.undo = undo;
    this.transactionLastIds = lastIds;
    try {
      return fn();
    } catch (error) {
      for (const step of undo.reverse()) step();
      this.unwritten.length = unwrittenLength;
      this.seq = seq;
      this.restoreLastIds(lastIds);
      throw error;
    } finally {
      this.undo = undefined;
      this.transactionLastIds = undefined;
    }
  }

  /** Where the changes made so far end; `persisted(mark)` waits for them. */
  mark(): CommitMark {
    return { seq: this.seq, generation: this.generation };
  }

  /**
   * Resolves once every change up to mark is on disk (at once without a data folder); rejects with
   * StateWriteError when the disk refused them, in which case they have been undone.
   */
  async persisted(mark: CommitMark): Promise<void> {
    for (;;) {
      const failure = this.failures[mark.generation];
      if (failure !== undefined && mark.seq > failure.durable) throw failure.error;
      if (!this.file || this.durable >= mark.seq) return;
      await this.writeNext();
    }
  }

  async close(): Promise<void> {
    // A change the disk refuses now was answered 503 to no one yet: it is undone like any other.
    await this.persisted(this.mark()).catch((error: unknown) => {
      if (!(error instanceof StateWriteError)) throw error;
    });
    await this.file?.close();
    this.file = undefined;
  }

  /** Writes the changes not yet on disk in one append (joining the one under way, if any). */
  private async writeNext(): Promise<void> {
    if (this.writing) {
      await this.writing;
      return;
    }
    const batch = this.unwritten;
    const file = this.file;
    const last = batch.at(-1);
    if (!file || last === undefined) {
      this.durable = this.seq;
      return;
    }
    this.unwritten = [];
    this.writing = file.append(batch.map((change) => change.line).join('')).then(
      () => {
        this.durable = last.seq;
        if (this.failing) this.log(`sandbox: ${file.path} is writable again.`);
        this.failing = false;
      },
      (error: unknown) => this.dropUnwritten(batch, error),
    );
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }

  /**
   * The disk refused a batch: it and every change made since (which may build on it) are undone, newest
   * first, so memory holds exactly what the file does; the requests that made them are answered 503.
   */
  private dropUnwritten(batch: Unwritten[], error: unknown): void {
    const dropped = [...batch, ...this.unwritten];
    this.unwritten = [];
    for (const change of [...dropped].reverse()) change.undo();
    const lastIds = dropped[0]?.lastIds;
    if (lastIds) this.restoreLastIds(lastIds);
    const failure = error instanceof StateWriteError ? error : new StateWriteError('EIO', this.file?.path ?? '', error);
    // One line when writes start failing, not one per refused request.
    if (!this.failing) this.log(`sandbox: ${failure.message}; changes are refused with 503 until it can be written.`);
    this.failing = true;
    this.failures[this.generation] = { durable: this.durable, error: failure };
    this.generation += 1;
  }

  private restoreLastIds(lastIds: Map<string, number>): void {
    this.lastIds.clear();
    for (const [collection, id] of lastIds) this.lastIds.set(collection as C, id);
  }

  private table(collection: C): Map<number, StoredRecord> {
    let table = this.collections.get(collection);
    if (!table) {
      table = new Map();
      this.collections.set(collection, table);
    }
    return table;
  }

  private apply(entry: Change, replaying = false): void {
    if (replaying) {
      this.change(entry);
      return;
    }
    const undo = this.undoStep(entry);
    this.undo?.push(undo);
    // The first change of a transaction carries the id counters from before it, to restore on a failed write.
    const lastIds = this.undo ? this.transactionLastIds : new Map(this.lastIds);
    this.transactionLastIds = undefined;
    this.change(entry);
    this.seq += 1;
    if (this.file) this.unwritten.push({ line: `${JSON.stringify(entry)}\n`, undo, seq: this.seq, ...(lastIds ? { lastIds } : {}) });
  }

  private change(entry: Change): void {
    const collection = entry.t === 'tok' ? undefined : (entry.c as C);
    if (entry.t === 'put' && collection) {
      this.setRecord(collection, entry.r.id, entry.r);
      if (entry.r.id > (this.lastIds.get(collection) ?? 0)) this.lastIds.set(collection, entry.r.id);
    } else if (entry.t === 'del' && collection) {
      this.setRecord(collection, entry.id, undefined);
    } else if (entry.t === 'tok') {
      this.tokens.set(entry.k, entry.at);
    }
  }

  private undoStep(entry: Change): () => void {
    if (entry.t === 'tok') {
      const previous = this.tokens.get(entry.k);
      return () => (previous === undefined ? this.tokens.delete(entry.k) : this.tokens.set(entry.k, previous));
    }
    const collection = entry.c as C;
    const id = entry.t === 'put' ? entry.r.id : entry.id;
    const previous = this.table(collection).get(id);
    return () => this.setRecord(collection, id, previous);
  }

  /** Sets (or with undefined, deletes) a record, keeping the indexes in step. */
  private setRecord(collection: C, id: number, record: StoredRecord | undefined): void {
    const table = this.table(collection);
    const specs = this.indexed[collection] ?? [];
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

  /** The log as one line per live record (and id counter, and token still in its window), the instance id first. */
  private *compacted(): Generator<string> {
    const now = this.clock().getTime();
    yield `${JSON.stringify({ t: 'site', instance: this.instanceId })}\n`;
    for (const [collection, lastId] of this.lastIds) {
      // Keeps the id counter when the highest record was deleted: a tombstone put followed by a delete.
      if (!this.table(collection).has(lastId)) {
        yield `${JSON.stringify({ t: 'put', c: collection, r: { id: lastId } })}\n`;
        yield `${JSON.stringify({ t: 'del', c: collection, id: lastId })}\n`;
      }
    }
    for (const [collection, table] of this.collections) {
      for (const record of table.values()) yield `${JSON.stringify({ t: 'put', c: collection, r: record })}\n`;
    }
    for (const [token, at] of this.tokens) {
      if (now - at < TOKEN_WINDOW_MS) yield `${JSON.stringify({ t: 'tok', k: token, at })}\n`;
    }
  }
}

/** How a field's value is indexed: strings (lowercased when case does not count) and numbers as text. */
function indexKey(value: unknown, ignoreCase: boolean): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  return ignoreCase ? value.toLowerCase() : value;
}

