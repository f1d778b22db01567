// The canonical article end to end through the real app's commands: import, review (confirm
// both counterparts), create the visit, export the brief to a path (native dialogs cannot be
// driven, so the path is injected), and read the DOCX back; then merging two spellings of one
// person, with undo.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, SHARED, openApp, tempDir } from './harness.mjs';

let wd;
let close;
let dir;

before(async () => {
  dir = tempDir();
  ({ wd, close } = await openApp(join(dir, 'briefing.sqlite')));
});

after(async () => {
  await close?.();
});

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

test('import, confirm the counterparts, create the visit and export the brief', async () => {
  const report = await invoke('import_paths', { paths: [join(SHARED, 'kazinform-atyrau-brest.txt')] });
  assert.equal(report.imported, 1, JSON.stringify(report));
  const article = report.items[0].articleId;

  const review = await invoke('article_review', { articleId: article });
  assert.deepEqual(review.mentions.map((m) => m.name), ['Gumar Dyusembayev', 'Mikhail Serkov']);
  for (const m of review.mentions) await invoke('confirm_mention', { mentionId: m.id });
  const people = await invoke('list_people', { query: null });
  assert.deepEqual(people.map((p) => p.house_name), ['Gumar Dyusembayev', 'Mikhail Serkov']);

  const visit = await invoke('create_visit_from_article', { articleId: article });
  const detail = await invoke('get_visit', { visitId: visit });
  assert.equal(detail.title, 'Visit of the Atyrau Oblast delegation (Kazakhstan) to Brest Oblast (Belarus)');
  assert.deepEqual(detail.participants.map((p) => [p.name, p.side, p.role]), [
    ['Gumar Dyusembayev', 'visiting', 'head'],
    ['Mikhail Serkov', 'host', 'host'],
  ]);

  const options = await invoke('get_brief_options', { visitId: visit });
  options.classification = 'RESTRICTED — FOR OFFICIAL USE';
  options.talking_points = '- Welcome the delegation.';
  await invoke('save_brief_options', { visitId: visit, options });
  const preview = await invoke('preview_brief', { visitId: visit, options });
  assert.match(preview, /Gumar DYUSEMBAYEV/);
  assert.doesNotMatch(preview, /<script/i);

  const path = join(dir, 'brief.docx');
  const exported = await invoke('export_brief', { visitId: visit, options, path, replace: false });
  assert.equal(exported.path, path);
  assert.ok(existsSync(path));
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  for (const s of ['DYUSEMBAYEV', 'SERKOV', 'First Vice Governor', 'Brest Oblast Executive Committee',
    'Delegation and counterparts', 'reciprocal visit', 'about 900 industrial enterprises', 'Welcome the delegation.']) {
    assert.ok(xml.includes(s), `the DOCX holds ${s}`);
  }
  const header = execFileSync('sh', ['-c', `unzip -p '${path}' 'word/header*.xml'`], { encoding: 'utf8' });
  assert.match(header, /RESTRICTED — FOR OFFICIAL USE/);

  // Never over the file without being asked.
  await assert.rejects(
    invoke('export_brief', { visitId: visit, options, path, replace: false }),
    /"code":"exists"/,
  );
});

test('two spellings of one person merge, and the merge can be undone', async () => {
  const report = await invoke('import_paths', {
    paths: [join(ROOT, 'tests/fixtures/extract/articles/uza-samarkand-csongrad-holmuradov.txt'),
      join(ROOT, 'tests/fixtures/extract/articles/belta-brest-samarkand-logistics.txt')],
  });
  assert.equal(report.imported, 2, JSON.stringify(report));
  // Confirm each mention as a new person, as an officer would before noticing the match.
  for (const item of report.items) {
    const review = await invoke('article_review', { articleId: item.articleId });
    for (const m of review.mentions.filter((x) => /olmuradov/.test(x.name))) {
      await invoke('correct_mention', {
        mentionId: m.id,
        correction: { name: m.name, title: m.title, organisation: m.organisation, country: m.country, person: 'new' },
      });
    }
  }
  const both = await invoke('list_people', { query: 'Holmuradov' });
  assert.equal(both.length, 2, JSON.stringify(both.map((p) => p.house_name)));
  const [a, b] = both;
  await invoke('merge_people', { keep: a.id, other: b.id });
  const merged = await invoke('list_people', { query: 'Holmuradov' });
  assert.equal(merged.length, 1);
  const dossier = await invoke('get_dossier', { personId: b.id });
  assert.equal(dossier.id, a.id, 'the merged id opens the kept dossier');
  assert.deepEqual(dossier.names.map((n) => n.name).sort(), ['Erkin Holmuradov', 'Erkin Kholmuradov']);
  const undone = await invoke('undo_last');
  assert.equal(undone.action, 'merge');
  assert.equal((await invoke('list_people', { query: 'Holmuradov' })).length, 2);
});
