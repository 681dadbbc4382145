// Option parsing shared by the commands: the as-of date, the report format and colour. Every
// parser throws an InputError (exit 2) naming the flag and what to type instead.
import { InputError } from '../errors.js';

export const reportFormats = ['pretty', 'json', 'github', 'junit'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30), or an InputError naming the flag. */
export function parseCalendarDate(value: string, flag = '--as-of'): string {
  const match = isoDate.exec(value.trim());
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return match[0];
    }
  }
  throw new InputError('bad-date', `${flag} expects a calendar date YYYY-MM-DD, got "${value}".`, {
    hint: `For example ${flag} 2026-11-23.`,
  });
}

/** Today's calendar date in a time zone (IANA name, e.g. "Europe/Paris"). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new InputError('bad-time-zone', `Unknown time zone "${timeZone}".`, {
      hint: 'Set timeZone in the configuration to an IANA name such as "UTC" or "America/New_York".',
    });
  }
  const parts = Object.fromEntries(formatter.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The date rules are judged against: the flag if given, else the configured asOf, else today in
 * the configured time zone (UTC when none is configured).
 */
export function resolveAsOf(flag: string | undefined, config: { asOf?: string; timeZone?: string } = {}): string {
  if (flag !== undefined) return parseCalendarDate(flag, '--as-of');
  if (config.asOf !== undefined) return parseCalendarDate(config.asOf, 'asOf (configuration)');
  return todayIn(config.timeZone ?? 'UTC');
}

/**
 * The report format. Pretty is the default whether or not stdout is a terminal: a format that
 * changed when output is piped would surprise `migrate validate … | less`; scripts ask for json.
 */
export function resolveFormat(flag: string | undefined): ReportFormat {
  if (flag === undefined) return 'pretty';
  const wanted = flag.trim().toLowerCase();
  const match = reportFormats.find((format) => format === wanted);
  if (!match) {
    throw new InputError('bad-format', `--format must be one of ${reportFormats.join(', ')}, got "${flag}".`);
  }
  return match;
}

/**
 * Whether to colour a stream: never with --no-color or NO_COLOR (any non-empty value, per
 * no-color.org), always with FORCE_COLOR (except "0"), otherwise only on a terminal.
 */
export function colorEnabled(
  flag: boolean | undefined,
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}
