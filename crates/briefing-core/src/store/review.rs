//! Reviewing suggestions: confirm, correct, reject, merge and split. Each action runs in one
//! transaction through the undo journal, and is recorded in `review_log` with who did it and
//! when; `undo_last` takes back the latest action still standing.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::json;

use super::journal::{Journal, undo_steps};
use super::suggest::{self, KnownName};
use super::{Result, Store, StoreError};
use crate::extract;
use crate::names;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct QuoteView {
    pub id: i64,
    pub text: String,
    /// Byte range in the article text.
    pub span: Option<(i64, i64)>,
    pub status: String,
    pub person_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct MentionView {
    pub id: i64,
    pub article_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    /// Byte ranges in the article text, the fullest first.
    pub spans: Vec<(i64, i64)>,
    pub confidence: f64,
    pub status: String,
    /// The known person this is offered as (or, once confirmed, is).
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    /// Why it is offered as that person.
    pub evidence: Option<String>,
    pub quotes: Vec<QuoteView>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct TopicView {
    pub id: i64,
    pub name: String,
    pub proposed_by: Option<String>,
    pub proposed_by_person: Option<i64>,
    pub status: String,
    pub span: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct CommitmentView {
    pub id: i64,
    pub kind: String,
    pub description: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: String,
    /// suggested, confirmed or rejected.
    pub review: String,
    pub span: Option<(i64, i64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct FigureView {
    pub id: i64,
    pub text: String,
    pub status: String,
    pub span: Option<(i64, i64)>,
}

/// Everything suggested for one article, and where review stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ArticleReview {
    pub article_id: i64,
    pub mentions: Vec<MentionView>,
    pub unattributed_quotes: Vec<QuoteView>,
    pub topics: Vec<TopicView>,
    pub commitments: Vec<CommitmentView>,
    pub figures: Vec<FigureView>,
    /// The rest of the extraction (dates, places, organisations, visit facts) as JSON.
    pub extraction: Option<serde_json::Value>,
}

/// Who a corrected mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonChoice {
    /// The person it was offered as, or a new person when none was offered.
    AsOffered,
    /// A new person, even though a known one was offered.
    New,
    /// This known person.
    Existing(i64),
}

/// The officer's version of a suggested mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub person: PersonChoice,
}

/// Suggestions other than people, reviewed by status alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Quote,
    Topic,
    Commitment,
    Figure,
}

impl FactKind {
    fn table(self) -> &'static str {
        match self {
            FactKind::Quote => "quotes",
            FactKind::Topic => "topics",
            FactKind::Commitment => "commitments",
            FactKind::Figure => "figures",
        }
    }
    fn status_column(self) -> &'static str {
        match self {
            FactKind::Commitment => "review",
            _ => "status",
        }
    }
}

/// One recorded review action.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct LogEntry {
    pub id: i64,
    pub action: String,
    pub subject: String,
    pub details: serde_json::Value,
    pub actor: String,
    pub at: String,
    pub undone_at: Option<String>,
}

/// What `accept_all` confirmed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Accepted {
    pub people: usize,
    pub quotes: usize,
    pub topics: usize,
    pub commitments: usize,
    pub figures: usize,
}

fn span(a: Option<i64>, b: Option<i64>) -> Option<(i64, i64)> {
    Some((a?, b?))
}

fn text(v: Option<&str>) -> Value {
    v.map_or(Value::Null, |s| Value::Text(s.to_string()))
}

fn script_of(name: &str) -> &'static str {
    if name
        .chars()
        .any(|c| matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}'))
    {
        "Cyrl"
    } else {
        "Latn"
    }
}

/// The mention row a review action works on.
struct MentionRow {
    id: i64,
    article_id: i64,
    person_id: Option<i64>,
    name: String,
    title: Option<String>,
    organisation: Option<String>,
    country: Option<String>,
    status: String,
}

fn mention_row(conn: &Connection, id: i64) -> Result<MentionRow> {
    conn.query_row(
        "SELECT id, article_id, person_id, name_as_written, title_as_written, organisation, country, status
         FROM mentions WHERE id = ?1",
        [id],
        |r| {
            Ok(MentionRow {
                id: r.get(0)?,
                article_id: r.get(1)?,
                person_id: r.get(2)?,
                name: r.get(3)?,
                title: r.get(4)?,
                organisation: r.get(5)?,
                country: r.get(6)?,
                status: r.get(7)?,
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: "suggested person",
        id,
    })
}

/// The person a merged person now lives on as.
pub(super) fn surviving(conn: &Connection, mut id: i64) -> Result<i64> {
    for _ in 0..64 {
        let next: Option<Option<i64>> = conn
            .query_row("SELECT merged_into FROM people WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match next {
            None => return Err(StoreError::NotFound { what: "person", id }),
            Some(None) => return Ok(id),
            Some(Some(n)) => id = n,
        }
    }
    Ok(id)
}

/// The date an article shows a position on: its publication date (`--06-21` when the year
/// is unknown), else the first date its text gives, else the day it was imported.
fn article_date(conn: &Connection, article_id: i64) -> Result<String> {
    Ok(conn.query_row(
        "SELECT coalesce(a.published,
                         (SELECT json_extract(e.suggestions, '$.dates[0].date') FROM extractions e
                          WHERE e.article_id = a.id AND length(json_extract(e.suggestions, '$.dates[0].date')) >= 7
                            AND json_extract(e.suggestions, '$.dates[0].date') GLOB '*-[0-9][0-9]-[0-9][0-9]'),
                         substr(a.imported_at, 1, 10))
         FROM articles a WHERE a.id = ?1",
        [article_id],
        |r| r.get(0),
    )?)
}

fn new_person(j: &mut Journal<'_>, name: &str) -> Result<i64> {
    let now = super::now();
    let id = j.insert(
        "people",
        &[
            ("house_name", Value::Text(name.to_string())),
            ("name_key", Value::Text(names::name_key(name))),
            ("created_at", Value::Text(now.clone())),
            ("updated_at", Value::Text(now)),
        ],
    )?;
    add_name(j, id, name)?;
    Ok(id)
}

fn add_name(j: &mut Journal<'_>, person_id: i64, name: &str) -> Result<()> {
    let exists: bool = j.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM person_names WHERE person_id = ?1 AND name = ?2)",
        params![person_id, name],
        |r| r.get(0),
    )?;
    if !exists {
        j.insert(
            "person_names",
            &[
                ("person_id", Value::Integer(person_id)),
                ("name", Value::Text(name.to_string())),
                ("name_key", Value::Text(names::name_key(name))),
                ("script", Value::Text(script_of(name).to_string())),
            ],
        )?;
    }
    Ok(())
}

/// Adds the position an article shows, or widens the dates of the same position seen before.
fn add_position(
    j: &mut Journal<'_>,
    person_id: i64,
    article_id: i64,
    title: &str,
    organisation: Option<&str>,
    country: Option<&str>,
) -> Result<()> {
    let date = article_date(j.conn(), article_id)?;
    let title_key = names::name_key(title);
    let org_key = organisation.map(names::name_key);
    /// id, title, organisation, first seen, last seen.
    type Row = (i64, String, Option<String>, Option<String>, Option<String>);
    let existing: Vec<Row> = {
        let mut stmt = j.conn().prepare_cached(
            "SELECT id, title, organisation, first_seen, last_seen FROM positions WHERE person_id = ?1",
        )?;
        stmt.query_map([person_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let same = existing.into_iter().find(|(_, t, o, _, _)| {
        names::name_key(t) == title_key && o.as_deref().map(names::name_key) == org_key
    });
    let position_id = match same {
        Some((id, _, _, first, last)) => {
            let first = first.map_or(date.clone(), |f| f.min(date.clone()));
            let last = last.map_or(date.clone(), |l| l.max(date.clone()));
            j.update(
                "positions",
                id,
                &[
                    ("first_seen", Value::Text(first)),
                    ("last_seen", Value::Text(last)),
                ],
            )?;
            id
        }
        None => j.insert(
            "positions",
            &[
                ("person_id", Value::Integer(person_id)),
                ("title", Value::Text(title.to_string())),
                ("organisation", text(organisation)),
                ("country", text(country)),
                ("first_seen", Value::Text(date.clone())),
                ("last_seen", Value::Text(date)),
                ("evidence_article_id", Value::Integer(article_id)),
            ],
        )?,
    };
    let linked: bool = j.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM position_articles WHERE position_id = ?1 AND article_id = ?2)",
        params![position_id, article_id],
        |r| r.get(0),
    )?;
    if !linked {
        j.insert(
            "position_articles",
            &[
                ("position_id", Value::Integer(position_id)),
                ("article_id", Value::Integer(article_id)),
            ],
        )?;
    }
    Ok(())
}

/// Offers a newly known person for the suggestions still waiting under one of their names.
fn rematch_pending(j: &mut Journal<'_>, person_id: i64) -> Result<()> {
    let known: Vec<KnownName> = suggest::known_names(j.conn())?
        .into_iter()
        .filter(|k| k.person_id == person_id)
        .collect();
    let surnames: std::collections::BTreeSet<String> = known
        .iter()
        .map(|k| k.key.rsplit(' ').next().unwrap_or("").to_string())
        .collect();
    for surname in surnames {
        let pending: Vec<(i64, String, Option<String>, Option<String>)> = {
            let mut stmt = j.conn().prepare_cached(
                "SELECT id, name_as_written, title_as_written, organisation FROM mentions
                 WHERE status = 'suggested' AND person_id IS NULL AND surname_key = ?1",
            )?;
            stmt.query_map([&surname], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        for (id, name, title, org) in pending {
            if let Some(m) = suggest::best_match(&known, &name, title.as_deref(), org.as_deref()) {
                j.update(
                    "mentions",
                    id,
                    &[
                        ("person_id", Value::Integer(m.person_id)),
                        ("evidence", Value::Text(m.evidence)),
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// Confirms one mention as `person` (None: as offered, or a new person). Returns the person.
fn confirm_in(
    j: &mut Journal<'_>,
    m: &MentionRow,
    person: Option<i64>,
    actor: &str,
) -> Result<i64> {
    let mut created = false;
    let person_id = match person.or(m.person_id) {
        Some(p) => surviving(j.conn(), p)?,
        None => {
            created = true;
            new_person(j, &m.name)?
        }
    };
    add_name(j, person_id, &m.name)?;
    if let Some(title) = &m.title {
        add_position(
            j,
            person_id,
            m.article_id,
            title,
            m.organisation.as_deref(),
            m.country.as_deref(),
        )?;
    }
    j.update(
        "mentions",
        m.id,
        &[
            ("status", Value::Text("confirmed".into())),
            ("person_id", Value::Integer(person_id)),
            ("reviewed_by", Value::Text(actor.to_string())),
            ("reviewed_at", Value::Text(super::now())),
        ],
    )?;
    if created {
        rematch_pending(j, person_id)?;
    }
    let quotes: Vec<i64> = ids(
        j.conn(),
        "SELECT id FROM quotes WHERE mention_id = ?1 AND status = 'suggested'",
        m.id,
    )?;
    for q in quotes {
        j.update(
            "quotes",
            q,
            &[
                ("status", Value::Text("confirmed".into())),
                ("person_id", Value::Integer(person_id)),
            ],
        )?;
    }
    // Topics this person proposed in the article now point at them.
    let topics: Vec<(i64, Option<String>)> = {
        let mut stmt = j.conn().prepare_cached(
            "SELECT id, proposed_by_name FROM topics WHERE article_id = ?1 AND proposed_by_person IS NULL",
        )?;
        stmt.query_map([m.article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    for (id, by) in topics {
        if by.is_some_and(|b| names::same_person(&b, &m.name)) {
            j.update(
                "topics",
                id,
                &[("proposed_by_person", Value::Integer(person_id))],
            )?;
        }
    }
    j.update(
        "people",
        person_id,
        &[("updated_at", Value::Text(super::now()))],
    )?;
    Ok(person_id)
}

fn ids(conn: &Connection, sql: &str, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn person_name(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row("SELECT house_name FROM people WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(StoreError::NotFound { what: "person", id })
}

impl Store {
    /// Extracts an article that has no stored suggestions yet (one stored before extraction
    /// existed, or by older rules when `again` is set: confirmed and rejected mentions stay,
    /// suggestions still waiting are replaced). Returns whether it extracted.
    pub fn ensure_extracted(&mut self, article_id: i64, again: bool) -> Result<bool> {
        let version: Option<i64> = self
            .conn
            .query_row(
                "SELECT version FROM extractions WHERE article_id = ?1",
                [article_id],
                |r| r.get(0),
            )
            .optional()?;
        if version.is_some_and(|v| v >= extract::EXTRACTOR_VERSION && !again) {
            return Ok(false);
        }
        let article = self.article(article_id)?.to_article();
        let mut suggestions = extract::extract(&article);
        // What the officer already decided stays, and is not suggested again.
        let decided = |sql: &str| -> Result<Vec<String>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([article_id], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let people: Vec<String> = decided(
            "SELECT name_as_written FROM mentions WHERE article_id = ?1 AND status <> 'suggested'",
        )?
        .iter()
        .map(|n| names::name_key(n))
        .collect();
        let topics =
            decided("SELECT name FROM topics WHERE article_id = ?1 AND status <> 'suggested'")?;
        let commitments = decided(
            "SELECT description FROM commitments WHERE article_id = ?1 AND review <> 'suggested'",
        )?;
        let figures =
            decided("SELECT text FROM figures WHERE article_id = ?1 AND status <> 'suggested'")?;
        suggestions
            .people
            .retain(|p| !people.contains(&names::name_key(&p.name)));
        suggestions.topics.retain(|t| !topics.contains(&t.name));
        suggestions
            .commitments
            .retain(|c| !commitments.contains(&c.text));
        suggestions.figures.retain(|f| !figures.contains(&f.text));
        let tx = self.conn.transaction()?;
        for table in ["quotes", "topics", "figures"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE article_id = ?1 AND status = 'suggested'"),
                [article_id],
            )?;
        }
        tx.execute(
            "DELETE FROM commitments WHERE article_id = ?1 AND review = 'suggested'",
            [article_id],
        )?;
        tx.execute(
            "DELETE FROM mentions WHERE article_id = ?1 AND status = 'suggested'",
            [article_id],
        )?;
        let known = suggest::known_names(&tx)?;
        suggest::store_suggestions(
            &tx,
            article_id,
            &suggest::prepare(&article, &suggestions),
            &known,
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Extracts and stores the suggestions of stored articles that have none yet (those an
    /// import just stored), extracting on as many threads as cores and storing them in one
    /// transaction. Returns how many articles were extracted.
    pub fn suggest_for(&mut self, ids: &[i64]) -> Result<usize> {
        let mut todo = Vec::with_capacity(ids.len());
        {
            let mut has = self.conn.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM extractions WHERE article_id = ?1)",
            )?;
            for &id in ids {
                if !has.query_row([id], |r| r.get::<_, bool>(0))? {
                    todo.push((id, self.article(id)?.to_article()));
                }
            }
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let chunk = todo.len().div_ceil(threads).max(1);
        let prepared: Vec<(i64, suggest::PreparedSuggestions)> = std::thread::scope(|scope| {
            let handles: Vec<_> = todo
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|(id, a)| (*id, suggest::prepare(a, &extract::extract(a))))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("extraction does not panic"))
                .collect()
        });
        let tx = self.conn.transaction()?;
        let known = suggest::known_names(&tx)?;
        for (id, p) in &prepared {
            suggest::store_suggestions(&tx, *id, p, &known)?;
        }
        tx.commit()?;
        Ok(prepared.len())
    }

    /// What extraction suggested for an article, and where its review stands.
    pub fn article_review(&self, article_id: i64) -> Result<ArticleReview> {
        let conn = &self.conn;
        if !conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [article_id],
            |r| r.get::<_, bool>(0),
        )? {
            return Err(StoreError::NoArticle(article_id));
        }
        let quote_rows: Vec<(Option<i64>, QuoteView)> = {
            let mut stmt = conn.prepare_cached(
                "SELECT mention_id, id, text, span_start, span_end, status, person_id
                 FROM quotes WHERE article_id = ?1 ORDER BY span_start, id",
            )?;
            stmt.query_map([article_id], |r| {
                Ok((
                    r.get(0)?,
                    QuoteView {
                        id: r.get(1)?,
                        text: r.get(2)?,
                        span: span(r.get(3)?, r.get(4)?),
                        status: r.get(5)?,
                        person_id: r.get(6)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut mentions: Vec<MentionView> = {
            let mut stmt = conn.prepare_cached(
                "SELECT m.id, m.name_as_written, m.title_as_written, m.organisation, m.country, m.spans,
                        m.confidence, m.status, m.person_id, p.house_name, m.evidence, m.reviewed_by, m.reviewed_at
                 FROM mentions m LEFT JOIN people p ON p.id = m.person_id
                 WHERE m.article_id = ?1 ORDER BY m.id",
            )?;
            stmt.query_map([article_id], |r| {
                let spans: String = r.get(5)?;
                Ok(MentionView {
                    id: r.get(0)?,
                    article_id,
                    name: r.get(1)?,
                    title: r.get(2)?,
                    organisation: r.get(3)?,
                    country: r.get(4)?,
                    spans: serde_json::from_str(&spans).unwrap_or_default(),
                    confidence: r.get(6)?,
                    status: r.get(7)?,
                    person_id: r.get(8)?,
                    person_name: r.get(9)?,
                    evidence: r.get(10)?,
                    quotes: vec![],
                    reviewed_by: r.get(11)?,
                    reviewed_at: r.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut unattributed = Vec::new();
        for (mention, q) in quote_rows {
            match mention.and_then(|m| mentions.iter_mut().find(|x| x.id == m)) {
                Some(m) => m.quotes.push(q),
                None => unattributed.push(q),
            }
        }
        let topics = {
            let mut stmt = conn.prepare_cached(
                "SELECT id, name, proposed_by_name, proposed_by_person, status, span_start, span_end
                 FROM topics WHERE article_id = ?1 ORDER BY span_start, id",
            )?;
            stmt.query_map([article_id], |r| {
                Ok(TopicView {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    proposed_by: r.get(2)?,
                    proposed_by_person: r.get(3)?,
                    status: r.get(4)?,
                    span: span(r.get(5)?, r.get(6)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let commitments = {
            let mut stmt = conn.prepare_cached(
                "SELECT id, kind, description, owner, due, status, review, span_start, span_end
                 FROM commitments WHERE article_id = ?1 ORDER BY span_start, id",
            )?;
            stmt.query_map([article_id], |r| {
                Ok(CommitmentView {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    description: r.get(2)?,
                    owner: r.get(3)?,
                    due: r.get(4)?,
                    status: r.get(5)?,
                    review: r.get(6)?,
                    span: span(r.get(7)?, r.get(8)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let figures = {
            let mut stmt = conn.prepare_cached(
                "SELECT id, text, status, span_start, span_end FROM figures
                 WHERE article_id = ?1 ORDER BY span_start, id",
            )?;
            stmt.query_map([article_id], |r| {
                Ok(FigureView {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    status: r.get(2)?,
                    span: span(r.get(3)?, r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let extraction: Option<String> = conn
            .query_row(
                "SELECT suggestions FROM extractions WHERE article_id = ?1",
                [article_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(ArticleReview {
            article_id,
            mentions,
            unattributed_quotes: unattributed,
            topics,
            commitments,
            figures,
            extraction: extraction.and_then(|s| serde_json::from_str(&s).ok()),
        })
    }

    /// Confirms a suggested person as offered: the person it matched, or a new person. The
    /// spelling joins the person's names, the title and organisation their positions, and
    /// the mention's quotes are confirmed with it. Returns the person's id.
    pub fn confirm_mention(&mut self, mention_id: i64, actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let m = mention_row(&tx, mention_id)?;
        let mut j = Journal::new(&tx);
        let person = confirm_in(&mut j, &m, None, actor)?;
        let name = person_name(&tx, person)?;
        j.finish(
            "confirm",
            &format!("mention:{mention_id}"),
            json!({ "name": m.name, "person_id": person, "person": name, "article_id": m.article_id }),
            actor,
        )?;
        tx.commit()?;
        Ok(person)
    }

    /// Corrects a suggested person (name, title, organisation, country, or who it is) and
    /// confirms it. Returns the person's id.
    pub fn correct_mention(&mut self, mention_id: i64, c: &Correction, actor: &str) -> Result<i64> {
        let name = c.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid(
                "a person's name cannot be empty".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let before = mention_row(&tx, mention_id)?;
        let mut j = Journal::new(&tx);
        let offered = match &c.person {
            PersonChoice::AsOffered if name == before.name => before.person_id,
            PersonChoice::AsOffered => suggest::best_match(
                &suggest::known_names(&tx)?,
                name,
                c.title.as_deref(),
                c.organisation.as_deref(),
            )
            .map(|m| m.person_id),
            PersonChoice::New => None,
            PersonChoice::Existing(id) => Some(surviving(&tx, *id)?),
        };
        j.update(
            "mentions",
            mention_id,
            &[
                ("name_as_written", Value::Text(name.to_string())),
                ("title_as_written", text(c.title.as_deref())),
                ("organisation", text(c.organisation.as_deref())),
                ("country", text(c.country.as_deref())),
                ("person_id", offered.map_or(Value::Null, Value::Integer)),
                ("surname_key", Value::Text(suggest::surname_key(name))),
            ],
        )?;
        let m = mention_row(&tx, mention_id)?;
        let person = confirm_in(&mut j, &m, offered, actor)?;
        j.finish(
            "correct",
            &format!("mention:{mention_id}"),
            json!({
                "was": { "name": before.name, "title": before.title, "organisation": before.organisation, "country": before.country },
                "now": { "name": name, "title": c.title, "organisation": c.organisation, "country": c.country },
                "person_id": person,
                "article_id": m.article_id,
            }),
            actor,
        )?;
        tx.commit()?;
        Ok(person)
    }

    /// Rejects a suggested person (not a person, or not worth keeping) and their quotes.
    pub fn reject_mention(&mut self, mention_id: i64, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let m = mention_row(&tx, mention_id)?;
        let mut j = Journal::new(&tx);
        j.update(
            "mentions",
            mention_id,
            &[
                ("status", Value::Text("rejected".into())),
                ("reviewed_by", Value::Text(actor.to_string())),
                ("reviewed_at", Value::Text(super::now())),
            ],
        )?;
        for q in ids(
            &tx,
            "SELECT id FROM quotes WHERE mention_id = ?1 AND status = 'suggested'",
            mention_id,
        )? {
            j.update("quotes", q, &[("status", Value::Text("rejected".into()))])?;
        }
        j.finish(
            "reject",
            &format!("mention:{mention_id}"),
            json!({ "name": m.name, "was": m.status, "article_id": m.article_id }),
            actor,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Confirms or rejects a quote, topic, commitment or figure.
    pub fn set_fact_status(
        &mut self,
        kind: FactKind,
        id: i64,
        confirmed: bool,
        actor: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)",
                kind.table()
            ),
            [id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(StoreError::NotFound {
                what: kind.table(),
                id,
            });
        }
        let status = if confirmed { "confirmed" } else { "rejected" };
        let mut j = Journal::new(&tx);
        j.update(
            kind.table(),
            id,
            &[(kind.status_column(), Value::Text(status.into()))],
        )?;
        j.finish(
            if confirmed { "confirm" } else { "reject" },
            &format!("{}:{id}", kind.table()),
            json!({ "status": status }),
            actor,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Confirms every suggestion of an article still waiting, people as offered. One action:
    /// one undo takes it all back.
    pub fn accept_all(&mut self, article_id: i64, actor: &str) -> Result<Accepted> {
        let tx = self.conn.transaction()?;
        let mut j = Journal::new(&tx);
        let mut accepted = Accepted::default();
        for id in ids(
            &tx,
            "SELECT id FROM mentions WHERE article_id = ?1 AND status = 'suggested' ORDER BY id",
            article_id,
        )? {
            // A person created for an earlier mention may now be offered for this one.
            let m = mention_row(&tx, id)?;
            accepted.quotes += tx.query_row(
                "SELECT count(*) FROM quotes WHERE mention_id = ?1 AND status = 'suggested'",
                [id],
                |r| r.get::<_, i64>(0),
            )? as usize;
            confirm_in(&mut j, &m, None, actor)?;
            accepted.people += 1;
        }
        for (kind, slot) in [
            (FactKind::Topic, &mut accepted.topics),
            (FactKind::Commitment, &mut accepted.commitments),
            (FactKind::Figure, &mut accepted.figures),
        ] {
            let sql = format!(
                "SELECT id FROM {} WHERE article_id = ?1 AND {} = 'suggested' ORDER BY id",
                kind.table(),
                kind.status_column()
            );
            for id in ids(&tx, &sql, article_id)? {
                j.update(
                    kind.table(),
                    id,
                    &[(kind.status_column(), Value::Text("confirmed".into()))],
                )?;
                *slot += 1;
            }
        }
        if !j.is_empty() {
            j.finish(
                "accept_all",
                &format!("article:{article_id}"),
                serde_json::to_value(&accepted).expect("counts serialise"),
                actor,
            )?;
        }
        tx.commit()?;
        Ok(accepted)
    }

    /// Merges `other` into `keep`: names, positions, mentions, quotes, proposals and visit
    /// places move to `keep`; `other` remains only as a pointer to `keep`.
    pub fn merge_people(&mut self, keep: i64, other: i64, actor: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let keep = surviving(&tx, keep)?;
        let other = surviving(&tx, other)?;
        if keep == other {
            return Err(StoreError::Invalid(format!(
                "person {keep} and person {other} are already one person"
            )));
        }
        let (keep_name, other_name) = (person_name(&tx, keep)?, person_name(&tx, other)?);
        let mut j = Journal::new(&tx);
        let keep_names: Vec<String> = {
            let mut stmt = tx.prepare("SELECT name FROM person_names WHERE person_id = ?1")?;
            stmt.query_map([keep], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let other_names: Vec<(i64, String)> = {
            let mut stmt = tx.prepare("SELECT id, name FROM person_names WHERE person_id = ?1")?;
            stmt.query_map([other], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, name) in other_names {
            if keep_names.contains(&name) {
                j.delete("person_names", id)?;
            } else {
                j.update("person_names", id, &[("person_id", Value::Integer(keep))])?;
            }
        }
        for (table, column) in [
            ("positions", "person_id"),
            ("mentions", "person_id"),
            ("quotes", "person_id"),
            ("topics", "proposed_by_person"),
        ] {
            let sql = format!("SELECT id FROM {table} WHERE {column} = ?1");
            for id in ids(&tx, &sql, other)? {
                j.update(table, id, &[(column, Value::Integer(keep))])?;
            }
        }
        let places: Vec<(i64, bool)> = {
            let mut stmt = tx.prepare(
                "SELECT id, EXISTS (SELECT 1 FROM visit_participants k WHERE k.visit_id = v.visit_id AND k.person_id = ?2)
                 FROM visit_participants v WHERE person_id = ?1",
            )?;
            stmt.query_map(params![other, keep], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, keep_is_there) in places {
            if keep_is_there {
                j.delete("visit_participants", id)?;
            } else {
                j.update(
                    "visit_participants",
                    id,
                    &[("person_id", Value::Integer(keep))],
                )?;
            }
        }
        // Protocol notes the kept person lacks come from the other.
        for column in ["form_of_address", "pronunciation", "interpreter", "notes"] {
            let (k, o): (Option<String>, Option<String>) = tx.query_row(
                &format!("SELECT (SELECT {column} FROM people WHERE id = ?1), (SELECT {column} FROM people WHERE id = ?2)"),
                params![keep, other],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if k.as_deref().is_none_or(str::is_empty) && o.is_some() {
                j.update("people", keep, &[(column, text(o.as_deref()))])?;
            }
        }
        let now = super::now();
        j.update(
            "people",
            other,
            &[
                ("merged_into", Value::Integer(keep)),
                ("updated_at", Value::Text(now.clone())),
            ],
        )?;
        j.update("people", keep, &[("updated_at", Value::Text(now))])?;
        j.finish(
            "merge",
            &format!("person:{keep}"),
            json!({ "kept": keep, "kept_name": keep_name, "merged": other, "merged_name": other_name }),
            actor,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Splits the mentions written as `names` off `person` into a new person (two people had
    /// been taken for one). Their quotes go with them, and the positions only those articles
    /// showed. Returns the new person's id.
    pub fn split_person(&mut self, person: i64, names: &[String], actor: &str) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let person = surviving(&tx, person)?;
        // Spellings, not keys: two people taken for one often share a key.
        let keys: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
        let mentions: Vec<(i64, i64, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, article_id, name_as_written FROM mentions WHERE person_id = ?1 AND status != 'rejected'",
            )?;
            stmt.query_map([person], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let (moving, staying): (Vec<_>, Vec<_>) = mentions
            .into_iter()
            .partition(|(_, _, n)| keys.contains(&n.to_lowercase()));
        if moving.is_empty() {
            return Err(StoreError::Invalid(format!(
                "person {person} has no mention written as {}",
                names.join(" or ")
            )));
        }
        if staying.is_empty() {
            return Err(StoreError::Invalid(format!(
                "every mention of person {person} is written so; nothing would stay"
            )));
        }
        let mut j = Journal::new(&tx);
        let new_id = new_person(&mut j, &moving[0].2)?;
        for (id, name) in {
            let mut stmt = tx.prepare("SELECT id, name FROM person_names WHERE person_id = ?1")?;
            stmt.query_map([person], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        } {
            if keys.contains(&name.to_lowercase()) {
                if name == moving[0].2 {
                    j.delete("person_names", id)?;
                } else {
                    j.update("person_names", id, &[("person_id", Value::Integer(new_id))])?;
                }
            }
        }
        let moved_articles: Vec<i64> = moving.iter().map(|(_, a, _)| *a).collect();
        let staying_articles: Vec<i64> = staying.iter().map(|(_, a, _)| *a).collect();
        for (id, _, _) in &moving {
            j.update("mentions", *id, &[("person_id", Value::Integer(new_id))])?;
            for q in ids(&tx, "SELECT id FROM quotes WHERE mention_id = ?1", *id)? {
                j.update("quotes", q, &[("person_id", Value::Integer(new_id))])?;
            }
        }
        for position in ids(&tx, "SELECT id FROM positions WHERE person_id = ?1", person)? {
            let shown_by = ids(
                &tx,
                "SELECT article_id FROM position_articles WHERE position_id = ?1",
                position,
            )?;
            if !shown_by.is_empty()
                && shown_by.iter().all(|a| moved_articles.contains(a))
                && !shown_by.iter().any(|a| staying_articles.contains(a))
            {
                j.update(
                    "positions",
                    position,
                    &[("person_id", Value::Integer(new_id))],
                )?;
            }
        }
        let old_name = person_name(&tx, person)?;
        j.finish(
            "split",
            &format!("person:{person}"),
            json!({ "from": person, "from_name": old_name, "new": new_id, "names": names }),
            actor,
        )?;
        tx.commit()?;
        Ok(new_id)
    }

    /// Sets the house spelling of a person's name; the spelling joins their names.
    pub fn set_house_name(&mut self, person: i64, name: &str, actor: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid(
                "a person's name cannot be empty".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let person = surviving(&tx, person)?;
        let was = person_name(&tx, person)?;
        let mut j = Journal::new(&tx);
        add_name(&mut j, person, name)?;
        j.update(
            "people",
            person,
            &[
                ("house_name", Value::Text(name.to_string())),
                ("name_key", Value::Text(names::name_key(name))),
                ("updated_at", Value::Text(super::now())),
            ],
        )?;
        j.finish(
            "house_name",
            &format!("person:{person}"),
            json!({ "was": was, "now": name }),
            actor,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sets a person's protocol notes (form of address, pronunciation, interpreter, other).
    pub fn set_protocol_notes(
        &mut self,
        person: i64,
        notes: &super::ProtocolNotes,
        actor: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        let person = surviving(&tx, person)?;
        let mut j = Journal::new(&tx);
        let clean =
            |s: &Option<String>| text(s.as_deref().map(str::trim).filter(|s| !s.is_empty()));
        j.update(
            "people",
            person,
            &[
                ("form_of_address", clean(&notes.form_of_address)),
                ("pronunciation", clean(&notes.pronunciation)),
                ("interpreter", clean(&notes.interpreter)),
                ("notes", clean(&notes.notes)),
                ("updated_at", Value::Text(super::now())),
            ],
        )?;
        j.finish(
            "protocol_notes",
            &format!("person:{person}"),
            serde_json::to_value(notes).expect("notes serialise"),
            actor,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Takes back the latest review action still standing. Returns it, or None when there is
    /// nothing to undo.
    pub fn undo_last(&mut self, actor: &str) -> Result<Option<LogEntry>> {
        let tx = self.conn.transaction()?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, before FROM review_log WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, steps)) = last else {
            return Ok(None);
        };
        undo_steps(&tx, &steps)?;
        tx.execute(
            "UPDATE review_log SET undone_at = ?2, after = json_set(after, '$.undone_by', ?3) WHERE id = ?1",
            params![id, super::now(), actor],
        )?;
        tx.commit()?;
        Ok(Some(self.log_entry(id)?))
    }

    fn log_entry(&self, id: i64) -> Result<LogEntry> {
        Ok(self.conn.query_row(
            "SELECT id, action, subject, after, actor, at, undone_at FROM review_log WHERE id = ?1",
            [id],
            log_row,
        )?)
    }

    /// The latest review actions, newest first.
    pub fn review_log(&self, limit: usize) -> Result<Vec<LogEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, action, subject, after, actor, at, undone_at FROM review_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], log_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn log_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LogEntry> {
    let after: Option<String> = r.get(3)?;
    Ok(LogEntry {
        id: r.get(0)?,
        action: r.get(1)?,
        subject: r.get(2)?,
        details: after
            .and_then(|a| serde_json::from_str(&a).ok())
            .unwrap_or(serde_json::Value::Null),
        actor: r.get(4)?,
        at: r.get(5)?,
        undone_at: r.get(6)?,
    })
}
