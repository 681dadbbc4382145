// The three-way merge of one object's fields, the `kubectl apply` model: the journal's last-applied
// value is the base; a field the template changed is updated unless the site's value moved away
// from the base too (someone edited it there): then the site's value stays and it is a conflict.
import type { SiteValue as Json } from '../targets/target.js';

export type Prefer = 'target' | 'source';

export interface FieldChange {
  field: string;
  base: string;
  site: string;
  template: string;
  /** update: sent to the site; conflict: the site's value kept; forced: the template's value overwrote a site edit (--prefer source). */
  action: 'update' | 'conflict' | 'forced';
}

export interface MergeResult {
  /** Values to send, by the target's field name. */
  apply: Record<string, Json>;
  changes: FieldChange[];
}

/** A value as people compare it: blank and null are the same, booleans and numbers as text, dates by their calendar day. */
export function comparable(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') {
    const text = value.trim();
    // An ISO date-time compares by its calendar date: the template only ever gives a day.
    return /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Merges the fields of `template` (the row now) against `base` (the row as last applied) and `site`
 * (the object now). Only fields listed in `fields` are considered; `siteField` maps an attribute to
 * the name the site reports it under.
 */
export function mergeFields(
  fields: Iterable<string>,
  base: Record<string, Json | undefined>,
  template: Record<string, Json | undefined>,
  site: Record<string, Json | undefined>,
  prefer: Prefer,
  siteField: (field: string) => string = (field) => field,
): MergeResult {
  const apply: Record<string, Json> = {};
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = comparable(base[field]);
    const t = comparable(template[field]);
    const s = comparable(site[siteField(field)]);
    if (t === b || t === s) continue;
    const value = template[field] ?? null;
    if (s === b) {
      apply[field] = value;
      changes.push({ field, base: b, site: s, template: t, action: 'update' });
    } else if (prefer === 'source') {
      apply[field] = value;
      changes.push({ field, base: b, site: s, template: t, action: 'forced' });
    } else {
      changes.push({ field, base: b, site: s, template: t, action: 'conflict' });
    }
  }
  return { apply, changes };
}
