// Vitest global setup: builds the CLI once (tsc → dist/) so end-to-end tests run the real binary.
// Type errors elsewhere do not stop the run (tsc still emits); a missing CLI entry point does.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  // `npm test` has just built (its script is `npm run build && vitest run`): do not build twice.
  if (process.env.npm_lifecycle_event === 'test' && existsSync(new URL('../dist/src/cli/main.js', import.meta.url))) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  if (!existsSync(new URL('../dist/src/cli/main.js', import.meta.url))) {
    throw new Error(`build failed, dist/src/cli/main.js missing:\n${result.stdout}${result.stderr}`);
  }
  if (result.status !== 0) process.stderr.write(`global-setup: tsc reported type errors (output still emitted):\n${result.stdout.slice(0, 4000)}\n`);
}
