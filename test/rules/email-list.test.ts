import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('email-list', 'subscriptions-standard', [
  { name: 'up to five addresses', rows: [{ ...R, cc_emails: 'a@x.com, b@x.com,c@x.com,d@x.com,e@x.com' }], expected: [] },
  { name: 'six addresses', rows: [{ ...R, cc_emails: 'a@x.com,b@x.com,c@x.com,d@x.com,e@x.com,f@x.com' }], expected: [{ row: 2, column: 'cc_emails', messageId: 'tooMany' }] },
  { name: 'an invalid address in the list', rows: [{ ...R, cc_emails: 'a@x.com;b@x.com' }], expected: [{ row: 2, column: 'cc_emails', messageId: 'invalid' }] },
]);
void C; void CC;
