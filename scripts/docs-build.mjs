// `pnpm docs:build`: builds the docs site (VitePress) into docs/.vitepress/dist, with the real CDN build
// copied into it so live examples run the shipped elements. Builds the elements first when needed.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled, root, run } from './lib.mjs';

ensureInstalled();
const cdn = path.join(root, 'packages/elements/dist/cdn');
const manifest = path.join(root, 'packages/elements/custom-elements.json');
if (!existsSync(path.join(cdn, 'agir.js')) || !existsSync(manifest) || process.argv.includes('--rebuild')) run('pnpm', ['run', 'build']);
const target = path.join(root, 'docs/public/cdn');
rmSync(target, { recursive: true, force: true });
// Not the precompressed .br/.gz siblings either: the docs host compresses as it pleases.
cpSync(cdn, target, { recursive: true, filter: (source) => !/\.map$|\.(br|gz)$|stats\.(html|json)$|\.vite/.test(source) });
run('pnpm', ['--filter', '@agir/docs', 'exec', 'vitepress', 'build', '.']);
