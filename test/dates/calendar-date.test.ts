import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarDateFrom, compareDates, dateKey, daysBetween, parseIsoDate, shiftedDateKey, type CalendarDate } from '../../src/dates/calendar-date.js';

const date = (text: string) => {
  const parsed = parseIsoDate(text);
  if (parsed === undefined) throw new Error(`bad fixture ${text}`);
  return parsed;
};

describe('parseIsoDate', () => {
  it.each(['2026-11-23', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31', '2026-04-30'])('accepts %s', (text) => {
    expect(parseIsoDate(text)).toBe(text);
  });

  it.each([
    '2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01',
    '2026-1-5', '26-01-05', '2026/01/05', '01/05/2026', ' 2026-01-05', '2026-01-05 ', '2026-01-05T00:00:00Z', '', '２０２６-01-05',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-01-30', '2026-02-01', 2],
    ['2026-02-01', '2026-01-30', -2],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-10-31', '2026-11-02', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['1970-01-01', '2000-01-01', 10957],
    ['1899-12-31', '1900-03-01', 60],
    ['2026-11-23', '2026-11-23', 0],
  ])('daysBetween(%s, %s) = %i', (a, b, days) => {
    expect(daysBetween(date(a), date(b))).toBe(days);
    expect(addDays(date(a), days)).toBe(b);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-23', 2, '2027-01-23'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-05-31', 0, '2026-05-31'],
  ])('addMonths(%s, %i) = %s', (start, months, expected) => {
    expect(addMonths(date(start), months)).toBe(expected);
  });

  it('compares dates', () => {
    expect(compareDates(date('2026-01-02'), date('2026-01-10'))).toBeLessThan(0);
    expect(compareDates(date('2026-01-10'), date('2026-01-02'))).toBeGreaterThan(0);
    expect(compareDates(date('2026-01-10'), date('2026-01-10'))).toBe(0);
  });

  it('refuses fractional days and months, and years past 9999', () => {
    expect(() => addDays(date('2026-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addMonths(date('2026-01-01'), 0.5)).toThrow(RangeError);
    expect(() => addDays(date('9999-12-31'), 1)).toThrow(RangeError);
  });

  it('builds dates from parts only when they name a real day', () => {
    expect(calendarDateFrom(2026, 2, 3)).toBe('2026-02-03');
    expect(calendarDateFrom(2026, 2, 29)).toBeUndefined();
    expect(calendarDateFrom(2026, 1.5, 3)).toBeUndefined();
  });

  it('agrees with UTC Date arithmetic over the whole range, and round-trips', () => {
    const dayArb = fc.integer({ min: -600_000, max: 2_900_000 });
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -5000, max: 5000 }), (dayNumber, offset) => {
        const reference = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
        fc.pre(/^\d{4}-/.test(reference) && reference >= '0001-01-01');
        const start = date(reference);
        const moved = addDays(start, offset);
        expect(moved).toBe(new Date((dayNumber + offset) * 86_400_000).toISOString().slice(0, 10));
        expect(daysBetween(start, moved)).toBe(offset);
      }),
    );
  });
});

describe('dateKey, the check behind parseIsoDate and the date rules', () => {
  it.each([
    ['2026-11-23', 20261123],
    ['2024-02-29', 20240229],
    ['0001-01-01', 10101],
    ['9999-12-31', 99991231],
  ])('keys %s as %i', (text, key) => {
    expect(dateKey(text)).toBe(key);
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '0000-01-01', '2026-1-5', '2026/01/05', ' 2026-01-05', '2026-01-05T00:00:00Z', '２０２６-01-05', ''])(
    'refuses %j, as parseIsoDate does',
    (text) => {
      expect(dateKey(text)).toBeUndefined();
    },
  );

  it('orders like the dates, over the whole range', () => {
    const dayArb = fc.integer({ min: -700_000, max: 2_900_000 });
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        const [x, y] = [a, b].map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
        fc.pre(/^\d{4}-/.test(x!) && /^\d{4}-/.test(y!) && x! >= '0001-01-01' && y! >= '0001-01-01');
        expect(Math.sign(dateKey(x!)! - dateKey(y!)!)).toBe(Math.sign(a - b));
      }),
    );
  });

  it('shifts a day across month, year and leap-day ends, and refuses a non-date', () => {
    expect(shiftedDateKey('2026-11-23', 0)).toBe(20261123);
    expect(shiftedDateKey('2026-12-31', 1)).toBe(20270101);
    expect(shiftedDateKey('2024-03-01', -1)).toBe(20240229);
    expect(shiftedDateKey('2026-03-01', -1)).toBe(20260228);
    expect(() => shiftedDateKey('2026-02-30', 1)).toThrow('2026-02-30 is not a YYYY-MM-DD date');
  });
});
