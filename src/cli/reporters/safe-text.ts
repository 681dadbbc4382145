// Text from a user's file as it may reach a terminal or a CI log: every reporter shows cells, names
// and messages through this one function.

/** Text made safe for a terminal: no escape sequences or line breaks get through (tabs become spaces). */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => (char === '\t' ? ' ' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
