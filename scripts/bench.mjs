// `pnpm bench`: bundle bytes per element (gzip), then every bench/*.mjs (render cost, server load…).
// Figures are printed and written into docs/benchmarks.md between marker comments.
//   node scripts/bench.mjs [--sizes] [name…]
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeSection } from './bench-lib.mjs';
import { ensureChromium, ensureInstalled, log, root, run } from './lib.mjs';
import { entrySizes, sizesTable } from './sizes.mjs';

const args = process.argv.slice(2);
const sizesOnly = args.includes('--sizes');
const only = args.filter((a) => !a.startsWith('--'));

ensureInstalled();
ensureChromium();
run('pnpm', ['run', 'build']);

const rows = entrySizes();
const table = sizesTable(rows);
console.log(table);
writeSection(
  'sizes',
  `## Bundle sizes (gzip, bytes)\n\nAn element's own code in the CDN build, the figure its budget holds: its entry, its static imports (lit-html and @agir/core included) and the largest language catalog it may load. Not the loader \`agir.js\` (its own row), not \`agir.css\`, not what the element loads after its first render: what a page really downloads is in the two tables below. Budgets are in bytes (1 kB = 1000 B).\n\n${table}`,
);
let failed = rows.some((row) => row.budget && row.totalGzip > row.budget);

if (!sizesOnly) {
  const benchDir = path.join(root, 'bench');
  const files = existsSync(benchDir)
    ? readdirSync(benchDir)
        .filter((f) => f.endsWith('.mjs'))
        .sort()
    : [];
  for (const file of files) {
    const name = path.basename(file, '.mjs');
    if (only.length && !only.includes(name)) continue;
    log(`bench ${name}`);
    try {
      const module = await import(pathToFileURL(path.join(benchDir, file)).href);
      const results = await module.default();
      if (Array.isArray(results) && results.length) {
        const lines = ['| measure | value | unit |', '|---|---:|---|', ...results.map((r) => `| ${r.name} | ${r.value} | ${r.unit} |`)];
        console.log(lines.join('\n'));
        if (!module.writesOwnSection)
          writeSection(`bench-${name}`, `## ${module.title ?? name}\n\n${module.description ?? ''}\n\n${lines.join('\n')}`);
      }
    } catch (error) {
      failed = true;
      console.error(`[agir] bench ${name} failed:`, error);
    }
  }
}
process.exit(failed ? 1 : 0);
