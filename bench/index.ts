// The single `npm run bench` entry: runs named sections (`npm run bench -- validate`), all by default.
// A section is a module bench/<name>.ts exporting `run(): Promise<void>`; add one line below per section.
type Section = () => Promise<{ run(): Promise<void> }>;

const sections: Record<string, Section> = {
  validate: () => import('./validate.js'),
  client: () => import('./client.js'),
  import: () => import('./import.js'),
  compare: () => import('./compare.js'),
  chartmogul: () => import('./chartmogul.js'),
  workbook: () => import('./workbook.js'),
  html: () => import('./html.js'),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = requested.filter((name) => !(name in sections));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  for (const name of requested.length > 0 ? requested : Object.keys(sections)) {
    process.stdout.write(`\n## ${name}\n\n`);
    const section = await sections[name]();
    await section.run();
  }
}

await main();
