// `migrate resync`: validates and plans the files like test-import, connects to the site (or the
// embedded sandbox), then hands over to src/resync and prints the report. Exit 0/1/2/3/130.
import { InputError } from '../../errors.js';
import {
  connectTestSite,
  importFormat,
  prepareInputs,
  reportColors,
  resolveTestSite,
  runContext,
  runWithInterrupts,
  settleRun,
  type ImportFlags,
} from '../../importer/session.js';
import type { Prefer } from '../../resync/merge.js';
import { renderResyncPlan, renderResyncResult } from '../../resync/report.js';
import { runResync } from '../../resync/run-resync.js';
import { requireStateFolder } from '../../erase/state-checks.js';
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
        ...runContext(inputs, flags, signal),
        target: connection.target,
        prefer,
        prune: flags.prune,
        dryRun: flags.dryRun === true,
        createCustomFields: flags.createCustomFields === true,
        yes: flags.yes,
        configuredLive: site?.mode === 'live',
      }),
    );
    const { document, fatal } = outcome;
    const colors = reportColors(format, flags.color);
    process.stdout.write(format === 'json' ? renderJsonDocument(document) : document.dryRun ? renderResyncPlan(document, colors) : renderResyncResult(document, colors));
    settleRun(fatal, { stopped: document.stopped, errors: document.summary.error }, 'resync');
  } finally {
    await connection.close();
  }
}
