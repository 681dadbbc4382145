// `migrate completion bash|zsh|fish` from the built CLI. Bash: the script is sourced in a real bash and
// its function asked what it offers (COMP_WORDS/COMP_CWORD), for every command and flag the parser
// knows. Zsh and fish: checked for structure (every command and flag, balanced quoting).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionModel } from '../../src/cli/completion/model.js';
import { buildProgram, parseCli } from '../../src/cli/parse-cli.js';
import { TEMPLATE_KINDS } from '../../src/templates/index.js';
import { runCli } from './run-cli.js';

/** What the parser knows: every command with its long flags, from the same definitions. */
const program = buildProgram(() => undefined);
const commands = program.commands.map((command) => ({
  name: command.name(),
  flags: command.options.map((option) => option.long!).filter(Boolean),
}));

async function script(shell: string): Promise<string> {
  const result = await runCli(['completion', shell]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('migrate completion bash, in a real bash', () => {
  let dir: string;
  let file: string;
  // One folder for the whole suite: the script, and paths to complete.
  beforeAll(async () => {
    expect(spawnSync('bash', ['--version']).status, 'bash is needed for these tests').toBe(0);
    dir = await mkdtemp(join(tmpdir(), 'migrate-completion-'));
    for (const path of ['data/subs.csv', 'data/with space.csv', 'dash.csv', 'docs/readme.md']) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), '');
    }
    await mkdir(join(dir, 'out'));
    file = join(dir, 'migrate.bash');
    await writeFile(file, await script('bash'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** What _migrate offers for the words typed so far (the last one is being completed), one bash run for all. */
  function complete(...lines: string[][]): string[][] {
    const calls = lines.map((words) => {
      const array = words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
      return `COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _migrate; printf '%s\\n' "\${COMPREPLY[@]}" | sort; echo '--'`;
    });
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${file}' && ${calls.join('; ')}`], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    return result.stdout
      .split('--\n')
      .slice(0, lines.length)
      .map((block) => block.split('\n').filter(Boolean));
  }

  it('registers _migrate for migrate', () => {
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${file}' && complete -p migrate`], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('complete -F _migrate migrate');
  });

  it('offers every command, and the global flags', () => {
    const [all, some, flags] = complete(['migrate', ''], ['migrate', 'te'], ['migrate', '--']);
    expect(all).toEqual([...commands.map((command) => command.name), 'help'].sort());
    expect(some).toEqual(['templates', 'test-import']);
    expect(flags).toEqual(['--help', '--no-color', '--verbose', '--version'].sort());
  });

  it("offers every flag of every command, as the parser defines them (and the global ones after the command)", () => {
    const offered = complete(...commands.map((command) => ['migrate', command.name, '--']));
    commands.forEach((command, index) => {
      expect(offered[index], command.name).toEqual([...command.flags, '--help', '--verbose', '--no-color'].sort());
    });
  });

  it("offers a flag's values: template kinds, each command's formats, fixed choices; nothing for a date", () => {
    const [kinds, validateFormats, importFormats, scopes, asOf, shells, kindArgument, afterGlobal, systems, compareFormats, importAllFormats, reportFile] = complete(
      ['migrate', 'validate', '--template', ''],
      ['migrate', 'validate', '--format', ''],
      ['migrate', 'test-import', 'data', '--format', 'j'],
      ['migrate', 'erase', '--scope', ''],
      ['migrate', 'validate', '--as-of', ''],
      ['migrate', 'completion', ''],
      ['migrate', 'templates', 'customers-'],
      ['migrate', '--verbose', 'validate', '--pre'],
      ['migrate', 'templates', 'products', '--system', ''],
      ['migrate', 'compare', 'out', '--format', ''],
      ['migrate', 'live-import', 'data', '--format', ''],
      ['migrate', 'compare', 'out', '--report', 'da'],
    );
    expect(kinds).toEqual([...TEMPLATE_KINDS].sort());
    expect(validateFormats).toEqual(['github', 'html', 'json', 'junit', 'pretty']);
    expect(compareFormats).toEqual(['html', 'json', 'pretty']);
    // The imports print pretty or json; their HTML page is --report's.
    expect(importAllFormats).toEqual(['json', 'pretty']);
    expect(reportFile).toEqual(['dash.csv', 'data']);
    expect(importFormats).toEqual(['json']);
    expect(scopes).toEqual(['customers', 'imported', 'site']);
    expect(asOf).toEqual([]);
    expect(shells).toEqual(['bash', 'fish', 'zsh']);
    expect(kindArgument).toEqual(['customers-advanced']);
    expect(afterGlobal).toEqual(['--preview']);
    expect(systems).toEqual(['advanced-billing', 'chartmogul']);
  });

  it('completes --flag=value as bash splits it', () => {
    const [empty, partial] = complete(['migrate', 'validate', '--format', '='], ['migrate', 'validate', '--format', '=', 'ju']);
    expect(empty).toEqual(['github', 'html', 'json', 'junit', 'pretty']);
    expect(partial).toEqual(['junit']);
  });

  it('completes paths for files (names with spaces whole) and folders where a folder goes', () => {
    const [files, inFolder, folders, initFolder] = complete(
      ['migrate', 'validate', 'd'],
      ['migrate', 'test-import', 'data/'],
      ['migrate', 'validate', 'data', '--out', ''],
      ['migrate', 'init', ''],
    );
    expect(files).toEqual(['dash.csv', 'data', 'docs']);
    expect(inFolder).toEqual(['data/subs.csv', 'data/with space.csv']);
    expect(folders).toEqual(['data', 'docs', 'out']);
    expect(initFolder).toEqual(['data', 'docs', 'out']);
  });
});

describe('what completion offers is what the parser accepts', () => {
  const model = completionModel(program);

  /** Values that come from the parser's own lists (formats, template kinds), not from a choice only a command checks. */
  const derived = (name: string, words: readonly string[]): boolean => name === '--format' || words === TEMPLATE_KINDS;

  it('every offered format and template kind parses', () => {
    for (const command of model.commands) {
      for (const option of command.options) {
        if (option.value?.kind !== 'words' || !derived(option.names[0]!, option.value.words)) continue;
        for (const word of option.value.words) {
          // Paths where the command takes them, so only the flag is judged.
          const args = [command.name, ...(command.args?.kind === 'files' ? ['x.csv'] : []), option.names[0]!, word];
          expect(() => parseCli(args, { writeErr: () => undefined, writeOut: () => undefined }), args.join(' ')).not.toThrow();
        }
      }
    }
  });

  it("every fixed choice is one the flag's help names", () => {
    for (const command of model.commands) {
      for (const option of command.options) {
        if (option.value?.kind !== 'words' || derived(option.names[0]!, option.value.words)) continue;
        for (const word of option.value.words) expect(option.description, `${command.name} ${option.names[0]}`).toContain(word);
      }
    }
  });
});

/** True when every line of `text` closes the single quotes it opens (`escapes`: backslash escapes inside quotes, as fish has). */
function quotesBalanced(text: string, escapes: boolean): string[] {
  return text.split('\n').filter((line) => {
    let quoted = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (char === '\\' && (!quoted || escapes)) index += 1;
      else if (char === "'") quoted = !quoted;
    }
    return quoted;
  });
}

describe('migrate completion zsh and fish', () => {
  it('zsh: a #compdef function with an _arguments arm per command naming each of its flags', async () => {
    const zsh = await script('zsh');
    expect(zsh.startsWith('#compdef migrate\n')).toBe(true);
    expect(zsh).toContain('compdef _migrate migrate');
    expect(quotesBalanced(zsh, false)).toEqual([]);
    for (const command of commands) {
      expect(zsh).toContain(`        '${command.name}:`);
      const arm = zsh.slice(zsh.indexOf(`        ${command.name})\n`), zsh.indexOf(';;', zsh.indexOf(`        ${command.name})\n`)));
      for (const flag of command.flags) expect(arm, `${command.name} ${flag}`).toMatch(new RegExp(`'${flag}(=|\\[)`));
    }
    expect(zsh).toMatch(/'--template=\[[^\]]*\]:template:\(subscriptions-standard [^)]*invoices\)'/);
    expect(zsh).toContain("'1:argument:(bash zsh fish)'");
  });

  it('fish: a line per command and per flag of each, conditioned on its command', async () => {
    const fish = await script('fish');
    expect(fish).toContain('complete -c migrate -f\n');
    expect(quotesBalanced(fish, true)).toEqual([]);
    for (const command of commands) {
      expect(fish).toContain(`complete -c migrate -n __fish_use_subcommand -a ${command.name} -d `);
      for (const flag of command.flags) expect(fish).toContain(`complete -c migrate -n '__fish_seen_subcommand_from ${command.name}' -l ${flag.slice(2)} `);
    }
    expect(fish).toContain(`-l template -x -a '${TEMPLATE_KINDS.join(' ')}'`);
    expect(fish).toContain("complete -c migrate -n '__fish_seen_subcommand_from validate' -F");
  });

  it('refuses another shell with exit 2', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are bash, zsh, fish');
  });
});
