// The real app, built and driven through tauri-driver: the Library lists, searches and shows
// what the core stored, and imports through the real command.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS, SHARED, cli, openApp, saveScreenshot, tempDir } from './harness.mjs';

let wd;
let close;
let dir;
let db;

before(async () => {
  dir = tempDir();
  db = join(dir, 'briefing.sqlite');
  // The CLI and the app share the store: data imported in a terminal shows in the window.
  cli(db, 'import', join(SHARED, 'kazinform-atyrau-brest.html'), CORPUS);
  ({ wd, close } = await openApp(db));
});

after(async () => {
  await close?.();
});

async function rowTitles() {
  const rows = await wd.findAll('[data-testid="article-row"]');
  return Promise.all(rows.map((r) => wd.text(r)));
}

test('the library lists every stored article, newest first', async () => {
  const titles = await wd.waitFor('the article list', async () => {
    const t = await rowTitles();
    return t.length >= 30 && t;
  });
  assert.ok(titles.some((t) => t.includes('Atyrau Oblast eyes cooperation with Brest Oblast')), titles.join('\n'));
  const count = await wd.text(await wd.find('[data-testid="article-count"]'));
  assert.match(count, new RegExp(`\\b${titles.length}\\b`), `the count shows ${titles.length}: ${count}`);
});

test('selecting the canonical article shows its text and metadata', async () => {
  const rows = await wd.findAll('[data-testid="article-row"]');
  for (const row of rows) {
    if ((await wd.text(row)).includes('Atyrau Oblast eyes cooperation')) {
      await wd.click(row);
      break;
    }
  }
  const title = await wd.waitFor('the article title', async () => wd.text(await wd.find('[data-testid="article-title"]')));
  assert.equal(title, 'Atyrau Oblast eyes cooperation with Brest Oblast in agribusiness, processing industry');
  const body = await wd.text(await wd.find('[data-testid="article-text"]'));
  assert.match(body, /Deputy Chairman of the Brest Oblast Executive Committee Mikhail Serkov/);
  assert.match(body, /Kazinform refers to eng\.belta\.by\./);
  assert.doesNotMatch(body, /Currency rates|Related news|cookies/, 'no page boilerplate');
  const page = await wd.text(await wd.find('body'));
  assert.match(page, /BelTA/, 'the relay is shown');
  await saveScreenshot(wd, 'library.png');
});

test('search as you type marks the matching words', async () => {
  const box = await wd.find('[data-testid="search"]');
  await wd.type(box, 'Dyusembayev');
  const marks = await wd.waitFor('highlighted hits', async () => {
    const m = await wd.findAll('[data-testid="article-row"] mark');
    return m.length > 0 && m;
  });
  for (const m of marks) assert.equal((await wd.text(m)).toLowerCase(), 'dyusembayev');
  const titles = await rowTitles();
  assert.equal(titles.length, 1, `one article names him: ${titles.join(' | ')}`);
  await saveScreenshot(wd, 'search.png');
  await wd.clear(box);
  await wd.type(box, ' ');
});

test('a re-published wire story shows its near-duplicate group', async () => {
  const box = await wd.find('[data-testid="search"]');
  await wd.clear(box);
  await wd.type(box, 'roadmap Samarkand');
  await wd.waitFor('the republished copy', async () => {
    const rows = await wd.findAll('[data-testid="article-row"]');
    for (const row of rows) {
      if ((await wd.text(row)).includes('Samarkand and Vitebsk regions to draw up cooperation roadmap')) {
        await wd.click(row);
        return true;
      }
    }
    return false;
  });
  const page = await wd.waitFor('the group', async () => {
    const t = await wd.text(await wd.find('body'));
    return t.includes('Vitebsk Oblast, Samarkand Region eye joint ventures in flax processing and dairy') && t;
  });
  assert.match(page, /2 copies|Also published as/i);
});

test('imports through the app command report each file, and failures by name', async () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const report = await wd.execAsync(
    'const done = arguments[arguments.length - 1];' +
      "window.__TAURI_INTERNALS__.invoke('import_paths', { paths: arguments[0] }).then(done, (e) => done({ error: e }));",
    [[join(SHARED, 'atyrau-brest-feed.xml'), empty]],
  );
  assert.equal(report.error, undefined, JSON.stringify(report.error));
  assert.equal(report.imported, 3, JSON.stringify(report));
  assert.equal(report.failed, 1);
  const failed = report.items.find((i) => i.status === 'failed');
  assert.equal(failed.input, empty);
  assert.equal(failed.message, 'the file is empty');
  // The window's list shows the new articles after a reload.
  await wd.exec('location.reload()');
  await wd.waitFor('the imported feed items', async () => {
    const t = await rowTitles();
    return t.some((x) => x.includes('Brest Oblast suggests logistics and tourism projects to Kazakh partners'));
  });
});

test('an error from the backend shows as a readable message', async () => {
  const err = await wd.execAsync(
    'const done = arguments[arguments.length - 1];' +
      "window.__TAURI_INTERNALS__.invoke('get_article', { id: 999999 }).then(() => done(null), done);",
  );
  assert.deepEqual(err, { code: 'not_found', message: 'no article with id 999999' });
});
