// The sandbox site's flat tax rates (startSandbox's taxRate and taxRates, `migrate sandbox --tax-rate`):
// read once at start, and the rate that applies to a customer's state.
import { parseTaxRate, type Decimal } from '../../../pricing/index.js';

export interface SiteTax {
  /** The rate everywhere no state rate applies; undefined: only the states listed are taxed. */
  rate?: Decimal;
  /** Rates by state code, upper case ("CA"). */
  byState: Record<string, Decimal>;
}

/** The site's tax settings, or undefined when no rate is configured (renewal previews leave taxes uncalculated). */
export function siteTax(rate: string | undefined, byState: Record<string, string> | undefined): SiteTax | undefined {
  if (rate === undefined && (byState === undefined || Object.keys(byState).length === 0)) return undefined;
  const states: Record<string, Decimal> = {};
  for (const [state, text] of Object.entries(byState ?? {})) states[state.trim().toUpperCase()] = readRate(text, `taxRates.${state}`);
  return { ...(rate === undefined ? {} : { rate: readRate(rate, 'taxRate') }), byState: states };
}

/** The rate for a customer in this state: the state's own, else the site's, else none (0). */
export function taxRateFor(tax: SiteTax, state: unknown): Decimal | undefined {
  const code = typeof state === 'string' ? state.trim().toUpperCase() : '';
  return tax.byState[code] ?? tax.rate;
}

function readRate(text: string, option: string): Decimal {
  const rate = parseTaxRate(text);
  if (rate === undefined) throw new Error(`sandbox ${option} must be a percentage ("8%") or a fraction ("0.08") from 0 to 100%, got '${text}'`);
  return rate;
}
