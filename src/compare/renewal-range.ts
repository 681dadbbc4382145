// `--renewing FROM..TO`: the calendar dates (inclusive) a subscription's next billing must fall in —
// the source document's "filter for Jan 2022 renewals". Either end may be left open ("2027-01-01..").
import { compareDates, parseIsoDate, type CalendarDate } from '../dates/index.js';
import { InputError } from '../errors.js';

export interface RenewalRange {
  from?: CalendarDate;
  to?: CalendarDate;
}

export function parseRenewalRange(text: string): RenewalRange {
  const match = /^\s*([^.\s]*)\s*\.\.\s*([^.\s]*)\s*$/.exec(text);
  const bad = (): InputError =>
    new InputError('bad-renewing', `--renewing expects FROM..TO with calendar dates YYYY-MM-DD, got "${text}".`, {
      hint: 'For example --renewing 2027-01-01..2027-01-31 (either end may be left open).',
    });
  if (!match || (match[1] === '' && match[2] === '')) throw bad();
  const from = match[1] === '' ? undefined : parseIsoDate(match[1]!);
  const to = match[2] === '' ? undefined : parseIsoDate(match[2]!);
  if ((match[1] !== '' && from === undefined) || (match[2] !== '' && to === undefined)) throw bad();
  if (from !== undefined && to !== undefined && compareDates(from, to) > 0) {
    throw new InputError('bad-renewing', `--renewing ${text} ends before it starts.`, { hint: 'Write the earlier date first.' });
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Whether a next billing date falls in the range; an unknown date never does. */
export function isInRange(range: RenewalRange, date: CalendarDate | undefined): boolean {
  if (date === undefined) return false;
  if (range.from !== undefined && compareDates(date, range.from) < 0) return false;
  if (range.to !== undefined && compareDates(date, range.to) > 0) return false;
  return true;
}

export function describeRange(range: RenewalRange): string {
  return `${range.from ?? ''}..${range.to ?? ''}`;
}
