// Cross-file: an EBB segment's metric_id is the metric of the event-based component it belongs to, when
// the components file defines that component ("The id of the metric", "The handle of the EBB
// component" in the document: the two describe one metric; a segment cannot price another one).
import { isNumericId } from './values.js';
import type { Rule } from './types.js';

export const segmentMetric: Rule = {
  id: 'segment-metric',
  docs: "When the components file defines the segment's component, metric_id is that event-based component's metric_id.",
  scope: 'cross-file',
  messages: {
    notEventBased: 'component {{component}} is not an event-based component in the components file: a segment needs one.',
    otherMetric: '{{column}} {{value}} is not the metric of event-based component {{component}} in the components file; use its metric_id.',
  },
  check(context) {
    const references = context.references;
    const componentIndex = context.indexOf(String(context.options.componentColumn ?? 'component_handle'));
    const index = context.index;
    if (!references.has('component-metric') || componentIndex < 0) return {};
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        const component = (cells[componentIndex] ?? '').trim();
        // A numeric component is a site id (checked at import); an unknown handle is catalog-reference's finding.
        if (value === '' || component === '' || isNumericId(component) || !references.includes('component', component)) return;
        if (references.includes('component-metric', value, component)) return;
        const messageId = references.includes('component-event-based', component) ? 'otherMetric' : 'notEventBased';
        context.report(cells, record, { messageId, data: { component } });
      },
    };
  },
};
