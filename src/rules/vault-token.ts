// Vault token formats per gateway (current_vault): stripe_connect cus_…, bluesnap {last 4}|{card type}|{integer},
// braintree_blue all digits, any other gateway non-blank without spaces.
import type { Rule } from './types.js';

const FORMATS: Record<string, { pattern: RegExp; messageId: string }> = {
  stripe_connect: { pattern: /^cus_[A-Za-z0-9]+$/, messageId: 'stripe' },
  bluesnap: { pattern: /^\d{4}\|[A-Za-z_]+\|\d+$/, messageId: 'bluesnap' },
  braintree_blue: { pattern: /^\d+$/, messageId: 'digits' },
};
const NO_SPACES = /^\S+$/;

export const vaultToken: Rule = {
  id: 'vault-token',
  docs: 'The vault token fits its gateway: stripe_connect cus_…, bluesnap last4|type|number, braintree_blue digits, others no spaces.',
  scope: 'row',
  messages: {
    stripe: '{{column}} for stripe_connect must begin with cus_ followed by letters or numbers, not "{{value}}".',
    bluesnap: '{{column}} for bluesnap must follow {last 4}|{card type}|{integer}, not "{{value}}".',
    digits: '{{column}} for {{vault}} must be all numbers, not "{{value}}".',
    spaces: '{{column}} cannot contain spaces ("{{value}}").',
  },
  check(context) {
    const index = context.index;
    const vaultIndex = context.indexOf((context.options.vaultColumn as string | undefined) ?? 'current_vault');
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value.trim() === '') return;
        const vault = vaultIndex < 0 ? '' : (cells[vaultIndex] ?? '').trim();
        const format = FORMATS[vault];
        if (format) {
          if (!format.pattern.test(value)) context.report(cells, record, { messageId: format.messageId, data: { vault } });
        } else if (!NO_SPACES.test(value)) context.report(cells, record, { messageId: 'spaces' });
      },
    };
  },
};
