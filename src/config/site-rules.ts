// What the configuration knows of each billing system's sites, handed to it by the registry of adapters
// (`SITE_RULES` in src/targets/index.ts; each system's rules live in its own folder): the keys its sites
// take, what else makes one wrong, and where one answers. The configuration names no system itself.
import type { z } from 'zod';

/** A site as the configuration file gives it, after the shared keys' checks. */
export type SiteSettings = Readonly<Record<string, unknown>> & { readonly baseUrl?: string };

export interface SystemSiteRules {
  /** Keys a site of this system takes besides `system`, `baseUrl`, `apiKeyEnv` and `mode`, with their checks. */
  readonly keys: Readonly<Record<string, z.ZodType>>;
  /** What else is wrong with such a site: a message, and the key it is about when it is about one. */
  issues(site: SiteSettings): Array<{ key?: string; message: string }>;
  /** Where such a site answers, from its configuration (no trailing slash). */
  address(site: SiteSettings): string;
}

export interface SystemRegistry {
  /** By the name a site's `system` gives. */
  readonly systems: Readonly<Record<string, SystemSiteRules>>;
  /** The system of a site that names none. */
  readonly defaultSystem: string;
}
