// Retry timing: Retry-After in both forms, full-jitter bounds, and which failures are retryable.
import { describe, expect, it } from 'vitest';
import { backoffDelay, errorCodeOf, isRetryableError, isRetryableStatus, parseRetryAfter } from '../../../../src/targets/advanced-billing/client/backoff.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it.each([
    { header: '2', expected: 2000 },
    { header: ' 0 ', expected: 0 },
    { header: '1.5', expected: 1500 },
    { header: ['3'], expected: 3000 },
    { header: 'Mon, 23 Nov 2026 12:00:05 GMT', expected: 5000 },
    { header: 'Mon, 23 Nov 2026 11:59:00 GMT', expected: 0 },
    { header: undefined, expected: undefined },
    { header: '', expected: undefined },
    { header: 'soon', expected: undefined },
  ])('$header → $expected ms', ({ header, expected }) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  const policy = (value: number) => ({ baseMs: 100, maxMs: 1000, random: () => value });
  it('grows exponentially up to the cap, scaled by the jitter draw', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy(1)))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(3, policy(0.5))).toBe(400);
    expect(backoffDelay(3, policy(0))).toBe(0);
  });
});

describe('retryable answers', () => {
  it.each([429, 500, 502, 503, 504])('status %i is retried', (status) => expect(isRetryableStatus(status)).toBe(true));
  it.each([400, 401, 403, 404, 409, 422])('status %i is not', (status) => expect(isRetryableStatus(status)).toBe(false));
  it('finds the code on the error or its cause', () => {
    expect(errorCodeOf(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }))).toBe('UND_ERR_SOCKET');
    expect(errorCodeOf(new Error('x', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }))).toBe('ECONNRESET');
    expect(errorCodeOf(new Error('plain'))).toBeUndefined();
    expect(isRetryableError('ECONNREFUSED')).toBe(true);
    expect(isRetryableError('ENOTFOUND')).toBe(false);
    expect(isRetryableError(undefined)).toBe(false);
  });
});
