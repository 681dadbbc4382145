import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('iso-state', 'subscriptions-standard', [
  { name: 'capital 2-letter codes', rows: [{ ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'US', shipping_state: 'CA' }], expected: [] },
  { name: 'US and Canadian codes must be a state or province of the country', rows: [{ ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'US', shipping_state: 'ZZ' }, { ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'CA', shipping_state: 'TX' }, { ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'US', shipping_state: 'AE' }, { ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'CA', shipping_state: 'ON' }, { ...R, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'GB', shipping_state: 'ZZ' }], expected: [{ row: 2, column: 'shipping_state', messageId: 'notInCountry' }, { row: 3, column: 'shipping_state', messageId: 'notInCountry' }] },
  { name: 'names and lower case', rows: [{ ...R, shipping_state: 'California' }, { ...R, ...CC, billing_state: 'ny' }], expected: [{ row: 2, column: 'shipping_state' }, { row: 3, column: 'billing_state' }] },
]);
ruleTable('iso-state', 'customers-advanced', [
  { name: "the country's ISO 3166-2 code where it is not 2 letters", rows: [{ ...C, shipping_address: 'a', shipping_city: 'Lyon', shipping_zip: '69002', shipping_country: 'FR', shipping_state: 'ARA' }], expected: [] },
  { name: 'but not a code of another country, nor without a country', rows: [{ ...C, shipping_address: 'a', shipping_city: 'b', shipping_zip: 'c', shipping_country: 'US', shipping_state: 'ARA' }, { ...C, shipping_state: 'ARA' }], expected: [{ row: 2, column: 'shipping_state' }, { row: 3, column: 'shipping_state' }] },
]);
