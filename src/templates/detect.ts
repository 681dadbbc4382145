// Tells a file's template kind from its header row, or explains which kinds come closest and which
// columns differ. `--template KIND` overrides detection.
import { InputError } from '../errors.js';
import { resolveHeader } from './header.js';
import { TEMPLATE_KINDS, getTemplate, isTemplateKind, listTemplates } from './index.js';
import type { TemplateDefinition } from './types.js';

interface Candidate {
  template: TemplateDefinition;
  missing: string[];
  missingRequired: string[];
  unknown: string[];
}

const LISTED = 4;

// A header that has every required column of a kind and only a few columns that kind does not
// document (a notes column a user added) is still that kind: the extra columns get the
// `unknown-column` warning instead of stopping the run. Too few known columns, or too many unknown
// ones, and the file is not recognisably that template.
const MIN_KNOWN_COLUMNS = 3;
const MAX_UNKNOWN_COLUMNS = 3;

function fitsWithExtraColumns(candidate: Candidate, header: readonly string[]): boolean {
  const unknown = candidate.unknown.length;
  const known = header.length - unknown;
  return (
    candidate.missingRequired.length === 0 &&
    unknown <= MAX_UNKNOWN_COLUMNS &&
    known >= MIN_KNOWN_COLUMNS &&
    unknown * 4 <= header.length
  );
}

function listColumns(columns: string[]): string {
  const shown = columns.slice(0, LISTED).join(', ');
  return columns.length > LISTED ? `${shown} and ${columns.length - LISTED} more` : shown;
}

/** How a header cell compares to a documented name when case, spaces and underscores are ignored. */
function looseName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '_');
}

function describe(candidate: Candidate): string {
  // A column spelled "Email " or "First Name" is the documented one with another case or stray
  // spaces, invisible in a spreadsheet: name the fix instead of listing it as both lacking and unknown.
  const renames = new Map<string, string>();
  for (const cell of candidate.unknown) {
    const documented = candidate.missing.find((name) => looseName(name) === looseName(cell));
    if (documented !== undefined && ![...renames.values()].includes(documented)) renames.set(cell, documented);
  }
  const renamed = new Set(renames.values());
  const missingRequired = candidate.missingRequired.filter((name) => !renamed.has(name));
  const unknown = candidate.unknown.filter((cell) => !renames.has(cell));
  const parts: string[] = [];
  if (renames.size > 0) parts.push([...renames].map(([cell, name]) => `rename ${JSON.stringify(cell)} to ${name}`).join(', '));
  if (missingRequired.length > 0) parts.push(`lacks ${listColumns(missingRequired)}`);
  if (unknown.length > 0) parts.push(`does not have ${listColumns(unknown)}`);
  return `${candidate.template.kind} (${parts.join('; ')})`;
}

/** Scores how far a header is from each kind: a kind fits when nothing is unknown and nothing required is missing. */
function rankTemplates(header: readonly string[]): Candidate[] {
  return listTemplates()
    .map((template) => {
      const resolved = resolveHeader(template, header);
      return { template, missing: resolved.missing, missingRequired: resolved.missingRequired, unknown: resolved.unknown };
    })
    .sort(
      (a, b) =>
        a.missingRequired.length + a.unknown.length - (b.missingRequired.length + b.unknown.length) ||
        a.missing.length - b.missing.length,
    );
}

/** How a sheet name compares to a kind: `Subscriptions (standard)` and `subscriptions-standard` alike. */
function looseKind(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '');
}

/**
 * The kind of a header. `sheet` (a workbook sheet's name) only breaks a tie between kinds the header
 * fits equally well; it never makes a header that fits no kind one.
 */
export function detectTemplate(header: string[], file: string, override?: string, sheet?: string): TemplateDefinition {
  if (override !== undefined) {
    if (!isTemplateKind(override))
      throw new InputError('unknown-template', `unknown template "${override}".`, {
        location: { file },
        hint: `Use one of: ${TEMPLATE_KINDS.join(', ')}.`,
      });
    return getTemplate(override);
  }
  const ranked = rankTemplates(header);
  const best = (sheet === undefined ? undefined : namedTie(ranked, sheet)) ?? (ranked[0] as Candidate);
  if (best.missingRequired.length === 0 && best.unknown.length === 0) return best.template;
  if (fitsWithExtraColumns(best, header)) return best.template;
  const closest = ranked.slice(0, 2).map(describe).join('; or ');
  throw new InputError('undetectable-template', `cannot tell the template kind from the header row; closest: ${closest}.`, {
    location: { file, row: 1 },
    hint: 'Fix the column names to match the blank template (migrate init), or pass --template KIND.',
  });
}

/** Of the candidates ranked equal first, the one the sheet is named after, if any. */
function namedTie(ranked: Candidate[], sheet: string): Candidate | undefined {
  const score = (candidate: Candidate) => [candidate.missingRequired.length + candidate.unknown.length, candidate.missing.length];
  const [first, firstMissing] = score(ranked[0] as Candidate);
  const tied = ranked.filter((candidate) => {
    const [total, missing] = score(candidate);
    return total === first && missing === firstMissing;
  });
  if (tied.length < 2) return undefined;
  const name = looseKind(sheet);
  return tied.find((candidate) => looseKind(candidate.template.kind) === name);
}
