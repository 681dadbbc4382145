// What a refusal says, whatever its shape: the API's documented error bodies rendered as "field: message",
// other JSON and plain text quoted as they came (whitespace folded, bounded), an HTML page by its title,
// so a row refused with a 422 always carries the reason. The caller redacts secrets.
import type { Json, JsonObject } from '../api.js';

/** Characters of the reason kept in all: enough for a few field messages, not a whole page. */
const MAX_REASON = 500;

/** The reasons an error answer gives, in order; empty only for an empty body. */
export function errorBodyMessages(body: Json | undefined, text = ''): string[] {
  const messages = body === undefined ? [] : knownShape(body);
  if (messages !== undefined && messages.length > 0) return bounded(messages);
  return bounded(rawReason(text));
}

/**
 * The shapes the spec lists — `{"errors": ["…"]}`, `{"errors": {"price": ["…"]}}`, `{"error": "…"}` —
 * and those a Rails site answers besides: `{"message": "…"}`, a field hash `{"email": ["is invalid"]}`,
 * the same inside the root key `{"customer": {"email": [...]}}`, a list of strings. Undefined otherwise.
 */
function knownShape(body: Json): string[] | undefined {
  if (typeof body === 'string') return [body];
  if (Array.isArray(body)) return body.every((item) => typeof item === 'string') ? body : undefined;
  if (body === null || typeof body !== 'object') return undefined;
  const source = body.errors ?? body.error;
  if (source !== undefined && source !== null) {
    if (typeof source === 'string') return [source];
    if (Array.isArray(source)) return source.flatMap(flatStrings);
    if (typeof source === 'object') return fieldMessages(source);
    return [String(source)];
  }
  if (typeof body.message === 'string') return [body.message];
  if (isFieldHash(body)) return fieldMessages(body);
  const values = Object.values(body);
  if (values.length === 1 && isObject(values[0]) && isFieldHash(values[0])) return fieldMessages(values[0]);
  return undefined;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{"email": ["is invalid"], "zip": "is too long"}`: every value a message or a list of them. */
function isFieldHash(body: JsonObject): boolean {
  const values = Object.values(body);
  return values.length > 0 && values.every((value) => typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')));
}

function fieldMessages(source: JsonObject): string[] {
  return Object.entries(source).flatMap(([field, value]) =>
    flatStrings(value).map((message) => (message.startsWith(field) ? message : `${field}: ${message}`)),
  );
}

function flatStrings(value: Json): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap(flatStrings);
  if (typeof value === 'object') return Object.values(value).flatMap(flatStrings);
  return [String(value)];
}

/** Any other body as it came: an HTML page by its title (or its text), anything else folded to one line. */
function rawReason(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('<')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    const words = title || trimmed.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
    return [oneLine(words)].filter((line) => line !== '');
  }
  return [oneLine(trimmed)];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The messages, each on one line, cut once they pass MAX_REASON characters in all. */
function bounded(messages: string[]): string[] {
  const lines = messages.map(oneLine).filter((line) => line !== '');
  const kept: string[] = [];
  let length = 0;
  for (const message of lines) {
    if (length >= MAX_REASON) {
      kept.push(`(${lines.length - kept.length} more)`);
      break;
    }
    const room = MAX_REASON - length;
    kept.push(message.length > room ? `${message.slice(0, room)}…` : message);
    length += message.length;
  }
  return kept;
}
