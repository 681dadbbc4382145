// The sandbox's state file in its data folder: a JSON-lines log, one sandbox at a time (a lock), read back
// on start up to its last whole line, compacted, then appended to all-or-nothing: a write the disk cuts
// short is cut off the file again, so a torn line never ends up between two whole ones.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../../errors.js';

export type RecordValue = string | number | boolean | null | RecordValue[] | { [key: string]: RecordValue };
export type StoredRecord = { id: number; [key: string]: RecordValue };

export type LogEntry =
  | { t: 'put'; c: string; r: StoredRecord }
  | { t: 'del'; c: string; id: number }
  | { t: 'tok'; k: string; at: number }
  /** The instance id, first line of every compacted log. */
  | { t: 'site'; instance: string };

/** A change the disk would not take; the store has undone it, and its request is answered 503. */
export class StateWriteError extends Error {
  constructor(
    readonly code: string,
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot write ${path} (${code}: ${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'StateWriteError';
  }
}

const LOG_FILE = 'sandbox-state.jsonl';
const LOCK_FILE = 'sandbox.lock';
/**
 * Why not fsync before each answer: at ~3 ms per fsync it would cap a persisting sandbox at a few hundred
 * writes a second. Written data survives the process dying (the kernel holds it); only a machine crash
 * could lose the last interval, which a local test site can afford.
 */
const SYNC_INTERVAL_MS = 100;

export class StateLog {
  private handle: FileHandle | undefined;
  /** Bytes of whole lines in the file: where a failed append is cut back to. */
  private size = 0;
  /** A failed append may have left bytes past `size` that could not be cut off yet. */
  private tornTail = false;
  private syncTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    readonly path: string,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Locks dataDir (created beforehand) and reads its log: the entries of its whole lines. A last line
   * without its newline is a write cut short (a crash, a power cut, a full disk) whose answer was never
   * sent: it is dropped, with a log line. A damaged line elsewhere refuses the start.
   */
  static open(dataDir: string, log: (line: string) => void): { file: StateLog; entries: LogEntry[] } {
    lockDataDir(dataDir);
    const file = new StateLog(dataDir, join(dataDir, LOG_FILE), log);
    try {
      return { file, entries: file.read() };
    } catch (error) {
      file.unlock();
      throw error;
    }
  }

  /**
   * Rewrites the log as `lines` (temp file, fsync, rename, fsync of the folder) and opens it for
   * appending. When the disk cannot take the copy, the log is kept as it is, its torn tail cut off,
   * provided it already holds the site's instance id (`keepable`); else the start is refused.
   */
  async start(lines: Iterable<string>, keepable: boolean): Promise<void> {
    try {
      this.compact(lines);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      if (!keepable || !existsSync(this.path)) {
        this.unlock();
        throw new InputError('sandbox-state-unwritable', `cannot write the sandbox state in ${this.dataDir} (${code})`, {
          hint: 'Free space on its disk (or give the sandbox another --data-dir) and start it again.',
        });
      }
      this.log(`sandbox: cannot compact ${this.path} (${code}); appending to it as it is.`);
      truncateSync(this.path, this.size);
    }
    this.handle = await open(this.path, 'a');
  }

  /** Appends text whole, or throws StateWriteError having cut off whatever part of it reached the file. */
  async append(text: string): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    try {
      // What a failed append left behind goes before anything else is written after it.
      if (this.tornTail) await handle.truncate(this.size);
      this.tornTail = false;
      const bytes = Buffer.from(text, 'utf8');
      // A write may take only part of the bytes (the disk filled up mid-way); the rest fails next round.
      for (let offset = 0; offset < bytes.length; ) {
        this.tornTail = true;
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        offset += bytesWritten;
      }
      this.tornTail = false;
      this.size += bytes.length;
    } catch (error) {
      if (this.tornTail) await handle.truncate(this.size).then(() => (this.tornTail = false), () => undefined);
      throw new StateWriteError((error as NodeJS.ErrnoException).code ?? 'EIO', this.path, error);
    }
    this.scheduleSync(handle);
  }

  async close(): Promise<void> {
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    await this.syncing;
    const handle = this.handle;
    this.handle = undefined;
    if (handle) {
      await handle.datasync().catch(() => undefined);
      await handle.close();
    }
    this.unlock();
  }

  private scheduleSync(handle: FileHandle): void {
    if (this.syncTimer !== undefined) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      this.syncing = handle.datasync().catch(() => undefined);
    }, SYNC_INTERVAL_MS);
    this.syncTimer.unref();
  }

  private read(): LogEntry[] {
    if (!existsSync(this.path)) return [];
    const bytes = readFileSync(this.path);
    this.size = bytes.lastIndexOf(0x0a) + 1;
    const lines = bytes.subarray(0, this.size).toString('utf8').split('\n').slice(0, -1);
    if (this.size < bytes.length) {
      this.log(
        `sandbox: ${this.path} ended in a line cut short (${bytes.length - this.size} bytes, by a crash or a full disk): ` +
          `dropped it, kept the ${lines.length} whole lines before it.`,
      );
    }
    const entries: LogEntry[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        throw corruptState(this.path, index + 1);
      }
      if (!isLogEntry(entry)) throw corruptState(this.path, index + 1);
      entries.push(entry);
    });
    return entries;
  }

  private compact(lines: Iterable<string>): void {
    const temp = `${this.path}.${process.pid}.tmp`;
    let written = 0;
    try {
      const fd = openSync(temp, 'w');
      try {
        const chunk: string[] = [];
        const writeChunk = (): void => {
          const buffer = Buffer.from(chunk.join(''), 'utf8');
          // writeSync may take part of a buffer: write the rest until all of it is in.
          for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
          written += buffer.length;
          chunk.length = 0;
        };
        for (const line of lines) {
          chunk.push(line);
          if (chunk.length >= 1000) writeChunk();
        }
        writeChunk();
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.size = written;
    const dirFd = openSync(this.dataDir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }

  private unlock(): void {
    rmSync(join(this.dataDir, LOCK_FILE), { force: true });
  }
}

/**
 * One sandbox per data folder: two appending to one log would interleave their writes. The lock is a
 * symbolic link naming the holder's process id: creating one needs no data block, so a sandbox can
 * start (and take its lock) on a full disk.
 */
function lockDataDir(dataDir: string): void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      createLock(path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(lockHolder(path));
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

/** Creates the lock or throws EEXIST; a file system without symbolic links (or the right to make them) gets a file. */
function createLock(path: string): void {
  try {
    symlinkSync(String(process.pid), path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  }
}

/** The process id a lock names: a link's target, or (a lock left by an earlier version) a file's text. */
function lockHolder(path: string): string {
  try {
    return readlinkSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    if (code !== 'EINVAL') throw error;
    return readFileSync(path, 'utf8').trim();
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
