//! Importing sources into the store: files, folders (recursively), feeds and URLs. This is
//! the I/O layer around the pure ingest functions; it reports progress, can be cancelled
//! between sources, and names every input that failed and why.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use crate::fetch::fetch;
use crate::ingest::{self, MAX_SOURCE_BYTES, SourceHint};
use crate::store::{AddOutcome, NewSource, SourceKind, Store};

/// File extensions picked up when a folder is imported. A file named explicitly is tried
/// whatever its extension.
pub const FOLDER_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "eml", "xml", "rss", "atom",
];

/// Sources are committed in batches: one transaction each, so a crash loses at most the batch
/// in flight, and importing again stores it. A batch closes at this many sources, at
/// BATCH_BYTES, or after BATCH_TIME, whichever comes first. Each commit makes the full-text
/// index flush and merge a segment, so small batches cost much more than large ones.
const BATCH: usize = 1024;
const BATCH_BYTES: usize = 16 * 1024 * 1024;
const BATCH_TIME: std::time::Duration = std::time::Duration::from_secs(1);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportInput {
    Path(PathBuf),
    Url(String),
    /// Text pasted by the officer; the name is shown in reports.
    Paste {
        name: String,
        text: String,
    },
}

impl ImportInput {
    /// A command-line argument: an http(s) address or a path.
    pub fn parse(arg: &str) -> ImportInput {
        let lower = arg.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            ImportInput::Url(arg.to_string())
        } else {
            ImportInput::Path(PathBuf::from(arg))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    Imported,
    NearDuplicate,
    Duplicate,
    Failed,
}

/// What became of one input (or one item of a feed).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ImportItem {
    pub input: String,
    pub status: ImportStatus,
    pub article_id: Option<i64>,
    pub title: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub imported: usize,
    pub near_duplicates: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub cancelled: bool,
    pub items: Vec<ImportItem>,
    /// How long storing took (articles stored, indexed and searchable), and then extracting
    /// and storing their suggestions, in milliseconds.
    pub stored_ms: u64,
    pub suggested_ms: u64,
}

impl ImportReport {
    fn push(&mut self, item: ImportItem) {
        match item.status {
            ImportStatus::Imported => self.imported += 1,
            ImportStatus::NearDuplicate => self.near_duplicates += 1,
            ImportStatus::Duplicate => self.duplicates += 1,
            ImportStatus::Failed => self.failed += 1,
        }
        self.items.push(item);
    }

    /// "imported 10 · near-duplicates 1 · duplicates 2 · failed 1"
    pub fn summary(&self) -> String {
        format!(
            "imported {} · near-duplicates {} (stored, grouped) · duplicates {} (refused) · failed {}{}",
            self.imported,
            self.near_duplicates,
            self.duplicates,
            self.failed,
            if self.cancelled {
                " · cancelled before the end"
            } else {
                ""
            }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub current: String,
    /// "storing" the sources, then "suggesting" (extracting the stored articles'
    /// suggestions).
    pub stage: &'static str,
}

/// Articles extracted per transaction after an import.
const SUGGEST_BATCH: usize = 256;

/// Expands folders into the files they hold (recursively, sorted, hidden files skipped), so
/// that the total is known before the import starts.
pub fn expand_inputs(inputs: &[ImportInput]) -> Vec<ImportInput> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            ImportInput::Path(p) if p.is_dir() => walk(p, &mut out),
            other => out.push(other.clone()),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<ImportInput>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(ImportInput::Path(dir.to_path_buf()));
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            if ext.is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.as_str())) {
                out.push(ImportInput::Path(path));
            }
        }
    }
}

/// Imports everything named by `inputs`. `on_progress` is called after each source;
/// setting `cancel` stops the import between batches, keeping what was stored.
pub fn import(
    store: &mut Store,
    inputs: &[ImportInput],
    mut on_progress: impl FnMut(&ImportProgress),
    cancel: &AtomicBool,
) -> ImportReport {
    let started = std::time::Instant::now();
    let units = expand_inputs(inputs);
    let total = units.len();
    let mut report = ImportReport::default();
    // Two stages: reader threads read, ingest, fingerprint and extract the next sources
    // (CPU work, as many threads as cores), while this thread stores them in input order.
    // The channel is bounded so that reading never runs far ahead of storing.
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Prepared)>(BATCH * 2);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let readers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    std::thread::scope(|scope| {
        for _ in 0..readers {
            let tx = tx.clone();
            let (next, units) = (&next, &units);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(unit) = units.get(i) else { break };
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    if tx.send((i, (label(unit), prepare(unit)))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Sources finish out of order; they are stored in the order given.
        let mut pending: std::collections::BTreeMap<usize, Prepared> = Default::default();
        let mut expected = 0usize;
        let in_order = rx.iter().flat_map(|(i, p)| {
            pending.insert(i, p);
            let mut ready = Vec::new();
            while let Some(p) = pending.remove(&expected) {
                ready.push(p);
                expected += 1;
            }
            ready
        });
        let mut batch: Vec<Prepared> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut batch_started = std::time::Instant::now();
        let mut done = 0;
        for prepared in in_order {
            done += 1;
            let label = prepared.0.clone();
            if let Ok((source, _)) = &prepared.1 {
                batch_bytes += source.bytes.len();
            }
            batch.push(prepared);
            if batch.len() >= BATCH
                || batch_bytes > BATCH_BYTES
                || batch_started.elapsed() >= BATCH_TIME
            {
                flush(store, &mut batch, &mut report);
                batch_bytes = 0;
                batch_started = std::time::Instant::now();
            }
            on_progress(&ImportProgress {
                done,
                total,
                current: label,
                stage: "storing",
            });
            if cancel.load(Ordering::Relaxed) {
                break;
            }
        }
        flush(store, &mut batch, &mut report);
        report.cancelled = done < total && cancel.load(Ordering::Relaxed);
        // Dropping the receiver here stops the reader at its next send.
        drop(rx);
    });
    report.stored_ms = started.elapsed().as_millis() as u64;
    // Then the suggestions of what was stored: the articles are searchable meanwhile. An
    // article whose suggestions are not stored (the import was cancelled first, or stored
    // by an older version) is extracted when it is first reviewed.
    let started = std::time::Instant::now();
    let ids: Vec<i64> = report.items.iter().filter_map(|i| i.article_id).collect();
    let mut done = 0;
    for chunk in ids.chunks(SUGGEST_BATCH) {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            break;
        }
        if let Err(e) = store.suggest_for(chunk) {
            // The articles are stored; their suggestions will be made when reviewed.
            for item in report
                .items
                .iter_mut()
                .filter(|i| i.article_id.is_some_and(|a| chunk.contains(&a)))
            {
                let note = format!(
                    "suggestions not extracted yet ({e}); they will be when the article is reviewed"
                );
                item.message = Some(match item.message.take() {
                    Some(m) => format!("{m}; {note}"),
                    None => note,
                });
            }
        }
        done += chunk.len();
        on_progress(&ImportProgress {
            done,
            total: ids.len(),
            current: "suggesting counterparts".into(),
            stage: "suggesting",
        });
    }
    report.suggested_ms = started.elapsed().as_millis() as u64;
    report
}

/// An input read and ingested, or the reason it could not be, waiting to be stored.
type Prepared = (String, Result<(NewSource, Vec<String>), String>);

fn label(unit: &ImportInput) -> String {
    match unit {
        ImportInput::Path(p) => p.display().to_string(),
        ImportInput::Url(u) => u.clone(),
        ImportInput::Paste { name, .. } => name.clone(),
    }
}

fn failed(input: &str, message: String) -> ImportItem {
    ImportItem {
        input: input.to_string(),
        status: ImportStatus::Failed,
        article_id: None,
        title: None,
        message: Some(message),
    }
}

/// Reads and ingests one input. Errors are messages for the officer.
fn prepare(unit: &ImportInput) -> Result<(NewSource, Vec<String>), String> {
    let (name, kind, bytes, content_type) = match unit {
        ImportInput::Path(path) => {
            let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
            if !meta.is_file() {
                return Err("not a file".into());
            }
            // Refuse by size before reading: a 50 MB file should cost nothing.
            if meta.len() > MAX_SOURCE_BYTES {
                return Err(ingest::IngestError::TooLarge {
                    size: meta.len(),
                    max: MAX_SOURCE_BYTES,
                }
                .to_string());
            }
            let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
            (path.display().to_string(), SourceKind::File, bytes, None)
        }
        ImportInput::Url(url) => {
            let f = fetch(url).map_err(|e| e.to_string())?;
            (f.url, SourceKind::Url, f.bytes, f.content_type)
        }
        ImportInput::Paste { name, text } => (
            name.clone(),
            SourceKind::Paste,
            text.clone().into_bytes(),
            None,
        ),
    };
    let url = (kind == SourceKind::Url).then_some(name.as_str());
    let hint = SourceHint {
        name: &name,
        content_type: content_type.as_deref(),
        url,
    };
    let ingested = ingest::ingest(&hint, &bytes).map_err(|e| e.to_string())?;
    if ingested.articles.is_empty() {
        let why = ingested.problems.join("; ");
        return Err(if why.is_empty() {
            "no articles found".into()
        } else {
            why
        });
    }
    let source = NewSource::new(name, kind, ingested.format, bytes, ingested.articles);
    Ok((source, ingested.problems))
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Stores a batch and reports every input in the order it was given.
fn flush(store: &mut Store, batch: &mut Vec<Prepared>, report: &mut ImportReport) {
    if batch.is_empty() {
        return;
    }
    let sources: Vec<NewSource> = batch
        .iter()
        .filter_map(|(_, p)| p.as_ref().ok())
        .map(|(s, _)| s.clone())
        .collect();
    let mut results = match store.add_sources(&sources) {
        Ok(results) => results.into_iter(),
        Err(e) => {
            for (label, prepared) in batch.drain(..) {
                let message = match prepared {
                    Ok(_) => format!("not stored: {e}"),
                    Err(message) => message,
                };
                report.push(failed(&label, message));
            }
            return;
        }
    };
    for (label, prepared) in batch.drain(..) {
        let (source, problems) = match prepared {
            Ok(p) => p,
            Err(message) => {
                report.push(failed(&label, message));
                continue;
            }
        };
        match results.next().expect("one result per stored source") {
            Err(e) => report.push(failed(&label, format!("not stored: {e}"))),
            Ok(outcomes) => {
                let multi = source.articles.len() > 1;
                for (i, (article, outcome)) in source.articles.iter().zip(outcomes).enumerate() {
                    let input = if multi {
                        format!("{label} (item {})", i + 1)
                    } else {
                        label.clone()
                    };
                    report.push(item_for(input, article, outcome));
                }
                for problem in problems {
                    report.push(failed(&label, problem));
                }
            }
        }
    }
}

fn item_for(input: String, article: &crate::model::Article, outcome: AddOutcome) -> ImportItem {
    let warnings = (!article.warnings.is_empty()).then(|| article.warnings.join("; "));
    let title = Some(article.title.clone());
    match outcome {
        AddOutcome::Added { id } => ImportItem {
            input,
            status: ImportStatus::Imported,
            article_id: Some(id),
            title,
            message: warnings,
        },
        AddOutcome::NearDuplicate {
            id,
            of,
            of_title,
            similarity,
        } => ImportItem {
            input,
            status: ImportStatus::NearDuplicate,
            article_id: Some(id),
            title,
            message: Some(format!(
                "stored and grouped with article {of} \u{201c}{of_title}\u{201d} (the same story, {:.0}% alike){}",
                similarity * 100.0,
                warnings.map(|w| format!("; {w}")).unwrap_or_default()
            )),
        },
        AddOutcome::Duplicate {
            existing_id,
            existing_title,
        } => ImportItem {
            input,
            status: ImportStatus::Duplicate,
            article_id: Some(existing_id),
            title,
            message: Some(format!(
                "not stored: the same text is already stored as article {existing_id} \u{201c}{existing_title}\u{201d}"
            )),
        },
    }
}
