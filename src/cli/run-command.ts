// Runs a parsed command: each command's module is imported only when it runs, so `migrate --help` starts fast.
import type { ParsedCli } from './parse-cli.js';

export async function runCommand(parsed: ParsedCli): Promise<void> {
  switch (parsed.command) {
    case 'validate':
      return (await import('./commands/validate.js')).run(parsed.paths, parsed.options);
    case 'test-import':
      return (await import('./commands/test-import.js')).run(parsed.paths, parsed.options);
    case 'live-import':
      return (await import('./commands/live-import.js')).run(parsed.paths, parsed.options);
    case 'compare':
      return (await import('./commands/compare.js')).run(parsed.paths, parsed.options);
    case 'erase':
      return (await import('./commands/erase.js')).run(parsed.options);
    case 'resync':
      return (await import('./commands/resync.js')).run(parsed.paths, parsed.options);
    case 'sandbox':
      return (await import('./commands/sandbox.js')).run(parsed.options);
    case 'templates':
      return (await import('./commands/templates.js')).run(parsed.paths[0], parsed.options);
    case 'init':
      return (await import('./commands/init.js')).run(parsed.paths[0] ?? '.', parsed.options);
    case 'completion':
      return (await import('./commands/completion.js')).run(parsed.options);
  }
}
