// The first window on an empty database: the welcome page explains the three steps (Collect,
// Tag, Brief), and "Load the sample article" imports the article shipped with the app and opens
// it in the Library, selected. Screenshot: welcome.png (before the click).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { openApp, saveScreenshot, tempDir } from './harness.mjs';

let wd;
let close;

before(async () => {
  const dir = tempDir();
  ({ wd, close } = await openApp(join(dir, 'briefing.sqlite')));
});

after(async () => {
  await close?.();
});

/** The rendered text of the first element matching `css`, once there is one. */
async function textOf(css) {
  return wd.waitFor(css, async () => {
    const found = await wd.findAll(css);
    return found.length > 0 && wd.text(found[0]);
  });
}

test('an empty database opens on the welcome page', async () => {
  const text = await textOf('[data-testid="welcome"]');
  for (const s of ['Welcome to Briefing Desk', 'Collect', 'Tag', 'Brief', 'Load the sample article', 'Import articles']) {
    assert.ok(text.includes(s), `the welcome page says “${s}”:\n${text}`);
  }
  assert.match(text, /import/i, 'the word the packaged-app test looks for');
  const steps = await wd.findAll('[data-testid="welcome-step"]');
  assert.equal(steps.length, 3);
  const library = await wd.exec('return document.querySelectorAll(\'[data-testid="search"]\').length;');
  assert.equal(library, 0, 'the Library is not shown behind the welcome page');
  await saveScreenshot(wd, 'welcome.png');
});

test('“Load the sample article” opens the sample in the Library', async () => {
  await wd.click(await wd.find('[data-testid="load-sample"]'));
  const title = await textOf('[data-testid="article-title"]');
  assert.match(title, /Atyrau Oblast eyes cooperation with Brest Oblast/);
  const rows = await wd.waitFor('the article row', async () => {
    const found = await wd.findAll('[data-testid="article-row"]');
    return found.length > 0 && found;
  });
  assert.equal(rows.length, 1);
  const selected = await wd.exec(
    'return document.querySelector(\'[data-testid="article-row"]\').getAttribute("aria-selected");',
  );
  assert.equal(selected, 'true', 'the sample is the selected row');
  assert.equal(await wd.exec('return document.querySelectorAll(\'[data-testid="welcome"]\').length;'), 0);
  const count = await wd.execAsync(
    'const done = arguments[arguments.length - 1];' +
      "window.__TAURI_INTERNALS__.invoke('store_info').then(done, (e) => done({ error: e }));",
  );
  assert.equal(count.articles, 1);
});
