// Reading a module's imports without a parser dependency: the specifiers of static, bare, dynamic and
// re-exported imports, with comments stripped first.

/** The source without comments: a comment may name src/cli or process.stdout without using them. */
export function stripComments(text: string): string {
  // Line comments only where `//` follows whitespace or starts the line, so 'https://…' in a string stays.
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** Every module specifier a file imports or re-exports: static `from '…'`, bare `import '…'`, and `import('…')`. */
export function importSpecifiers(text: string): string[] {
  const code = stripComments(text);
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}
