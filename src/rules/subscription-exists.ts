// Cross-file: an invoice's sub_reference names a subscription. With subscription files in the run that
// give references, it must be one of theirs (error); without them, the subscription must already be on
// the site, where the import looks it up (a warning, so nobody is surprised by a lookup that fails).
import type { Rule } from './types.js';

export const subscriptionExists: Rule = {
  id: 'subscription-exists',
  docs: 'The subscription reference names a subscription of the subscription files in the run (their subscription_reference); with none in the run, a warning that the subscription must already exist on the site.',
  scope: 'cross-file',
  messages: {
    unknown: '{{column}} "{{value}}" is not a subscription_reference of the subscription files in this run; fix the reference, or add the subscription.',
    notInRun: '{{column}} "{{value}}": no subscription file in this run gives subscription references, so the subscription must already exist on the site (the import looks it up there).',
  },
  check(context) {
    const index = context.index;
    const references = context.references;
    const known = references.has('subscription');
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value === '') return;
        if (!known) context.report(cells, record, { messageId: 'notInRun', severity: 'warning' });
        else if (!references.includes('subscription', value)) context.report(cells, record, { messageId: 'unknown' });
      },
    };
  },
};
