// Which site each journal in the state folder is about (`journal/<key>.site.json` beside `<key>.jsonl`),
// and the guard that keeps an import from taking another site's journal for its own: a site that
// answers to the same name as a journaled one but is not it stops the run before anything is sent.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { writeJsonFile } from './json-file.js';
import { join, relative } from 'node:path';
import { InputError } from '../errors.js';
import { openJournal, type Journal, type OpenJournalOptions } from './journal.js';
import type { SiteIdentity } from './site-identity.js';

/**
 * What `<key>.site.json` holds: the identity of the site the journal is about, as last seen. Files
 * written before sites were named by their adapter say `subdomain` and a numeric `id`; only `name`,
 * `mode`, `label`, `baseUrl` and `fingerprint` are read back.
 */
export type JournalSite = Pick<SiteIdentity, 'fingerprint' | 'name' | 'label' | 'baseUrl' | 'siteName' | 'id' | 'mode'>;

export interface KnownJournal {
  key: string;
  path: string;
  /** Absent for a journal written before migrate told sites apart (named `<subdomain>-<id>.jsonl`). */
  site?: JournalSite;
  hasEntries: boolean;
}

function journalDir(stateDir: string): string {
  return join(stateDir, 'journal');
}

/** Records (or updates, when it now answers elsewhere) which site the journal `identity.key` is about. */
async function recordJournalSite(stateDir: string, identity: SiteIdentity): Promise<void> {
  const path = join(journalDir(stateDir), `${identity.key}.site.json`);
  const site: JournalSite = {
    fingerprint: identity.fingerprint,
    name: identity.name,
    label: identity.label,
    baseUrl: identity.baseUrl,
    siteName: identity.siteName,
    id: identity.id,
    mode: identity.mode,
  };
  if ((await readFile(path, 'utf8').catch(() => undefined)) === `${JSON.stringify(site, null, 2)}\n`) return;
  await mkdir(journalDir(stateDir), { recursive: true });
  await writeJsonFile(path, site);
}

/** Opens the journal of the site `identity`; a run that writes to it also records which site it is about. */
export async function openSiteJournal(stateDir: string, identity: SiteIdentity, run: string, options: OpenJournalOptions = {}): Promise<Journal> {
  if (options.exclusive ?? true) await recordJournalSite(stateDir, identity);
  return openJournal(stateDir, identity.key, run, options);
}

/** Every journal in the state folder, with the site it is about when known. */
export async function listJournals(stateDir: string): Promise<KnownJournal[]> {
  let names: string[];
  try {
    names = await readdir(journalDir(stateDir));
  } catch {
    return [];
  }
  const journals: KnownJournal[] = [];
  for (const name of names.filter((candidate) => candidate.endsWith('.jsonl')).sort()) {
    const key = name.slice(0, -'.jsonl'.length);
    const path = join(journalDir(stateDir), name);
    const size = await stat(path).then((info) => info.size, () => 0);
    const site = await readFile(join(journalDir(stateDir), `${key}.site.json`), 'utf8').then(
      (text) => JSON.parse(text) as JournalSite,
      () => undefined,
    );
    journals.push({ key, path, ...(site?.fingerprint ? { site } : {}), hasEntries: size > 0 });
  }
  return journals;
}

/** How a message names the site a journal is about. */
export function describeJournalSite(journal: KnownJournal): string {
  return journal.site ? journal.site.label : `${journal.key} (a journal written before migrate told sites apart)`;
}

/**
 * Before an import into `identity` writes anything: when the site has no journal of its own yet but
 * the state folder journals another site that answers to the same name in the same mode (every
 * sandbox is "sandbox-1"), the run stops (exit 2) and says which site the journal knows and which
 * one it is talking to — unless `newJournal` says this site is meant and starts its own journal.
 * The other journal is never touched. Answers a note for the operator, if any.
 */
export async function checkImportJournal(stateDir: string, identity: SiteIdentity, newJournal: boolean): Promise<string | undefined> {
  const journals = await listJournals(stateDir);
  if (journals.some((journal) => journal.key === identity.key && journal.hasEntries)) {
    return newJournal ? `Note: ${identity.label} already has its own journal; --new-journal changes nothing.` : undefined;
  }
  const other = journals.find(
    (journal) =>
      journal.hasEntries &&
      journal.key !== identity.key &&
      (journal.site ? journal.site.name === identity.name && journal.site.mode === identity.mode : journal.key === identity.name),
  );
  if (other === undefined || newJournal) return undefined;
  const where = relative(process.cwd(), other.path) || other.path;
  const hint = other.site
    ? `If ${identity.baseUrl} is the site you mean, run again with --new-journal: it gets a journal of its own (${where} is kept as it is). Otherwise talk to the site the journal knows (it last answered at ${other.site.baseUrl}).`
    : `If that journal is of this very site, rename ${where} to ${identity.key}.jsonl; otherwise run again with --new-journal (the old journal is kept as it is).`;
  throw new InputError(
    'journal-other-site',
    `The journal knows "${identity.name}" as ${describeJournalSite(other)}, but this run talks to ${identity.label}: another site; nothing was sent.`,
    { hint },
  );
}
