// Test helper: the one way the tests run the built CLI (bin/migrate.js → dist/, built by
// test/global-setup.ts) as a child process, the way a user or a CI job does, and collect its exit
// code, stdout and stderr; it can signal the process once a condition holds (Ctrl-C or a crash).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));

/**
 * What every CLI run in the tests gets: the embedded sandbox on any free port, so test files running
 * in parallel never race each other for its usual port 3200.
 */
export const TEST_ENV = { MIGRATE_SANDBOX_PORT: '0' };

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** When to signal the process: `when` is polled every 10 ms (with the output so far) until it returns true or the process ends. */
export interface StopWhen {
  when: (output: { stdout: string; stderr: string }) => Promise<boolean>;
  signal: NodeJS.Signals;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stop?: StopWhen;
  /** Run under `ulimit -n` of this many file descriptors (through bash), as a constrained CI runner would. */
  maxOpenFiles?: number;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const [command, commandArgs] =
      options.maxOpenFiles === undefined
        ? [process.execPath, [bin, ...args]]
        : ['bash', ['-c', `ulimit -n ${options.maxOpenFiles} && exec "$0" "$@"`, process.execPath, bin, ...args]];
    const child = spawn(command, commandArgs, {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...TEST_ENV, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let done = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const stop = options.stop;
    if (stop) {
      void (async () => {
        while (!done && !(await stop.when({ stdout, stderr }))) await new Promise((r) => setTimeout(r, 10));
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
