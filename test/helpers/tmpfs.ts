// Test helper: a real tmpfs mounted for one test (the tests run as root, as CI does): small ones fill up
// for real, read-only ones refuse every write, root's included. A failed mount fails the test, never skips it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TmpfsOptions {
  /** Size with a unit, e.g. "8k" (tmpfs rounds up to whole pages). */
  size: string;
  readOnly?: boolean;
}

/** Mounts a tmpfs on a fresh folder, runs `fn` with its path, then unmounts and removes it. */
export async function withTmpfs<T>(options: TmpfsOptions, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'migrate-tmpfs-'));
  const flags = [`size=${options.size}`, ...(options.readOnly === true ? ['ro'] : [])].join(',');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`cannot mount a tmpfs on ${dir} (the tests need root, as CI has): ${(error as Error).message}`);
  }
  try {
    return await fn(dir);
  } finally {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes a filler file in dir until the disk refuses more (ENOSPC); returns its path, to free the space again. */
export async function fillDisk(dir: string): Promise<string> {
  const path = join(dir, 'filler');
  const handle = await open(path, 'a');
  const chunk = Buffer.alloc(4096, 0x2e);
  try {
    // Bounded: a tmpfs of a few hundred KB is full after at most a few hundred chunks.
    for (let index = 0; index < 100_000; index += 1) {
      try {
        await handle.write(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return path;
        throw error;
      }
    }
  } finally {
    await handle.close();
  }
  throw new Error(`${dir} never filled up`);
}

export async function freeDisk(filler: string): Promise<void> {
  await rm(filler, { force: true });
}
