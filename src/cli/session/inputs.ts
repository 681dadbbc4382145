// What the commands that read template files share before they talk to a site: the flags they take,
// the configuration, validation and planning of the files, and what a run over them is told.
import { loadConfig, type ResolvedConfig } from '../../config/index.js';
import { SITE_RULES } from '../../targets/index.js';
import type { Target } from '../../targets/target.js';
import { ignoreTest } from '../../csv/ignore.js';
import { collectInputs } from '../../csv/inputs.js';
import { InputErrors } from '../../errors.js';
import { prepareImport, type PreparedImport } from '../../importer/run-import.js';
import { validateFiles } from '../../validate/index.js';
import { resolveAsOf, type ImportFormat } from '../options.js';
import { plural } from '../reporters/summary.js';
import type { NotifyFlags } from './notify-run.js';
import { logToStderr } from './sites.js';

export interface ImportFlags extends NotifyFlags {
  site?: string;
  config?: string;
  template?: string;
  /** --ignore: globs of input files to leave out (see src/csv/ignore.ts). */
  ignore?: string[];
  asOf?: string;
  out?: string;
  format: ImportFormat;
  /** --report FILE.html: the run's summary as an HTML page, beside what --format prints (test-import, live-import). */
  report?: string;
  dryRun?: boolean;
  /** With dryRun: the counts only, not every operation. */
  summary?: boolean;
  /** Create the custom fields the rows use and the site lacks, instead of stopping. */
  createCustomFields?: boolean;
  color?: boolean;
  verbose?: boolean;
  /** Start a journal for this site even though another site with its name has one (see checkImportJournal). */
  newJournal?: boolean;
  /** --system: which system's embedded sandbox, when no site is configured (test-import). */
  system?: string;
}

export interface Inputs {
  config: ResolvedConfig;
  asOf: string;
  prepared: PreparedImport;
}

/** The configuration --config names, else the .migraterc* found from the current folder. */
export function loadConfigFor(flags: { config?: string }): Promise<ResolvedConfig> {
  return loadConfig({ systems: SITE_RULES, ...(flags.config === undefined ? {} : { configPath: flags.config }) });
}

/** Loads the configuration, validates every row and plans the import; sends nothing. */
export async function prepareInputs(paths: string[], flags: ImportFlags): Promise<Inputs> {
  const config = await loadConfigFor(flags);
  const asOf = resolveAsOf(flags.asOf, config);
  const collected = await collectInputs(paths, ignoreTest(flags.ignore ?? []));
  const report = await validateFiles(collected.files, { asOf, keepContent: true, ...(flags.template ? { template: flags.template } : {}) });
  // Nothing is sent while any input file is unreadable, and all of them are named at once.
  const problems = [...collected.problems, ...report.unreadable.map((file) => file.error)];
  if (problems.length > 0) {
    throw new InputErrors(problems, `${plural(problems.length, 'input file')} could not be read; nothing was sent.`, {
      hint: problems.length === 1 ? 'Fix it or leave it out with --ignore.' : 'Fix them or leave them out with --ignore.',
    });
  }
  const prepared = prepareImport(report.files);
  return { config, asOf, prepared };
}

/** What a run over the planned files (runImport, runResync) is told alike: state and results folders, date, pace, Ctrl-C, progress and notices on stderr. */
export function runContext(inputs: Inputs, flags: ImportFlags, signal: AbortSignal, target: Pick<Target, 'profile'>) {
  return {
    prepared: inputs.prepared,
    stateDir: inputs.config.stateDir,
    outDir: flags.out ?? inputs.config.outDir,
    asOf: inputs.asOf,
    concurrency: inputs.config.concurrency ?? target.profile.concurrency,
    createCustomFields: flags.createCustomFields === true,
    signal,
    progress: process.stderr,
    log: logToStderr,
  };
}
