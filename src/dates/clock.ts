// The toolkit's clock: the system's, or one started at another instant by MIGRATE_NOW (or the sandbox's
// --now) so that a rehearsal or a test suite sees the same "today" whatever the calendar says.
import { InputError } from '../errors.js';
import { parseIsoDate } from './calendar-date.js';

/** The current instant. Everything that asks "what time is it" for a rule or the sandbox asks one of these. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that reads `start` now and then runs at the system's pace (timeouts and token windows still pass). */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base().getTime();
  return () => new Date(base().getTime() + offset);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a clock setting names: a date-time with its offset, or a bare date YYYY-MM-DD, read as
 * noon UTC so that it is that calendar day in every time zone from UTC-11 to UTC+11.
 */
export function parseClockStart(text: string, source: string): Date {
  const value = text.trim();
  if (parseIsoDate(value) !== undefined) return new Date(`${value}T12:00:00Z`);
  const instant = DATE_TIME.test(value) ? new Date(value) : undefined;
  if (instant !== undefined && !Number.isNaN(instant.getTime())) return instant;
  throw new InputError('bad-clock', `${source} expects a date YYYY-MM-DD or a date-time such as 2027-01-15T09:30:00Z, got "${text}".`, {
    hint: `Unset ${source} to use the system clock.`,
  });
}

/** The system clock, or one started at MIGRATE_NOW when that variable is set. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const text = env.MIGRATE_NOW;
  if (text === undefined || text.trim() === '') return systemClock;
  return clockStartingAt(parseClockStart(text, 'MIGRATE_NOW'));
}
