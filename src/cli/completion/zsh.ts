// The zsh completion script: _arguments specs per command, with each flag's help as its description;
// it works from $fpath (as _migrate) and when sourced.
import { valueIn, type CompletionCommand, type CompletionModel, type CompletionOption, type ValueKind } from './model.js';

/** Text inside a single-quoted _arguments spec: brackets and backslashes escaped, quotes closed and reopened. */
function quoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1').replace(/'/g, `'\\''`);
}

/** The _arguments action completing `kind`. */
const action = (kind: ValueKind): string => valueIn({ files: '_files', directories: '_files -/', words: (words) => `(${words.join(' ')})`, free: ' ' }, kind);

/** One _arguments spec: `'--format=[report format…]:format:(pretty json)'`, or the -h/--help pair. */
function optionSpec(option: CompletionOption): string {
  const description = `[${quoted(option.description)}]`;
  const value = option.value === undefined ? '' : `:${option.names[0]!.replace(/^-+/, '')}:${action(option.value)}`;
  if (option.names.length === 1) return `'${option.names[0]}${option.value ? '=' : ''}${description}${value}'`;
  return `'(${option.names.join(' ')})'{${option.names.join(',')}}'${option.value ? '=' : ''}${description}${value}'`;
}

function argumentSpec(kind: ValueKind | undefined): string[] {
  if (kind === undefined) return [];
  return kind.kind === 'words' ? [`'1:argument:${action(kind)}'`] : [`'*:path:${action(kind)}'`];
}

function commandArm(command: CompletionCommand): string {
  const specs = [...command.options.map(optionSpec), ...argumentSpec(command.args)];
  return `        ${command.name})\n          _arguments -s \\\n            ${specs.join(' \\\n            ')} && ret=0\n          ;;`;
}

export function zshScript(model: CompletionModel): string {
  const commands = model.commands.map((command) => `        '${command.name}:${quoted(command.description)}'`);
  return `#compdef migrate
# zsh completion for migrate, printed by \`migrate completion zsh\`.
# This session: source <(migrate completion zsh)
# Every session: migrate completion zsh > "\${fpath[1]}/_migrate"
compdef _migrate migrate

_migrate() {
  local curcontext=$curcontext state line ret=1
  typeset -A opt_args
  _arguments -C \\
    ${model.options.map(optionSpec).join(' \\\n    ')} \\
    '1: :->command' \\
    '*:: :->argument' && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${commands.join('\n')}
      )
      _describe -t commands 'migrate command' commands && ret=0
      ;;
    argument)
      curcontext=\${curcontext%:*:*}:migrate-$line[1]:
      case $line[1] in
${model.commands.map(commandArm).join('\n')}
      esac
      ;;
  esac
  return ret
}

# Loaded from $fpath: complete now (when sourced, compdef above registered it).
if [[ $funcstack[1] == _migrate ]]; then
  _migrate "$@"
fi
`;
}
