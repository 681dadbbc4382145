// How erase --scope data-source tells people's work on a ChartMogul customer from the toolkit's: against
// the cells the journal says the toolkit applied (a customers-advanced row, a standard subscription row).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/targets/chartmogul/api.js';
import { manualWorkOf, sentCustomers } from '../../../src/targets/chartmogul/site-contents.js';

const advanced = {
  type: 'customer',
  key: 'globex',
  kind: 'customers-advanced',
  applied: { organization_name: 'Globex', import_identifier_customer_reference: 'globex', first_name: 'Dana', last_name: 'Diaz', email: 'dana@globex.example', shipping_city: 'Springfield', shipping_country: 'US', 'custom_field[Region]': 'EMEA' },
};
const standard = {
  type: 'subscription',
  key: 'ann@example.com/basic',
  kind: 'subscriptions-standard',
  applied: { first_name: 'Ann', last_name: 'Lee', email: 'Ann@Example.com', product_handle: 'basic' },
};

/** The customer as ChartMogul answers it after the import, with `changes` on top. */
function globex(changes: JsonObject = {}): JsonObject {
  return {
    external_id: 'globex',
    external_ids: ['globex'],
    name: 'Globex',
    email: 'dana@globex.example',
    company: 'Globex',
    city: 'Springfield',
    state: null,
    zip: null,
    country: 'US',
    attributes: { tags: [], custom: { Region: 'EMEA' } },
    ...changes,
  };
}

describe('what people did on a ChartMogul customer', () => {
  const sent = sentCustomers([advanced, standard, { type: 'product_price_point', key: 'basic/monthly', kind: 'products', applied: {} }]);

  it('knows the customers the toolkit created, a standard row\'s by its lower-cased email', () => {
    expect([...sent.keys()]).toEqual(['globex', 'ann@example.com']);
  });

  it.each([
    { case: 'as imported', customer: globex(), work: [] },
    { case: 'a tag', customer: globex({ attributes: { tags: ['vip'], custom: { Region: 'EMEA' } } }), work: ['tagged'] },
    { case: 'an attribute the toolkit did not set', customer: globex({ attributes: { tags: [], custom: { Region: 'EMEA', Channel: 'partner' } } }), work: ['attributed'] },
    { case: 'the toolkit\'s attribute changed', customer: globex({ attributes: { tags: [], custom: { Region: 'APAC' } } }), work: ['attributed'] },
    { case: 'a merge', customer: globex({ external_ids: ['globex', 'std-002'] }), work: ['merged'] },
    { case: 'renamed', customer: globex({ name: 'Globex Corp' }), work: ['edited'] },
    { case: 'a field the toolkit left blank now filled', customer: globex({ zip: '12345' }), work: ['edited'] },
    { case: 'blank answered as empty text', customer: globex({ state: '' }), work: [] },
  ])('$case: $work', ({ customer, work }) => {
    expect(manualWorkOf(customer, sent.get('globex'))).toEqual(work);
  });

  it('measures a customer the toolkit did not create by tags, attributes and merges only', () => {
    expect(manualWorkOf(globex({ name: 'Anything' }), undefined)).toEqual(['attributed']);
  });
});
