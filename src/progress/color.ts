// The one decision whether output to a stream is coloured: the reports (src/cli/session/report-colors.ts)
// and the spinner (spinner.ts) ask the same question, so NO_COLOR turns both off.

/**
 * Whether to colour a stream: never with --no-color or NO_COLOR (any non-empty value, per
 * no-color.org), always with FORCE_COLOR (except "0"), otherwise only on a terminal.
 */
export function colorEnabled(
  flag: boolean | undefined,
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}
