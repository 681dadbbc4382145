// Telling people a run ended: the email (notify.email, --notify-email) and --notify-url, prepared
// before the run (a setting that cannot work is exit 2 at once) and sent after the report. A
// notification that fails is one warning line on stderr; the run's exit code stays its own.
import type { ResolvedConfig } from '../../config/index.js';
import { composeEmail } from '../../notify/email.js';
import { emailDeliveryOf, type EmailDelivery } from '../../notify/email-settings.js';
import { summarizeRun, type RunDocument } from '../../notify/run-summary.js';
import { slackMessage } from '../../notify/slack.js';
import { sendMail } from '../../notify/smtp.js';
import { postNotification, type NotifyFormat } from '../../notify/webhook.js';
import { renderJsonDocument } from '../reporters/json.js';

/** The flags test-import, live-import, resync and erase take alike; checked when the command line is parsed. */
export interface NotifyFlags {
  notifyUrl?: string;
  notifyFormat?: NotifyFormat;
  /** --notify-email: addresses added to notify.email.to. */
  notifyEmail?: string[];
}

export interface RunNotifier {
  /** After the report: mails and posts the run's outcome; a dry run tells nobody. */
  notify(document: RunDocument & { dryRun?: boolean }): Promise<void>;
}

function warn(text: string): void {
  process.stderr.write(`migrate: warning: ${text}.\n`);
}

/** Who is to be told when the run ends; throws (exit 2) for a password variable that is not set. */
export function prepareNotifications(flags: NotifyFlags, config: ResolvedConfig): RunNotifier {
  const delivery = emailDeliveryOf(config.notify, flags.notifyEmail ?? [], process.env, config.filepath);
  const startedAt = Date.now();
  return {
    async notify(document) {
      if (document.dryRun === true || (delivery === undefined && flags.notifyUrl === undefined)) return;
      const summary = summarizeRun(document, { elapsedMs: Date.now() - startedAt, folder: process.cwd() });
      const json = renderJsonDocument(document);
      await Promise.all([
        flags.notifyUrl === undefined ? undefined : postHook(flags.notifyUrl, flags.notifyFormat === 'slack' ? JSON.stringify(slackMessage(summary)) : json),
        delivery === undefined ? undefined : mail(delivery, composeEmail(summary, json, delivery)),
      ]);
    },
  };
}

async function postHook(url: string, body: string): Promise<void> {
  const problem = await postNotification(url, body);
  if (problem !== undefined) warn(`--notify-url: ${problem}`);
}

async function mail(delivery: EmailDelivery, message: ReturnType<typeof composeEmail>): Promise<void> {
  try {
    await sendMail(message, delivery.smtp);
  } catch (error) {
    warn(`the email to ${delivery.to.join(', ')} was not sent (SMTP ${delivery.smtp.host}:${delivery.smtp.port}: ${(error as Error).message})`);
  }
}
