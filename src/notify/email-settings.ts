// Who gets the end-of-run email and through which SMTP server: the configuration's notify.email with
// the --notify-email addresses added, the password read from the variable passwordEnv names.
import type { NotifyConfig } from '../config/index.js';
import { InputError } from '../errors.js';
import { isEmailAddress } from '../rules/email.js';
import type { SmtpSettings } from './smtp.js';

export interface EmailDelivery {
  from: string;
  to: string[];
  smtp: SmtpSettings;
}

/** The sender when the configuration names none. */
export const DEFAULT_FROM = 'migrate@localhost';
/** The server when the configuration names none: a mail relay on this machine. */
const LOCAL_SMTP: SmtpSettings = { host: 'localhost', port: 25, secure: false };

/** --notify-email's values (repeated, or comma-separated), each checked; a bad one is exit 2 before anything runs. */
export function parseEmailAddresses(values: readonly string[]): string[] {
  const addresses = values.flatMap((value) => value.split(',')).map((address) => address.trim()).filter((address) => address !== '');
  const bad = addresses.find((address) => !isEmailAddress(address));
  if (bad !== undefined) throw new InputError('bad-notify-email', `--notify-email expects email addresses, got "${bad}".`, { hint: 'For example --notify-email ops@example.com (repeat it, or separate addresses with commas).' });
  return addresses;
}

/**
 * The delivery for a run, or undefined when nobody is to get a mail. A password variable that is not
 * set is an InputError (exit 2) before the run, never a surprise after it.
 */
export function emailDeliveryOf(notify: NotifyConfig | undefined, extraTo: readonly string[], env: NodeJS.ProcessEnv, file?: string): EmailDelivery | undefined {
  const email = notify?.email;
  const to = [...new Set([...(email?.to ?? []), ...extraTo])];
  if (to.length === 0) return undefined;
  const configured = email?.smtp;
  let smtp = LOCAL_SMTP;
  if (configured !== undefined) {
    const secure = configured.secure ?? false;
    smtp = { host: configured.host, port: configured.port ?? (secure ? 465 : 587), secure };
    if (configured.user !== undefined && configured.passwordEnv !== undefined) {
      const pass = env[configured.passwordEnv];
      if (pass === undefined || pass === '') {
        throw new InputError('missing-smtp-password', `environment variable ${configured.passwordEnv} is ${pass === undefined ? 'not set' : 'empty'}; notify.email.smtp reads the SMTP password from it.`, {
          ...(file === undefined ? {} : { location: { file } }),
          hint: `Set it before running (export ${configured.passwordEnv}=…), or leave notify.email out of this run's configuration.`,
        });
      }
      smtp = { ...smtp, auth: { user: configured.user, pass } };
    }
  }
  return { from: email?.from ?? DEFAULT_FROM, to, smtp };
}
