import { describe, expect, it } from 'vitest';
import { formatInZone, wallClockTime, zoneOffsetMinutes } from '../../src/dates/zoned-time.js';

describe('wall-clock times in a zone', () => {
  it.each([
    ['2027-03-15', 12, 'America/New_York', '2027-03-15T12:00:00-04:00'],
    ['2027-01-15', 12, 'America/New_York', '2027-01-15T12:00:00-05:00'],
    // New York springs forward at 02:00 on 2027-03-14: midnight is still EST, noon is EDT
    ['2027-03-14', 0, 'America/New_York', '2027-03-14T00:00:00-05:00'],
    ['2027-03-14', 12, 'America/New_York', '2027-03-14T12:00:00-04:00'],
    ['2027-03-15', 12, 'Asia/Kathmandu', '2027-03-15T12:00:00+05:45'],
    ['2027-03-15', 12, 'UTC', '2027-03-15T12:00:00+00:00'],
  ])('%s at %i:00 in %s is %s', (date, hour, zone, expected) => {
    expect(wallClockTime(date, hour, zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(wallClockTime(date, hour, zone)));
  });

  it.each([
    ['2027-03-15T16:00:00Z', 'America/New_York', '2027-03-15T12:00:00-04:00'],
    ['2027-03-15T00:00:00Z', 'America/New_York', '2027-03-14T20:00:00-04:00'],
    ['2027-03-15T00:00:00Z', 'UTC', '2027-03-15T00:00:00Z'],
    ['2027-03-15T20:00:00Z', 'Pacific/Auckland', '2027-03-16T09:00:00+13:00'],
  ])('%s shown in %s is %s', (instant, zone, expected) => {
    expect(formatInZone(new Date(instant), zone)).toBe(expected);
  });

  it('gives the offset in minutes', () => {
    expect(zoneOffsetMinutes(Date.parse('2027-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.parse('2027-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
});
