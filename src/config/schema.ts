// The shape of a configuration file (zod, strict): every key the toolkit reads, with the checks that
// keep secrets out of the file and site addresses safe. Messages are written for the person editing it.
import { z } from 'zod';
import { parseIsoDate } from '../dates/calendar-date.js';
import { isValidTimeZone } from '../dates/time-zone.js';
import { isLoopbackHost } from '../net/loopback.js';
import { isEmailAddress } from '../rules/email.js';
import type { SiteSettings, SystemRegistry } from './site-rules.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
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

/** The keys every site takes, whatever its system; each system adds its own (SystemSiteRules.keys). */
const sharedSiteKeys = {
  system: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must name a billing system, e.g. advanced-billing').optional(),
  baseUrl: baseUrl.optional(),
  apiKeyEnv: z.string().regex(ENV_NAME, 'must be the name of an environment variable, e.g. CHARGIFY_TEST_API_KEY').optional(),
  mode: z.enum(['test', 'live'], { message: 'must be test or live' }).optional(),
};

/** The keys a site may have under `registry`: the shared ones and every system's own. */
export function siteKeys(registry: SystemRegistry): string[] {
  return [...new Set([...Object.keys(sharedSiteKeys), ...Object.values(registry.systems).flatMap((rules) => Object.keys(rules.keys))])];
}

/** A site's schema: the shared keys and every system's own; its system's rules decide which of those it may use. */
function siteSchema(registry: SystemRegistry) {
  const own: Record<string, z.ZodType> = {};
  for (const rules of Object.values(registry.systems)) for (const [key, check] of Object.entries(rules.keys)) own[key] ??= check.optional();
  const names = Object.keys(registry.systems);
  return z.strictObject({ ...sharedSiteKeys, ...own }).superRefine((value, context) => {
    const system = value.system ?? registry.defaultSystem;
    const rules = registry.systems[system];
    if (rules === undefined) {
      context.addIssue({ code: 'custom', path: ['system'], message: `must be one of ${names.join(', ')}` });
      return;
    }
    const site = value as SiteSettings;
    for (const key of Object.keys(own)) {
      if (site[key] !== undefined && !(key in rules.keys)) context.addIssue({ code: 'custom', path: [key], message: `is not used by a ${system} site` });
    }
    for (const issue of rules.issues(site)) context.addIssue({ code: 'custom', path: issue.key === undefined ? [] : [issue.key], message: issue.message });
  });
}

/** js-yaml turns an unquoted 2026-11-23 into a Date at UTC midnight; take it back as the date it was. */
const asOf = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) && value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value),
  z.string({ message: 'must be a date YYYY-MM-DD' }).refine((text) => parseIsoDate(text) !== undefined, 'must be a real calendar date YYYY-MM-DD'),
);

const emailAddress = z.string({ message: 'must be an email address such as ops@example.com' }).refine(isEmailAddress, 'must be an email address such as ops@example.com');

/** notify.email: who gets the mail when a run ends, and through which SMTP server (its password only from the environment). */
const notify = z.strictObject({
  email: z
    .strictObject({
      // One address may be written without the list.
      to: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(emailAddress, { message: 'must be a list of email addresses' })).optional(),
      from: emailAddress.optional(),
      smtp: z
        .strictObject({
          host: z.string({ message: 'must be the SMTP server\'s host name' }).min(1, 'must not be empty'),
          port: z.number({ message: 'must be a port number' }).int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535').optional(),
          secure: z.boolean({ message: 'must be true (TLS from the start, port 465) or false (STARTTLS when offered)' }).optional(),
          user: z.string({ message: 'must be the SMTP user name' }).min(1, 'must not be empty').optional(),
          passwordEnv: z.string().regex(ENV_NAME, 'must be the name of an environment variable, e.g. SMTP_PASSWORD').optional(),
        })
        .superRefine((smtp, context) => {
          if (smtp.user !== undefined && smtp.passwordEnv === undefined) context.addIssue({ code: 'custom', path: ['passwordEnv'], message: 'is needed with user: name the environment variable holding the SMTP password' });
          if (smtp.passwordEnv !== undefined && smtp.user === undefined) context.addIssue({ code: 'custom', path: ['user'], message: 'is needed with passwordEnv' });
        })
        .optional(),
    })
    .optional(),
});

/** The keys of a configuration file besides `sites`. */
const settings = {
  stateDir: z.string().min(1, 'must not be empty').optional(),
  outDir: z.string().min(1, 'must not be empty').optional(),
  asOf: asOf.optional(),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone name such as UTC, Europe/Berlin or America/New_York').optional(),
  concurrency: z.number({ message: 'must be a whole number 1 to 4' }).int('must be a whole number 1 to 4').min(1, 'must be 1 to 4').max(4, 'must be at most 4: the site refuses more concurrent requests').optional(),
  timeoutSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(3600, 'must be at most 3600').optional(),
  retries: z.number({ message: 'must be a whole number 0 to 20' }).int('must be a whole number 0 to 20').min(0, 'must be 0 or more').max(20, 'must be at most 20').optional(),
  retryAfterMaxSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(3600, 'must be at most 3600').optional(),
  throttlePauseSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(3600, 'must be at most 3600').optional(),
  retryWaitTotalSeconds: z.number({ message: 'must be a number of seconds' }).positive('must be more than 0').max(86400, 'must be at most 86400 (a day)').optional(),
  maxAnswerMegabytes: z.number({ message: 'must be a number of megabytes (MiB)' }).positive('must be more than 0').max(1024, 'must be at most 1024').optional(),
  canary: z.number({ message: 'must be a whole number of rows' }).int('must be a whole number of rows').min(0, 'must be 0 or more').optional(),
  notify: notify.optional(),
};

/** The keys a configuration file may have at its top level. */
export const CONFIG_KEYS = ['sites', ...Object.keys(settings)];

/** A configuration file's schema, with the sites of the systems `registry` knows. */
export function configSchemaFor(registry: SystemRegistry) {
  return z.strictObject({
    sites: z.record(z.string().regex(SITE_NAME, 'site names use letters, digits, - and _'), siteSchema(registry)).optional(),
    ...settings,
  });
}

export type ConfigFile = z.infer<ReturnType<typeof configSchemaFor>>;
/** The `notify` section as the file gives it. */
export type NotifyConfig = z.infer<typeof notify>;
/** A configured site: the shared keys, and its system's own as the file gives them. */
export type SiteConfig = z.infer<z.ZodObject<typeof sharedSiteKeys>> & Readonly<Record<string, unknown>>;
