// The cell readers behind every mapping: flags, money in minor units, dates, repeating groups,
// custom fields, and calendar dates as the site's midnight.
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../src/dates/index.js';
import { customFields, date, flag, fromMinorUnits, groupIndices, money, priceBrackets, requiredDate } from '../../../src/plan/map/cells.js';
import { minorUnitsOf } from '../../../src/targets/minor-units.js';
import { billingDateTime } from '../../../src/targets/advanced-billing/operations/billing.js';
import { rowFrom } from '../../targets/advanced-billing/operations/harness.js';

const row = (values: Record<string, string>) => rowFrom('products', values, 7);

describe('cells', () => {
  it.each([
    ['TRUE', true],
    ['true', true],
    [' FALSE ', false],
    ['', undefined],
  ])('reads the flag %j as %j', (value, expected) => {
    expect(flag(row({ taxable: value }), 'taxable')).toBe(expected);
  });

  it('names the row and column of a flag that is neither TRUE nor FALSE', () => {
    expect(() => flag(row({ taxable: 'yes' }), 'taxable')).toThrow(expect.objectContaining({ location: expect.objectContaining({ row: 7, column: 'taxable' }) }));
  });

  it.each([
    ['10.12', 'USD', 1012],
    ['1000', 'JPY', 1000],
    ['1.234', 'BHD', 1234],
    ['0', 'EUR', 0],
  ])('turns %s %s into %i minor units', (value, currency, expected) => {
    expect(minorUnitsOf(value, currency, row({ price: value }), 'price')).toBe(expected);
  });

  it('refuses more decimals than the currency has rather than rounding', () => {
    expect(() => minorUnitsOf('10.5', 'JPY', row({ price: '10.5' }), 'price')).toThrow(/more decimals than JPY/);
    expect(() => money(row({ price: '$10' }), 'price')).toThrow(expect.objectContaining({ location: expect.objectContaining({ column: 'price' }) }));
  });

  it.each([
    [1000, 'USD', '10.00'],
    ['2599', 'USD', '25.99'],
    [1000, 'JPY', '1000'],
    [1234, 'BHD', '1.234'],
    [-550, 'EUR', '-5.50'],
  ])('writes %j minor units of %s as %s', (cents, currency, expected) => {
    expect(fromMinorUnits(cents, currency)).toBe(expected);
  });

  it('checks calendar dates and counts days between them', () => {
    expect(date(row({ issue_date: '2028-02-29' }), 'issue_date')).toBe('2028-02-29');
    expect(() => date(row({ issue_date: '2027-02-29' }), 'issue_date')).toThrow(/YYYY-MM-DD/);
    expect(() => date(row({ issue_date: '01/02/2027' }), 'issue_date')).toThrow(/YYYY-MM-DD/);
    // The days between two date cells come from src/dates, the one owner of date arithmetic.
    const dates = row({ issue_date: '2026-10-01', due_date: '2026-10-31', start_date: '2026-03-01', end_date: '2026-03-31' });
    expect(daysBetween(requiredDate(dates, 'issue_date'), requiredDate(dates, 'due_date'))).toBe(30);
    expect(daysBetween(requiredDate(dates, 'start_date'), requiredDate(dates, 'end_date'))).toBe(30);
    expect(() => requiredDate(row({ issue_date: ' ' }), 'issue_date')).toThrow('issue_date is required to import this row');
    expect(() => requiredDate(row({ issue_date: '2027-02-29' }), 'issue_date')).toThrow('issue_date must be a date in YYYY-MM-DD format, got "2027-02-29"');
  });

  it('finds repeating groups by index, in order, without mixing prefixes', () => {
    const values = { component_2: 'b', component_10: 'c', component_1: 'a', componentQuantity_1: '1', overage_price_1: '1', price_3: '2' };
    expect(groupIndices(row(values), 'component_')).toEqual([1, 2, 10]);
    expect(groupIndices(row(values), 'price_')).toEqual([3]);
  });

  it('reads custom fields by name, leaving blank ones out', () => {
    const values = { 'custom_field[Region]': 'East', 'custom_field[Blank]': ' ', 'custom_field_customer[Tier]': 'Gold', custom_field: 'x' };
    expect(customFields(row(values), ['custom_field'])).toEqual({ Region: 'East' });
    expect(customFields(row(values), ['custom_field_customer'])).toEqual({ Tier: 'Gold' });
  });

  it('builds brackets with open-ended last tiers, and requires a starting quantity', () => {
    expect(priceBrackets(row({ starting_quantity_1: '1', ending_quantity_1: '10', price_1: '5.00', starting_quantity_2: '11', ending_quantity_2: '', price_2: '4' }), 'tiered', 'per_unit_price')).toEqual([
      { startingQuantity: 1, endingQuantity: 10, unitPrice: '5' },
      { startingQuantity: 11, unitPrice: '4' },
    ]);
    expect(() => priceBrackets(row({ price_1: '5' }), 'volume', 'per_unit_price')).toThrow(expect.objectContaining({ location: expect.objectContaining({ column: 'starting_quantity_1' }) }));
    expect(() => priceBrackets(row({}), 'per_unit', 'per_unit_price')).toThrow(/per_unit_price/);
  });

  it.each([
    ['2026-12-01', 'UTC', '2026-12-01T12:00:00+00:00'],
    ['2026-12-01', 'America/New_York', '2026-12-01T12:00:00-05:00'],
    ['2026-07-01', 'America/New_York', '2026-07-01T12:00:00-04:00'],
    // DST changes at 02:00: by noon the new offset holds
    ['2026-03-08', 'America/New_York', '2026-03-08T12:00:00-04:00'],
    ['2026-11-01', 'America/New_York', '2026-11-01T12:00:00-05:00'],
    ['2026-12-01', 'Asia/Kolkata', '2026-12-01T12:00:00+05:30'],
    ['2026-04-05', 'Australia/Sydney', '2026-04-05T12:00:00+10:00'],
  ])('bills %s at noon in %s', (day, zone, expected) => {
    expect(billingDateTime(day, zone)).toBe(expected);
  });
});
