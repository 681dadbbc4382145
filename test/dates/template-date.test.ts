import { describe, expect, it } from 'vitest';
import { parseTemplateDate } from '../../src/dates/template-date.js';

const billing = { timeZone: 'UTC', allowDateTime: true };
const invoice = { timeZone: 'UTC', allowDateTime: false };

describe('parseTemplateDate', () => {
  it.each([
    { text: '2026-12-01', options: billing, date: '2026-12-01', form: 'date' },
    { text: ' 2026-12-01 ', options: invoice, date: '2026-12-01', form: 'date' },
    { text: '2026-12-01T09:00:00Z', options: billing, date: '2026-12-01', form: 'datetime' },
    { text: '2026-12-01T09:00:00z', options: billing, date: '2026-12-01', form: 'datetime' },
    { text: '2026-12-01T23:30:00-05:00', options: billing, date: '2026-12-02', form: 'datetime' },
    { text: '2026-12-01T23:30:00-05:00', options: { ...billing, timeZone: 'America/New_York' }, date: '2026-12-01', form: 'datetime' },
    { text: '2026-12-01T00:30:00+09:00', options: billing, date: '2026-11-30', form: 'datetime' },
    { text: '2026-12-01T00:30+09:00', options: { ...billing, timeZone: 'Asia/Tokyo' }, date: '2026-12-01', form: 'datetime' },
    { text: '2026-12-01 10:00:00.123456+05:30', options: billing, date: '2026-12-01', form: 'datetime' },
    { text: '2028-02-29T12:00:00Z', options: billing, date: '2028-02-29', form: 'datetime' },
  ])('$text → $date ($form)', ({ text, options, date, form }) => {
    expect(parseTemplateDate(text, options)).toMatchObject({ ok: true, date, form });
  });

  it('keeps the instant of a date-time', () => {
    const result = parseTemplateDate('2026-12-01T23:30:00.5-05:00', billing);
    expect(result.ok && result.instant?.toISOString()).toBe('2026-12-02T04:30:00.500Z');
  });

  it.each([
    { text: '', options: billing, reason: /blank/ },
    { text: '2026-02-30', options: billing, reason: /not a real calendar date/ },
    { text: '2026-2-3', options: billing, reason: /two digits for month and day: 2026-02-03/ },
    { text: '2026-2-31', options: billing, reason: /not a real calendar date/ },
    { text: '12/01/2026', options: billing, reason: /ambiguous/ },
    { text: '01.12.2026', options: invoice, reason: /ambiguous/ },
    { text: '2026-12-01T09:00:00', options: billing, reason: /add the time zone offset .*or give the date alone as 2026-12-01/ },
    { text: '2026-12-01T09:00:00Z', options: invoice, reason: /date alone as YYYY-MM-DD, e\.g\. 2026-12-01/ },
    { text: '2026-12-01T24:00:00Z', options: billing, reason: /not a time of day/ },
    { text: '2026-02-30T10:00:00Z', options: billing, reason: /not a real calendar date/ },
    { text: '2026-12-01T10:00:00+15:00', options: billing, reason: /not a time zone offset/ },
    { text: 'Dec 1, 2026', options: billing, reason: /expected YYYY-MM-DD or an ISO date-time/ },
    { text: 'tomorrow', options: invoice, reason: /expected a date as YYYY-MM-DD/ },
  ])('rejects $text: $reason', ({ text, options, reason }) => {
    const result = parseTemplateDate(text, options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
