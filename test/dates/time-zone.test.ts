import { describe, expect, it } from 'vitest';
import { calendarDateOf, isValidTimeZone, todayIn } from '../../src/dates/time-zone.js';
import { InputError } from '../../src/errors.js';

describe('todayIn and calendarDateOf', () => {
  it.each([
    // the same instant is a different day east and west of UTC
    ['2026-11-23T23:30:00Z', 'UTC', '2026-11-23'],
    ['2026-11-23T23:30:00Z', 'Asia/Tokyo', '2026-11-24'],
    ['2026-11-23T03:30:00Z', 'America/Los_Angeles', '2026-11-22'],
    ['2026-11-23T12:00:00Z', 'Pacific/Kiritimati', '2026-11-24'],
    ['2026-11-23T11:00:00Z', 'Pacific/Pago_Pago', '2026-11-23'],
    // DST: New York falls back on 2026-11-01 at 06:00Z (02:00 EDT → 01:00 EST)
    ['2026-11-01T03:59:59Z', 'America/New_York', '2026-10-31'],
    ['2026-11-01T04:00:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T04:59:59Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T05:00:00Z', 'America/New_York', '2026-11-02'],
    // DST: Berlin springs forward 2026-03-29 at 01:00Z; midnight before it is 23:00Z
    ['2026-03-28T22:59:59Z', 'Europe/Berlin', '2026-03-28'],
    ['2026-03-28T23:00:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-29T22:00:00Z', 'Europe/Berlin', '2026-03-30'],
    // Samoa skipped 2011-12-30 entirely
    ['2011-12-30T09:59:59Z', 'Pacific/Apia', '2011-12-29'],
    ['2011-12-30T10:00:00Z', 'Pacific/Apia', '2011-12-31'],
    // leap day
    ['2028-02-29T12:00:00Z', 'UTC', '2028-02-29'],
    // half-hour zone
    ['2026-11-23T18:29:59Z', 'Asia/Kolkata', '2026-11-23'],
    ['2026-11-23T18:30:00Z', 'Asia/Kolkata', '2026-11-24'],
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(calendarDateOf(new Date(instant), timeZone)).toBe(expected);
    expect(todayIn(timeZone, new Date(instant))).toBe(expected);
  });

  it('defaults to the current clock', () => {
    expect(todayIn('UTC')).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses an unknown time zone with an InputError', () => {
    expect(() => todayIn('Mars/Olympus_Mons')).toThrow(InputError);
    expect(() => todayIn('+05:30')).toThrow(/not a time zone name/);
  });
});

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT+5'])('accepts %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });
  it.each(['', ' ', 'Mars/Base', '+05:30', 'Europe/Berlinn'])('rejects %j', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });
});
