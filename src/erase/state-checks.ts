// Checks that the state folder can tell what the toolkit created on a site, before erase or resync
// touch it: the folder exists, and its journal is about this site, not only about others.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';

/** A state folder must exist for erase --scope imported and resync: it is the only record of what the toolkit created. */
export function requireStateFolder(stateDir: string): void {
  if (!existsSync(stateDir)) {
    throw new InputError('no-state', `There is no state folder at ${stateDir}: nothing here records what the toolkit imported.`, {
      hint: 'Run the command from the folder you imported from, or point stateDir (--config) at its state folder; erase --scope customers or site works without one.',
    });
  }
}

/** Refuses a journal that records imports into other sites only: the site named is not the one imported into. */
export async function checkJournalFor(stateDir: string, siteKey: string, baseUrl: string): Promise<void> {
  requireStateFolder(stateDir);
  let journals: string[] = [];
  try {
    journals = (await readdir(join(stateDir, 'journal'))).filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -'.jsonl'.length));
  } catch {
    journals = [];
  }
  if (!journals.includes(siteKey) && journals.length > 0) {
    throw new InputError('journal-other-site', `The journal in ${stateDir} records imports into ${journals.join(', ')}, not into ${baseUrl} (${siteKey}).`, {
      hint: 'Pick the site you imported into with --site; nothing was sent.',
    });
  }
}
