import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { parseCalendarDate, parseFormat, parseReportPath, parseSystem, parseTemplateKind, resolveAsOf } from '../../src/cli/options.js';
import { colorEnabled } from '../../src/progress/color.js';

describe('--as-of', () => {
  it.each(['2026-11-23', '2024-02-29', ' 2026-01-01 '])('accepts %s', (value) => {
    expect(parseCalendarDate(value)).toBe(value.trim());
  });
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '23/11/2026', '2026-1-1', '', 'today'])('rejects %s with an InputError', (value) => {
    expect(() => parseCalendarDate(value)).toThrow(InputError);
    expect(() => parseCalendarDate(value)).toThrow(/--as-of expects a calendar date YYYY-MM-DD/);
  });
  it('takes the flag, else the configured date, else today in the configured time zone (UTC when none)', () => {
    expect(resolveAsOf('2026-01-02', { asOf: '2025-01-01' })).toBe('2026-01-02');
    expect(resolveAsOf(undefined, { asOf: '2025-01-01' })).toBe('2025-01-01');
    // Today by the toolkit's clock, which the suite starts at TEST_NOW (MIGRATE_NOW).
    expect(resolveAsOf(undefined)).toBe(TEST_TODAY);
    expect(() => resolveAsOf(undefined, { timeZone: 'Mars/Olympus' })).toThrow(InputError);
    expect(() => resolveAsOf(undefined, { asOf: '2025-02-29' })).toThrow(/asOf \(configuration\) expects/);
  });
});

describe('--format', () => {
  it('defaults to pretty and accepts the five formats in any case', () => {
    expect(parseFormat('validate', undefined)).toBe('pretty');
    expect(parseFormat('validate', 'JSON')).toBe('json');
    expect(parseFormat('validate', 'junit')).toBe('junit');
    expect(parseFormat('validate', 'Html')).toBe('html');
    expect(parseFormat('compare', 'html')).toBe('html');
    expect(() => parseFormat('validate', 'xml')).toThrow(/--format must be one of pretty, json, github, junit, html/);
    expect(() => parseFormat('imports', 'html')).toThrow(/--format for imports must be pretty or json/);
  });
});

describe('--report', () => {
  it.each(['report.html', 'out/Compare.HTM', ' v.html '])('takes %j, a file name ending in .html', (flag) => {
    expect(parseReportPath(flag)).toBe(flag.trim());
  });
  it.each(['report.json', 'report', '.html', 'out/.html'])('refuses %j with one line naming the flag', (flag) => {
    expect(() => parseReportPath(flag)).toThrow(InputError);
    expect(() => parseReportPath(flag)).toThrow(`--report writes an HTML page: give it a file name ending in .html, got "${flag}".`);
  });
  it('is absent without the flag', () => {
    expect(parseReportPath(undefined)).toBeUndefined();
  });
});

describe('--system', () => {
  it('is one of the configuration\'s systems, advanced-billing when absent', () => {
    expect(parseSystem(undefined)).toBe('advanced-billing');
    expect(parseSystem(' ChartMogul ')).toBe('chartmogul');
    expect(() => parseSystem('stripe')).toThrow('--system must be advanced-billing or chartmogul, got "stripe".');
  });
});

describe('colour', () => {
  it.each([
    { flag: undefined, tty: true, env: {}, expected: true },
    { flag: undefined, tty: false, env: {}, expected: false },
    { flag: false, tty: true, env: {}, expected: false },
    { flag: undefined, tty: true, env: { NO_COLOR: '1' }, expected: false },
    { flag: undefined, tty: true, env: { NO_COLOR: '' }, expected: true },
    { flag: undefined, tty: false, env: { FORCE_COLOR: '1' }, expected: true },
    { flag: undefined, tty: true, env: { FORCE_COLOR: '0' }, expected: false },
  ])('flag=$flag tty=$tty env=$env → $expected', ({ flag, tty, env, expected }) => {
    expect(colorEnabled(flag, { isTTY: tty }, env)).toBe(expected);
  });
});

describe('parseTemplateKind suggestions', () => {
  const hintFor = (value: string): string | undefined => {
    try {
      parseTemplateKind(value);
    } catch (error) {
      return (error as InputError).hint;
    }
    return undefined;
  };
  it('suggests only kinds that resemble the input', () => {
    expect(hintFor('cupons')).toBe('Did you mean coupons? Run `migrate templates` for the list.');
    expect(hintFor('customers')).toBe('Did you mean customers-advanced? Run `migrate templates` for the list.');
    expect(hintFor('bogus')).toBe('Run `migrate templates` for the list.');
    expect(parseTemplateKind(' Coupons ')).toBe('coupons');
  });
});
