import { ruleTable } from './helpers.js';

const SEGMENT = { component_name: 'Calls', metric_id: '1', component_handle: 'calls', pricepoint_handle: 'pp', property_1: 'eu' };
const b = (n: number, start: string, end: string, price: string) => ({ [`starting_quantity_${n}`]: start, [`ending_quantity_${n}`]: end, [`price_${n}`]: price });
ruleTable('pricing-brackets', 'ebb-segments', [
  { name: 'contiguous ascending brackets, last one open', rows: [{ ...SEGMENT, pricing_scheme: 'tiered', ...b(1, '1', '10', '5'), ...b(2, '11', '50', '4'), ...b(3, '51', '', '3') }], expected: [] },
  { name: 'per_unit needs no brackets', rows: [{ ...SEGMENT, pricing_scheme: 'per_unit', per_unit_price: '1' }], expected: [] },
  { name: 'no brackets at all', rows: [{ ...SEGMENT, pricing_scheme: 'volume' }], expected: [{ row: 2, column: 'starting_quantity_1', messageId: 'noBrackets' }] },
  { name: 'a gap between brackets', rows: [{ ...SEGMENT, pricing_scheme: 'stairstep', ...b(1, '1', '10', '5'), ...b(2, '12', '', '4') }], expected: [{ row: 2, column: 'starting_quantity_2', messageId: 'notContiguous' }] },
  { name: 'descending bracket', rows: [{ ...SEGMENT, pricing_scheme: 'tiered', ...b(1, '10', '5', '5') }], expected: [{ row: 2, column: 'ending_quantity_1', messageId: 'endBeforeStart' }] },
  { name: 'open end before the last bracket, missing price', rows: [{ ...SEGMENT, pricing_scheme: 'tiered', ...b(1, '1', '', '5'), ...b(2, '11', '', '') }], expected: [{ row: 2, column: 'ending_quantity_1', messageId: 'openEndNotLast' }] },
  { name: 'missing price', rows: [{ ...SEGMENT, pricing_scheme: 'tiered', ...b(1, '1', '', '') }], expected: [{ row: 2, column: 'price_1', messageId: 'missing' }] },
  { name: 'not a number', rows: [{ ...SEGMENT, pricing_scheme: 'tiered', ...b(1, 'one', '', '5') }], expected: [{ row: 2, column: 'starting_quantity_1', messageId: 'notNumber' }] },
]);
const COMPONENT = { component_name: 'Prepaid', component_type: 'prepaid_usage', attach_to: 'p', pricing_scheme: 'per_unit', per_unit_price: '1', auto_renew_units: 'TRUE', allow_rollover: 'FALSE' };
ruleTable('pricing-brackets', 'components', [
  { name: 'overage brackets', rows: [{ ...COMPONENT, overage_pricing_scheme: 'volume', overage_starting_quantity_1: '1', overage_ending_quantity_1: '10', overage_price_1: '2', overage_starting_quantity_2: '20', overage_price_2: '1' }], expected: [{ row: 2, column: 'overage_starting_quantity_2', messageId: 'notContiguous' }] },
]);
