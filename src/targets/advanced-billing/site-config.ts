// How an Advanced Billing site is configured: a `subdomain` (https://SUBDOMAIN.chargify.com) or a
// `baseUrl` (another host, a local sandbox), exactly one of them.
import { z } from 'zod';
import type { SystemSiteRules } from '../../config/site-rules.js';

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export const ADVANCED_BILLING_SITE_RULES: SystemSiteRules = {
  keys: { subdomain: z.string().regex(SUBDOMAIN, 'must be the site\'s subdomain alone, e.g. acme for https://acme.chargify.com') },
  issues: (site) => ((site.subdomain === undefined) === (site.baseUrl === undefined) ? [{ message: 'needs exactly one of subdomain and baseUrl' }] : []),
  address: (site) => (typeof site.subdomain === 'string' ? `https://${site.subdomain.toLowerCase()}.chargify.com` : String(site.baseUrl)),
};
