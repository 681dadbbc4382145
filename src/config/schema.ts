// The shape of a configuration file (zod, strict): every key the toolkit reads, with the checks that
// keep secrets out of the file and site addresses safe. Messages are written for the person editing it.
import { z } from 'zod';
import { parseIsoDate } from '../dates/calendar-date.js';
import { isValidTimeZone } from '../dates/time-zone.js';
import { isLoopbackHost } from '../net/loopback.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const SITE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const baseUrl = z.string().superRefine((text, context) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be an absolute URL such as https://acme.chargify.com or http://127.0.0.1:4010' });
    return;
  }
  if (url.username !== '' || url.password !== '') {
    context.addIssue({ code: 'custom', message: 'must not contain credentials; name the API key\'s environment variable in apiKeyEnv' });
  } else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    context.addIssue({ code: 'custom', message: `uses http:// for ${url.hostname}, which would send the API key unencrypted; use https:// (http:// is allowed only for 127.0.0.1, localhost or ::1)` });
  } else if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    context.addIssue({ code: 'custom', message: `must be an https:// URL, not ${url.protocol}` });
  } else if (url.search !== '' || url.hash !== '') {
    context.addIssue({ code: 'custom', message: 'must not have a query string or fragment' });
  }
});

/** The billing systems a site can be; `src/targets/index.ts` has one adapter per name. */
export const SYSTEMS = ['advanced-billing', 'chartmogul'] as const;
export type TargetSystem = (typeof SYSTEMS)[number];

const site = z
  .strictObject({
    system: z.enum(SYSTEMS, { message: `must be one of ${SYSTEMS.join(', ')}` }).optional(),
    subdomain: z.string().regex(SUBDOMAIN, 'must be the site\'s subdomain alone, e.g. acme for https://acme.chargify.com').optional(),
    baseUrl: baseUrl.optional(),
    apiKeyEnv: z.string().regex(ENV_NAME, 'must be the name of an environment variable, e.g. CHARGIFY_TEST_API_KEY').optional(),
    mode: z.enum(['test', 'live'], { message: 'must be test or live' }).optional(),
    dataSource: z.string().trim().min(1, 'must name a data source').max(200, 'must be at most 200 characters').optional(),
  })
  .superRefine((value, context) => {
    if (value.system === 'chartmogul') {
      // ChartMogul has one address for every account (its API root unless baseUrl says otherwise) and no subdomain.
      if (value.subdomain !== undefined) context.addIssue({ code: 'custom', path: ['subdomain'], message: 'is not used by a chartmogul site: give baseUrl, or nothing for ChartMogul\'s own API' });
    } else if (value.dataSource !== undefined) {
      context.addIssue({ code: 'custom', path: ['dataSource'], message: 'belongs to a chartmogul site (system: chartmogul)' });
    } else if ((value.subdomain === undefined) === (value.baseUrl === undefined)) {
      context.addIssue({ code: 'custom', message: 'needs exactly one of subdomain and baseUrl' });
    }
  });

/** js-yaml turns an unquoted 2026-11-23 into a Date at UTC midnight; take it back as the date it was. */
const asOf = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) && value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value),
  z.string({ message: 'must be a date YYYY-MM-DD' }).refine((text) => parseIsoDate(text) !== undefined, 'must be a real calendar date YYYY-MM-DD'),
);

export const configSchema = z.strictObject({
  sites: z
    .record(z.string().regex(SITE_NAME, 'site names use letters, digits, - and _'), site)
    .optional(),
  stateDir: z.string().min(1, 'must not be empty').optional(),
  outDir: z.string().min(1, 'must not be empty').optional(),
  asOf: asOf.optional(),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York').optional(),
  concurrency: z.number({ message: 'must be a whole number 1 to 4' }).int('must be a whole number 1 to 4').min(1, 'must be 1 to 4').max(4, 'must be at most 4: the site refuses more concurrent requests').optional(),
  timeoutSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(3600, 'must be at most 3600').optional(),
  retries: z.number({ message: 'must be a whole number 0 to 20' }).int('must be a whole number 0 to 20').min(0, 'must be 0 or more').max(20, 'must be at most 20').optional(),
  retryAfterMaxSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(3600, 'must be at most 3600').optional(),
  retryWaitTotalSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(86400, 'must be at most 86400 (a day)').optional(),
  maxAnswerMegabytes: z.number({ message: 'must be a number of megabytes (MiB)' }).positive('must be more than 0').max(1024, 'must be at most 1024').optional(),
  canary: z.number({ message: 'must be a whole number of rows' }).int('must be a whole number of rows').min(0, 'must be 0 or more').optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
export type SiteConfig = z.infer<typeof site>;
