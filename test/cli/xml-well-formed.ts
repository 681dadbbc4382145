// Test helper: a small XML 1.0 well-formedness check (tags nest and close, attributes quoted,
// entities known, no forbidden characters), enough to prove the JUnit writer's escaping.
const name = '[A-Za-z_][\\w.-]*';
const attribute = `\\s+${name}="[^"<]*"`;
const token = new RegExp(`<\\?xml[^?]*\\?>|<(/?)(${name})((?:${attribute})*)\\s*(/?)>|&(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);|[^<&]+|[<&]`, 'gy');

/** Returns undefined when `xml` is well-formed, else a description of the first problem. */
export function xmlProblem(xml: string): string | undefined {
  if (/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml)) return 'forbidden character';
  const stack: string[] = [];
  let roots = 0;
  token.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (token.lastIndex < xml.length && (match = token.exec(xml)) !== null) {
    const [text, closing, tag, attributes, selfClosing] = match;
    if (text === '<' || text === '&') return `stray ${text} at ${match.index}`;
    if (tag === undefined) {
      if (stack.length === 0 && text.trim() !== '' && !text.startsWith('<?xml') && !text.startsWith('&')) return `text outside root at ${match.index}`;
      continue;
    }
    if (attributes) {
      const names = [...attributes.matchAll(new RegExp(`(${name})=`, 'g'))].map((m) => m[1]);
      if (new Set(names).size !== names.length) return `duplicate attribute in <${tag}>`;
    }
    if (closing) {
      if (stack.pop() !== tag) return `mismatched </${tag}> at ${match.index}`;
    } else {
      if (stack.length === 0) roots += 1;
      if (!selfClosing) stack.push(tag);
    }
  }
  if (token.lastIndex < xml.length) return `unparsable at ${token.lastIndex}`;
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  return roots === 1 ? undefined : `expected one root element, found ${roots}`;
}
