// A postal address from a row's address columns: `shipping_address`, `shipping_address_2`,
// `shipping_city`… for a customer, `billing_address`… for a payment profile.
import type { SourceRow } from '../operation.js';
import { cell } from './cells.js';

export type AddressFields = {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
};

/** The non-blank address cells under `prefix`, or undefined when the row has none. */
export function addressOf(row: SourceRow, prefix: string): AddressFields | undefined {
  const address: AddressFields = {};
  const parts = {
    line1: cell(row, `${prefix}address`),
    line2: cell(row, `${prefix}address_2`),
    city: cell(row, `${prefix}city`),
    state: cell(row, `${prefix}state`),
    zip: cell(row, `${prefix}zip`),
    country: cell(row, `${prefix}country`),
  };
  for (const [name, value] of Object.entries(parts) as Array<[keyof AddressFields, string | undefined]>) if (value !== undefined) address[name] = value;
  return Object.keys(address).length > 0 ? address : undefined;
}
