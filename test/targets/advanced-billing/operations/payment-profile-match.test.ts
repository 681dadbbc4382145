// The rule that recognises a row's payment profile among a customer's profiles on the site: type,
// vault, the token's last four only (masked tokens included), and the card's or bank account's facts.
import { describe, expect, it } from 'vitest';
import { matchingProfile } from '../../../../src/targets/advanced-billing/operations/payment-profile-match.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';

const CARD_ROW: JsonObject = { payment_type: 'credit_card', current_vault: 'stripe_connect', vault_token: 'cus_ABCDEFGH1234', last_four: '4242', card_type: 'visa', expiration_month: 11, expiration_year: 2031 };
const card = (id: number, extra: JsonObject = {}): JsonObject => ({
  id, payment_type: 'credit_card', current_vault: 'stripe_connect', vault_token: 'XXXXXXXXXXXX1234', masked_card_number: 'XXXX-XXXX-XXXX-4242',
  card_type: 'visa', expiration_month: 11, expiration_year: 2031, ...extra,
});

describe('matchingProfile', () => {
  it('matches a card by masked token tail, last four, type and expiry, taking the lowest id of several', () => {
    expect(matchingProfile([card(7), card(3)], CARD_ROW)?.id).toBe(3);
    // A site that shows the token in full matches on its last four just the same.
    expect(matchingProfile([card(4, { vault_token: 'cus_ABCDEFGH1234' })], CARD_ROW)?.id).toBe(4);
    expect(matchingProfile([card(5, { card_type: 'VISA' })], CARD_ROW)?.id).toBe(5);
  });

  it('refuses a profile that differs in any fact the row carries', () => {
    for (const difference of [
      { vault_token: 'XXXXXXXXXXXX9999' }, { masked_card_number: 'XXXX-XXXX-XXXX-1111' }, { card_type: 'master' },
      { expiration_month: 12 }, { expiration_year: 2030 }, { current_vault: 'braintree_blue' }, { payment_type: 'bank_account' }, { vault_token: null },
    ]) expect(matchingProfile([card(1, difference)], CARD_ROW), JSON.stringify(difference)).toBeUndefined();
    expect(matchingProfile([], CARD_ROW)).toBeUndefined();
  });

  it('leaves out expiry when the row gives none, and matches a token the site masks entirely by its length', () => {
    const { expiration_month: _month, expiration_year: _year, ...noExpiry } = CARD_ROW;
    expect(matchingProfile([card(1, { expiration_month: 1, expiration_year: 2040 })], noExpiry)?.id).toBe(1);
    const shortRow = { ...CARD_ROW, vault_token: '1' };
    expect(matchingProfile([card(2, { vault_token: 'X' })], shortRow)?.id).toBe(2);
    expect(matchingProfile([card(2, { vault_token: '1' })], shortRow)?.id).toBe(2);
    expect(matchingProfile([card(2, { vault_token: 'XX' })], shortRow)).toBeUndefined();
  });

  it('matches a bank account by the last four of its account number when the row gives them, and PayPal by token', () => {
    const bank = { id: 9, payment_type: 'bank_account', current_vault: 'gocardless', vault_token: 'XXXXXX5678', masked_bank_account_number: 'XXXX3344' };
    const bankRow = { payment_type: 'bank_account', current_vault: 'gocardless', vault_token: 'MD00AB5678', last_four: '3344' };
    expect(matchingProfile([bank], bankRow)?.id).toBe(9);
    expect(matchingProfile([bank], { ...bankRow, last_four: '0000' })).toBeUndefined();
    const { last_four: _lastFour, ...bankRowWithoutDigits } = bankRow;
    expect(matchingProfile([bank], bankRowWithoutDigits)?.id).toBe(9);
    const paypal = { id: 11, payment_type: 'paypal_account', current_vault: 'braintree_blue', vault_token: 'XXXXpp77', masked_card_number: '' };
    expect(matchingProfile([paypal], { payment_type: 'paypal_account', current_vault: 'braintree_blue', vault_token: 'B2C3pp77' })?.id).toBe(11);
    expect(matchingProfile([paypal], { payment_type: 'paypal_account', current_vault: 'braintree_blue', vault_token: 'B2C3pp78' })).toBeUndefined();
  });
});
