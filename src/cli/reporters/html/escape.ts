// Everything user-controlled that reaches an HTML report goes through here: text and attributes
// escaped for HTML, data embedded as JSON that no cell value can close or turn into markup or script.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe as an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * `value` as JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes
 * (so `</script>` or `<!--` in a cell cannot end the block or open a comment), as do U+2028 and
 * U+2029 (line terminators to older JavaScript parsers). JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Code for an inline `<script>`: refused if it could end the element early (ours never should; a library update might). */
export function inlineScript(code: string): string {
  if (/<\/script|<!--/i.test(code)) throw new Error('an inline script of the HTML report contains "</script" or "<!--"');
  return code;
}
