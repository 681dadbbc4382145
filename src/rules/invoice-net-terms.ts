// An invoice's net_terms is due_date minus issue_date in days; the due date cannot precede the issue date.
import { daysBetween, parseIsoDate } from '../dates/index.js';
import type { Rule } from './types.js';

export const invoiceNetTerms: Rule = {
  id: 'invoice-net-terms',
  docs: 'net_terms equals due_date minus issue_date (the toolkit computes it when blank); due_date is not before issue_date.',
  scope: 'row',
  messages: {
    dueBeforeIssue: '{{column}} ({{value}}) is before issue_date ({{issueDate}}); an invoice cannot fall due before it is issued.',
    mismatch: '{{column}} is {{value}} but due_date minus issue_date is {{expected}} days; correct it or leave it blank to have it computed.',
  },
  check(context) {
    const issue = context.indexOf('issue_date');
    const due = context.indexOf('due_date');
    const netTerms = context.indexOf('net_terms');
    return {
      row(cells, record) {
        if (issue < 0 || due < 0) return;
        const issueDate = (cells[issue] ?? '').trim();
        const issueDay = parseIsoDate(issueDate);
        const dueDay = parseIsoDate((cells[due] ?? '').trim());
        if (issueDay === undefined || dueDay === undefined) return;
        const days = daysBetween(issueDay, dueDay);
        if (days < 0) {
          context.report(cells, record, { messageId: 'dueBeforeIssue', column: 'due_date', value: cells[due] ?? '', data: { issueDate } });
          return;
        }
        const given = netTerms < 0 ? '' : (cells[netTerms] ?? '').trim();
        if (given !== '' && Number(given) !== days)
          context.report(cells, record, { messageId: 'mismatch', column: 'net_terms', value: given, data: { expected: days } });
      },
    };
  },
};
