// --notify-url: the address checked before a run starts (exit 2 at once), and the POST when it ends —
// the raw JSON report or a Slack message. A webhook's address often holds its secret (Slack's
// hooks.slack.com/services/…), so no message here ever repeats more of it than its host.
import { InputError } from '../errors.js';
import { isLoopbackHost } from '../net/loopback.js';

export type NotifyFormat = 'json' | 'slack';
export const NOTIFY_FORMATS: readonly NotifyFormat[] = ['json', 'slack'];

/** How long the POST may take in all before it is given up (one attempt: a hook that is down costs a warning). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The --notify-url a run may post to: an absolute https:// URL, or http:// to this machine only (the
 * report names customers, and the address may carry the hook's token); no user name or password in it.
 */
export function checkNotifyUrl(text: string): URL {
  const hint = 'Give the full address, e.g. --notify-url https://hooks.slack.com/services/…';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('bad-notify-url', '--notify-url must be an absolute http:// or https:// URL.', { hint });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError('bad-notify-url', `--notify-url must be an https:// URL, not ${url.protocol}.`, { hint });
  if (url.username !== '' || url.password !== '') {
    throw new InputError('bad-notify-url', '--notify-url must not contain a user name or password.', { hint: 'Put the hook\'s token where the service expects it (its path or query string).' });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError('bad-notify-url', `--notify-url uses http:// for ${url.hostname}, which would send the report unencrypted.`, {
      hint: 'Use https:// (http:// is allowed only for 127.0.0.1, localhost or ::1).',
    });
  }
  return url;
}

/** The --notify-format value: json (the report as --format json prints it, the default) or slack. */
export function parseNotifyFormat(text: string | undefined): NotifyFormat {
  if (text === undefined) return 'json';
  if ((NOTIFY_FORMATS as readonly string[]).includes(text)) return text as NotifyFormat;
  throw new InputError('bad-notify-format', `--notify-format must be json or slack, got "${text}".`, { hint: 'slack posts an incoming-webhook message; json the report itself.' });
}

/** POSTs `body` as JSON once; the problem as a phrase for a warning, or undefined when the hook took it. */
export async function postNotification(url: string, body: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? undefined : `${new URL(url).host} answered ${response.status}`;
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : causeOf(error);
    return `could not post to ${new URL(url).host}: ${reason}`;
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED …) is its cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code ?? cause?.message ?? (error as Error).message ?? String(error)).replace(/\s+/g, ' ');
}
