// How a ChartMogul site is configured: every account answers at ChartMogul's API root (or the `baseUrl`
// of an emulator), and the `dataSource` names the data source everything is imported into.
import { z } from 'zod';
import type { SystemSiteRules } from '../../config/site-rules.js';

export const CHARTMOGUL_API = 'https://api.chartmogul.com';
/** The data source a ChartMogul site imports into when its configuration names none. */
export const DEFAULT_DATA_SOURCE = 'migrate';

export const CHARTMOGUL_SITE_RULES: SystemSiteRules = {
  keys: { dataSource: z.string().trim().min(1, 'must name a data source').max(200, 'must be at most 200 characters') },
  issues: () => [],
  address: (site) => site.baseUrl ?? CHARTMOGUL_API,
};
