// Questions on the terminal, and the typed-subdomain confirmation that guards every command that
// writes to a site irreversibly (live-import, erase, resync): the operator types the site's
// subdomain, or passes --yes in scripts. The commands' logic asks through a callback built from these.
import { createInterface } from 'node:readline/promises';
import { InputError } from '../../errors.js';

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

/** Asks a question on the terminal; undefined when there is no terminal to ask. */
export async function confirm(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
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
