// The command line as data: `parseCli(args)` runs commander over the command definitions and returns
// which command to run with its typed options, running nothing — so it is testable in-process (as
// vitest's parseCLI). Usage mistakes are thrown: commander's as CommanderError, a bad value as InputError.
import { Command, Option, type OutputConfiguration } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import type { CompareFlags } from './commands/compare.js';
import type { CompletionOptions } from './commands/completion.js';
import type { EraseFlags } from './commands/erase.js';
import type { InitOptions } from './commands/init.js';
import type { LiveImportFlags } from './commands/live-import.js';
import type { ResyncFlags } from './commands/resync.js';
import type { SandboxCommandOptions } from './commands/sandbox.js';
import type { TemplatesOptions } from './commands/templates.js';
import type { ValidateFlags } from './commands/validate.js';
import { registerCommands } from './commands.js';
import { wrapForStream } from './reporters/wrap-text.js';
import { parseFormat, type FormatFamily } from './options.js';
import type { ImportFlags } from './session/inputs.js';

/** A command to run: its name, its positional arguments (paths; templates' kind; init's folder) and its typed options. */
export type ParsedCli =
  | { command: 'validate'; paths: string[]; options: ValidateFlags }
  | { command: 'test-import'; paths: string[]; options: ImportFlags }
  | { command: 'live-import'; paths: string[]; options: LiveImportFlags }
  | { command: 'compare'; paths: string[]; options: CompareFlags }
  | { command: 'erase'; paths: string[]; options: EraseFlags }
  | { command: 'resync'; paths: string[]; options: ResyncFlags }
  | { command: 'sandbox'; paths: string[]; options: SandboxCommandOptions }
  | { command: 'templates'; paths: string[]; options: TemplatesOptions }
  | { command: 'init'; paths: string[]; options: InitOptions }
  | { command: 'completion'; paths: string[]; options: CompletionOptions };

export type CommandName = ParsedCli['command'];

/** What a definition hands over: the options as commander read them, --format still the text typed. */
export type UnparsedCli = ParsedCli extends infer P
  ? P extends { options: infer O }
    ? Omit<P, 'options'> & { options: Omit<O, 'format'> & { format?: string } }
    : never
  : never;

/** Each definition calls this from its commander action with what was typed. */
export type CommandHandler = (parsed: UnparsedCli) => void;

/** Which formats each command prints (parseFormat words a wrong one per family); undefined: no --format. */
export const FORMAT_FAMILY: Record<CommandName, FormatFamily | undefined> = {
  validate: 'validate',
  'test-import': 'imports',
  'live-import': 'imports',
  compare: 'compare',
  erase: 'imports',
  resync: 'imports',
  sandbox: undefined,
  templates: 'templates',
  init: undefined,
  completion: undefined,
};

/** The package's version: its package.json is two folders up from src/cli/, three from the built dist/src/cli/. */
export function packageVersion(): string {
  const url = [new URL('../../package.json', import.meta.url), new URL('../../../package.json', import.meta.url)].find((candidate) => existsSync(candidate));
  if (url === undefined) throw new Error('package.json not found');
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** The commander program: global flags, every command's definition, and usage errors as one `migrate: …` line. */
export function buildProgram(handle: CommandHandler, output: Partial<OutputConfiguration> = {}): Command {
  const program = new Command('migrate')
    .description('Migrate subscription-billing data into Maxio Advanced Billing (formerly Chargify).')
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('--verbose', 'log requests (with secrets redacted) and show stacks of internal errors'))
    .addOption(new Option('--no-color', 'disable colours (NO_COLOR is respected too)'))
    .exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text), ...output, outputError: usageErrorWriter('migrate') });
  registerCommands(program, handle);
  for (const command of program.commands) {
    command.configureOutput({ outputError: usageErrorWriter(`migrate ${command.name()}`) });
  }
  return program;
}

/**
 * Commander's usage errors ("error: unknown option '--x'") as the one `migrate: …` line every other
 * error is, naming the help to read, so a CI log shows the mistake and the fix together.
 */
function usageErrorWriter(commandPath: string): (text: string, write: (text: string) => void) => void {
  return (text, write) => {
    // Commander puts its suggestion on a line of its own, in brackets: "(Did you mean validate?)".
    const [problem = '', ...suggestion] = text.trim().replace(/^error: /, '').split('\n');
    const sentences = [problem, suggestion.join(' ').trim().replace(/^\((.*)\)$/, '$1')].filter((part) => part !== '').map((part) => (/[.!?]$/.test(part) ? part : `${part}.`));
    write(`${wrapForStream(`migrate: ${sentences.join(' ')} Run \`${commandPath} --help\` for usage.`, process.stderr)}\n`);
  };
}

/**
 * The command `args` (the arguments after `migrate`) ask for, with typed options; runs nothing.
 * `output` redirects commander's own text (help, version, usage errors), e.g. in tests.
 */
export function parseCli(args: string[], output: Partial<OutputConfiguration> = {}): ParsedCli {
  let parsed: UnparsedCli | undefined;
  buildProgram((command) => {
    parsed = command;
  }, output).parse(args, { from: 'user' });
  // Commander throws for --help, --version and every usage mistake; otherwise an action ran.
  if (parsed === undefined) throw new Error(`no command was parsed from: ${args.join(' ')}`);
  const family = FORMAT_FAMILY[parsed.command];
  if (family === undefined) return parsed as ParsedCli;
  const format = parseFormat(family, parsed.options.format);
  return { ...parsed, options: { ...parsed.options, format } } as ParsedCli;
}
