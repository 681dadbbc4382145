// Test helper: the built CLI run inside a real pseudo-terminal (util-linux `script`), as a user in a
// terminal runs it: keys typed into the pty (Ctrl-C becomes SIGINT through its line discipline), and
// what the terminal showed.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_ENV } from '../cli/run-cli.js';

const bin = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));

/** Whether `script` is there to give a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

export interface PseudoTerminalRun {
  code: number | null;
  timedOut: boolean;
  /** Everything the terminal showed (stdout and stderr together), with \r\n as \n. */
  output: string;
}

/**
 * Keys to type, or a signal to send the CLI's process (as `kill` from another shell would), once
 * `when` holds: polled every 20 ms with the output so far; the steps run in order, each once.
 */
export type Step = { when: (output: string) => boolean | Promise<boolean> } & ({ keys: string } | { signal: NodeJS.Signals });

export interface PseudoTerminalOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /**
   * The terminal's width (and 24 rows). Without it the pty reports 0×0, as `script` gives a command
   * whose own input is not a terminal (some CI runners).
   */
  columns?: number;
  steps?: Step[];
  /** Leave stderr out of what the terminal shows (it goes to /dev/null, so it is no terminal either). */
  discardStderr?: boolean;
  limitMs?: number;
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** The CLI's process: `script`'s one child (the shell execs node). */
function cliProcess(scriptPid: number): number {
  const children = readFileSync(`/proc/${scriptPid}/task/${scriptPid}/children`, 'utf8').trim().split(/\s+/);
  if (children.length !== 1 || children[0] === '') throw new Error(`script ${scriptPid} has children "${children.join(' ')}"`);
  return Number(children[0]);
}

/** Runs `migrate args…` in a pty, killed (timedOut) after limitMs; resolves when it ends. */
export function underPseudoTerminal(args: string[], options: PseudoTerminalOptions): Promise<PseudoTerminalRun> {
  const cli = `exec ${[process.execPath, bin, ...args].map(quote).join(' ')}${options.discardStderr ? ' 2>/dev/null' : ''}`;
  const command = options.columns === undefined ? cli : `stty cols ${options.columns} rows 24 && ${cli}`;
  const limitMs = options.limitMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, ...TEST_ENV, CI: undefined, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let timedOut = false;
    let ended = false;
    // Decoded as a stream: a character whose bytes straddle two chunks stays whole.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (output.length < 2_000_000) output += chunk;
    });
    // The pty may be gone before the last keys are typed.
    child.stdin.on('error', () => undefined);
    const pending = [...(options.steps ?? [])];
    void (async () => {
      while (!ended && pending.length > 0) {
        if (!(await pending[0]!.when(output))) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        const step = pending.shift()!;
        if ('keys' in step) child.stdin.write(step.keys);
        else process.kill(cliProcess(child.pid!), step.signal);
      }
    })();
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      ended = true;
      clearTimeout(timer);
      resolve({ code, timedOut, output: output.replace(/\r\n/g, '\n') });
    });
  });
}
