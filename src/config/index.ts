// Configuration: the public surface of src/config.
export { CONFIG_FILES, loadConfig, type LoadConfigOptions, type ResolvedConfig } from './load-config.js';
export { hasSite, resolveSite, type ResolvedSite } from './sites.js';
export { type NotifyConfig, type SiteConfig } from './schema.js';
