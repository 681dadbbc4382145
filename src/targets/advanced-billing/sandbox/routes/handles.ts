// API handles as a real site treats them: optional on create (derived from the name when missing),
// lowercase letters, digits, `-`, `_` and `:`, starting with a letter or digit.
import type { Attributes, FieldErrors } from '../fields.js';
import { messages } from '../messages.js';

const HANDLE = /^[a-z0-9][a-z0-9_:-]*$/;

export function handleFrom(errors: FieldErrors, attrs: Attributes, name: string | undefined): string | undefined {
  const given = errors.string(attrs, 'handle', 'API Handle');
  if (given !== undefined) return given;
  if (name === undefined) return undefined;
  const derived = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return derived === '' ? undefined : derived;
}

export function checkHandleFormat(errors: FieldErrors, handle: string | undefined): void {
  if (handle !== undefined && !HANDLE.test(handle)) errors.add(messages.handleFormat, 'handle');
}
