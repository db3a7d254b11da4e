// A throwaway app with @agir/core and @agir/elements installed from their packed tarballs (`pnpm pack`
// applies publishConfig and turns workspace:* into versions, as the published packages have them), and the
// other packages it names linked from this workspace, as a package manager would install them: no network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export interface PackedApp {
  readonly dir: string;
  /** Removes the app. */
  remove(): void;
}

/** Where this workspace has each package an app may want (the first folder that holds it). */
const homes = ['packages/elements', 'packages/core', '.', 'demo/frameworks/react', 'demo/frameworks/vue'];

function installed(name: string): string {
  for (const home of homes) {
    const candidate = path.join(root, home, 'node_modules', name);
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  throw new Error(`${name} is not installed in the workspace (pnpm install)`);
}

/** A new app in a temporary folder: the packed packages, and `lit`, `zod` and `dependencies` linked. */
export function packedApp(prefix: string, dependencies: readonly string[] = []): PackedApp {
  const dir = mkdtempSync(path.join(os.tmpdir(), `agir-${prefix}-`));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `${prefix}-app`, private: true, type: 'module' }));
  for (const name of ['core', 'elements']) {
    const tarball = execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: path.join(root, 'packages', name), encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    const into = path.join(dir, 'node_modules/@agir', name);
    mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-xzf', path.isAbsolute(tarball) ? tarball : path.join(dir, tarball), '-C', into, '--strip-components=1']);
    rmSync(path.isAbsolute(tarball) ? tarball : path.join(dir, tarball));
  }
  for (const name of ['lit', 'zod', ...dependencies]) {
    const link = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(installed(name), link, 'dir');
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
