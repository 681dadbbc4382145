// The seam holds: compare, erase, resync and the import's custom-field and failure checks reach a site
// only through the neutral Target, so none of them imports an adapter or names a vendor's wire field.
// (Templates are not checked: some of their columns are spelt like the API's fields, e.g. product_family_id.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const NEUTRAL = ['compare', 'erase', 'resync', 'importer/custom-fields.ts', 'importer/failures.ts', 'targets/target.ts', 'targets/records.ts', 'targets/facts.ts', 'targets/column-mapping.ts'];
/** Advanced Billing's own field names, as its request and answer bodies spell them. */
const WIRE_FIELDS = [
  '_in_cents', 'metafield', 'metadata', 'product_family_id', 'credit_card_attributes', 'bank_account_attributes', 'customer_attributes',
  'price_point_id', 'uniqueness_token', 'next_assessment_at', 'archived_at', 'payment_profile_id', 'customer_id', 'component_handle', 'line_items',
];

function sources(path: string): string[] {
  const full = join(SRC, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => join(full, name));
}

describe('the neutral side of the Target seam', () => {
  const files = NEUTRAL.flatMap(sources);

  it('reads files (the list is not empty)', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(NEUTRAL)('%s imports no adapter', (path) => {
    const offending = sources(path).filter((file) => /from '[^']*targets\/advanced-billing\//.test(readFileSync(file, 'utf8')));
    // The neutral Target's transitional `api` member names the vendor surface's type, and nothing else may.
    expect(offending.filter((file) => !file.endsWith('targets/target.ts')).map((file) => file.slice(SRC.length))).toEqual([]);
  });

  it.each(NEUTRAL)('%s names no wire field', (path) => {
    const named = sources(path).flatMap((file) => {
      // Comments and module paths aside: the import lines are the other test's business.
      const code = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*\*|import ).*$/gm, '');
      return WIRE_FIELDS.filter((field) => code.includes(field)).map((field) => `${file.slice(SRC.length)}: ${field}`);
    });
    expect(named).toEqual([]);
  });
});
