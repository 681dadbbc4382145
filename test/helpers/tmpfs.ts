// Test helper: a real tmpfs mounted for one test (the tests run as root, as CI does): small ones fill up
// for real, read-only ones refuse every write, root's included. A failed mount fails the test, never skips it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
