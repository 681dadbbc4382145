// Test helper: runs the built CLI (bin/migrate.js → dist/, built by test/global-setup.ts) as a child
// process, the way a user or a CI job does, and collects its exit code, stdout and stderr.
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
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...TEST_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, stdout, stderr };
}
