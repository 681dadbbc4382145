// Under a low open-files limit (`ulimit -n 64` on a CI runner), Node's ESM loader fetches a module's
// whole import graph at once, one descriptor per file, and fails with EMFILE before the CLI runs.
import { readFileSync } from 'node:fs';
import { register } from 'node:module';

/**
 * Below this soft limit the module graph (some 300 files, all fetched concurrently) may not fit beside
 * the files and sockets a run opens. Above it the loader is left alone: the hook runs on a thread of its
 * own and costs about 150 ms of start-up.
 */
const ENOUGH_DESCRIPTORS = 1024;

/** Registers the one-file-at-a-time load hook when the process may open fewer than ENOUGH_DESCRIPTORS files. */
export function loadModulesWithinDescriptorLimit(): void {
  const limit = openFilesLimit();
  if (limit !== undefined && limit < ENOUGH_DESCRIPTORS) register('./sync-module-hooks.js', import.meta.url);
}

/** The soft limit on open files, where the system tells it (Linux /proc); undefined elsewhere or unlimited. */
function openFilesLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith('Max open files'));
    const soft = Number(line?.slice('Max open files'.length).trim().split(/\s+/)[0]);
    return Number.isFinite(soft) ? soft : undefined;
  } catch {
    return undefined;
  }
}
