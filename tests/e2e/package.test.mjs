// The installed .deb: the package built by the Tauri bundler (scripts/test.sh builds it and
// installs it with dpkg -i, then sets BRIEFING_INSTALLED_APP) declares its dependencies and
// desktop entry, and the installed binary opens its window on an empty default database in
// the user's data directory.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openApp, tempDir } from './harness.mjs';

const installed = process.env.BRIEFING_INSTALLED_APP;
const deb = process.env.BRIEFING_DEB;
let close;

after(async () => {
  await close?.();
});

test('the package declares what it needs and installs a desktop entry and icons', { skip: !deb && 'BRIEFING_DEB not set (./scripts/test.sh sets it)' }, () => {
  const info = execFileSync('dpkg-deb', ['-f', deb, 'Package', 'Depends'], { encoding: 'utf8' });
  assert.match(info, /Package: briefing-desk/);
  assert.match(info, /libwebkit2gtk-4\.1-0/);
  const files = execFileSync('dpkg', ['-L', 'briefing-desk'], { encoding: 'utf8' });
  assert.match(files, /\/usr\/bin\/briefing-desk/);
  assert.match(files, /\/usr\/share\/icons\/hicolor\/128x128\/apps\/briefing-desk\.png/);
  const entry = files.split('\n').find((f) => f.endsWith('.desktop'));
  assert.ok(entry, 'a desktop entry');
  const desktop = readFileSync(entry, 'utf8');
  assert.match(desktop, /^Exec=briefing-desk/m);
  assert.match(desktop, /^Icon=briefing-desk/m);
  assert.match(desktop, /^Categories=.*Office|^Categories=.*Productivity|^Categories=/m);
});

test('the installed app opens on an empty default database in the data directory', { skip: !installed && 'BRIEFING_INSTALLED_APP not set (./scripts/test.sh sets it)' }, async () => {
  const home = tempDir();
  const env = { HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_CONFIG_HOME: join(home, '.config'), BRIEFING_DB: '' };
  let wd;
  ({ wd, close } = await openApp(null, { app: installed, args: [], env }));
  const empty = await wd.waitFor('the empty library', async () => {
    const t = await wd.text(await wd.find('body'));
    return /no articles|import/i.test(t) && t;
  });
  assert.match(empty, /import/i, 'the empty state says what to do');
  const db = join(home, '.local/share/briefing-desk/briefing.sqlite');
  assert.ok(existsSync(db), `the default database is created at ${db}`);
  const count = await wd.execAsync(
    'const done = arguments[arguments.length - 1];' +
      "window.__TAURI_INTERNALS__.invoke('store_info').then(done, (e) => done({ error: e }));",
  );
  assert.equal(count.articles, 0);
  assert.equal(count.path, db);
});
