// The fish completion script: one `complete` line per command and per flag, each flag offered once
// its command is on the line, with its help as the description.
import { valueIn, type CompletionModel, type CompletionOption, type ValueKind } from './model.js';

/** A single-quoted fish string. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const DIRECTORIES = quoted('(__fish_complete_directories (commandline -ct))');

/** The `complete` arguments that say what follows a flag: paths, folders, words, or nothing offered. */
const values = (kind: ValueKind): string => valueIn({ files: '-r -F', directories: `-x -a ${DIRECTORIES}`, words: (words) => `-x -a ${quoted(words.join(' '))}`, free: '-x' }, kind);

/** The `complete` arguments for a command's positional arguments. */
const argumentValues = (kind: ValueKind): string => valueIn({ files: '-F', directories: `-a ${DIRECTORIES}`, words: (words) => `-a ${quoted(words.join(' '))}`, free: '' }, kind);

function optionLine(condition: string, option: CompletionOption): string {
  const names = option.names.map((name) => (name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`));
  return ['complete -c migrate -n', quoted(condition), ...names, ...(option.value ? [values(option.value)] : []), '-d', quoted(option.description)].join(' ');
}

export function fishScript(model: CompletionModel): string {
  const lines = [
    '# fish completion for migrate, printed by `migrate completion fish`.',
    '# Every session: migrate completion fish > ~/.config/fish/completions/migrate.fish',
    '# Paths only where a command or flag takes them.',
    'complete -c migrate -f',
    ...model.options.map((option) => optionLine('__fish_use_subcommand', option)),
    ...model.commands.map((command) => `complete -c migrate -n __fish_use_subcommand -a ${command.name} -d ${quoted(command.description)}`),
  ];
  for (const command of model.commands) {
    const condition = `__fish_seen_subcommand_from ${command.name}`;
    lines.push('', `# migrate ${command.name}`, ...command.options.map((option) => optionLine(condition, option)));
    if (command.args !== undefined && command.args.kind !== 'free') lines.push(`complete -c migrate -n ${quoted(condition)} ${argumentValues(command.args)}`);
  }
  return `${lines.join('\n')}\n`;
}
