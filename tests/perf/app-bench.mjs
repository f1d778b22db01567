// The desktop app's own performance (issue 5), measured on the real built app through
// tauri-driver under Xvfb, and written as the "## The desktop app" section of
// docs/PERFORMANCE.md. Run by scripts/app-bench.sh, which builds what it needs.
//
//   cold start     from asking tauri-driver for a session (the app process starts) to the
//                  first Library row on screen, on a 100,000-article database; next to the
//                  same on an empty database (the baseline, measured in the same run)
//   memory         proportional set size (PSS) of the app and its WebKit processes after
//                  opening that database and scrolling the Library to the end
//   keystroke      from the input event of each keystroke of a typed query to the result
//                  list changing in the page, measured inside the page

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, openApp, tempDir } from '../e2e/harness.mjs';

const APP = process.env.BRIEFING_BENCH_APP ?? join(ROOT, 'target/release/briefing-desk');
const BIG = process.env.BRIEFING_BENCH_DB;
const RUNS = Number(process.env.BRIEFING_BENCH_RUNS ?? 3);
const QUERIES = ['Dyusembayev', 'Serkov logistics', 'Samarkand', 'fish processing'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.round((xs.length - 1) * 0.95))];
const ms = (x) => `${x.toFixed(0)} ms`;

/** Time from launching the app to `selector` on screen. */
async function coldStart(db, selector) {
  const started = performance.now();
  const { wd, close } = await openApp(db, { app: APP });
  await wd.waitFor(selector, async () => (await wd.findAll(selector)).length > 0, 60000);
  const elapsed = performance.now() - started;
  return { elapsed, wd, close };
}

/** PSS in kB of a process and all its descendants. */
function pssTree(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const pids = [];
  const walk = (pid) => {
    pids.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(rootPid);
  let total = 0;
  const names = [];
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      total += kb;
      names.push(readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
    } catch {
      // not ours to read, or gone
    }
  }
  return { kb: total, names };
}

function appPid() {
  const out = execFileSync('pgrep', ['-n', '-f', APP], { encoding: 'utf8' }).trim();
  return Number(out.split('\n').pop());
}

/** Types `query` into the search box one character at a time, timing each result update
 * inside the page (one script call per keystroke). */
async function keystrokes(wd, query) {
  const times = [];
  await wd.exec(
    `const box = document.querySelector('[data-testid="search"]');
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, '');
     box.dispatchEvent(new Event('input', { bubbles: true }));`,
  );
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 1; i <= query.length; i++) {
    const t = await wd.execAsync(
      `const [text, done] = [arguments[0], arguments[arguments.length - 1]];
       const box = document.querySelector('[data-testid="search"]');
       const list = document.querySelector('[data-testid="article-list"]') ?? document.body;
       let t0;
       const observer = new MutationObserver(() => {
         observer.disconnect(); clearTimeout(timer); done(performance.now() - t0);
       });
       observer.observe(list, { childList: true, subtree: true, characterData: true });
       const timer = setTimeout(() => { observer.disconnect(); done(null); }, 3000);
       t0 = performance.now();
       Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, text);
       box.dispatchEvent(new Event('input', { bubbles: true }));`,
      [query.slice(0, i)],
    );
    // A one-letter prefix does not search: no change is expected.
    if (t !== null) times.push(t);
  }
  return times;
}

async function main() {
  if (!existsSync(APP)) throw new Error(`${APP} is not built (scripts/app-bench.sh builds it)`);
  if (!BIG || !existsSync(BIG)) throw new Error('BRIEFING_BENCH_DB must name the 100,000-article database');
  const articles = execFileSync(join(ROOT, 'target/release/briefing'), ['--db', BIG, 'list', '--limit', '1', '--json'], { encoding: 'utf8' });
  if (!articles.includes('"id"')) throw new Error('the benchmark database is empty');

  const empty = [];
  const big = [];
  const memory = [];
  const typing = [];
  let processes = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = tempDir();
    const e = await coldStart(join(dir, 'empty.sqlite'), 'body');
    // The window is interactive when the first screen (the welcome page) is there.
    empty.push(e.elapsed);
    await e.close();

    const b = await coldStart(BIG, '[data-testid="article-row"]');
    big.push(b.elapsed);
    // Scroll the Library to the end, then measure memory.
    await b.wd.exec(
      `const el = document.querySelector('[data-testid="article-list"]') ?? document.scrollingElement;
       el.scrollTop = el.scrollHeight;`,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const m = pssTree(appPid());
    memory.push(m.kb / 1024);
    processes = m.names;
    // Keystroke latency is not measured yet: a DOM change right after the input event (the
    // search box's own state) is not the result list updating, and the UI waits 150 ms
    // (debounce) before it searches. See keystrokes() for the harness to finish.
    void keystrokes;
    void typing;
    await b.close();
    console.error(`run ${run}: empty ${ms(empty[run])}, 100k ${ms(big[run])}, memory ${memory[run].toFixed(0)} MB`);
  }
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = `## The desktop app

Measured ${when} UTC by \`./scripts/app-bench.sh\` on the release build (\`${APP.replace(ROOT + '/', '')}\`), through tauri-driver and WebKitWebDriver under Xvfb, ${RUNS} runs, medians.

| measure | value | baseline in the same run | target (issue 5) |
|---|---:|---:|---:|
| cold start to the first Library row, 100,000 articles | ${ms(median(big))} | ${ms(median(empty))} to the first screen on an empty database | at most 1,500 ms |
| memory (PSS) of the app and its WebKit processes after opening and scrolling | ${median(memory).toFixed(0)} MB | | at most 300 MB |
| keystroke to the result list changing | not measured yet | | within 50 ms |

Processes counted: ${[...new Set(processes)].join(', ')}. Cold start includes starting the app process and WebKit and opening the database; the session set-up of the driver is in both columns. Keystroke latency in the window is not measured yet: the Library waits 150 ms after a keystroke before searching (debounce), and the search itself takes 6 ms at the median and 26 ms at the 95th percentile in the core (the search section above).
`;
  const path = join(ROOT, 'docs/PERFORMANCE.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  const head = current.split('\n## The desktop app')[0].trimEnd();
  writeFileSync(path, `${head}\n\n${section}`);
  console.log(section);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
