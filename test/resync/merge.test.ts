// The three-way merge table: template unchanged, template changed and site untouched, both changed
// (conflict, or forced with --prefer source), site already at the template value, blanks and dates.
import { describe, expect, it } from 'vitest';
import { comparable, mergeFields, type Prefer } from '../../src/resync/merge.js';
import type { Json } from '../../src/targets/advanced-billing/api.js';

type Case = { name: string; base?: Json; template?: Json; site?: Json; prefer?: Prefer; expected: { apply?: Json; action?: string } };

const cases: Case[] = [
  { name: 'nothing changed', base: 'a', template: 'a', site: 'a', expected: {} },
  { name: 'edited on the site only: kept, nothing sent', base: 'a', template: 'a', site: 'b', expected: {} },
  { name: 'changed in the template only: updated', base: 'a', template: 'c', site: 'a', expected: { apply: 'c', action: 'update' } },
  { name: 'changed on both sides: conflict, site kept', base: 'a', template: 'c', site: 'b', expected: { action: 'conflict' } },
  { name: 'changed on both sides with --prefer source: forced', base: 'a', template: 'c', site: 'b', prefer: 'source', expected: { apply: 'c', action: 'forced' } },
  { name: 'site already holds the template value', base: 'a', template: 'c', site: 'c', expected: {} },
  { name: 'blank cell filled in, site blank', template: 'x', site: null, expected: { apply: 'x', action: 'update' } },
  { name: 'cell cleared, site unchanged: cleared', base: 'x', site: 'x', expected: { apply: null, action: 'update' } },
  { name: 'booleans compare as text', base: false, template: true, site: false, expected: { apply: true, action: 'update' } },
  { name: 'a date-time compares by its day', base: '2027-01-15T00:00:00+00:00', template: '2027-02-01T00:00:00+00:00', site: '2027-01-15T00:00:00Z', expected: { apply: '2027-02-01T00:00:00+00:00', action: 'update' } },
];

describe('mergeFields', () => {
  it.each(cases)('$name', ({ base, template, site, prefer, expected }) => {
    const result = mergeFields(['f'], { f: base }, { f: template }, { f: site }, prefer ?? 'target');
    expect(result.apply.f).toEqual(expected.apply);
    expect(result.changes[0]?.action).toBe(expected.action);
  });

  it('reads the site value under its own name', () => {
    const result = mergeFields(['next_billing_at'], { next_billing_at: '2027-01-15' }, { next_billing_at: '2027-02-01' }, { next_assessment_at: '2027-01-15T00:00:00Z' }, 'target', () => 'next_assessment_at');
    expect(result.changes).toEqual([{ field: 'next_billing_at', base: '2027-01-15', site: '2027-01-15', template: '2027-02-01', action: 'update' }]);
  });

  it('treats blank and null alike', () => {
    expect(comparable(null)).toBe('');
    expect(comparable(undefined)).toBe('');
    expect(comparable('  x ')).toBe('x');
  });
});
