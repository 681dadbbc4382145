// Test helper: `migrate sandbox --port 0 …` run from the built CLI as a user starts it in another
// terminal, resolved once it prints its address.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));

export async function cliSandbox(args: string[]): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [cli, 'sandbox', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`migrate sandbox ended (${code}) before listening: ${out}`)));
  });
  const ended = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await ended;
    },
  };
}
