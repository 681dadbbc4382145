// What a refused call says, for every shape of error body: the spec's, the other Rails shapes rendered
// as "field: message", and anything else quoted as it came, on one line and bounded.
import { describe, expect, it } from 'vitest';
import { errorBodyMessages } from '../../../../src/targets/advanced-billing/client/error-body.js';
import type { Json } from '../../../../src/targets/advanced-billing/api.js';

/** The body as JSON.parse would give it, and the text it came as. */
const answer = (body: Json | undefined, text?: string): { body: Json | undefined; text: string } => ({ body, text: text ?? (body === undefined ? '' : JSON.stringify(body)) });

describe('errorBodyMessages', () => {
  it.each([
    { name: 'errors list', ...answer({ errors: ['Email is invalid', 'Last name: cannot be blank'] }), expected: ['Email is invalid', 'Last name: cannot be blank'] },
    { name: 'errors by object', ...answer({ errors: { customer: 'not found' } }), expected: ['customer: not found'] },
    { name: 'errors by field', ...answer({ errors: { price: ['must be positive'], interval: ['is required'] } }), expected: ['price: must be positive', 'interval: is required'] },
    { name: 'error', ...answer({ error: 'Metafield name is taken' }), expected: ['Metafield name is taken'] },
    { name: 'message', ...answer({ message: 'Email has already been taken', status: 422 }), expected: ['Email has already been taken'] },
    { name: 'field hash', ...answer({ email: ['is invalid'], zip: 'is too long' }), expected: ['email: is invalid', 'zip: is too long'] },
    { name: 'field hash in the root key', ...answer({ customer: { email: ['is invalid', 'is taken'] } }), expected: ['email: is invalid', 'email: is taken'] },
    { name: 'list of strings', ...answer(['first problem', 'second problem']), expected: ['first problem', 'second problem'] },
    { name: 'plain text', ...answer(undefined, 'HTTP Basic: Access denied.\n'), expected: ['HTTP Basic: Access denied.'] },
    { name: 'other JSON, as it came', ...answer({ code: 'E42', detail: { reason: 'odd' } }), expected: ['{"code":"E42","detail":{"reason":"odd"}}'] },
    { name: 'empty errors fall back to the text', ...answer({ errors: [] }), expected: ['{"errors":[]}'] },
    { name: 'list of numbers, as it came', ...answer([1, 2]), expected: ['[1,2]'] },
    { name: 'HTML page by its title', ...answer(undefined, '<html><head><title>422 Unprocessable</title></head><body><h1>x</h1></body></html>'), expected: ['422 Unprocessable'] },
    { name: 'HTML without a title by its text', ...answer(undefined, '<p>Bad\n  <b>zip</b></p><script>var a = 1;</script>'), expected: ['Bad zip'] },
    { name: 'multi-line text folded', ...answer(undefined, 'line one\r\n\tline two'), expected: ['line one line two'] },
    { name: 'empty body', ...answer(undefined, ''), expected: [] },
  ])('$name', ({ body, text, expected }) => {
    expect(errorBodyMessages(body, text)).toEqual(expected);
  });

  it('keeps about 500 characters of reason in all, and says how many messages it left out', () => {
    const long = errorBodyMessages(undefined, `Refused: ${'x'.repeat(5000)}`);
    expect(long).toHaveLength(1);
    expect(long[0]!.length).toBeLessThanOrEqual(501);
    expect(long[0]!.endsWith('…')).toBe(true);
    const many = errorBodyMessages({ errors: Array.from({ length: 100 }, (_, n) => `problem number ${n} of a hundred`) });
    expect(many.join('; ').length).toBeLessThan(700);
    expect(many.at(-1)).toMatch(/^\(\d+ more\)$/);
  });
});
