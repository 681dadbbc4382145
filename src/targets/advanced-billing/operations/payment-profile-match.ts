// Recognises, among a customer's payment profiles on the site, the one a template row describes: how a
// re-run (or a reconcile after a crash) sees a profile an earlier run created, with no key to look it up by.
import type { JsonObject } from '../api.js';
import { objectId } from './ids.js';

/**
 * The customer's profile that matches the row's Create-Payment-Profile attributes, the lowest id when
 * several do. A profile matches when every fact the row carries agrees with what the site shows:
 * - payment type, and the vault (`current_vault`);
 * - the vault token's last four characters (never more of it: the site may mask the rest, and a full
 *   token is a secret never compared or kept). A token the site masks entirely (4 characters or fewer)
 *   matches one of the same length;
 * - a card's last four (of `masked_card_number`), card type and, when the row gives them, expiry month and year;
 * - a bank account's last four (of `masked_bank_account_number`) when the row gives them.
 */
export function matchingProfile(profiles: readonly JsonObject[], attrs: JsonObject): JsonObject | undefined {
  return profiles
    .filter((profile) => sameProfile(profile, attrs))
    .sort((a, b) => objectId(a) - objectId(b))[0];
}

function sameProfile(profile: JsonObject, attrs: JsonObject): boolean {
  const type = attrs.payment_type;
  if ((profile.payment_type ?? 'credit_card') !== type) return false;
  if (typeof profile.current_vault === 'string' && profile.current_vault !== attrs.current_vault) return false;
  if (!sameTokenTail(profile.vault_token, attrs.vault_token)) return false;
  if (type === 'credit_card') {
    return (
      endsWith(profile.masked_card_number, attrs.last_four) &&
      sameText(profile.card_type, attrs.card_type) &&
      sameNumber(profile.expiration_month, attrs.expiration_month) &&
      sameNumber(profile.expiration_year, attrs.expiration_year)
    );
  }
  if (type === 'bank_account') return endsWith(profile.masked_bank_account_number, attrs.last_four);
  return true;
}

function sameTokenTail(shown: JsonObject[string] | undefined, token: JsonObject[string] | undefined): boolean {
  if (typeof shown !== 'string' || typeof token !== 'string') return false;
  const tail = (value: string): string => value.slice(-4);
  if (tail(shown) === tail(token)) return true;
  return shown.length === token.length && /^X+$/.test(tail(shown));
}

/** True when the row gives no such fact, or the site's masked value ends with it. */
function endsWith(masked: JsonObject[string] | undefined, lastFour: JsonObject[string] | undefined): boolean {
  if (lastFour === undefined) return true;
  return typeof masked === 'string' && masked.endsWith(String(lastFour));
}

function sameText(shown: JsonObject[string] | undefined, given: JsonObject[string] | undefined): boolean {
  if (given === undefined) return true;
  return typeof shown === 'string' && shown.toLowerCase() === String(given).toLowerCase();
}

function sameNumber(shown: JsonObject[string] | undefined, given: JsonObject[string] | undefined): boolean {
  if (given === undefined) return true;
  return shown !== undefined && shown !== null && Number(shown) === Number(given);
}
