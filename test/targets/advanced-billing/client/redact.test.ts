// Credentials never survive into logs or messages: masked fields, echoed values, error envelopes.
import { describe, expect, it } from 'vitest';
import { maskedJson, maskSecret, redactText, secretsIn } from '../../../../src/targets/advanced-billing/client/redact.js';

describe('redaction', () => {
  const body = {
    payment_profile: { customer_id: 7, vault_token: 'tok_4242424242424242', full_number: '4111111111111111', first_name: 'Ada' },
  };

  it('finds credential values at any depth and masks them to the last 4', () => {
    expect(secretsIn(body)).toEqual(['tok_4242424242424242', '4111111111111111']);
    expect(maskedJson(body)).toEqual({
      payment_profile: { customer_id: 7, vault_token: '****4242', full_number: '****1111', first_name: 'Ada' },
    });
    expect(maskSecret('abc')).toBe('****');
  });

  it('replaces echoed secrets inside free text', () => {
    const text = redactText('Vault token tok_4242424242424242 is invalid', secretsIn(body));
    expect(text).toBe('Vault token ****4242 is invalid');
  });
});
