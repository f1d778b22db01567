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
async function coldStart(db, selector, env = {}) {
  const started = performance.now();
  const { wd, close } = await openApp(db, { app: APP, env });
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

/** Sets the search box to `text` as typing does, and resolves with the milliseconds from the
 * input event to the first frame showing the results for `text` (the Library marks the
 * query its shown results are for on the list pane), or null if none came within 5 s. */
async function typeAndTime(wd, text) {
  return wd.execAsync(
    `const [text, done] = [arguments[0], arguments[arguments.length - 1]];
     const box = document.querySelector('[data-testid="search"]');
     const pane = document.querySelector('[data-testid="list-pane"]');
     let t0;
     const check = () => {
       if (pane.dataset.resultsFor !== text.trim()) return false;
       observer.disconnect(); clearTimeout(timer);
       requestAnimationFrame(() => done(performance.now() - t0));
       return true;
     };
     const observer = new MutationObserver(check);
     observer.observe(pane, { attributes: true, attributeFilter: ['data-results-for'] });
     const timer = setTimeout(() => { observer.disconnect(); done(null); }, 5000);
     t0 = performance.now();
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, text);
     box.dispatchEvent(new Event('input', { bubbles: true }));`,
    [text],
  );
}

/** Types each query one character at a time, timing every keystroke; between queries the
 * box is cleared. Returns the latencies of all keystrokes. */
async function keystrokes(wd) {
  const times = [];
  for (const query of QUERIES) {
    await wd.exec(
      `const box = document.querySelector('[data-testid="search"]');
       Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, '');
       box.dispatchEvent(new Event('input', { bubbles: true }));`,
    );
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 1; i <= query.length; i++) {
      if (query[i - 1] === ' ') continue; // the same search as the prefix before it
      const t = await typeAndTime(wd, query.slice(0, i));
      if (t === null) throw new Error(`no results shown for "${query.slice(0, i)}" within 5 s`);
      times.push(t);
      await new Promise((r) => setTimeout(r, 60));
    }
  }
  return times;
}

/** The floor under any keystroke: one round trip of a trivial command through the same IPC. */
async function ipcRoundTrip(wd) {
  const times = [];
  for (let i = 0; i < 30; i++) {
    times.push(
      await wd.execAsync(
        `const done = arguments[arguments.length - 1];
         const t0 = performance.now();
         window.__TAURI_INTERNALS__.invoke('get_settings').then(() => done(performance.now() - t0), () => done(-1));`,
      ),
    );
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
  const ipc = [];
  const emptyMemory = [];
  let processes = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = tempDir();
    const e = await coldStart(join(dir, 'empty.sqlite'), 'body');
    // The window is interactive when the first screen (the welcome page) is there.
    empty.push(e.elapsed);
    await new Promise((r) => setTimeout(r, 1500));
    emptyMemory.push(pssTree(appPid()).kb / 1024);
    await e.close();

    const b = await coldStart(BIG, '[data-testid="article-row"]');
    const total = Number(
      await b.wd.exec(`return document.querySelector('[data-testid="article-list"]').dataset.count`),
    );
    big.push(b.elapsed);
    // Scroll the Library through in 20 steps and then to the end, then measure memory.
    for (let step = 1; step <= 20; step++) {
      await b.wd.exec(
        `const el = document.querySelector('[data-testid="article-list"]');
         el.scrollTop = el.scrollHeight * arguments[0];`,
        [step / 20],
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    await b.wd.exec(
      `const el = document.querySelector('[data-testid="article-list"]');
       el.scrollTop = el.scrollHeight;`,
    );
    // The last rows are on screen (not placeholders) before memory is read.
    await b.wd.waitFor('the last rows after scrolling to the end', async () =>
      b.wd.exec(
        `const last = document.querySelector('[data-testid="article-row"][data-index="' + (arguments[0] - 1) + '"]');
         return last !== null;`,
        [total],
      ), 15000);
    await new Promise((r) => setTimeout(r, 500));
    const m = pssTree(appPid());
    memory.push(m.kb / 1024);
    processes = m.names;
    typing.push(...(await keystrokes(b.wd)));
    ipc.push(...(await ipcRoundTrip(b.wd)));
    await b.close();
    console.error(`run ${run}: empty ${ms(empty[run])}, 100k ${ms(big[run])}, memory ${memory[run].toFixed(0)} MB, keystrokes so far median ${ms(median(typing))} p95 ${ms(p95(typing))}`);
  }
  // For comparison, once: the same database with WebKit's GPU (DMA-BUF) renderer left on.
  const g = await coldStart(BIG, '[data-testid="article-row"]', { BRIEFING_GPU: '1' });
  await new Promise((r) => setTimeout(r, 1500));
  const gpuMemory = pssTree(appPid()).kb / 1024;
  await g.close();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = `## The desktop app

Measured ${when} UTC by \`./scripts/app-bench.sh\` on the release build (\`${APP.replace(ROOT + '/', '')}\`), through tauri-driver and WebKitWebDriver under Xvfb, ${RUNS} runs, medians.

| measure | value | baseline in the same run | target (issue 5) |
|---|---:|---:|---:|
| cold start to the first Library row, 100,000 articles | ${ms(median(big))} | ${ms(median(empty))} to the first screen on an empty database | at most 1,500 ms |
| memory (PSS) of the app and its WebKit processes after opening and scrolling | ${median(memory).toFixed(0)} MB | ${median(emptyMemory).toFixed(0)} MB on the empty database | at most 300 MB |
| keystroke to its results on screen, median (p95) of ${typing.length} keystrokes | ${ms(median(typing))} (${ms(p95(typing))}) | ${ms(median(ipc))} for one IPC round trip of a trivial command | within 50 ms |

Processes counted: ${[...new Set(processes)].join(', ')}. Cold start includes starting the app process and WebKit and opening the database; the session set-up of the driver is in both columns. The app turns WebKitGTK's DMA-BUF (GPU) renderer off at start (\`src-tauri/src/main.rs\`; \`BRIEFING_GPU=1\` keeps it): with it on, the same database took ${gpuMemory.toFixed(0)} MB in this run (Xvfb has no GPU, so WebKit renders with software GL). The Library's list is virtualised: only the rows in view are in the page, fetched 100 at a time. Keystrokes are the queries ${QUERIES.map((q) => `"${q}"`).join(', ')} typed a character at a time (60 ms apart, each waiting for its results); the time runs from the input event to the first animation frame after the list shows the results for that exact text. The search runs at the first keystroke (no debounce); while one search runs, only the newest text waits.
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
