// Test helper: runs the BUILT CLI's `migrate sandbox ...` as a child process, waits for its first stdout
// line (the URL it listens on), and stops it with a signal; any still running when a test ends is killed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));

export interface RunningCli {
  baseUrl: string;
  firstLine: string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Sandboxes still running when a test ends (a failed assertion before stop()): killed, so none outlives the suite. */
const running = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Starts `migrate sandbox ARGS`; its base URL is the first http URL on its first line. */
export async function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [bin, 'sandbox', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
    void exited.then(({ code }) => reject(new Error(`migrate sandbox exited with ${code}: ${stderr}`)));
  });
  const baseUrl = /listening on (http\S+)/.exec(firstLine)?.[1] ?? '';
  return {
    baseUrl,
    firstLine,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return { ...(await exited), stderr };
    },
  };
}
