// Helpers shared by the start, test and bench scripts. Node built-ins only: these run before install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  process.stdout.write(`[agir] ${message}\n`);
}

export function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** Runs a command, streaming its output, and resolves with { code, output }. */
export function runCapture(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

export function aptInstall(packages) {
  if (!isRoot || !has('apt-get')) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  return spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env }).status === 0;
}

/** pnpm, installed with npm when missing (corepack cannot activate it here). */
export function ensurePnpm() {
  if (has('pnpm')) return;
  log('pnpm is missing: installing it with `npm i -g pnpm`');
  run('npm', ['i', '-g', 'pnpm']);
}

export function ensureInstalled() {
  ensurePnpm();
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  run('pnpm', ['install', ...frozen], { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
}

/** Finds Chromium (CHROME_PATH, Debian's path, or on PATH), installing Debian's package when it can. */
export function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  let found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    log('Chromium is missing: installing Debian\'s "chromium" package');
    if (aptInstall(['chromium'])) found = '/usr/bin/chromium';
  }
  if (!found) {
    console.error(
      '[agir] No Chromium found: install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  process.env.CHROME_PATH = found;
  return found;
}

/**
 * The browser engines the browser suite runs in: Chromium always; Firefox ESR and WebKitGTK (with xvfb)
 * when present or installable with apt. Returns { engines, missing }.
 */
export function ensureEngines() {
  const need = [
    { engine: 'firefox', binary: '/usr/bin/firefox-esr', packages: ['firefox-esr'] },
    { engine: 'webkit', binary: '/usr/bin/WebKitWebDriver', packages: ['webkit2gtk-driver', 'xvfb', 'xauth'] },
  ];
  const engines = ['chromium'];
  const missing = [];
  for (const { engine, binary, packages } of need) {
    const ready = () => existsSync(binary) && (engine !== 'webkit' || has('xvfb-run'));
    if (!ready()) {
      log(`${engine} is missing: installing Debian's ${packages.join(', ')}`);
      aptInstall(packages);
    }
    if (ready()) engines.push(engine);
    else missing.push(`${engine} (apt-get install ${packages.join(' ')})`);
  }
  if (missing.length)
    console.error(`[agir] Browser tests cannot run in ${missing.join(' and ')}: install the packages named (Debian/Ubuntu) and run again.`);
  return { engines, missing };
}
