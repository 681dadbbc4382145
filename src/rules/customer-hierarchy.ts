// Customer hierarchies in the customers file: has_parent and parent_reference agree, the parent exists,
// types fit (a child under a parent, a parent under a grandparent; normal and grandparent customers
// have no parent) and no chain of parents loops back on itself.
import type { RowRef, Rule } from './types.js';

interface Customer {
  at: RowRef;
  type: string;
  hasParent: string;
  parent: string;
}

const PARENT_TYPE: Record<string, string> = { child: 'parent', parent: 'grandparent' };

export const customerHierarchy: Rule = {
  id: 'customer-hierarchy',
  docs: 'parent_reference names a customer of the file whose type fits (child→parent→grandparent), without cycles.',
  scope: 'file',
  messages: {
    parentMissing: '{{column}} "{{value}}" is not a customer in this file; add the parent customer or fix the reference.',
    wrongParentType: 'A {{type}} customer must have a {{expected}} as parent, but "{{value}}" is a {{actual}}.',
    noParentAllowed: 'A {{type}} customer cannot have a parent; set has_parent to FALSE and clear parent_reference.',
    childNeedsParent: 'A child customer needs a parent: set has_parent to TRUE and parent_reference to the parent customer.',
    referenceWithoutFlag: 'parent_reference is "{{value}}" but has_parent is not TRUE; set has_parent to TRUE or clear parent_reference.',
    cycle: 'The parents of "{{key}}" loop back to it ({{chain}}); a customer cannot be its own ancestor.',
  },
  check(context) {
    const idx = {
      reference: context.indexOf('import_identifier_customer_reference'),
      type: context.indexOf('customer_type'),
      hasParent: context.indexOf('has_parent'),
      parent: context.indexOf('parent_reference'),
    };
    // Every customer's type by reference (first occurrence; duplicates are the unique rule's job), and
    // the rows that take part in a hierarchy, which are the only ones checked in detail.
    const typeOf = new Map<string, string>();
    const linked: Customer[] = [];
    const referenceAt = new Map<Customer, string>();
    const cell = (cells: readonly string[], index: number): string => (index < 0 ? '' : (cells[index] ?? '').trim());
    return {
      row(cells, record) {
        const reference = cell(cells, idx.reference);
        const type = cell(cells, idx.type);
        if (reference !== '' && !typeOf.has(reference)) typeOf.set(reference, type);
        const hasParent = cell(cells, idx.hasParent);
        const parent = cell(cells, idx.parent);
        if (hasParent !== 'TRUE' && parent === '' && type !== 'child') return;
        const customer: Customer = { at: context.rowRef(cells, record), type, hasParent, parent };
        linked.push(customer);
        referenceAt.set(customer, reference);
      },
      end() {
        const parentOf = new Map<string, string>();
        for (const customer of linked) {
          const { at, type, hasParent, parent } = customer;
          if (type === 'normal' || type === 'grandparent') {
            const flagged = hasParent === 'TRUE';
            context.reportAt(at, {
              messageId: 'noParentAllowed',
              column: flagged ? 'has_parent' : 'parent_reference',
              value: flagged ? hasParent : parent,
              data: { type },
            });
            continue;
          }
          if (hasParent !== 'TRUE') {
            if (parent !== '') context.reportAt(at, { messageId: 'referenceWithoutFlag', column: 'has_parent', value: parent });
            else context.reportAt(at, { messageId: 'childNeedsParent', column: 'has_parent', value: hasParent });
            continue;
          }
          if (parent === '') continue;
          const actual = typeOf.get(parent);
          if (actual === undefined) {
            context.reportAt(at, { messageId: 'parentMissing', column: 'parent_reference', value: parent });
            continue;
          }
          const reference = referenceAt.get(customer) ?? '';
          if (reference !== '' && !parentOf.has(reference)) parentOf.set(reference, parent);
          const expected = PARENT_TYPE[type];
          if (expected !== undefined && actual !== expected)
            context.reportAt(at, {
              messageId: 'wrongParentType',
              column: 'parent_reference',
              value: parent,
              data: { type, expected, actual: actual || 'customer without a type' },
            });
        }
        for (const customer of linked) {
          const start = referenceAt.get(customer) ?? '';
          if (start === '' || !parentOf.has(start)) continue;
          const chain = [start];
          let current = parentOf.get(start);
          while (current !== undefined && current !== start && !chain.includes(current)) {
            chain.push(current);
            current = parentOf.get(current);
          }
          if (current === start)
            context.reportAt(customer.at, {
              messageId: 'cycle',
              column: 'parent_reference',
              value: customer.parent,
              data: { key: start, chain: [...chain, start].join(' → ') },
            });
        }
      },
    };
  },
};
