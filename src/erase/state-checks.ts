// Checks that the state folder can tell what the toolkit created on a site, before erase or resync
// touch it: the folder exists, and its journal is about this site, not only about others.
import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { describeJournalSite, listJournals } from '../state/journal-sites.js';
import type { SiteIdentity } from '../state/site-identity.js';

/** A state folder must exist for erase --scope imported and resync: it is the only record of what the toolkit created. */
export function requireStateFolder(stateDir: string): void {
  if (!existsSync(stateDir)) {
    throw new InputError('no-state', `There is no state folder at ${stateDir}: nothing here records what the toolkit imported.`, {
      hint: 'Run the command from the folder you imported from, or point stateDir (--config) at its state folder; erase --scope customers or site works without one.',
    });
  }
}

/**
 * Refuses a state folder whose journals are all about other sites: the site named is not the one
 * imported into. Sites are told apart by identity, so a sandbox that answers to the same name as the
 * one imported into is still refused.
 */
export async function checkJournalFor(stateDir: string, identity: SiteIdentity): Promise<void> {
  requireStateFolder(stateDir);
  const journals = await listJournals(stateDir);
  if (journals.length > 0 && !journals.some((journal) => journal.key === identity.key)) {
    throw new InputError('journal-other-site', `The journal in ${stateDir} records imports into ${journals.map(describeJournalSite).join(', ')}, not into ${identity.label}.`, {
      hint: 'Pick the site you imported into with --site; nothing was sent.',
    });
  }
}
