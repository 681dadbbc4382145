// "Catalog - EBB Segments": event-based billing segments of an existing component price point.
import { BRACKET_SCHEMES, bracketColumns, bracketGroup, column, is, present, statusColumns, use } from './columns.js';
import type { TemplateDefinition } from './types.js';

export const ebbSegments: TemplateDefinition = {
  kind: 'ebb-segments',
  title: 'Catalog - EBB Segments',
  description: 'Segments (property-based prices) of event-based component price points.',
  columns: [
    ...statusColumns,
    column('component_name', 'required', 'The name of the component; a value enables validation.'),
    column('metric_id', 'required', "The id of the metric: the event-based component's own metric_id.", [use.integer(1), { rule: 'segment-metric' }]),
    column('component_handle', 'required', 'The handle of the event-based component.', [use.noSpaces, use.catalog('component')]),
    column('pricepoint_handle', 'required', 'The handle of the component price point the segment belongs to.', [
      use.noSpaces,
      use.catalog('component-price-point', 'component_handle'),
    ]),
    column('property_1', 'required', "The segment's first property."),
    column('property_2', 'optional', "The segment's second property."),
    column('property_3', 'optional', "The segment's third property."),
    column('property_4', 'optional', "The segment's fourth property."),
    column('pricing_scheme', 'required', 'per_unit, volume, tiered or stairstep.', [use.allowed(...BRACKET_SCHEMES)]),
    column('per_unit_price', 'conditional', 'The unit price, for per_unit pricing.', [use.requiredIf(is('pricing_scheme', 'per_unit')), use.decimal]),
    ...bracketColumns(''),
  ],
  groups: [bracketGroup('')],
  customFieldPrefixes: [],
  enabledWhen: [present('component_name')],
  sections: [],
  keyColumns: ['component_handle'],
  rowRules: [{ rule: 'pricing-brackets' }],
  provides: [],
};
