// Reading a request body within limits: its size while it arrives, then its nesting depth and number of
// values in one pass over the raw text (no recursion), before JSON.parse or anything else walks it. A
// body past a limit costs the sandbox one linear scan, never a stack overflow or a blocked event loop.
import type { IncomingMessage } from 'node:http';
import { messages } from './messages.js';

export const BODY_LIMITS = {
  bytes: 10 * 1024 * 1024,
  /** The default max_nesting of Ruby's JSON parser, which a Rails site like the API parses bodies with. */
  depth: 100,
  /**
   * Object fields and array items together. The largest body the toolkit sends (a signup with its
   * components, custom prices and metafields) has a few hundred.
   */
  values: 10_000,
} as const;

export type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; message: string };

/**
 * The body as text; undefined when it passes the size limit (it is still drained, so 413 can be sent);
 * null when the client went away before sending all of it.
 */
export function readBody(request: IncomingMessage): Promise<string | undefined | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMITS.bytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > BODY_LIMITS.bytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}

/**
 * The body as a JSON object, or the 400 to answer: past a limit, or not JSON. JSON that is no object (`[]`,
 * `"x"`, `null`) holds none of the operation's fields: with `nonObject: 'empty'` (Advanced Billing) it is
 * read as `{}`, so the operation answers it as the spec says for a body without them (a 422 naming its
 * root key), as a Rails site reads it; by default (the ChartMogul emulator) it is refused like non-JSON.
 */
export function parseBody(text: string, nonObject: 'empty' | 'refuse' = 'refuse'): ParsedBody {
  if (text.trim() === '') return { ok: true, body: {} };
  const excess = limitExceeded(text);
  if (excess !== undefined) return { ok: false, status: 400, message: excess };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: messages.invalidJson };
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return { ok: true, body: parsed as Record<string, unknown> };
  return nonObject === 'empty' ? { ok: true, body: {} } : { ok: false, status: 400, message: messages.invalidJson };
}

/** The characters the scan looks at, as char codes. */
const CHAR = { quote: 0x22, backslash: 0x5c, openObject: 0x7b, closeObject: 0x7d, openArray: 0x5b, closeArray: 0x5d, colon: 0x3a, comma: 0x2c } as const;

/**
 * Which limit the text passes, if any, read as JSON without building anything: depth counts open
 * brackets, values count object fields (colons) and array items (commas, plus the first item of a
 * non-empty array), all outside strings. Text that is no JSON is left for JSON.parse to refuse.
 */
function limitExceeded(text: string): string | undefined {
  // Whether each open container is an array; never longer than the depth limit.
  const arrays: boolean[] = [];
  let values = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === CHAR.backslash) index += 1;
      else if (code === CHAR.quote) inString = false;
      continue;
    }
    if (code === CHAR.quote) inString = true;
    else if (code === CHAR.openObject || code === CHAR.openArray) {
      if (arrays.length >= BODY_LIMITS.depth) return messages.bodyTooDeep(BODY_LIMITS.depth);
      arrays.push(code === CHAR.openArray);
      if (code === CHAR.openArray && !closesAt(text, index + 1)) values += 1;
    } else if (code === CHAR.closeObject || code === CHAR.closeArray) arrays.pop();
    else if (code === CHAR.colon || (code === CHAR.comma && arrays.at(-1) === true)) values += 1;
    if (values > BODY_LIMITS.values) return messages.bodyTooManyValues(BODY_LIMITS.values);
  }
  return undefined;
}

/** True when the array opened just before `from` is empty (only whitespace before its `]`). */
function closesAt(text: string, from: number): boolean {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === CHAR.closeArray) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return false;
}
