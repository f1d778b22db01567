// Starts tauri-driver and a session on the built app with a database of the test's own.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

import { WebDriver } from './webdriver.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared/fixtures');
export const CORPUS = join(ROOT, 'tests/fixtures/ingest');
export const APP = join(ROOT, 'target/debug/briefing-desk');
export const CLI = join(ROOT, 'target/debug/briefing');
export const OUT = join(ROOT, 'tests/e2e/out');

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
}

/**
 * Runs the `briefing` CLI on a database, for preparing test data. Exit code 1 (some input
 * failed, as the corpus's deliberately damaged feed item does) is accepted; anything else throws.
 */
export function cli(db, ...args) {
  const r = spawnSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`briefing ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function freePort() {
  return new Promise((res) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForPort(port, ms = 20000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((res) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); res(true); });
      s.on('error', () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/** Opens the app on `db`; returns the driver and a function that closes everything. */
export async function openApp(db, { app = APP, args = ['--db', db], env = {} } = {}) {
  const port = await freePort();
  // A port of its own for WebKitWebDriver too (its default, 4445, is shared by every run, so
  // one left over from an earlier run would make this one fail).
  const nativePort = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort), '--native-driver', '/usr/bin/WebKitWebDriver'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NO_AT_BRIDGE: '1', ...env },
  });
  await waitForPort(port);
  // tauri-driver starts WebKitWebDriver itself; a session asked for before that listens fails.
  await waitForPort(nativePort);
  const wd = new WebDriver(`http://127.0.0.1:${port}`);
  await wd.start(app, args);
  const close = async () => {
    await wd.quit();
    driver.kill();
  };
  return { wd, close };
}

/**
 * Saves what the screen shows of the app's window. Taken from the X server (ImageMagick's
 * `import`), not with WebDriver's screenshot: WebKitGTK without GPU compositing (the app's
 * default, src-tauri/src/main.rs) never answers that command on a page that does not scroll,
 * although the window itself is drawn. Without a window manager the window sits at 0,0.
 */
export async function saveScreenshot(wd, name) {
  mkdirSync(OUT, { recursive: true });
  const { writeFileSync } = await import('node:fs');
  // Let the last change reach the screen.
  await wd.execAsync('const done = arguments[arguments.length - 1]; requestAnimationFrame(() => setTimeout(done, 150));');
  const [w, h] = await wd.exec('return [window.outerWidth, window.outerHeight];');
  const png = execFileSync('import', ['-window', 'root', '-crop', `${w}x${h}+0+0`, '+repage', 'png:-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(join(OUT, name), png);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    writeFileSync(join(ROOT, 'docs/screenshots', name), png);
  }
  return png;
}
