// Every message the ChartMogul emulator answers with, in one place: ChartMogul's own wording where its
// recorded answers, its API reference or its official clients give it (the "already exists" and "Has
// already been taken." texts are those chartmogul-go tests for; cited in docs/sandbox-chartmogul.md).

export const cmMessages = {
  noApiKey: 'No valid API key provided',
  rateLimited: 'Your request rate has exceeded our rate limit.',
  tooManyParallel: 'Too many parallel requests.',
  notFound: 'The requested resource could not be found.',
  dataSourceNotFound: 'Data source not found',
  dataSourceNameRequired: 'A name is required for each data source.',
  dataSourceNameTaken: 'Has already been taken.',
  customerNotFound: (uuid: string) => `Customer not found: ${uuid}`,
  customerExternalIdTaken: 'The external ID for this customer already exists in our system.',
  required: (field: string) => `${field} is required.`,
  noCustomersWithEmail: (email: string) => `Can't find any customers with email: "${email}"`,
  planNotFound: 'Plan not found',
  planExternalIdTaken: 'A plan with this identifier already exists in our system.',
  badIntervalUnit: 'The interval unit must be one of day, month or year.',
  badIntervalCount: 'The interval count must be a positive integer.',
  invoiceNotFound: 'Invoice not found',
  transactionExternalIdTaken: 'has already been taken',
  subscriptionNotFound: 'Subscription not found',
  badCancellationDates: 'cancellation_dates must be a list of dates (or cancelled_at a date).',
  invoiceExternalIdTaken: 'The external ID for this invoice already exists in our system.',
  badCursor: 'The cursor is not valid.',
  badPerPage: 'per_page must be an integer from 1 to 200.',
  internalError: 'Internal Server Error',
  stateNotSaved: (code: string) => `The emulator could not save the change to its data folder (${code}); nothing was kept, so the request can be sent again.`,
  bodyTooLarge: 'The request body is larger than 10 MB.',
} as const;
