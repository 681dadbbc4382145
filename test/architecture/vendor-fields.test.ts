// Only a target adapter (src/targets/<name>/) speaks its vendor's wire format: everywhere else the
// toolkit works in neutral operations, records and facts, so a second target needs no change outside
// its own folder. Two checks over every other source file, comments included:
// - it names none of Advanced Billing's wire fields (field names of the API's request and answer
//   schemas; those also spelt as template columns, such as product_family_id, unit_price or
//   starting_quantity_N, are the templates' own vocabulary and are left out);
// - it imports no adapter, except the composition roots: src/targets/index.ts (which creates the
//   target for a site) and src/cli/ (which starts the embedded sandbox).
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers } from './imports.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

const VENDOR_WIRE_FIELDS = [
  'customer_attributes', 'credit_card_attributes', 'bank_account_attributes', 'payment_profile_attributes',
  'payment_profile_id', 'product_price_point_id', 'price_point_id', 'component_id',
  'customer_id', 'subscription_id', 'default_price_point_id', 'default_product_price_point_id',
  'overage_pricing', 'metafields', 'uniqueness_token', 'coupon_codes', 'line_items', 'allocated_quantity',
  'unit_balance', 'next_assessment_at', 'archived_at', 'prepaid_configuration', 'auto_replenish',
  'bank_routing_number', 'bank_account_number', 'expiration_month', 'expiration_year', 'event_based_billing_metric_id',
  'metered_component', 'quantity_based_component', 'on_off_component', 'prepaid_usage_component',
  'event_based_component', 'period_range_start', 'period_range_end', 'custom_price',
];
/** Every `…_in_cents` field (amount_in_cents, total_in_cents, price_in_cents…): the API's minor-unit amounts. */
const WIRE = new RegExp(`\\b(${VENDOR_WIRE_FIELDS.join('|')}|\\w+_in_cents)\\b`, 'g');

/** Source files under src/, posix paths relative to it. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(src, path).split('\\').join('/')] : [];
  });
}

const insideAdapter = (path: string): boolean => /^targets\/[^/]+\//.test(path);
const neutral = sources(src).filter((path) => !insideAdapter(path));

describe('vendor wire format', () => {
  it('reads the files outside the adapters', () => {
    expect(neutral.length).toBeGreaterThan(100);
    expect(neutral).toContain('importer/execute.ts');
  });

  it('is named only inside src/targets/<name>/', () => {
    const violations = neutral.flatMap((path) =>
      readFileSync(join(src, path), 'utf8').split('\n').flatMap((line, index) => [...line.matchAll(WIRE)].map((match) => `src/${path}:${index + 1} ${match[1]}`)),
    );
    expect(violations).toEqual([]);
  });

  it('is reached only through the neutral Target: no module imports an adapter but the composition roots', () => {
    const violations = neutral
      .filter((path) => path !== 'targets/index.ts' && !path.startsWith('cli/'))
      .flatMap((path) =>
        importSpecifiers(readFileSync(join(src, path), 'utf8'))
          .filter((specifier) => specifier.startsWith('.') && insideAdapter(posix.normalize(posix.join(posix.dirname(path), specifier))))
          .map((specifier) => `src/${path} → ${specifier}`),
      );
    expect(violations).toEqual([]);
  });
});
