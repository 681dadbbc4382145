import { describe, expect, it } from 'vitest';
import { clockFromEnv, clockStartingAt, parseClockStart, systemClock } from '../../src/dates/index.js';
import { InputError } from '../../src/errors.js';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';

describe('the toolkit clock', () => {
  it.each([
    ['2031-01-01', '2031-01-01T12:00:00.000Z'],
    ['2031-01-01T09:30:00Z', '2031-01-01T09:30:00.000Z'],
    ['2031-01-01T09:30:00-05:00', '2031-01-01T14:30:00.000Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(parseClockStart(text, 'MIGRATE_NOW').toISOString()).toBe(instant);
  });

  it.each(['2031-02-30', 'tomorrow', '2031-01-01T09:30', '01/01/2031'])('refuses %s with an InputError naming the setting', (text) => {
    expect(() => parseClockStart(text, 'MIGRATE_NOW')).toThrow(InputError);
    expect(() => parseClockStart(text, 'MIGRATE_NOW')).toThrow(/MIGRATE_NOW/);
  });

  it('starts at the given instant and then runs at the pace of the clock under it', () => {
    let base = Date.parse('2026-01-01T00:00:00Z');
    const clock = clockStartingAt(new Date('2031-06-01T00:00:00Z'), () => new Date(base));
    expect(clock().toISOString()).toBe('2031-06-01T00:00:00.000Z');
    base += 90_000;
    expect(clock().toISOString()).toBe('2031-06-01T00:01:30.000Z');
  });

  it('is the system clock unless MIGRATE_NOW is set', () => {
    expect(clockFromEnv({})).toBe(systemClock);
    expect(clockFromEnv({ MIGRATE_NOW: ' ' })).toBe(systemClock);
    expect(clockFromEnv({ MIGRATE_NOW: '2031-01-01' })().toISOString().slice(0, 10)).toBe('2031-01-01');
  });

  it('is what the sandbox judges next_billing_at and stamps records by', async () => {
    const sandbox = await startSandbox({ now: clockStartingAt(new Date('2031-03-01T12:00:00Z')) });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${sandbox.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const family = (await (await post('/product_families.json', { product_family: { name: 'F', handle: 'f' } })).json()) as { product_family: { id: number; created_at: string } };
      expect(family.product_family.created_at).toMatch(/^2031-03-01T12:/);
      await post(`/product_families/${family.product_family.id}/products.json`, { product: { name: 'B', handle: 'b', price_in_cents: 100, interval: 1, interval_unit: 'month' } });
      const subscription = (next: string) =>
        post('/subscriptions.json', {
          subscription: { product_handle: 'b', next_billing_at: next, payment_collection_method: 'remittance', customer_attributes: { first_name: 'A', last_name: 'B', email: `a${next}@example.com` } },
        });
      expect((await subscription('2031-02-01T00:00:00Z')).status).toBe(422);
      expect((await subscription('2031-04-01T00:00:00Z')).status).toBe(201);
    } finally {
      await sandbox.close();
    }
  });
});
