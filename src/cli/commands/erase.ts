// `migrate erase`: checks the flags, connects to the site (or the embedded sandbox holding the
// imported data), then hands over to src/erase. Exit 0/1/2/3/130.
import { InputError } from '../../errors.js';
import { runErase } from '../../erase/run-erase.js';
import { requireStateFolder } from '../../erase/state-checks.js';
import type { EraseScope } from '../../erase/report.js';
import { connectTestSite, importFormat, loadConfigFor, reportColors, resolveTestSite } from '../../importer/session.js';

export interface EraseFlags {
  site?: string;
  config?: string;
  scope: string;
  run?: string;
  allRuns: boolean;
  catalog: boolean;
  cleanup: string;
  customer: string[];
  format?: string;
  dryRun: boolean;
  yes: boolean;
  color?: boolean;
  verbose: boolean;
}

const SCOPES: readonly string[] = ['imported', 'customers', 'site'];

function checkFlags(flags: EraseFlags): { scope: EraseScope; cleanup: 'all' | 'customers' } {
  if (!SCOPES.includes(flags.scope)) throw new InputError('bad-scope', `--scope must be imported, customers or site, got "${flags.scope}".`);
  if (flags.cleanup !== 'all' && flags.cleanup !== 'customers') throw new InputError('bad-cleanup', `--cleanup must be all or customers, got "${flags.cleanup}".`);
  if (flags.run !== undefined && flags.allRuns) throw new InputError('run-and-all-runs', '--run and --all-runs exclude each other.', { hint: 'Give one of them.' });
  if (flags.customer.length > 0 && flags.scope !== 'customers') {
    throw new InputError('flag-needs-customers', '--customer applies to --scope customers.', { hint: 'migrate erase --scope customers --customer REF' });
  }
  if (flags.scope !== 'imported' && (flags.run !== undefined || flags.catalog)) {
    throw new InputError('flag-needs-imported', `--run and --catalog apply to --scope imported, not ${flags.scope}.`);
  }
  return { scope: flags.scope as EraseScope, cleanup: flags.cleanup };
}

export async function run(flags: EraseFlags): Promise<void> {
  const format = importFormat(flags.format);
  const { scope, cleanup } = checkFlags(flags);
  const config = await loadConfigFor(flags);
  if (scope === 'imported') requireStateFolder(config.stateDir);
  const { site } = resolveTestSite(config, flags.site);
  const connection = await connectTestSite(site, config, 'erase', flags.verbose);
  try {
    await runErase({
      target: connection.target,
      stateDir: config.stateDir,
      scope,
      ...(flags.run !== undefined ? { run: flags.run } : {}),
      cleanup,
      customers: flags.customer,
      catalog: flags.catalog,
      configuredLive: site?.mode === 'live',
      dryRun: flags.dryRun,
      yes: flags.yes,
      format,
      colors: reportColors(format, flags.color),
      concurrency: config.concurrency ?? 4,
    });
  } finally {
    await connection.close();
  }
}
