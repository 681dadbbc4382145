// The one decision whether a report on stdout is coloured, shared by every command.
import { colorEnabled } from '../../progress/color.js';
import type { ReportFormat } from '../options.js';
import { createColors, type Colors } from '../reporters/colors.js';

/** Colours for a report on stdout: pretty format only, and only as --no-color, NO_COLOR and the terminal allow. */
export function reportColors(format: ReportFormat, flag: boolean | undefined): Colors {
  return createColors(format === 'pretty' && colorEnabled(flag, process.stdout));
}
