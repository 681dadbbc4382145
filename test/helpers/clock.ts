// The suite's clock: every sandbox and every CLI run in the tests takes "now" from MIGRATE_NOW, set to
// TEST_NOW by test/setup-clock.ts, so the dates written in tests stay in the future whatever the calendar.
export const TEST_NOW = '2026-11-23T12:00:00Z';

/** TEST_NOW's calendar date (UTC): the as-of date of validation in the tests. */
export const TEST_TODAY = TEST_NOW.slice(0, 10);

/** The calendar date `days` after TEST_TODAY (negative: before), for dates a test wants relative to "today". */
export function testDate(days: number): string {
  const date = new Date(`${TEST_TODAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
