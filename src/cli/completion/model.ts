// What shell completion offers, read from the same commander program the parser builds (parse-cli.ts):
// the commands, each one's flags, and what a flag's value or a positional argument can be. A flag or
// command added to a definition is completed without a change here.
import type { Argument, Command, Option } from 'commander';
import { NOTIFY_FORMATS } from '../../notify/webhook.js';
import { TARGET_SYSTEMS } from '../../targets/index.js';
import { TEMPLATE_KINDS } from '../../templates/index.js';
import { formatsOf } from '../options.js';
import { FORMAT_FAMILY, type CommandName } from '../parse-cli.js';

/** What can be typed where a value goes: paths, folders, one of some words, or anything (nothing offered). */
export type ValueKind = { kind: 'files' } | { kind: 'directories' } | { kind: 'words'; words: readonly string[] } | { kind: 'free' };

export interface CompletionOption {
  /** The spellings, long first: `--help`, `-h`. */
  names: string[];
  description: string;
  /** Undefined for a flag that takes no value. */
  value?: ValueKind;
}

export interface CompletionCommand {
  name: string;
  description: string;
  /** The command's own flags, then the global ones (commander reads those after the command too). */
  options: CompletionOption[];
  /** What its positional arguments are; undefined when it takes none. */
  args?: ValueKind;
}

export interface CompletionModel {
  /** The flags before any command: --help, --version, --verbose, --no-color. */
  options: CompletionOption[];
  commands: CompletionCommand[];
}

/** How one shell says each kind of value: the generators differ only in these words. */
export interface ValueSyntax {
  files: string;
  directories: string;
  words: (words: readonly string[]) => string;
  free: string;
}

/** `kind` in a shell's syntax. */
export function valueIn(syntax: ValueSyntax, kind: ValueKind): string {
  return kind.kind === 'words' ? syntax.words(kind.words) : syntax[kind.kind];
}

const files: ValueKind = { kind: 'files' };
const directories: ValueKind = { kind: 'directories' };
const free: ValueKind = { kind: 'free' };
const words = (list: readonly string[]): ValueKind => ({ kind: 'words', words: list });

/**
 * A flag's value by the name its definition gives it (`--template <kind>`). Choices that only a
 * command checks are listed here; test/cli/completion.test.ts checks each word is in the flag's help.
 */
const VALUES: Record<string, (command: string) => ValueKind> = {
  kind: () => words(TEMPLATE_KINDS),
  format: (command) => {
    const family = FORMAT_FAMILY[command as CommandName];
    return family === undefined ? free : words(formatsOf(family));
  },
  file: () => files,
  // An --ignore glob is most often a file's name or path.
  glob: () => files,
  dir: () => directories,
  scope: () => words(['imported', 'customers', 'site']),
  what: () => words(['all', 'customers']),
  side: () => words(['target', 'source']),
  mode: () => words(['test', 'live']),
  system: () => words(TARGET_SYSTEMS),
  // --notify-format: what --notify-url is posted.
  shape: () => words(NOTIFY_FORMATS),
};
/** Values nothing can be offered for: dates, numbers, names, ids, URLs. */
const FREE_VALUES = new Set(['date', 'n', 'seconds', 'name', 'id', 'reference', 'amount', 'from..to', 'url', 'host', 'zone', 'key', 'ms[:jitter]', 'spec', 'address', 'rates', 'rate[:burst]']);

function valueOf(option: Option, command: string): ValueKind | undefined {
  const match = /<([^>]+)>|\[([^\]]+)\]/.exec(option.flags);
  const placeholder = match?.[1] ?? match?.[2];
  if (placeholder === undefined) return undefined;
  if (option.argChoices) return words(option.argChoices);
  const value = VALUES[placeholder];
  if (value) return value(command);
  if (FREE_VALUES.has(placeholder)) return free;
  // A new kind of value: say what it is here (or in FREE_VALUES), so completion never offers files for a date.
  throw new Error(`completion: the value <${placeholder}> of ${option.long ?? option.flags} (migrate ${command}) is not classified in src/cli/completion/model.ts`);
}

function argumentsOf(args: readonly Argument[], commandNames: string[]): ValueKind | undefined {
  const first = args[0];
  if (first === undefined) return undefined;
  if (first.argChoices) return words(first.argChoices);
  const byName: Record<string, ValueKind> = { paths: files, kind: words(TEMPLATE_KINDS), dir: directories, command: words(commandNames) };
  const kind = byName[first.name()];
  if (kind === undefined) throw new Error(`completion: the argument <${first.name()}> is not classified in src/cli/completion/model.ts`);
  return kind;
}

function optionsOf(options: readonly Option[], command: string): CompletionOption[] {
  return options.map((option) => {
    const value = valueOf(option, command);
    return {
      names: [option.long, option.short].filter((name): name is string => name !== undefined),
      description: option.description,
      ...(value ? { value } : {}),
    };
  });
}

/** The completion model of `program` (buildProgram's). */
export function completionModel(program: Command): CompletionModel {
  const help = program.createHelp();
  const globals = help.visibleOptions(program).filter((option) => option.long !== '--help' && option.long !== '--version');
  const visible = help.visibleCommands(program);
  const names = visible.map((command) => command.name());
  return {
    options: optionsOf(help.visibleOptions(program), ''),
    commands: visible.map((command) => {
      const args = argumentsOf(command.registeredArguments, names.filter((name) => name !== 'help'));
      return {
        name: command.name(),
        description: command.description(),
        options: optionsOf([...help.visibleOptions(command), ...globals], command.name()),
        ...(args ? { args } : {}),
      };
    }),
  };
}
