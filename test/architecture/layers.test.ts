// The import graph of src/ kept one-way: only src/cli/ touches the process (streams, exit codes, argv,
// signals, prompts) and nothing imports it; every other module imports only its own layer or lower.
// A small parser reads the import statements, so a violation names the file and the module it reaches.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, stripComments } from './imports.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const srcDir = join(root, 'src');

/** Lowest first: a module may import from its own layer or a lower one, never a higher one. */
const LAYERS: ReadonlyArray<{ name: string; folders: readonly string[] }> = [
  { name: 'foundation', folders: ['errors.ts', 'dates', 'net', 'pricing', 'csv', 'workbook', 'templates', 'rules', 'config', 'progress'] },
  { name: 'plan', folders: ['plan'] },
  { name: 'targets', folders: ['targets'] },
  // The journal and run records: what was applied where, named in the plan's terms.
  { name: 'state', folders: ['state'] },
  { name: 'commands', folders: ['importer', 'compare', 'erase', 'resync', 'validate'] },
  // What a person is told when a run ends (email, webhook): it reads the commands' documents.
  { name: 'notify', folders: ['notify'] },
  { name: 'cli', folders: ['cli'] },
];


/** What only the CLI may use: the process's streams, exit code, arguments and signals, and prompts. */
const PROCESS_USE = /\bprocess\s*\.\s*(stdout|stderr|stdin|exitCode|exit|argv|on|once|off)\b/g;
const READLINE = /^(node:)?readline(\/promises)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The source file under src/ (posix) a relative specifier names; undefined for packages and node: modules. */
function resolveInSrc(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  // ESM specifiers name the compiled .js file; the source is the .ts beside it.
  const target = posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/\.js$/, '.ts');
  return target.startsWith('../') ? undefined : target;
}

function layerOf(path: string): number {
  const first = path.split('/')[0]!;
  const index = LAYERS.findIndex((layer) => layer.folders.includes(first));
  if (index < 0) throw new Error(`src/${path} is in no layer: add its folder to LAYERS in test/architecture/layers.test.ts`);
  return index;
}


interface Module {
  /** Path under src/, posix. */
  path: string;
  text: string;
  imports: Array<{ specifier: string; resolved: string | undefined }>;
}

const modules: Module[] = sourceFiles(srcDir).map((file) => {
  const path = relative(srcDir, file).split('\\').join('/');
  const text = readFileSync(file, 'utf8');
  return { path, text, imports: importSpecifiers(text).map((specifier) => ({ specifier, resolved: resolveInSrc(path, specifier) })) };
});

const outsideCli = modules.filter((module) => !module.path.startsWith('cli/'));

function report(violations: string[]): string {
  return violations.length === 0 ? '' : `\n${violations.join('\n')}\n`;
}

describe('the import parser', () => {
  it('finds static, bare, dynamic and re-exported imports, and skips commented ones', () => {
    const text = [
      "import { a } from './a.js';",
      "import type {\n  B,\n  C,\n} from '../b/c.js';",
      "import './side-effect.js';",
      "export { d } from './d.js';",
      "export * from './e.js';",
      "const f = await import('./f.js');",
      "// import { g } from './g.js';",
      "/* import { h } from './h.js'; */",
      "const url = 'https://example.test'; import { i } from 'node:fs';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', '../b/c.js', './d.js', './e.js', 'node:fs', './side-effect.js', './f.js']);
  });

  it('sees every module under src/', () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.some((module) => module.path === 'cli/main.ts')).toBe(true);
  });
});

describe('layers', () => {
  it('(a) no module outside src/cli/ imports from src/cli/', () => {
    const violations = outsideCli.flatMap((module) =>
      module.imports.filter(({ resolved }) => resolved?.startsWith('cli/')).map(({ resolved }) => `${module.path} → ${resolved}`),
    );
    expect(report(violations)).toBe('');
  });

  it('(b) no module outside src/cli/ uses the process streams, exit code, argv, signals or readline', () => {
    const violations = outsideCli.flatMap((module) => {
      const code = stripComments(module.text);
      const uses = [...code.matchAll(PROCESS_USE)].map((match) => `${module.path} → process.${match[1]}`);
      const prompts = module.imports.filter(({ specifier }) => READLINE.test(specifier)).map(({ specifier }) => `${module.path} → ${specifier}`);
      return [...new Set([...uses, ...prompts])];
    });
    expect(report(violations)).toBe('');
  });

  it('(c) a module imports only its own layer or a lower one', () => {
    const violations = modules.flatMap((module) =>
      module.imports
        .filter(({ resolved }) => resolved !== undefined && layerOf(resolved) > layerOf(module.path))
        .map(({ resolved }) => `${module.path} → ${resolved} (${LAYERS[layerOf(module.path)]!.name} < ${LAYERS[layerOf(resolved!)]!.name})`),
    );
    expect(report(violations)).toBe('');
  });
});
