// Questions on the terminal, and the typed confirmation that guards every command that writes to a
// site irreversibly (live-import, erase, resync): the operator types the name the site's adapter says
// identifies it (Advanced Billing: its subdomain), or passes --yes in scripts. The commands' logic asks
// through a callback built from these.
import { createInterface } from 'node:readline/promises';
import { ExitCode, InputError, MigrateError } from '../../errors.js';
import type { SiteInfo } from '../../targets/target.js';
import { whileInterruptible } from './interrupts.js';

/** The name a site reports for itself and what it is called (Advanced Billing: its subdomain). */
export type SiteName = Pick<SiteInfo, 'name' | 'nameKind'>;

export interface SiteConfirmation {
  /** What the command is about to do, e.g. "This erases 12 objects from the TEST site http://…". */
  action: string;
  /** The name the site reports; the operator must type exactly this. */
  site: SiteName;
  /** The command's name, for the message when no terminal can ask. */
  command: string;
  /** --yes: skip the question. */
  yes: boolean;
}

/** Ctrl-C (or SIGTERM, SIGHUP) while a question was open: exit 130; the caller says what was sent. */
export class PromptInterrupted extends MigrateError {
  constructor(message: string) {
    super('interrupted', message, { exitCode: ExitCode.interrupted });
    this.name = 'PromptInterrupted';
  }
}

/**
 * Asks a question on the terminal; undefined when there is no terminal to ask, "" when the input
 * ends (Ctrl-D). Throws PromptInterrupted on Ctrl-C — which reaches readline as a key, the terminal
 * being in raw mode — and on SIGINT, SIGTERM or SIGHUP from outside.
 */
export async function confirm(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const interrupted = new AbortController();
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  prompt.on('SIGINT', () => interrupted.abort());
  try {
    return await whileInterruptible(
      () => interrupted.abort(),
      async () => (await prompt.question(question, { signal: interrupted.signal })).trim(),
    );
  } catch (error) {
    if (interrupted.signal.aborted) {
      process.stderr.write('\n');
      throw new PromptInterrupted('Interrupted at the question.');
    }
    // The input ended before an answer: no answer is a refusal.
    if (error instanceof Error && error.name === 'AbortError') return '';
    throw error;
  } finally {
    prompt.close();
  }
}

/**
 * Resolves when confirmed; throws an InputError (exit 2, nothing sent) when refused or when no terminal
 * can ask, and PromptInterrupted (exit 130, nothing sent) on Ctrl-C.
 */
export async function confirmBySiteName(options: SiteConfirmation): Promise<void> {
  if (options.yes) return;
  const { name, nameKind } = options.site;
  const answer = await confirm(`${options.action} Type its ${nameKind} (${name}) to go on: `).catch((error: unknown) => {
    if (error instanceof PromptInterrupted) throw new PromptInterrupted(`${options.command} was interrupted at the confirmation; nothing was sent.`);
    throw error;
  });
  if (answer === undefined) {
    throw new InputError('needs-confirmation', `${options.command} asks for confirmation and no terminal is attached.`, { hint: 'Pass --yes in scripts.' });
  }
  if (answer !== name) throw new InputError('not-confirmed', `"${answer}" is not ${name}; nothing was sent.`);
}
