// Calendar dates with an explicit time zone: the public surface of src/dates.
export { addDays, addMonths, calendarDateFrom, compareDates, dateKey, daysBetween, MAX_INTERVAL, parseIsoDate, shiftedDateKey, type CalendarDate } from './calendar-date.js';
export { explainDateMistake, type DateMistake } from './date-mistake.js';
export { clockFromEnv, clockStartingAt, parseClockStart, systemClock, type Clock } from './clock.js';
export { calendarDateOf, isValidTimeZone, todayIn } from './time-zone.js';
