// `migrate resync`: validates and plans the files like test-import, connects to the site (or the
// embedded sandbox), then hands over to src/resync and prints the report. Exit 0/1/2/3/130.
import { ExitCode, InputError, MigrateError, TargetError } from '../../errors.js';
import { connectTestSite, importFormat, prepareInputs, resolveTestSite, runWithInterrupts, type ImportFlags } from '../../importer/session.js';
import type { Prefer } from '../../resync/merge.js';
import { renderResyncPlan, renderResyncResult } from '../../resync/report.js';
import { runResync } from '../../resync/run-resync.js';
import { requireStateFolder } from '../../erase/state-checks.js';
import { colorEnabled } from '../options.js';
import { createColors } from '../reporters/colors.js';
import { renderJsonDocument } from '../reporters/json.js';

export interface ResyncFlags extends ImportFlags {
  prefer: string;
  prune: boolean;
  yes: boolean;
}

function preferOf(value: string): Prefer {
  if (value === 'target' || value === 'source') return value;
  throw new InputError('bad-prefer', `--prefer must be target or source, got "${value}".`, { hint: 'target keeps edits made on the site; source writes the template values over them.' });
}

export async function run(paths: string[], flags: ResyncFlags): Promise<void> {
  const format = importFormat(flags.format);
  const prefer = preferOf(flags.prefer);
  const inputs = await prepareInputs(paths, flags);
  requireStateFolder(inputs.config.stateDir);
  const { site } = resolveTestSite(inputs.config, flags.site);
  const connection = await connectTestSite(site, inputs.config, 'resync', flags.verbose);
  try {
    const outcome = await runWithInterrupts((signal) =>
      runResync({
        prepared: inputs.prepared,
        target: connection.target,
        stateDir: inputs.config.stateDir,
        outDir: flags.out ?? inputs.config.outDir,
        asOf: inputs.asOf,
        concurrency: inputs.config.concurrency ?? 4,
        prefer,
        prune: flags.prune,
        dryRun: flags.dryRun === true,
        yes: flags.yes,
        configuredLive: site?.mode === 'live',
        signal,
        progress: process.stderr,
        log: (line) => process.stderr.write(`${line}\n`),
      }),
    );
    const { document, fatal } = outcome;
    const colors = createColors(format === 'pretty' && colorEnabled(flags.color, process.stdout));
    process.stdout.write(format === 'json' ? renderJsonDocument(document) : document.dryRun ? renderResyncPlan(document, colors) : renderResyncResult(document, colors));
    if (fatal !== undefined) {
      if (fatal instanceof MigrateError) throw fatal;
      throw new TargetError('target-failed', `The site failed the resync: ${fatal instanceof Error ? fatal.message : String(fatal)}.`, {
        hint: 'What was done so far is journaled; run the same command again to resume.',
      });
    }
    process.exitCode = document.stopped === 'interrupted' ? ExitCode.interrupted : document.summary.error > 0 ? ExitCode.rowErrors : ExitCode.ok;
  } finally {
    await connection.close();
  }
}
