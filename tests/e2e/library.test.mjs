// The real app, built and driven through tauri-driver: the Library lists, searches and shows
// what the core stored, and imports through the real command.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
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

/** Makes the page's next file dialog answer `paths`: a native dialog cannot be driven (see
 * ui/src/lib/importDialog.ts). */
async function injectDialogAnswer(paths) {
  await wd.exec('window.__BRIEFING_DIALOG_ANSWER__ = arguments[0];', [paths]);
}

async function reportText() {
  const report = await wd.waitFor('the import report', async () => (await wd.findAll('[data-testid="import-report"]'))[0]);
  return wd.text(report);
}

test('a bulk import from the toolbar names the bad file and imports the rest', async () => {
  const bad = join(dir, 'scan.txt');
  writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x1a, 0x0a]));
  const good = join(dir, 'good.txt');
  writeFileSync(
    good,
    'Ulytau Region hosts Mogilev delegation\n\nZHEZKAZGAN, 3 October (Kazinform) - A delegation of Mogilev Oblast arrived in Ulytau Region to discuss copper processing and machine building.\n',
  );
  await injectDialogAnswer([bad, good]);
  await wd.click(await wd.find('[data-testid="import-button"]'));
  const text = await reportText();
  assert.match(text, /imported 1/i, text);
  assert.match(text, /failed 1/i, text);
  assert.ok(text.includes(bad), 'the bad file is named');
  assert.match(text, /not an article/i, 'with the reason');
  await wd.waitFor('the imported article in the list', async () =>
    (await rowTitles()).some((t) => t.includes('Ulytau Region hosts Mogilev delegation')),
  );
  await saveScreenshot(wd, 'library-import-report.png');
});

test('pasted text and a pasted address are imported from the paste box', async () => {
  // A page of its own, not stored yet, served on this machine.
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Navoi and Grodno agree on fertiliser logistics</title>
<meta property="og:site_name" content="UzA"></head><body><article><h1>Navoi and Grodno agree on fertiliser logistics</h1>
<p>NAVOI, May 14 /UzA/ - Navoi Region and Grodno Oblast agreed to set up a joint fertiliser logistics hub, Hokim (Governor) of Navoi Region Normat Turgunov said after talks in Navoi.</p>
<p>"Our railway links make this hub the shortest route between Belarus and South Asia," the hokim said.</p></article></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    await wd.click(await wd.find('[data-testid="paste-button"]'));
    const box = await wd.find('[data-testid="paste-text"]');
    await wd.type(
      box,
      'Kostanay and Vitebsk sign flax agreement\n\nKOSTANAY, 8 May (Kazinform) - Kostanay Region and Vitebsk Oblast signed an agreement on flax processing.',
    );
    await wd.click(await wd.find('[data-testid="paste-submit"]'));
    await wd.waitFor('the pasted article in the list', async () =>
      (await rowTitles()).some((t) => t.includes('Kostanay and Vitebsk sign flax agreement')),
    );

    await wd.click(await wd.find('[data-testid="paste-button"]'));
    const address = `http://127.0.0.1:${server.address().port}/atyrau.html`;
    await wd.type(await wd.find('[data-testid="paste-text"]'), address);
    assert.match(await wd.text(await wd.find('[data-testid="paste-kind"]')), /fetched/);
    await wd.click(await wd.find('[data-testid="paste-submit"]'));
    const text = await reportText();
    assert.match(text, /imported 1/i, text);
    await wd.waitFor('the fetched article in the list', async () =>
      (await rowTitles()).some((t) => t.includes('Navoi and Grodno agree on fertiliser logistics')),
    );
  } finally {
    server.close();
  }
});
