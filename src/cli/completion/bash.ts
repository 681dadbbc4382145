// The bash completion script: one function, _migrate, that finds the command typed so far and offers
// its flags, a flag's values, or its arguments (paths through compgen, so names with spaces work).
import { valueIn, type CompletionCommand, type CompletionModel, type CompletionOption, type ValueKind } from './model.js';

/** The shell code that fills COMPREPLY with what `kind` allows for the word "$cur". */
const reply = (kind: ValueKind): string =>
  valueIn({ files: '_migrate_paths -f', directories: '_migrate_paths -d', words: (words) => `_migrate_words '${words.join(' ')}'`, free: 'COMPREPLY=()' }, kind);

const flagsOf = (options: CompletionOption[]): string => options.flatMap((option) => option.names).join(' ');

/** One `case $command` arm: a value after a flag that takes one, else flags, else the arguments. */
function commandArm(command: CompletionCommand): string {
  const valued = command.options.filter((option) => option.value !== undefined);
  const values = valued.map((option) => `        ${option.names.join('|')}) ${reply(option.value!)}; return ;;`);
  const args = command.args === undefined ? `_migrate_words '${flagsOf(command.options)}'` : reply(command.args);
  return [
    `    ${command.name})`,
    ...(values.length > 0 ? ['      case $prev in', ...values, '      esac'] : []),
    `      if [[ $cur == -* ]]; then _migrate_words '${flagsOf(command.options)}'; else ${args}; fi`,
    '      ;;',
  ].join('\n');
}

export function bashScript(model: CompletionModel): string {
  const commands = model.commands.map((command) => command.name).join(' ');
  return `# bash completion for migrate, printed by \`migrate completion bash\`.
# This session: source <(migrate completion bash)
# Every session: migrate completion bash > ~/.local/share/bash-completion/completions/migrate

_migrate_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

_migrate_paths() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen "$1" -- "$cur")
}

_migrate() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev= command= i
  (( COMP_CWORD > 0 )) && prev=\${COMP_WORDS[COMP_CWORD-1]}
  # --flag=value: bash splits the word at "=".
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  # The command is the first word that is not a flag (the global flags take no value).
  for (( i = 1; i < COMP_CWORD; i++ )); do
    case \${COMP_WORDS[i]} in
      -*|=) ;;
      *) command=\${COMP_WORDS[i]}; break ;;
    esac
  done
  case $command in
    '')
      if [[ $cur == -* ]]; then _migrate_words '${flagsOf(model.options)}'; else _migrate_words '${commands}'; fi
      ;;
${model.commands.map(commandArm).join('\n')}
    *)
      COMPREPLY=()
      ;;
  esac
}

complete -F _migrate migrate
`;
}
