// Why a cell is not a YYYY-MM-DD date, and what the writer most likely meant: a day that does not exist
// (2027-02-30), or a date written another way that has one reading (12/31/2027 → 2027-12-31) or two.
import { calendarDateFrom, daysInMonth, type CalendarDate } from './calendar-date.js';

export type DateMistake =
  /** Reads as a date, but that day is not on the calendar: `why` says so ("February 2027 has 28 days"). */
  | { kind: 'no-such-day'; why: string }
  /** Written another way, with one reading: write `date`; `how` says how it was read. */
  | { kind: 'written-otherwise'; date: CalendarDate; how: string }
  /** Day and month could be either way round, giving two real days. */
  | { kind: 'ambiguous'; monthFirst: CalendarDate; dayFirst: CalendarDate }
  /** Nothing that reads as a date. */
  | { kind: 'unreadable' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A trailing time, as spreadsheets add to dates ("2027-12-31 00:00:00", "12/31/2027 0:00 AM", "…T10:00Z"). */
const TIME = /^(.+?)(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?)$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Year first with other separators, or month and day not padded: 2027/12/31, 2027.12.31, 2027-2-3. */
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Year last: month/day (US) or day/month (most other places), which the cell alone cannot tell apart. */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/** The real day y-m-d, or why there is none. */
function dayOf(year: number, month: number, day: number): { date: CalendarDate } | { why: string } {
  const date = calendarDateFrom(year, month, day);
  if (date !== undefined) return { date };
  if (year < 1) return { why: 'there is no year 0000' };
  if (month < 1 || month > 12) return { why: `there is no month ${month}` };
  if (day < 1) return { why: 'days start at 01' };
  const name = `${MONTHS[month - 1]} ${year}`;
  if (month === 2 && day === 29) return { why: `${year} is not a leap year, so ${name} has 28 days` };
  return { why: `${name} has ${daysInMonth(year, month)} days` };
}

/** A date with one reading, or the day that does not exist. */
function judged(year: number, month: number, day: number, how: string): DateMistake {
  const found = dayOf(year, month, day);
  return 'date' in found ? { kind: 'written-otherwise', date: found.date, how } : { kind: 'no-such-day', why: found.why };
}

/** Day and month either way round: one real day is the answer, two ask which, none says why. */
function yearLast(first: number, second: number, year: number): DateMistake {
  const monthFirst = dayOf(year, first, second);
  const dayFirst = dayOf(year, second, first);
  if ('date' in monthFirst && 'date' in dayFirst) {
    if (monthFirst.date === dayFirst.date) return { kind: 'written-otherwise', date: monthFirst.date, how: 'month and day are the same either way round' };
    return { kind: 'ambiguous', monthFirst: monthFirst.date, dayFirst: dayFirst.date };
  }
  if ('date' in monthFirst) return { kind: 'written-otherwise', date: monthFirst.date, how: `read as month/day/year, since there is no month ${second}` };
  if ('date' in dayFirst) return { kind: 'written-otherwise', date: dayFirst.date, how: `read as day/month/year, since there is no month ${first}` };
  // Neither is a day: where one reading has a real month, its day is what does not exist (02/30/2027).
  if (first >= 1 && first <= 12) return { kind: 'no-such-day', why: monthFirst.why };
  if (second >= 1 && second <= 12) return { kind: 'no-such-day', why: dayFirst.why };
  return { kind: 'unreadable' };
}

function readDate(text: string): DateMistake {
  const iso = ISO.exec(text);
  if (iso !== null) return judged(Number(iso[1]), Number(iso[2]), Number(iso[3]), 'written YYYY-MM-DD');
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst !== null) {
    const how = yearFirst[2] === '-' ? 'with two digits for month and day' : `with "-" between year, month and day, not "${yearFirst[2]}"`;
    return judged(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]), how);
  }
  const compact = COMPACT.exec(text);
  if (compact !== null) {
    const [year, month, day] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    // Eight digits are a date only when month and day could be: otherwise it is some other number.
    if (month < 1 || month > 12 || day < 1 || day > 31) return { kind: 'unreadable' };
    return judged(year, month, day, 'with "-" between year, month and day');
  }
  const last = YEAR_LAST.exec(text);
  if (last !== null) return yearLast(Number(last[1]), Number(last[3]), Number(last[4]));
  return { kind: 'unreadable' };
}

/** Adds what else was changed to a reading (the spaces or the time left out). */
function alsoDropped(mistake: DateMistake, dropped: string): DateMistake {
  if (mistake.kind !== 'written-otherwise') return mistake;
  return { ...mistake, how: mistake.how === 'written YYYY-MM-DD' ? dropped : `${mistake.how}; ${dropped}` };
}

/**
 * Why `text` (which the date rules found not to be a YYYY-MM-DD date) is not one, and the date to write
 * when the cell has exactly one reading. Slash and dot dates are read both as month/day and as day/month:
 * only when just one of the two is a real day is it offered.
 */
export function explainDateMistake(text: string): DateMistake {
  const trimmed = text.trim();
  const time = TIME.exec(trimmed);
  let mistake = readDate(time === null ? trimmed : (time[1] as string));
  if (time !== null) mistake = alsoDropped(mistake, 'the date alone, without the time');
  if (trimmed !== text) mistake = alsoDropped(mistake, 'without the spaces around it');
  return mistake;
}
