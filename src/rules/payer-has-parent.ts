// Cross-file: a subscription paid by the `parent` or the `eldest` ancestor belongs to a customer that
// has a parent in the customers file (has_parent TRUE); "If not using hierarchies, always set to 'self'".
import type { Rule } from './types.js';

const HIERARCHY_PAYERS = new Set(['parent', 'eldest']);

export const payerHasParent: Rule = {
  id: 'payer-has-parent',
  docs: 'When a customers file is given, who_pays parent or eldest needs a customer with a parent there.',
  scope: 'cross-file',
  messages: {
    noParent:
      '{{column}} is {{value}} but customer "{{customer}}" has no parent in the customers file; set who_pays to self or give the customer a parent.',
  },
  check(context) {
    const references = context.references;
    if (!references.has('customer')) return {};
    const index = context.index;
    const customerIndex = context.indexOf('import_identifier_customer_reference');
    return {
      row(cells, record) {
        const payer = (cells[index] ?? '').trim();
        if (!HIERARCHY_PAYERS.has(payer) || customerIndex < 0) return;
        const customer = (cells[customerIndex] ?? '').trim();
        // An unknown customer is the customer-exists rule's finding.
        if (customer === '' || !references.includes('customer', customer)) return;
        if (!references.includes('customer-with-parent', customer))
          context.report(cells, record, { messageId: 'noParent', data: { customer } });
      },
    };
  },
};
