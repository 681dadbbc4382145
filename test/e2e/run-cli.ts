// Test helper for the import, erase and resync end-to-end tests: runs the built CLI as a child process
// in a project folder and can signal it once a condition holds (Ctrl-C or a crash at a chosen moment).
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ENV } from '../cli/run-cli.js';

const cli = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** When to signal the process: `when` is polled every 10 ms until it returns true or the process ends. */
export interface StopWhen {
  when: () => Promise<boolean>;
  signal: NodeJS.Signals;
}

export function runCli(cwd: string, args: string[], stop?: StopWhen, env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...TEST_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let done = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (stop) {
      void (async () => {
        while (!done && !(await stop.when())) await new Promise((r) => setTimeout(r, 10));
        if (!done) child.kill(stop.signal);
      })();
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout, stderr });
    });
  });
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
