// "Catalog - Components": components and their price points (per_unit, volume, tiered, stairstep,
// on/off), including prepaid usage with overage pricing.
import { MAX_INTERVAL } from '../dates/index.js';
import { BRACKET_SCHEMES, bracketColumns, bracketGroup, column, inSection, is, notImportable, present, statusColumns, use } from './columns.js';
import type { ColumnDefinition, TemplateDefinition } from './types.js';

const COMPONENT_TYPES = ['quantity_recurring', 'quantity_onetime', 'metered', 'on_off', 'event_based', 'prepaid_usage'];
const prepaid = is('component_type', 'prepaid_usage');
/**
 * Prepaid settings and overage pricing on a row whose component is of another kind: only the prepaid
 * usage create schema (and a prepaid component's price points) has them. A price point row is judged by
 * its component's component_type (`parentRow`); a blank one (its component not in the run) is not.
 */
const prepaidOnly = (definition: ColumnDefinition): ColumnDefinition =>
  notImportable(definition, {
    why: 'only a prepaid_usage component has prepaid settings and overage pricing (the other kinds\' create schemas have no such field, and their price points are not prepaid)',
    byHand: 'nothing can be set: the component is not prepaid; leave these cells blank on its rows, or make the component prepaid_usage',
    appliesWhen: [{ column: 'component_type', isNot: ['prepaid_usage', ''] }],
  });

export const components: TemplateDefinition = {
  kind: 'components',
  title: 'Catalog - Components',
  description: 'Components and component price points, with bracket and prepaid/overage pricing.',
  columns: [
    ...statusColumns,
    ...inSection('component', [
      column('component_name', 'required', 'The name of the component; a value enables validation.'),
      column('component_type', 'required', COMPONENT_TYPES.join(', ') + '.', [use.allowed(...COMPONENT_TYPES)]),
      column('description', 'optional', 'The description of the component.'),
      notImportable(column('unit_name', 'required', 'The unit name, singular (message).'), {
        why: 'the on/off component create schema has no unit_name field (an on/off component is on or off, counted in no unit)',
        byHand: 'nothing can be set: an on/off component shows no unit name; leave the cell blank for on_off rows',
        appliesWhen: [is('component_type', 'on_off')],
      }),
      column('product_family_id', 'required', 'The ID (or handle) of the product family.', [use.noSpaces, use.catalog('product-family')]),
      column('metric_id', 'conditional', 'Required if component_type is event_based.', [use.requiredIf(is('component_type', 'event_based'))]),
      column('taxable', 'required', 'TRUE or FALSE.', [use.trueFalse]),
      column('tax_code', 'conditional', 'Required if taxable is TRUE.', [use.requiredIf(is('taxable', 'TRUE'))]),
      notImportable(column('allow_fractional_quantities', 'required', 'TRUE or FALSE.', [use.trueFalse]), {
        why: 'the event-based component create schema has no allow_fractional_quantities field',
        byHand: 'set "Allow fractional quantities" by hand on each event-based component listed',
        siteDefault: 'FALSE',
        appliesWhen: [is('component_type', 'event_based')],
      }),
      column('hide_date_range_on_invoice', 'required', 'TRUE or FALSE.', [use.trueFalse]),
      // Checked against every request schema of the spec: no operation has a field for it.
      notImportable(column('allow_billing_portal_updates', 'required', 'TRUE or FALSE.', [use.trueFalse]), {
        why: 'no API operation sets it: no component request schema (create, update, price points) has such a field',
        byHand: 'set by hand, on each component listed, whether customers may change its quantity in the Billing Portal',
        // The document: "This field is ignored for metered components and event based components".
        appliesWhen: [{ column: 'component_type', isNot: ['metered', 'event_based'] }],
      }),
      column('upgrade_charge', 'optional', 'full, prorated or none; blank for the site default.', [use.allowed('full', 'prorated', 'none')]),
      column('downgrade_credit', 'optional', 'full, prorated or none; blank for the site default.', [use.allowed('full', 'prorated', 'none')]),
      column('handle', 'required', 'The API handle of the component, e.g. premium-licenses.', [use.noSpaces, use.handle, use.uniqueAcrossFiles('component')]),
    ]),
    ...inSection('price-point', [
      column('attach_to', 'required', 'The handle of the component this price point attaches to.', [use.noSpaces]),
      column('price_point_name', 'required', 'The name of the price point.'),
      column('price_point_handle', 'required', 'The price point handle; starts with a letter.', [
        use.noSpaces,
        use.handle,
        use.uniqueWithin('attach_to'),
      ]),
      column('pricing_scheme', 'conditional', 'per_unit, volume, tiered or stairstep; blank for an on/off price point.', [
        use.requiredIf({ column: 'component_type', isNot: ['on_off'] }),
        use.allowed(...BRACKET_SCHEMES),
      ]),
      column('per_unit_price', 'conditional', 'The unit price, for per_unit pricing or an on/off component.', [
        use.requiredIf(is('pricing_scheme', 'per_unit'), is('component_type', 'on_off')),
        use.decimal,
      ]),
      ...bracketColumns('', 'price-point'),
      prepaidOnly(column('auto_renew_units', 'conditional', 'Prepaid: units replenish each cycle (TRUE/FALSE).', [use.requiredIf(prepaid), use.trueFalse])),
      prepaidOnly(column('allow_rollover', 'conditional', 'Prepaid: unused units roll over (TRUE/FALSE).', [use.requiredIf(prepaid), use.trueFalse])),
      prepaidOnly(column('expire_after', 'optional', `Prepaid: units expire after this many months or days, 1 to ${MAX_INTERVAL}.`, [use.integer(1, MAX_INTERVAL)])),
      prepaidOnly(column('month_or_day', 'conditional', 'month or day; required with expire_after.', [
        use.requiredIf(present('expire_after')),
        use.allowed('month', 'day'),
      ])),
      prepaidOnly(column('overage_pricing_scheme', 'conditional', 'Prepaid: per_unit, volume, tiered or stairstep.', [
        use.requiredIf(prepaid),
        use.allowed(...BRACKET_SCHEMES),
      ])),
      prepaidOnly(column('overage_per_unit_price', 'conditional', 'Prepaid: overage unit price for per_unit.', [
        use.requiredIf(is('overage_pricing_scheme', 'per_unit')),
        use.decimal,
      ])),
      ...bracketColumns('overage_', 'price-point').map(prepaidOnly),
    ]),
  ],
  groups: [bracketGroup(''), bracketGroup('overage_')],
  customFieldPrefixes: [],
  enabledWhen: [present('component_name'), present('attach_to')],
  sections: [
    { id: 'component', description: 'Component fields, validated when component_name has a value.', enabledWhen: [present('component_name')] },
    {
      id: 'price-point',
      description: 'Price point fields, validated on component rows and on rows that attach a price point.',
      enabledWhen: [present('component_name'), present('attach_to')],
    },
  ],
  keyColumns: ['handle', 'price_point_handle'],
  parentRow: { column: 'attach_to', key: 'handle', inherits: ['component_type'] },
  rowRules: [
    {
      rule: 'attach-to',
      options: { column: 'attach_to', target: 'handle', targetWhen: [present('component_name')], sourceWhen: [present('attach_to')], external: 'component' },
    },
    { rule: 'pricing-brackets', section: 'price-point' },
    { rule: 'pricing-brackets', options: { prefix: 'overage_' }, section: 'price-point' },
  ],
  provides: [
    { set: 'component', column: 'handle', section: 'component' },
    { set: 'component-price-point', column: 'price_point_handle', parentColumns: ['attach_to', 'handle'], section: 'price-point' },
    { set: 'component-event-based', column: 'handle', section: 'component', when: [is('component_type', 'event_based')] },
    { set: 'component-metric', column: 'metric_id', parentColumns: ['handle'], section: 'component', when: [is('component_type', 'event_based')] },
  ],
};
