// Fills a rule's message template; an unknown messageId or an unfilled placeholder is a bug in the
// rule (not the user's input), so it throws — the rule tests catch it.

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function formatMessage(
  ruleId: string,
  messages: Record<string, string>,
  messageId: string,
  data: Record<string, string | number>,
): string {
  const template = messages[messageId];
  if (template === undefined) throw new Error(`rule ${ruleId}: unknown messageId "${messageId}"`);
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`rule ${ruleId}: message "${messageId}" has no value for {{${name}}}`);
    return String(value);
  });
}

/** Placeholder names a message uses, for the meta-tests. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}
