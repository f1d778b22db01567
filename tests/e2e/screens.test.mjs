// The People and Visits screens of the real app, on a database prepared through the app's own
// commands (import the canonical article, confirm its counterparts, create the visit), with
// screenshots of the dossier, the visit page and the brief preview; then the Settings screen.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { SHARED, openApp, saveScreenshot, tempDir } from './harness.mjs';

let wd;
let close;
let visitId;

const VISIT_TITLE = 'Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)';

/** Calls an app command from inside the window; errors come back as { error }. */
async function invoke(command, args = {}) {
  const r = await wd.execAsync(
    'const done = arguments[arguments.length - 1];' +
      'window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: e }));',
    [command, args],
  );
  if (r.error) throw new Error(`${command}: ${JSON.stringify(r.error)}`);
  return r.ok;
}

/** Clicks the first element matching `css` whose text includes `text`. */
async function clickText(css, text) {
  return wd.waitFor(`${css} with “${text}”`, async () => {
    for (const el of await wd.findAll(css)) {
      if ((await wd.text(el)).includes(text)) {
        await wd.click(el);
        return true;
      }
    }
    return false;
  });
}

async function textOf(css) {
  return wd.waitFor(css, async () => {
    const found = await wd.findAll(css);
    return found.length > 0 && wd.text(found[0]);
  });
}

before(async () => {
  const dir = tempDir();
  ({ wd, close } = await openApp(join(dir, 'briefing.sqlite')));
  const report = await invoke('import_paths', { paths: [join(SHARED, 'kazinform-atyrau-brest.txt')] });
  assert.equal(report.imported, 1, JSON.stringify(report));
  const article = report.items[0].articleId;
  const review = await invoke('article_review', { articleId: article });
  for (const m of review.mentions) await invoke('confirm_mention', { mentionId: m.id });
  await invoke('accept_all', { articleId: article });
  visitId = await invoke('create_visit_from_article', { articleId: article });
  const people = await invoke('list_people', { query: null });
  await invoke('set_protocol_notes', {
    personId: people.find((p) => p.house_name === 'Gumar Dyusembayev').id,
    notes: { form_of_address: 'Mr Dyusembayev', pronunciation: 'gu-MAR dyu-sem-BA-yev', interpreter: null, notes: null },
  });
  // The window loaded before the data existed; start it afresh.
  await wd.exec('location.reload()');
  await wd.waitFor('the app', async () => (await wd.findAll('[data-testid="nav-people"]')).length > 0);
});

after(async () => {
  await close?.();
});

test('the People screen lists the confirmed counterparts and opens a dossier', async () => {
  await wd.click(await wd.find('[data-testid="nav-people"]'));
  const names = await wd.waitFor('the people list', async () => {
    const rows = await wd.findAll('[data-testid="person-row"]');
    const texts = await Promise.all(rows.map((r) => wd.text(r)));
    return texts.length >= 2 && texts;
  });
  assert.ok(names.some((t) => t.includes('Gumar Dyusembayev')), names.join('\n'));
  assert.ok(names.some((t) => t.includes('Mikhail Serkov')), names.join('\n'));

  await clickText('[data-testid="person-row"]', 'Gumar Dyusembayev');
  assert.equal(await textOf('[data-testid="dossier-name"]'), 'Gumar Dyusembayev');
  const dossier = await textOf('[data-testid="dossier"]');
  assert.match(dossier, /First Vice Governor/);
  assert.match(dossier, new RegExp(VISIT_TITLE.replace(/[()]/g, '\\$&')));
  const address = await wd.exec(
    'return document.querySelector(\'[data-testid="protocol-form_of_address"]\').value;',
  );
  assert.equal(address, 'Mr Dyusembayev');
  await saveScreenshot(wd, 'people.png');
});

test('the Visits screen shows the visit page with participants by side', async () => {
  await wd.click(await wd.find('[data-testid="nav-visits"]'));
  await clickText('[data-testid="visit-row"]', VISIT_TITLE);
  assert.equal(await textOf('[data-testid="visit-title"]'), VISIT_TITLE);
  const visiting = await textOf('[data-testid="participants-visiting"]');
  assert.match(visiting, /Gumar Dyusembayev/);
  const host = await textOf('[data-testid="participants-host"]');
  assert.match(host, /Mikhail Serkov/);
  const commitments = await wd.findAll('[data-testid="commitment-row"]');
  assert.ok(commitments.length >= 1, 'the commitments are listed');
  await saveScreenshot(wd, 'visit.png');
});

test('the Brief tab shows the live preview from the renderer', async () => {
  await wd.click(await wd.find('[data-testid="tab-brief"]'));
  const preview = await wd.waitFor('the brief preview', async () => {
    const found = await wd.findAll('[data-testid="brief-preview"] article.brief');
    return found.length > 0 && wd.text(found[0]);
  });
  assert.match(preview, /Gumar DYUSEMBAYEV/);
  assert.match(preview, /Delegation and counterparts/);
  const scripts = await wd.exec('return document.querySelectorAll(\'[data-testid="brief-preview"] script\').length;');
  assert.equal(scripts, 0);

  // The summary filled from the suggested key points shows in the preview.
  await wd.click(await wd.find('[data-testid="use-suggested"]'));
  await wd.waitFor('the suggested summary', async () => {
    const value = await wd.exec('return document.querySelector(\'[data-testid="brief-summary"]\').value;');
    return value.startsWith('- ') && value;
  });
  const options = await invoke('get_brief_options', { visitId });
  assert.ok(Array.isArray(options.sections));
  await saveScreenshot(wd, 'brief.png');
});

test('Settings shows the house style, where the data lives, and About', async () => {
  await wd.click(await wd.find('[data-testid="nav-settings"]'));
  await textOf('[data-testid="house-style"]');
  const page = await textOf('[data-testid="settings"]');
  // The section headings are upper-cased by the stylesheet, and innerText shows them so.
  assert.match(page, /house style/i);
  assert.match(page, /back up now/i);
  const database = await textOf('[data-testid="settings-database"]');
  assert.ok(database.endsWith('briefing.sqlite'), database);
  assert.equal(database, await textOf('[data-testid="db-path"]'), 'the same database as the status bar');
  assert.match(await textOf('[data-testid="settings-file"]'), /settings\.json$/);
  assert.equal(await textOf('[data-testid="settings-articles"]'), '1 article');
  assert.match(await textOf('[data-testid="about-version"]'), /^version \d+\.\d+\.\d+/);
  const paper = await wd.exec(
    'return [...document.querySelectorAll(\'[data-testid^="hs-paper-"]\')].filter((r) => r.checked).length;',
  );
  assert.equal(paper, 1, 'one paper size is chosen');
  await saveScreenshot(wd, 'settings.png');
});
