// Test helper for the import, erase and resync end-to-end tests: the CLI run in a project folder
// (test/cli/run-cli.ts does the running), and the journal lines it leaves.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli as runCliWith, type CliResult, type StopWhen } from '../cli/run-cli.js';

export type Exit = CliResult;
export type { StopWhen };

export function runCli(cwd: string, args: string[], stop?: StopWhen, env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return runCliWith(args, { cwd, env, ...(stop ? { stop } : {}) });
}

/** The complete lines of the project's journal (one site), or only those containing `including`; 0 before there is one. */
export async function journalLines(dir: string, including?: string): Promise<number> {
  try {
    const [file] = (await readdir(join(dir, '.migrate', 'journal'))).filter((name) => name.endsWith('.jsonl'));
    if (!file) return 0;
    const lines = (await readFile(join(dir, '.migrate', 'journal', file), 'utf8')).split('\n').slice(0, -1);
    return including === undefined ? lines.length : lines.filter((line) => line.includes(including)).length;
  } catch {
    return 0;
  }
}
