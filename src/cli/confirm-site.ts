// The typed-subdomain confirmation that guards every command that writes to a site irreversibly
// (live-import, erase, resync): the operator types the site's subdomain, or passes --yes in scripts.
import { InputError } from '../errors.js';
import { confirm } from '../importer/session.js';

export interface SiteConfirmation {
  /** What the command is about to do, e.g. "This erases 12 objects from the TEST site http://…". */
  action: string;
  /** The subdomain the site reports (GET /site.json); the operator must type exactly this. */
  subdomain: string;
  /** The command's name, for the message when no terminal can ask. */
  command: string;
  /** --yes: skip the question. */
  yes: boolean;
}

/** Resolves when confirmed; throws an InputError (exit 2, nothing sent) when refused or when no terminal can ask. */
export async function confirmBySubdomain(options: SiteConfirmation): Promise<void> {
  if (options.yes) return;
  const answer = await confirm(`${options.action} Type its subdomain (${options.subdomain}) to go on: `);
  if (answer === undefined) {
    throw new InputError('needs-confirmation', `${options.command} asks for confirmation and no terminal is attached.`, { hint: 'Pass --yes in scripts.' });
  }
  if (answer !== options.subdomain) throw new InputError('not-confirmed', `"${answer}" is not ${options.subdomain}; nothing was sent.`);
}
