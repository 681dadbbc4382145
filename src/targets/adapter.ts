// What the registry of adapters (src/targets/index.ts) holds for each billing system: how a site of
// that system is reached, its policy as data, and its local emulator as the embedded default.
import type { SystemSiteRules } from '../config/site-rules.js';
import type { ClientOptions } from './client-options.js';
import type { Target, TargetProfile } from './target.js';

export interface SiteDefinition {
  /** The site's name in the configuration (`test`, `live`, …), used in messages. */
  name: string;
  /** Which billing system the site is (config `system`); absent: the registry's default. */
  system?: string;
  baseUrl?: string;
  /** The keys of its system's own, as the configuration gives them (an Advanced Billing `subdomain`, a ChartMogul `dataSource`). */
  settings?: Readonly<Record<string, string>>;
  /** Read by the caller from the environment variable the configuration names; never from a file. */
  apiKey?: string;
  /** Where the key was expected, for the message when it is missing (e.g. CHARGIFY_TEST_API_KEY). */
  apiKeyEnv?: string;
  /** The site's time zone (config `timeZone`): billing dates are sent as calendar days there. */
  timeZone?: string;
  /** Which kind of site the configuration says this is (ChartMogul reports none of its own). */
  mode?: 'test' | 'live';
}

export type TargetFactory = (site: SiteDefinition, options: ClientOptions) => Target;

/** An adapter: how a site of its system is reached, and its policy as data (for commands that need no connection). */
export interface Adapter {
  create: TargetFactory;
  profile: (site: string) => TargetProfile;
  /** What the configuration of its sites may say, and where such a site answers. */
  siteRules: SystemSiteRules;
  /** Its local emulator as the embedded default of `--system` (Advanced Billing's is `startEmbeddedSandbox`). */
  embedded?: EmbeddedEmulator;
}

/** A running local emulator: where it answers, and how to stop it (its state flushed first). */
export interface RunningEmulator {
  readonly baseUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A system's emulator as the embedded default when no site is configured: its name in run records and messages, its folder in the state folder. */
export interface EmbeddedEmulator {
  /** What run records call the site, e.g. `chartmogul-sandbox`. */
  siteName: string;
  /** For people: "the embedded ChartMogul emulator". */
  label: string;
  /** Its data's folder in the state folder. */
  folder: string;
  start(options: { host: string; port: number; dataDir: string; timeZone?: string; log: (line: string) => void }): Promise<RunningEmulator>;
  /** The site definition a client of the running emulator gets. */
  site(baseUrl: string): SiteDefinition;
}
