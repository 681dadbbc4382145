// Detection of every kind from its header (blank templates, groups, custom fields, reordered columns)
// and the one-line errors for unknown overrides and headers that fit no kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { detectTemplate } from '../../src/templates/detect.js';
import { blankHeader } from '../../src/templates/header.js';
import { TEMPLATE_KINDS, getTemplate } from '../../src/templates/index.js';

const blank = (kind: string): string[] => blankHeader(getTemplate(kind));

function detectionError(header: string[], override?: string): InputError {
  try {
    detectTemplate(header, 'x.csv', override);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('detectTemplate', () => {
  it.each([...TEMPLATE_KINDS])('detects %s from its blank template file', (kind) => {
    const header = readFileSync(`templates/${kind}.csv`, 'utf8').trim().split(',');
    expect(detectTemplate(header, `${kind}.csv`).kind).toBe(kind);
  });

  it.each([...TEMPLATE_KINDS])('detects %s with its columns reversed and the output columns removed', (kind) => {
    const template = getTemplate(kind);
    const outputs = new Set(template.columns.filter((c) => c.requirement === 'output').map((c) => c.name));
    const header = blank(kind).filter((name) => !outputs.has(name)).reverse();
    expect(detectTemplate(header, 'x.csv').kind).toBe(kind);
  });

  it('tells standard from custom pricing by componentCustomPrice_N, also in later group members', () => {
    const standard = blank('subscriptions-standard');
    expect(detectTemplate([...standard, 'component_2', 'componentQuantity_2'], 'x.csv').kind).toBe('subscriptions-standard');
    expect(detectTemplate([...standard, 'component_2', 'componentCustomPrice_2'], 'x.csv').kind).toBe(
      'subscriptions-standard-custom-pricing',
    );
    const advanced = blank('subscriptions-advanced');
    expect(detectTemplate([...advanced, 'componentCustomPrice_1'], 'x.csv').kind).toBe('subscriptions-advanced-custom-pricing');
  });

  it('accepts the documented custom field spellings and extra group members', () => {
    expect(detectTemplate([...blank('subscriptions-standard'), 'custom_field_customer[Region]', 'custom_field_subscription[Id]', 'coupon_code_2'], 'x').kind).toBe('subscriptions-standard');
    expect(detectTemplate([...blank('customers-advanced'), 'custom_field[Region]'], 'x').kind).toBe('customers-advanced');
    expect(detectTemplate([...blank('components'), 'starting_quantity_2', 'overage_price_3'], 'x').kind).toBe('components');
  });

  it('tells components from ebb-segments and coupons from product-families', () => {
    expect(detectTemplate(['component_name', 'metric_id', 'component_handle', 'pricepoint_handle', 'property_1', 'pricing_scheme'], 'x').kind).toBe('ebb-segments');
    expect(detectTemplate(['name', 'description', 'handle'], 'x').kind).toBe('product-families');
    expect(detectTemplate(['name', 'code', 'product_family_id', 'stackable', 'recurring'], 'x').kind).toBe('coupons');
  });

  it('keeps the kind of a full header with a few extra columns (they get the unknown-column warning)', () => {
    expect(detectTemplate([...blank('subscriptions-standard'), 'notes'], 'x').kind).toBe('subscriptions-standard');
    expect(detectTemplate(['name', 'description', 'handle', 'notes'], 'x').kind).toBe('product-families');
    expect(() => detectTemplate(['name', 'colour'], 'x')).toThrow(/cannot tell the template kind/);
    expect(() => detectTemplate(['name', 'description', 'handle', 'a', 'b'], 'x')).toThrow(/cannot tell the template kind/);
  });

  it('names the closest kinds and the differing columns for a near miss', () => {
    const header = blank('coupons').map((name) => (name === 'code' ? 'coupon_code' : name));
    const error = detectionError(header);
    expect(error.exitCode).toBe(2);
    expect(error.location).toMatchObject({ file: 'x.csv', row: 1 });
    expect(error.message).toContain('coupons (lacks code; does not have coupon_code)');
    expect(error.hint).toContain('--template');
  });

  it('names a column spelled with another case or stray spaces as the one to rename', () => {
    const header = blank('customers-advanced').map((name) => (name === 'email' ? 'Email ' : name === 'first_name' ? 'First Name' : name));
    const error = detectionError(header);
    expect(error.message).toContain('customers-advanced (rename "First Name" to first_name, rename "Email " to email)');
  });

  it('rejects an unknown --template naming the valid kinds', () => {
    const error = detectionError(blank('coupons'), 'coupon');
    expect(error.code).toBe('unknown-template');
    expect(error.hint).toContain('coupons');
  });

  it('lets --template override detection', () => {
    expect(detectTemplate(['anything'], 'x.csv', 'invoices').kind).toBe('invoices');
  });
});
