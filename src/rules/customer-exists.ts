// Cross-file: an advanced subscription's customer reference names a customer of the customers file.
import type { Rule } from './types.js';

export const customerExists: Rule = {
  id: 'customer-exists',
  docs: 'When a customers file is given, the customer reference names one of its customers.',
  scope: 'cross-file',
  messages: {
    unknown: '{{column}} "{{value}}" is not a customer in the customers file; add the customer or fix the reference.',
  },
  check(context) {
    const index = context.index;
    const references = context.references;
    if (!references.has('customer')) return {};
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value !== '' && !references.includes('customer', value)) context.report(cells, record, { messageId: 'unknown' });
      },
    };
  },
};
