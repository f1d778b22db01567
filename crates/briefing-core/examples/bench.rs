//! The benchmark behind `docs/PERFORMANCE.md`. Run from the repository root:
//!
//!     cargo run --release -p briefing-core --example bench -- --out docs/PERFORMANCE.md
//!
//! It generates wire-style articles, imports them through the full path (files on disk ->
//! read -> ingest -> dedupe -> store -> index) next to a baseline of bare inserts into the
//! same FTS5 table, then searches a 100,000-article database. Medians of repeated runs; the
//! ratios to the baseline measured in the same run are the figures that hold on a noisy
//! machine.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use briefing_core::Store;
use briefing_core::import::{ImportInput, import};
use briefing_core::store::ArticleFilter;

struct Args {
    import_articles: usize,
    search_articles: usize,
    runs: usize,
    out: Option<PathBuf>,
    /// Only write the generated import corpus to this folder and stop (for timing
    /// `briefing import` with hyperfine, or profiling).
    write_corpus: Option<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        import_articles: 10_000,
        search_articles: 100_000,
        runs: 3,
        out: None,
        write_corpus: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().expect("a value after the flag");
        match arg.as_str() {
            "--import-articles" => a.import_articles = value().parse().expect("a number"),
            "--search-articles" => a.search_articles = value().parse().expect("a number"),
            "--runs" => a.runs = value().parse().expect("a number"),
            "--out" => a.out = Some(PathBuf::from(value())),
            "--write-corpus" => a.write_corpus = Some(PathBuf::from(value())),
            other => panic!("unknown argument {other}"),
        }
    }
    a
}

/// A deterministic generator of wire-style articles of 2-4 KB.
struct Wire(u64);

const PLACES: &[&str] = &[
    "BREST",
    "MINSK",
    "VITEBSK",
    "ASTANA",
    "ALMATY",
    "ATYRAU",
    "TASHKENT",
    "BISHKEK",
    "BAKU",
    "YEREVAN",
    "GOMEL",
    "GRODNO",
    "MOGILEV",
    "PAVLODAR",
    "SAMARKAND",
    "OSH",
    "KAZAN",
    "OMSK",
];
const OUTLETS: &[&str] = &[
    "BelTA",
    "Kazinform",
    "Reuters",
    "TASS",
    "Trend",
    "UzA",
    "Kabar",
    "AKIpress",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FIRST: &[&str] = &[
    "Gumar", "Mikhail", "Aigerim", "Rustam", "Olga", "Nurlan", "Sergei", "Dilnoza", "Timur",
    "Anna", "Bakhyt", "Viktor", "Zarina", "Pavel", "Askar", "Irina",
];
const LAST: &[&str] = &[
    "Dyusembayev",
    "Serkov",
    "Kholmuradov",
    "Nazarova",
    "Baikhanov",
    "Petrenko",
    "Abdullaev",
    "Kovalenko",
    "Seitkali",
    "Romanova",
    "Yusupov",
    "Lukashevich",
    "Tokayeva",
    "Ivanov",
];
const TITLES: &[&str] = &[
    "First Vice Governor",
    "Deputy Chairman of the Oblast Executive Committee",
    "Minister of Agriculture",
    "Akim",
    "Deputy Prime Minister",
    "Ambassador",
    "Khokim",
    "Mayor",
];
const TOPICS: &[&str] = &[
    "agribusiness",
    "dairy production",
    "light industry",
    "fish processing",
    "civil engineering",
    "logistics",
    "tourism",
    "recreation",
    "woodworking",
    "machine building",
    "pharmaceuticals",
    "textiles",
    "education",
    "energy",
    "transport corridors",
    "border trade",
];
const FILLER: &[&str] = &[
    "The sides discussed",
    "Particular attention was paid to",
    "The delegation visited",
    "An agreement was reached on",
    "The parties noted the potential of",
    "Negotiations are underway on",
    "The governor invited the guests to",
    "A roadmap was signed covering",
    "Experts will study",
];

impl Wire {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    fn article(&mut self, i: usize) -> String {
        let place = self.pick(PLACES);
        let outlet = self.pick(OUTLETS);
        let month = self.pick(MONTHS);
        let day = 1 + self.next() % 28;
        let (f, l, t) = (self.pick(FIRST), self.pick(LAST), self.pick(TITLES));
        let mut text = format!(
            "{} delegation holds talks in {} on {} (story {i})\n\n{place}, {day} {month} ({outlet}) - {t} {f} {l} met a delegation \
             to discuss {} and {}.",
            self.pick(PLACES),
            place,
            self.pick(TOPICS),
            self.pick(TOPICS),
            self.pick(TOPICS)
        );
        let target = 2048 + (self.next() % 2048) as usize;
        while text.len() < target {
            text.push_str("\n\n");
            for _ in 0..4 {
                let sentence = format!(
                    " {} {} with {} {} {} (ref {}).",
                    self.pick(FILLER),
                    self.pick(TOPICS),
                    self.pick(TITLES),
                    self.pick(FIRST),
                    self.pick(LAST),
                    self.next() % 100_000
                );
                text.push_str(sentence.trim_start());
                text.push(' ');
            }
        }
        text
    }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Full path: files on disk, read, ingested, deduplicated, stored and indexed.
fn full_import(dir: &Path, db: &Path) -> Duration {
    let mut store = Store::open(db).expect("bench database opens");
    let started = Instant::now();
    let report = import(
        &mut store,
        &[ImportInput::Path(dir.to_path_buf())],
        |_| {},
        &AtomicBool::new(false),
    );
    let elapsed = started.elapsed();
    assert_eq!(report.failed, 0, "{}", report.summary());
    elapsed
}

/// Baseline: the same titles and texts inserted into an FTS5 table with the same tokenizer,
/// in one transaction, with nothing else.
fn bare_inserts(docs: &[(String, String)], db: &Path) -> Duration {
    let mut conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2')").unwrap();
    let started = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut stmt = tx
            .prepare("INSERT INTO t (title, text) VALUES (?1, ?2)")
            .unwrap();
        for (title, text) in docs {
            stmt.execute([title, text]).unwrap();
        }
    }
    tx.commit().unwrap();
    started.elapsed()
}

fn main() {
    let args = args();
    let work = tempfile::tempdir().expect("temp dir");
    let mut wire = Wire(0x9E37_79B9_7F4A_7C15);
    let mut report = String::new();
    let when = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    report.push_str(&format!(
        "# Performance\n\nMeasured {when} on this machine ({cpus} cores) by\n\n    cargo run --release -p briefing-core --example bench -- --out docs/PERFORMANCE.md\n\n\
         Times are medians of {} runs unless stated; each ratio compares with a baseline measured in the same run.\n\n",
        args.runs
    ));

    // --- Import ---------------------------------------------------------------------------
    let corpus = args
        .write_corpus
        .clone()
        .unwrap_or_else(|| work.path().join("corpus"));
    std::fs::create_dir_all(&corpus).unwrap();
    let mut docs = Vec::with_capacity(args.import_articles);
    let mut bytes = 0usize;
    for i in 0..args.import_articles {
        let text = wire.article(i);
        bytes += text.len();
        let (title, body) = text.split_once("\n\n").unwrap();
        docs.push((title.to_string(), body.to_string()));
        std::fs::write(corpus.join(format!("{i:06}.txt")), text).unwrap();
    }
    if args.write_corpus.is_some() {
        eprintln!("{} articles written to {}", docs.len(), corpus.display());
        return;
    }
    let (mut full, mut bare) = (Vec::new(), Vec::new());
    for run in 0..args.runs {
        bare.push(bare_inserts(
            &docs,
            &work.path().join(format!("bare{run}.sqlite")),
        ));
        full.push(full_import(
            &corpus,
            &work.path().join(format!("full{run}.sqlite")),
        ));
        eprintln!(
            "import run {run}: full {:?}, bare {:?}",
            full[run], bare[run]
        );
    }
    let (full, bare) = (median(full), median(bare));
    let n = args.import_articles as f64;
    let rate = |d: Duration| n / d.as_secs_f64();
    report.push_str(&format!(
        "## Import\n\n{} generated wire-style articles, {:.1} KB each on average ({:.1} MB in all), as .txt files.\n\n\
         | path | time | articles/s | ratio to baseline |\n|---|---:|---:|---:|\n\
         | bare SQLite inserts into the same FTS5 table (baseline) | {} | {:.0} | 1.00 |\n\
         | full import: read, ingest, dedupe, store, index | {} | {:.0} | {:.2} |\n\n\
         Targets: at least 2,000 articles/s, and within 3x of the baseline.\n\n",
        args.import_articles,
        bytes as f64 / n / 1024.0,
        bytes as f64 / 1_048_576.0,
        ms(bare),
        rate(bare),
        ms(full),
        rate(full),
        full.as_secs_f64() / bare.as_secs_f64()
    ));

    // --- Search ---------------------------------------------------------------------------
    let db = work.path().join("search.sqlite");
    let mut store = Store::open(&db).unwrap();
    let started = Instant::now();
    let chunk = 5_000;
    let mut i = 0;
    while i < args.search_articles {
        let inputs: Vec<ImportInput> = (i..(i + chunk).min(args.search_articles))
            .map(|k| ImportInput::Paste {
                name: format!("gen-{k}.txt"),
                text: wire.article(k),
            })
            .collect();
        let r = import(&mut store, &inputs, |_| {}, &AtomicBool::new(false));
        assert_eq!(r.failed, 0);
        i += chunk;
    }
    let fill = started.elapsed();
    let stored = store.count_articles().unwrap();
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let size = std::fs::metadata(&db).unwrap().len();
    let source_bytes: i64 = store
        .connection()
        .query_row("SELECT sum(length(bytes)) FROM sources", [], |r| r.get(0))
        .unwrap();
    let queries = [
        "Dyusembayev",
        "brest",
        "dairy production",
        "\"fish processing\"",
        "Serkov logistics",
        "Deputy Chairman",
        "tourism recreation",
        "Kazinform",
        "Atyrau",
        "machine build",
        "Tokayeva energy",
        "ambassador textiles",
        "Samarkand",
        "roadmap",
        "customs border trade",
        "Gum",
        "Dyus",
        "pharma",
    ];
    let mut times = Vec::new();
    let mut hits = 0usize;
    for _ in 0..10 {
        for q in queries {
            let t = Instant::now();
            hits += store
                .search(q, &ArticleFilter::default(), 20)
                .unwrap()
                .len();
            times.push(t.elapsed());
        }
    }
    times.sort();
    // Search as you type: every prefix of a name, as each keystroke sends it.
    let mut typing = Vec::new();
    for word in ["Dyusembayev", "Kholmuradov", "Samarkand"] {
        for end in 1..=word.len() {
            let t = Instant::now();
            store
                .search(&word[..end], &ArticleFilter::default(), 20)
                .unwrap();
            typing.push(t.elapsed());
        }
    }
    typing.sort();
    report.push_str(&format!(
        "## Search\n\n{stored} articles (filled in {:.1} s through the import path, in memory). Ranked (BM25, title boost), 20 hits with \
         highlighted snippets, {} queries ({} distinct, names, phrases, prefixes; {} hits in all).\n\n\
         | queries | p50 | p95 | max |\n|---|---:|---:|---:|\n\
         | typed queries | {} | {} | {} |\n\
         | search as you type (every prefix of three names) | {} | {} | {} |\n\n\
         Target: p95 at most 20 ms.\n\n",
        fill.as_secs_f64(),
        times.len(),
        queries.len(),
        hits,
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap()),
        ms(percentile(&typing, 0.5)),
        ms(percentile(&typing, 0.95)),
        ms(*typing.last().unwrap()),
    ));

    report.push_str(&format!(
        "## Database size\n\n| | bytes |\n|---|---:|\n| database file, {stored} articles | {size} |\n| per article | {} |\n\
         | of which the original source bytes kept for re-extraction, per article | {} |\n",
        size / stored as u64,
        source_bytes / stored,
    ));
    print!("{report}");
    if let Some(out) = args.out {
        std::fs::write(&out, &report).expect("report written");
        eprintln!("written to {}", out.display());
    }
}
