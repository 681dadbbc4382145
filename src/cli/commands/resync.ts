// `migrate resync`: validates and plans the files like test-import, connects to the site (or the
// embedded sandbox), then hands over to src/resync and prints the report. Exit 0/1/2/3/130.
import { InputError } from '../../errors.js';
import { requireStateFolder } from '../../erase/state-checks.js';
import type { Prefer } from '../../resync/merge.js';
import type { ResyncDocument } from '../../resync/report.js';
import { runResync } from '../../resync/run-resync.js';
import type { Colors } from '../reporters/colors.js';
import { renderResyncPlan, renderResyncResult } from '../reporters/resync-pretty.js';
import { prepareInputs, runContext, type ImportFlags } from '../session/inputs.js';
import { runWithInterrupts } from '../session/interrupts.js';
import { confirmBySiteName } from '../session/prompt.js';
import { prepareNotifications } from '../session/notify-run.js';
import { settleRun, writeReport } from '../session/report-run.js';
import { checkSystemFlag, connectTestSite, resolveTestSite } from '../session/sites.js';

export interface ResyncFlags extends ImportFlags {
  prefer: string;
  prune: boolean;
  yes: boolean;
}

/** `site` and `templates` say the same as `target` and `source`, in the words of the site and the files. */
const PREFER_WORDS: ReadonlyMap<string, Prefer> = new Map([['target', 'target'], ['site', 'target'], ['source', 'source'], ['templates', 'source']]);

function preferOf(value: string): Prefer {
  const prefer = PREFER_WORDS.get(value);
  if (prefer !== undefined) return prefer;
  throw new InputError('bad-prefer', `--prefer must be target or source, got "${value}".`, { hint: 'target (or site) keeps edits made on the site; source (or templates) writes the template values over them.' });
}

/** A dry run shows the plan; a run its outcome. */
function renderResync(document: ResyncDocument, colors: Colors): string {
  return document.dryRun ? renderResyncPlan(document, colors) : renderResyncResult(document, colors);
}

export async function run(paths: string[], flags: ResyncFlags): Promise<void> {
  const prefer = preferOf(flags.prefer);
  const inputs = await prepareInputs(paths, flags);
  const notifier = prepareNotifications(flags, inputs.config);
  requireStateFolder(inputs.config.stateDir);
  const { site } = resolveTestSite(inputs.config, flags.site);
  checkSystemFlag(site, flags.system);
  const connection = await connectTestSite(site, inputs.config, 'resync', flags.verbose, flags.system);
  try {
    const { document, fatal } = await runWithInterrupts((signal) =>
      runResync({
        ...runContext(inputs, flags, signal, connection.target),
        target: connection.target,
        prefer,
        prune: flags.prune,
        dryRun: flags.dryRun === true,
        createCustomFields: flags.createCustomFields === true,
        confirmLive: (request) => confirmBySiteName({ ...request, command: 'resync', yes: flags.yes }),
        configuredLive: site?.mode === 'live',
      }),
    );
    writeReport(flags.format, document, renderResync, flags.color);
    await notifier.notify(document);
    settleRun(fatal, { stopped: document.stopped, errors: document.summary.error }, 'resync');
  } finally {
    await connection.close();
  }
}
