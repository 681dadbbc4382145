// Fault injection for tests: added latency, random 500/502/503 answers, forced 429s, and writes that
// commit and then never answer (the connection drops, or stalls past the client's timeout and drops).
import { InputError } from '../../../errors.js';

export interface FaultSpec {
  /** Share of requests answered 500, 502 or 503 without being processed. */
  errorRate?: number;
  /** Share of requests refused with 429 as if the queue were full. */
  rateLimitRate?: number;
  /** Share of writes that commit, then drop the connection without an answer. */
  dropAfterCommit?: number;
  /** Share of writes that commit, then hold the answer for stallMs and drop the connection. */
  stallAfterCommit?: number;
  /** How long a stalled write holds the connection (default 3000 ms). */
  stallMs?: number;
}

export interface Latency {
  ms: number;
  jitterMs: number;
}

type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; status: 500 | 502 | 503 }
  | { kind: 'rate-limit' }
  | { kind: 'drop-after-commit' }
  | { kind: 'stall-after-commit'; ms: number };

const KEYS: Record<string, keyof FaultSpec> = {
  'error-rate': 'errorRate',
  '429-rate': 'rateLimitRate',
  'drop-after-commit': 'dropAfterCommit',
  'stall-after-commit': 'stallAfterCommit',
  'stall-ms': 'stallMs',
};

/** Parses `error-rate=0.1,429-rate=0.05,drop-after-commit=0.1,stall-after-commit=0.05,stall-ms=3000`. */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = {};
  for (const part of text.split(',').map((piece) => piece.trim()).filter((piece) => piece !== '')) {
    const [name, raw, extra] = part.split('=');
    const key = name === undefined ? undefined : KEYS[name.trim()];
    const value = Number(raw);
    if (key === undefined || raw === undefined || extra !== undefined || raw.trim() === '' || !Number.isFinite(value)) {
      throw new InputError('bad-fault-spec', `--faults: cannot read '${part}'`, {
        hint: `Use name=value pairs separated by commas; names: ${Object.keys(KEYS).join(', ')}.`,
      });
    }
    if (key === 'stallMs' ? value < 0 : value < 0 || value > 1) {
      throw new InputError('bad-fault-spec', `--faults: ${name} must be ${key === 'stallMs' ? 'a number of milliseconds' : 'a rate between 0 and 1'}, got ${raw}`);
    }
    spec[key] = value;
  }
  return spec;
}

/** Parses `MS` or `MS:JITTER` (milliseconds). */
export function parseLatency(text: string): Latency {
  const match = /^(\d+)(?::(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new InputError('bad-latency', `--latency: cannot read '${text}'`, { hint: 'Use milliseconds, optionally with jitter: 50 or 50:20.' });
  }
  return { ms: Number(match[1]), jitterMs: Number(match[2] ?? 0) };
}

/** The added delay of one request: ms ± a uniform jitter, never negative. */
export function latencyDelay(latency: Latency | undefined, random: () => number): number {
  if (!latency) return 0;
  return Math.max(0, latency.ms + (random() * 2 - 1) * latency.jitterMs);
}

/** What to do to one request, before processing (errors, 429) and after committing a write. */
export function decideFault(spec: FaultSpec, isWrite: boolean, random: () => number): FaultDecision {
  if (spec.rateLimitRate && random() < spec.rateLimitRate) return { kind: 'rate-limit' };
  if (spec.errorRate && random() < spec.errorRate) {
    const statuses = [500, 502, 503] as const;
    return { kind: 'error', status: statuses[Math.floor(random() * statuses.length)] ?? 500 };
  }
  if (isWrite && spec.dropAfterCommit && random() < spec.dropAfterCommit) return { kind: 'drop-after-commit' };
  if (isWrite && spec.stallAfterCommit && random() < spec.stallAfterCommit) {
    return { kind: 'stall-after-commit', ms: spec.stallMs ?? 3000 };
  }
  return { kind: 'none' };
}
