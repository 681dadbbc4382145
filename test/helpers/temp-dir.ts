// Test helper: builds a fixture tree of real files in a fresh temp folder and removes it afterwards.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Creates a temp folder holding `files` (relative path → content; folders are created as needed),
 * runs `fn` with its absolute path, and removes the folder whether `fn` resolves or rejects.
 */
export async function withTempDir<T>(files: Record<string, string | Buffer>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'migrate-test-'));
  try {
    for (const [relative, content] of Object.entries(files)) {
      const path = join(dir, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
