// Option parsing shared by the commands: the as-of date, the report format, colour, template kinds and billing systems. Every
// parser throws an InputError (exit 2) naming the flag and what to type instead.
import { DEFAULT_SYSTEM, TARGET_SYSTEMS } from '../targets/index.js';
import { clockFromEnv, parseIsoDate, todayIn, type CalendarDate } from '../dates/index.js';
import { InputError } from '../errors.js';
import { isTemplateKind, TEMPLATE_KINDS, type TemplateKind } from '../templates/index.js';

const reportFormats = ['pretty', 'json', 'github', 'junit', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30), or an InputError naming the flag. */
export function parseCalendarDate(value: string, flag = '--as-of'): CalendarDate {
  const date = parseIsoDate(value.trim());
  if (date !== undefined) return date;
  throw new InputError('bad-date', `${flag} expects a calendar date YYYY-MM-DD, got "${value}".`, {
    hint: `For example ${flag} 2026-11-23.`,
  });
}

/**
 * The date rules are judged against: the flag if given, else the configured asOf, else today in
 * the configured time zone (UTC when none is configured), by the clock MIGRATE_NOW may start elsewhere.
 */
export function resolveAsOf(flag: string | undefined, config: { asOf?: string; timeZone?: string } = {}): CalendarDate {
  if (flag !== undefined) return parseCalendarDate(flag, '--as-of');
  if (config.asOf !== undefined) return parseCalendarDate(config.asOf, 'asOf (configuration)');
  return todayIn(config.timeZone ?? 'UTC', clockFromEnv()());
}

/** The pretty report's default --max-findings: a screenful or two per file; the rest is counted, and in --format json. */
export const DEFAULT_MAX_FINDINGS = 50;

/** --max-findings N: a whole number, 0 for all (returned as Infinity); the default when absent. */
export function parseMaxFindings(flag: string | undefined): number {
  if (flag === undefined) return DEFAULT_MAX_FINDINGS;
  const text = flag.trim();
  if (!/^\d+$/.test(text)) {
    throw new InputError('bad-max-findings', `--max-findings expects a whole number (0 for all), got "${flag}".`, { hint: 'For example --max-findings 20.' });
  }
  const count = Number(text);
  return count === 0 ? Infinity : count;
}

export type ImportFormat = 'pretty' | 'json';
/** compare prints its report as text, JSON, or an HTML page. */
export type CompareFormat = ImportFormat | 'html';

/**
 * --report FILE: the HTML page written beside the --format printed (validate, compare, the imports).
 * Only the name is judged here; whether its folder takes it is checked before the command works.
 */
export function parseReportPath(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  if (/\.html?$/i.test(flag.trim()) && !/^\.html?$/i.test(flag.trim().split(/[\\/]/).pop() ?? '')) return flag.trim();
  throw new InputError('bad-report', `--report writes an HTML page: give it a file name ending in .html, got "${flag}".`, { hint: 'For example --report report.html.' });
}

/** The commands' families as --format tells them apart: each prints its own formats and words a wrong one its own way. */
export type FormatFamily = 'validate' | 'templates' | 'imports' | 'compare';

interface FormatRule {
  formats: readonly ReportFormat[];
  /** What is compared with the formats (validate forgives case and spaces, templates case). */
  normalize: (flag: string) => string;
  problem: (flag: string) => string;
  hint?: (flag: string) => string | undefined;
}

/**
 * The one place --format is checked. Pretty is the default whether or not stdout is a terminal: a
 * format that changed when output is piped would surprise `migrate validate … | less`; scripts ask for json.
 */
const FORMAT_RULES: Record<FormatFamily, FormatRule> = {
  validate: { formats: reportFormats, normalize: (flag) => flag.trim().toLowerCase(), problem: (flag) => `--format must be one of ${reportFormats.join(', ')}, got "${flag}".` },
  // Its own message: validate's would offer github and junit too.
  templates: { formats: ['pretty', 'json'], normalize: (flag) => flag.toLowerCase(), problem: (flag) => `--format for templates must be pretty or json, got "${flag}".` },
  imports: {
    formats: ['pretty', 'json'],
    normalize: (flag) => flag,
    problem: (flag) => `--format for imports must be pretty or json, got "${flag}".`,
    hint: (flag) =>
      flag.trim().toLowerCase() === 'html'
        ? 'test-import and live-import write their HTML summary with --report FILE.html, beside --format pretty or json.'
        : 'Use `migrate validate --format github|junit` for annotations in CI.',
  },
  compare: { formats: ['pretty', 'json', 'html'], normalize: (flag) => flag, problem: (flag) => `--format for compare must be pretty, json or html, got "${flag}".` },
};

/** The formats a command of `family` prints, as --format takes them (shell completion offers these). */
export function formatsOf(family: FormatFamily): readonly ReportFormat[] {
  return FORMAT_RULES[family].formats;
}

/** The --format of a command of `family`: pretty when absent, else one of the formats it prints, or an InputError (exit 2). */
export function parseFormat(family: 'validate', flag: string | undefined): ReportFormat;
export function parseFormat(family: 'compare', flag: string | undefined): CompareFormat;
export function parseFormat(family: Exclude<FormatFamily, 'validate' | 'compare'>, flag: string | undefined): ImportFormat;
export function parseFormat(family: FormatFamily, flag: string | undefined): ReportFormat;
export function parseFormat(family: FormatFamily, flag: string | undefined): ReportFormat {
  if (flag === undefined) return 'pretty';
  const rule = FORMAT_RULES[family];
  const wanted = rule.normalize(flag);
  const match = rule.formats.find((format) => format === wanted);
  const hint = rule.hint?.(flag);
  if (!match) throw new InputError('bad-format', rule.problem(flag), hint === undefined ? {} : { hint });
  return match;
}

/** A billing system `--system` names (one the registry of adapters has); absent: the default, advanced-billing. */
export function parseSystem(flag: string | undefined): string {
  if (flag === undefined) return DEFAULT_SYSTEM;
  const wanted = flag.trim().toLowerCase();
  const system = TARGET_SYSTEMS.find((candidate) => candidate === wanted);
  if (system !== undefined) return system;
  throw new InputError('bad-system', `--system must be ${TARGET_SYSTEMS.slice(0, -1).join(', ')} or ${TARGET_SYSTEMS.at(-1)}, got "${flag}".`);
}

/** A template kind typed by a user, or an InputError suggesting the closest kinds. */
export function parseTemplateKind(value: string): TemplateKind {
  const wanted = value.trim().toLowerCase();
  if (isTemplateKind(wanted)) return wanted;
  // Suggest only kinds that resemble what was typed (a typo, or a part such as "customers"):
  // "bogus" gets the list, not two unrelated kinds.
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const closest = [...TEMPLATE_KINDS]
    .map((kind) => ({ kind, distance: wanted !== '' && kind.includes(wanted) ? 0 : editDistance(wanted, kind) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 2)
    .map(({ kind }) => kind);
  throw new InputError('unknown-template', `Unknown template kind "${value}".`, {
    hint: `${closest.length > 0 ? `Did you mean ${closest.join(' or ')}? ` : ''}Run \`migrate templates\` for the list.`,
  });
}

/** Levenshtein distance, for suggesting what a mistyped name was meant to be. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
