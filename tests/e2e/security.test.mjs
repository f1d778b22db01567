// A hostile page imported and shown in the real app: nothing in it runs, reaches a command,
// or navigates the window. The page tries scripts, event handlers, javascript: links,
// iframes, SVG with scripts, meta refresh and a form; each would set a marker on the window
// or call a command that deletes evidence if it ran.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cli, openApp, tempDir } from './harness.mjs';

let wd;
let close;

const HOSTILE = `<!DOCTYPE html><html><head>
<title>Hostile page about the Samarkand delegation</title>
<meta http-equiv="refresh" content="0; url=https://example.org/">
<script>window.__pwned = 'head script'; window.__TAURI_INTERNALS__ && window.__TAURI_INTERNALS__.invoke('merge_people', { keep: 1, other: 2 });</script>
</head><body onload="window.__pwned = 'onload'">
<article>
<h1>Hostile page about the Samarkand delegation</h1>
<p>SAMARKAND (UzA) - Khokim (Governor) of Samarkand Region Erkin Kholmuradov met a delegation from Brest Oblast to discuss logistics and tourism cooperation.</p>
<p><img src="x" onerror="window.__pwned = 'onerror'">An image that fails to load.</p>
<p><a href="javascript:window.__pwned='link'">a javascript link</a> and <a href="https://example.org/" target="_top">an outside link</a>.</p>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<svg onload="window.__pwned='svg'"><script>window.__pwned='svg script'</script></svg>
<form action="https://example.org/steal"><input name="q" autofocus onfocus="window.__pwned='onfocus'"></form>
<p style="background:url(javascript:window.__pwned='css')">Styled text.</p>
</article></body></html>`;

before(async () => {
  const dir = tempDir();
  const db = join(dir, 'briefing.sqlite');
  const page = join(dir, 'hostile.html');
  writeFileSync(page, HOSTILE);
  cli(db, 'import', page);
  ({ wd, close } = await openApp(db));
});

after(async () => {
  await close?.();
});

test('a hostile page shows as text and nothing in it runs', async () => {
  const rows = await wd.waitFor('the article row', async () => {
    const r = await wd.findAll('[data-testid="article-row"]');
    return r.length > 0 && r;
  });
  await wd.click(rows[0]);
  const body = await wd.waitFor('the article text', async () => wd.text(await wd.find('[data-testid="article-text"]')));
  assert.match(body, /Khokim \(Governor\) of Samarkand Region Erkin Kholmuradov/);
  assert.doesNotMatch(body, /window\.__pwned|<script|onerror/, 'markup is not shown as the text either');
  // Give anything that could run a moment to run.
  await new Promise((r) => setTimeout(r, 1000));
  const state = await wd.exec(
    'return { pwned: window.__pwned ?? null, href: location.href,' +
      ' scripts: document.querySelectorAll("article script, [data-testid=article-text] script").length,' +
      ' frames: document.querySelectorAll("iframe").length,' +
      ' handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,' +
      ' jsLinks: [...document.querySelectorAll("a")].filter((a) => a.href.startsWith("javascript:")).length };',
  );
  assert.deepEqual(state.pwned, null, 'no script or handler of the page ran');
  assert.equal(state.scripts, 0);
  assert.equal(state.frames, 0);
  assert.equal(state.handlers, 0, 'no element carries an event handler');
  assert.equal(state.jsLinks, 0);
  assert.doesNotMatch(state.href, /example\.org/, 'the window did not navigate away');
  // The command the page tried to call did not run: the review log is empty.
  const log = await wd.execAsync(
    'const done = arguments[arguments.length - 1];' +
      "window.__TAURI_INTERNALS__.invoke('review_log', { limit: 10 }).then(done, (e) => done({ error: e }));",
  );
  assert.deepEqual(log, []);

  // Even a script that did run in the page could reach only what the capability grants:
  // Tauri's core window, webview and path commands are refused.
  const refused = await wd.execAsync(
    `const done = arguments[arguments.length - 1];
     const calls = [
       ['plugin:window|set_title', { label: 'main', value: 'pwned' }],
       ['plugin:webview|create_webview_window', { options: { label: 'evil', url: 'https://example.org' } }],
       ['plugin:path|resolve_directory', { directory: 9 }],
       ['plugin:opener|open_path', { path: '/etc/passwd' }],
     ];
     Promise.all(calls.map(([cmd, args]) =>
       window.__TAURI_INTERNALS__.invoke(cmd, args).then(() => cmd + ': allowed', (e) => cmd + ': refused ' + String(e))))
       .then(done);`,
  );
  for (const line of refused) assert.match(line, /: refused .*not allowed|: refused .*denied|: refused .*permission/i, line);
  assert.notEqual(await wd.exec('return document.title'), 'pwned');
});
