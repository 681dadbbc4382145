// Which site the links in each annotated result file point into: `result-sites.json` beside the files
// (the CSVs themselves keep the template's columns only). Whoever trusts a result file's links — an
// import that keeps rows marked success, compare — checks them here against the site it talks to.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RESULT_SITES_FILE } from '../csv/inputs.js';
import { InputError } from '../errors.js';
import { writeJsonFile } from '../state/json-file.js';
import { listRuns } from '../state/runs.js';
import { canonicalAddress, type SiteIdentity } from '../state/site-identity.js';

interface ResultSite {
  fingerprint: string;
  site: string;
  baseUrl: string;
  run: string;
  command: string;
}

interface Manifest {
  version: 1;
  files: Record<string, ResultSite>;
}

async function readManifest(folder: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(join(folder, RESULT_SITES_FILE), 'utf8')) as Manifest;
    if (manifest.version === 1 && typeof manifest.files === 'object' && manifest.files !== null) return manifest;
  } catch {
    // Missing or unreadable: the links are then judged by their address alone.
  }
  return { version: 1, files: {} };
}

/** Records that the result files at `paths` (all in one folder) link into the site `identity`. */
export async function recordResultSites(paths: string[], identity: SiteIdentity, run: string, command: string): Promise<void> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) byFolder.set(dirname(path), [...(byFolder.get(dirname(path)) ?? []), path]);
  for (const [folder, files] of byFolder) {
    const manifest = await readManifest(folder);
    for (const path of files) manifest.files[basename(path)] = { fingerprint: identity.fingerprint, site: identity.label, baseUrl: identity.baseUrl, run, command };
    await writeJsonFile(join(folder, RESULT_SITES_FILE), manifest);
  }
}

/** The links in a file's Result cells, and the first row holding one (for the message). */
export interface FileLinks {
  row: number;
  /** The sheet of that row, in a workbook. */
  sheet?: string;
  links: string[];
}

/**
 * Refuses (exit 2) a result file whose links point into another site than `identity`: by the site
 * recorded for it in result-sites.json when there is one, else by the addresses of its links (read
 * with `linksOf`; the aliases of this machine folded together), which must be the site's own or one
 * that runs recorded in `stateDir` reached this very site at (a sandbox restarted on another port).
 * `action` says what was not done.
 */
export async function checkResultLinks(
  paths: string[],
  identity: SiteIdentity,
  stateDir: string,
  action: string,
  linksOf: (path: string) => Promise<FileLinks>,
): Promise<void> {
  const manifests = new Map<string, Manifest>();
  let addresses: string[] | undefined;
  const hint = 'Give the result files written for this site, or name the site they were written for with --site.';
  for (const path of paths) {
    const folder = dirname(path);
    if (!manifests.has(folder)) manifests.set(folder, await readManifest(folder));
    const recorded = manifests.get(folder)!.files[basename(path)];
    if (recorded !== undefined) {
      if (recorded.fingerprint === identity.fingerprint) continue;
      throw new InputError('results-other-site', `${path} holds links into ${recorded.site} (run ${recorded.run}), not into ${identity.label}; ${action}.`, { hint });
    }
    const { row, sheet, links } = await linksOf(path);
    if (links.length === 0) continue;
    addresses ??= await addressesOf(identity, stateDir);
    const foreign = links.find((link) => !addresses!.some((address) => within(link, address)));
    if (foreign !== undefined) {
      throw new InputError('results-other-site', `This file holds links into ${originOf(foreign)}, not into ${identity.label}; ${action}.`, {
        location: { file: path, ...(sheet !== undefined ? { sheet } : {}), row },
        hint,
      });
    }
  }
}

/** Where the site answers now and, by the run records, where it answered before. */
async function addressesOf(identity: SiteIdentity, stateDir: string): Promise<string[]> {
  const earlier = (await listRuns(stateDir)).filter((run) => run.site.fingerprint === identity.fingerprint).map((run) => run.site.baseUrl);
  return [...new Set([identity.baseUrl, ...earlier].map(canonicalAddress))];
}

function within(link: string, address: string): boolean {
  try {
    return `${canonicalAddress(link)}/`.startsWith(`${address}/`);
  } catch {
    return true;
  }
}

function originOf(link: string): string {
  try {
    return new URL(link).origin;
  } catch {
    return link;
  }
}
