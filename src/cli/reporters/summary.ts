// The pretty "summary" block every command ends its human report with: a title and counts, each
// count toned (good / bad / warn / plain) so the eye finds the problems first.
import type { Colors } from './colors.js';

export type Tone = 'good' | 'bad' | 'warn' | 'plain';

export interface SummaryItem {
  label: string;
  value: number | string;
  tone?: Tone;
}

/** "Summary: 2 files · 120 rows · 117 valid · 3 with errors" with tones applied; zero counts stay plain. */
export function renderSummary(title: string, items: readonly SummaryItem[], colors: Colors): string {
  const parts = items.map((item) => {
    const text = `${item.value} ${item.label}`;
    const tone = item.value === 0 ? 'plain' : (item.tone ?? 'plain');
    return applyTone(text, tone, colors);
  });
  return `${colors.bold(`${title}:`)} ${parts.join(colors.dim(' · '))}`;
}

function applyTone(text: string, tone: Tone, colors: Colors): string {
  switch (tone) {
    case 'good':
      return colors.green(text);
    case 'bad':
      return colors.red(text);
    case 'warn':
      return colors.yellow(text);
    case 'plain':
      return text;
  }
}

/** "1 row" / "3 rows": counts in prose read naturally. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "3 rows with data are not enabled": the count every report (validate and import) gives them. */
export function notEnabledText(count: number): string {
  return count === 1 ? '1 row with data is not enabled' : `${count} rows with data are not enabled`;
}
