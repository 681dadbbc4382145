// Which site `compare` asks for renewal previews: --site, else the site of the latest test-import
// recorded in the state folder — restarting the embedded sandbox from its data there when that run
// used it — else none (explanations then come from the catalog templates alone).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { CompareSite } from '../../compare/run-compare.js';
import { hasSite, resolveSite, type ResolvedConfig } from '../../config/index.js';
import { InputError, MigrateError } from '../../errors.js';
import { listRuns } from '../../state/runs.js';
import { connectEmbedded, connectEmbeddedEmulator, connectSite, embeddedDataDir, startEmbeddedSite } from './sites.js';
import { embeddedEmulator, TARGET_SYSTEMS, type EmbeddedEmulator } from '../../targets/index.js';
import { join } from 'node:path';

/** The site compare asks, and how to let it go (the client, and the embedded sandbox when compare started it). */
export interface CompareSiteConnection {
  site: CompareSite;
  close(): Promise<void>;
}

const EMBEDDED = 'sandbox';

/** The site to use, or undefined when none is known; `--site` naming an unknown site is an InputError. */
export async function connectCompareSite(config: ResolvedConfig, siteFlag: string | undefined, verbose = false): Promise<CompareSiteConnection | undefined> {
  const sandboxDir = embeddedDataDir(config);
  if (siteFlag !== undefined) {
    if (hasSite(config, siteFlag)) return configured(config, siteFlag, verbose);
    if (siteFlag === EMBEDDED) {
      if (!existsSync(sandboxDir)) {
        throw new InputError('no-sandbox-data', `--site sandbox: the state folder ${config.stateDir} holds no embedded sandbox data.`, {
          hint: 'Run migrate test-import first (without a configured test site), or name a configured site.',
        });
      }
      const latest = (await listRuns(config.stateDir)).filter((run) => run.site.name === EMBEDDED).at(-1);
      return embedded(config, verbose, latest?.site.baseUrl);
    }
    resolveSite(config, siteFlag);
  }
  const latest = (await listRuns(config.stateDir)).filter((run) => run.command === 'test-import').at(-1);
  if (latest !== undefined) {
    if (hasSite(config, latest.site.name)) return configured(config, latest.site.name, verbose);
    const emulator = emulatorNamed(latest.site.name);
    if (emulator !== undefined && existsSync(join(config.stateDir, emulator.folder))) {
      const connection = await connectEmbeddedEmulator(emulator, config, verbose);
      return { site: { target: connection.target, name: `${emulator.label} (${relative(process.cwd(), join(config.stateDir, emulator.folder)) || '.'})` }, close: () => connection.close() };
    }
    if (latest.site.name === EMBEDDED && existsSync(sandboxDir)) return embedded(config, verbose, latest.site.baseUrl);
    return undefined;
  }
  return hasSite(config, 'test') ? configured(config, 'test', verbose) : undefined;
}

/** The embedded emulator (of a system other than the default) that run records call `name`. */
function emulatorNamed(name: string): EmbeddedEmulator | undefined {
  return TARGET_SYSTEMS.map(embeddedEmulator).find((emulator) => emulator?.siteName === name);
}

function configured(config: ResolvedConfig, name: string, verbose: boolean): CompareSiteConnection {
  const connection = connectSite(resolveSite(config, name), config, verbose);
  return { site: { target: connection.target, name }, close: () => connection.close() };
}

/**
 * The embedded sandbox again, on the data test-import left in the state folder. When a `migrate sandbox`
 * already serves that folder (to open the result links), compare asks that one, at the import's address.
 */
async function embedded(config: ResolvedConfig, verbose: boolean, importedAt: string | undefined): Promise<CompareSiteConnection> {
  let sandbox;
  try {
    sandbox = await startEmbeddedSite(config, 0);
  } catch (error) {
    if (!(error instanceof MigrateError) || error.code !== 'sandbox-data-dir-in-use' || importedAt === undefined) throw error;
    const running = connectSite({ name: EMBEDDED, baseUrl: importedAt }, config, verbose);
    try {
      await running.target.readSite();
    } catch {
      await running.close();
      throw error;
    }
    return { site: { target: running.target, name: `the running sandbox at ${importedAt}` }, close: () => running.close() };
  }
  const connection = connectEmbedded(sandbox, config, verbose);
  return { site: { target: connection.target, name: `embedded sandbox (${relative(process.cwd(), embeddedDataDir(config)) || '.'})` }, close: () => connection.close() };
}
