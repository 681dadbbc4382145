// explainDateMistake: why a cell is not a YYYY-MM-DD date, and the date to write when it has one reading.
import { describe, expect, it } from 'vitest';
import { explainDateMistake } from '../../src/dates/date-mistake.js';

describe('explainDateMistake', () => {
  it.each([
    { text: '2027-02-30', why: 'February 2027 has 28 days' },
    { text: '2027-02-29', why: '2027 is not a leap year, so February 2027 has 28 days' },
    { text: '2028-02-30', why: 'February 2028 has 29 days' },
    { text: '2027-04-31', why: 'April 2027 has 30 days' },
    { text: '2027-13-01', why: 'there is no month 13' },
    { text: '2027-00-10', why: 'there is no month 0' },
    { text: '2027-01-00', why: 'days start at 01' },
    { text: '0000-01-01', why: 'there is no year 0000' },
    { text: '2027-2-30', why: 'February 2027 has 28 days' },
    { text: '20270230', why: 'February 2027 has 28 days' },
    { text: '02/30/2027', why: 'February 2027 has 28 days' },
    { text: '30/02/2027', why: 'February 2027 has 28 days' },
    { text: '2027-02-30 00:00:00', why: 'February 2027 has 28 days' },
  ])('$text does not exist: $why', ({ text, why }) => {
    expect(explainDateMistake(text)).toEqual({ kind: 'no-such-day', why });
  });

  it.each([
    { text: '12/31/2027', date: '2027-12-31', how: 'read as month/day/year, since there is no month 31' },
    { text: '31/12/2027', date: '2027-12-31', how: 'read as day/month/year, since there is no month 31' },
    { text: '31.12.2027', date: '2027-12-31', how: 'read as day/month/year, since there is no month 31' },
    { text: '31-12-2027', date: '2027-12-31', how: 'read as day/month/year, since there is no month 31' },
    { text: '1/13/2027', date: '2027-01-13', how: 'read as month/day/year, since there is no month 13' },
    { text: '05/05/2027', date: '2027-05-05', how: 'month and day are the same either way round' },
    { text: '2027-2-3', date: '2027-02-03', how: 'with two digits for month and day' },
    { text: '2027/12/31', date: '2027-12-31', how: 'with "-" between year, month and day, not "/"' },
    { text: '2027.1.5', date: '2027-01-05', how: 'with "-" between year, month and day, not "."' },
    { text: '20271231', date: '2027-12-31', how: 'with "-" between year, month and day' },
    { text: '2027-12-31 00:00:00', date: '2027-12-31', how: 'the date alone, without the time' },
    { text: '2027-12-31T10:30:00Z', date: '2027-12-31', how: 'the date alone, without the time' },
    { text: '12/31/2027 12:00 AM', date: '2027-12-31', how: 'read as month/day/year, since there is no month 31; the date alone, without the time' },
    { text: ' 2027-12-31 ', date: '2027-12-31', how: 'without the spaces around it' },
  ])('$text is $date ($how)', ({ text, date, how }) => {
    expect(explainDateMistake(text)).toEqual({ kind: 'written-otherwise', date, how });
  });

  it.each([
    { text: '03/04/2027', monthFirst: '2027-03-04', dayFirst: '2027-04-03' },
    { text: '1.2.2027', monthFirst: '2027-01-02', dayFirst: '2027-02-01' },
    { text: '12-11-2027 00:00', monthFirst: '2027-12-11', dayFirst: '2027-11-12' },
  ])('$text could be $monthFirst or $dayFirst', ({ text, monthFirst, dayFirst }) => {
    expect(explainDateMistake(text)).toEqual({ kind: 'ambiguous', monthFirst, dayFirst });
  });

  it.each(['13/13/2027', '12/31/27', '12345678', '2027-12', 'Dec 31, 2027', 'tomorrow', '2027-12-31-01', '45000'])('%s is unreadable', (text) => {
    expect(explainDateMistake(text)).toEqual({ kind: 'unreadable' });
  });
});
