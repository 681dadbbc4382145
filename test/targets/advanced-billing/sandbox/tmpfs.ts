// Test helper: a real, small tmpfs (the tests run as root) to put a sandbox's data folder on a disk that
// fills up. A mount that fails fails the test: the disk-full behaviour must not go untested silently.
import { execFileSync } from 'node:child_process';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Mounts a tmpfs of `sizeKb` at `dir` (created), runs fn, and unmounts it whether fn resolves or rejects. */
export async function withTmpfs<T>(dir: string, sizeKb: number, fn: (dir: string) => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  try {
    return await fn(dir);
  } finally {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
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
