//! Storing articles. Each source is stored whole or not at all: its row, its articles, their
//! index entries and LSH bands go in one transaction per batch; when any source of a batch
//! fails, the batch is stored again one transaction per source (see `add_sources`).

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store};
use crate::dedupe::{self, NEAR_DUPLICATE_THRESHOLD};
use crate::model::{Article, Format};
use crate::text::fold_yo;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    File,
    Url,
    Paste,
}

impl SourceKind {
    fn as_str(self) -> &'static str {
        match self {
            SourceKind::File => "file",
            SourceKind::Url => "url",
            SourceKind::Paste => "paste",
        }
    }
}

/// A source about to be stored, with the articles ingest made of it and their fingerprints.
/// Building one does the CPU work of storing (hashing, MinHash), so an import can do it on
/// another thread than the one writing to the database.
#[derive(Debug, Clone)]
pub struct NewSource {
    pub name: String,
    pub kind: SourceKind,
    pub format: Format,
    pub bytes: Vec<u8>,
    pub articles: Vec<Article>,
    fingerprints: Vec<Fingerprint>,
}

/// What duplicate detection needs of an article: its normalised text, the hash of that text
/// and its MinHash signature.
#[derive(Debug, Clone)]
struct Fingerprint {
    text: String,
    hash: String,
    signature: Vec<u32>,
}

impl NewSource {
    pub fn new(
        name: String,
        kind: SourceKind,
        format: Format,
        bytes: Vec<u8>,
        articles: Vec<Article>,
    ) -> NewSource {
        let fingerprints = articles
            .iter()
            .map(|a| {
                let text = a.text();
                Fingerprint {
                    hash: dedupe::content_hash(&text),
                    signature: dedupe::signature(&text),
                    text,
                }
            })
            .collect();
        NewSource {
            name,
            kind,
            format,
            bytes,
            articles,
            fingerprints,
        }
    }
}

/// What became of one article.
#[derive(Debug, Clone, PartialEq)]
pub enum AddOutcome {
    Added {
        id: i64,
    },
    /// Stored, and grouped with an earlier copy of the same story.
    NearDuplicate {
        id: i64,
        of: i64,
        of_title: String,
        similarity: f64,
    },
    /// Refused: the same text is already stored.
    Duplicate {
        existing_id: i64,
        existing_title: String,
    },
}

impl Store {
    /// Stores one source and its articles.
    pub fn add_source(&mut self, source: &NewSource) -> Result<Vec<AddOutcome>> {
        self.add_sources(std::slice::from_ref(source))?
            .pop()
            .expect("one result per source")
    }

    /// Stores many sources in one transaction. A source that fails leaves no rows and the
    /// others are kept: when any source fails, the batch is rolled back and stored again one
    /// source per transaction. (Savepoints per source would give the same guarantee, but
    /// FTS5 flushes its pending index data at every savepoint, which made imports ten times
    /// slower.) A crash before the commit keeps none of the batch, and importing it again
    /// stores it. The outer error is a failed commit, after which nothing of it is stored.
    pub fn add_sources(&mut self, sources: &[NewSource]) -> Result<Vec<Result<Vec<AddOutcome>>>> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(sources.len());
        let mut indexed = Vec::new();
        for source in sources {
            match add_one(&tx, source, &mut indexed) {
                Ok(o) => outcomes.push(Ok(o)),
                Err(_) => break,
            }
        }
        if outcomes.len() == sources.len() {
            index_articles(&tx, &indexed)?;
            tx.commit()?;
            return Ok(outcomes);
        }
        drop(tx);
        let mut results = Vec::with_capacity(sources.len());
        for source in sources {
            let tx = self.conn.transaction()?;
            let mut indexed = Vec::new();
            results.push(match add_one(&tx, source, &mut indexed) {
                Ok(o) => {
                    index_articles(&tx, &indexed)?;
                    tx.commit()?;
                    Ok(o)
                }
                Err(e) => Err(e),
            });
        }
        Ok(results)
    }

    pub fn tag_article(&mut self, article_id: i64, tag: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [tag],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
            params![article_id, tag],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// Adds the full-text index rows of articles stored in this transaction. See the first
/// migration for why this is not a trigger. The text is indexed with ё folded to е.
fn index_articles(conn: &Connection, articles: &[(i64, String, String)]) -> Result<()> {
    let mut insert =
        conn.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?;
    for (id, title, text) in articles {
        insert.execute(params![id, fold_yo(title), fold_yo(text)])?;
    }
    Ok(())
}

fn add_one(
    conn: &Connection,
    source: &NewSource,
    indexed: &mut Vec<(i64, String, String)>,
) -> Result<Vec<AddOutcome>> {
    let now = super::now();
    let mut source_id: Option<i64> = None;
    let mut outcomes = Vec::with_capacity(source.articles.len());
    for (index, (article, fp)) in source.articles.iter().zip(&source.fingerprints).enumerate() {
        let Fingerprint {
            text,
            hash,
            signature,
        } = fp;
        let existing = conn
            .prepare_cached("SELECT id, title FROM articles WHERE content_hash = ?1")?
            .query_row([&hash], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?;
        if let Some((existing_id, existing_title)) = existing {
            outcomes.push(AddOutcome::Duplicate {
                existing_id,
                existing_title,
            });
            continue;
        }
        let sid = match source_id {
            Some(id) => id,
            None => {
                conn.prepare_cached(
                    "INSERT INTO sources (name, kind, format, sha256, bytes, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    source.name,
                    source.kind.as_str(),
                    source.format.as_str(),
                    dedupe::content_hash_bytes(&source.bytes),
                    source.bytes,
                    now
                ])?;
                *source_id.insert(conn.last_insert_rowid())
            }
        };
        let bands = dedupe::band_keys(signature);
        let near = if dedupe::long_enough_for_near_duplicate(text) {
            find_near_duplicate(conn, signature, &bands)?
        } else {
            None
        };
        let group_id = match &near {
            Some(n) => Some(match n.group_id {
                Some(g) => g,
                None => {
                    conn.prepare_cached("INSERT INTO article_groups (created_at) VALUES (?1)")?
                        .execute([&now])?;
                    let g = conn.last_insert_rowid();
                    conn.prepare_cached("UPDATE articles SET group_id = ?1 WHERE id = ?2")?
                        .execute(params![g, n.id])?;
                    g
                }
            }),
            None => None,
        };
        conn.prepare_cached(
            "INSERT INTO articles (source_id, item_index, title, title_derived, text, outlet, dateline,
                 published, url, relayed_from, relay_reference, language, format, warnings,
                 content_hash, group_id, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )?
        .execute(params![
            sid,
            index as i64,
            article.title,
            article.title_derived,
            text,
            article.outlet,
            article.dateline,
            article.published.map(|d| d.to_iso()),
            article.url,
            article.relayed_from.as_ref().map(|r| &r.outlet),
            article.relayed_from.as_ref().and_then(|r| r.reference.as_ref()),
            article.language,
            article.format.as_str(),
            serde_json::to_string(&article.warnings).expect("strings serialise"),
            hash,
            group_id,
            now,
        ])?;
        let id = conn.last_insert_rowid();
        indexed.push((id, article.title.clone(), text.clone()));
        conn.prepare_cached(
            "INSERT INTO article_signatures (article_id, minhash) VALUES (?1, ?2)",
        )?
        .execute(params![id, dedupe::signature_to_blob(signature)])?;
        let mut insert_band = conn.prepare_cached(
            "INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?1, ?2)",
        )?;
        for key in &bands {
            insert_band.execute(params![key, id])?;
        }
        outcomes.push(match near {
            Some(n) => AddOutcome::NearDuplicate {
                id,
                of: n.id,
                of_title: n.title,
                similarity: n.similarity,
            },
            None => AddOutcome::Added { id },
        });
    }
    Ok(outcomes)
}

struct Near {
    id: i64,
    title: String,
    group_id: Option<i64>,
    similarity: f64,
}

/// The most similar stored article sharing an LSH band, when it is similar enough.
/// Candidates are compared on their signatures alone; only the winner's row is read.
fn find_near_duplicate(
    conn: &Connection,
    signature: &[u32],
    bands: &[i64],
) -> Result<Option<Near>> {
    let placeholders = vec!["?"; bands.len()].join(",");
    let sql = format!(
        "SELECT article_id, minhash FROM article_signatures WHERE article_id IN
            (SELECT article_id FROM article_bands WHERE band_key IN ({placeholders}) LIMIT 200)"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(bands), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut best: Option<(i64, f64)> = None;
    for row in rows {
        let (id, blob) = row?;
        let similarity = dedupe::similarity(signature, &dedupe::signature_from_blob(&blob));
        if similarity >= NEAR_DUPLICATE_THRESHOLD && best.is_none_or(|(_, s)| similarity > s) {
            best = Some((id, similarity));
        }
    }
    let Some((id, similarity)) = best else {
        return Ok(None);
    };
    let (title, group_id) = conn
        .prepare_cached("SELECT title, group_id FROM articles WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(Some(Near {
        id,
        title,
        group_id,
        similarity,
    }))
}
