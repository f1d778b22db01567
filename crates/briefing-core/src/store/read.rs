//! Reading articles: the library list, one article with its source and near-duplicate group.

use rusqlite::{OptionalExtension, Row, ToSql, params};
use serde::Serialize;

use super::{Result, Store, StoreError};
use crate::model::{Format, PublishedDate, Relay};

/// One line of the library list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub published: Option<PublishedDate>,
    pub language: String,
    pub group_id: Option<i64>,
    /// Number of copies of the story in its near-duplicate group (1 when alone).
    pub group_size: i64,
}

/// An article with everything stored about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct StoredArticle {
    pub summary: ArticleSummary,
    pub title_derived: bool,
    pub url: Option<String>,
    pub relayed_from: Option<Relay>,
    pub paragraphs: Vec<String>,
    pub source_id: i64,
    pub source_name: String,
    pub format: Format,
    pub imported_at: String,
    pub content_hash: String,
    pub warnings: Vec<String>,
    pub tags: Vec<String>,
    /// The other copies of the story, oldest first.
    pub near_duplicates: Vec<ArticleSummary>,
}

impl StoredArticle {
    /// The article as ingest made it, for extracting it again.
    pub fn to_article(&self) -> crate::model::Article {
        crate::model::Article {
            title: self.summary.title.clone(),
            title_derived: self.title_derived,
            paragraphs: self.paragraphs.clone(),
            outlet: self.summary.outlet.clone(),
            dateline: self.summary.dateline.clone(),
            published: self.summary.published,
            url: self.url.clone(),
            relayed_from: self.relayed_from.clone(),
            language: self.summary.language.clone(),
            format: self.format,
            warnings: self.warnings.clone(),
        }
    }
}

/// Filters shared by the list and search. Dates compare as ISO strings, so an article whose
/// year is unknown ("--06-21") never falls inside a date range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    pub outlet: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub tag: Option<String>,
    /// Articles naming this person: a confirmed mention, or a suggestion offered as them.
    pub person: Option<i64>,
    /// Articles linked to this visit.
    pub visit: Option<i64>,
    pub review: Option<ReviewState>,
}

/// Where an article's people stand in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Some suggested people wait for the officer.
    Pending,
    /// Nothing waits: every suggested person was confirmed or rejected, or none was found.
    Reviewed,
}

impl ArticleFilter {
    /// SQL conditions on `a` (the articles table) and their parameters.
    pub(super) fn sql(&self) -> (String, Vec<Box<dyn ToSql>>) {
        let mut sql = String::new();
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(o) = &self.outlet {
            sql.push_str(" AND a.outlet = ? COLLATE NOCASE");
            params.push(Box::new(o.clone()));
        }
        if let Some(f) = &self.from {
            sql.push_str(" AND a.published >= ?");
            params.push(Box::new(f.clone()));
        }
        if let Some(t) = &self.to {
            sql.push_str(" AND a.published <= ? AND a.published NOT LIKE '--%'");
            params.push(Box::new(t.clone()));
        }
        if let Some(tag) = &self.tag {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id
                   WHERE at.article_id = a.id AND t.name = ?)",
            );
            params.push(Box::new(tag.clone()));
        }
        if let Some(person) = self.person {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM mentions m
                   WHERE m.article_id = a.id AND m.person_id = ? AND m.status <> 'rejected')",
            );
            params.push(Box::new(person));
        }
        if let Some(visit) = self.visit {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM visit_articles va
                   WHERE va.article_id = a.id AND va.visit_id = ?)",
            );
            params.push(Box::new(visit));
        }
        match self.review {
            Some(ReviewState::Pending) => sql.push_str(&format!(" AND {PENDING}")),
            Some(ReviewState::Reviewed) => sql.push_str(&format!(" AND NOT {PENDING}")),
            None => {}
        }
        (sql, params)
    }
}

/// The condition "some suggested person waits for review".
const PENDING: &str = "EXISTS (SELECT 1 FROM mentions m
   WHERE m.article_id = a.id AND m.status = 'suggested')";

pub(super) const SUMMARY_COLUMNS: &str =
    "a.id, a.title, a.outlet, a.dateline, a.published, a.language, a.group_id,
    CASE WHEN a.group_id IS NULL THEN 1
         ELSE (SELECT count(*) FROM articles g WHERE g.group_id = a.group_id) END";

pub(super) fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        dateline: r.get(3)?,
        published: r
            .get::<_, Option<String>>(4)?
            .as_deref()
            .and_then(PublishedDate::parse_iso),
        language: r.get(5)?,
        group_id: r.get(6)?,
        group_size: r.get(7)?,
    })
}

impl Store {
    /// Articles, most recently imported first.
    pub fn list_articles(
        &self,
        filter: &ArticleFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<ArticleSummary>> {
        let (cond, mut args) = filter.sql();
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE 1=1{cond} ORDER BY a.id DESC LIMIT ? OFFSET ?"
        );
        args.push(Box::new(limit));
        args.push(Box::new(offset));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many articles a filter lets through (the length of the filtered list).
    pub fn count_matching(&self, filter: &ArticleFilter) -> Result<i64> {
        let (cond, args) = filter.sql();
        let sql = format!("SELECT count(*) FROM articles a WHERE 1=1{cond}");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?)
    }

    /// The outlets of the stored articles with how many each has, the largest first.
    pub fn outlets(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL
             GROUP BY outlet ORDER BY count(*) DESC, outlet",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn count_articles(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    pub fn article(&self, id: i64) -> Result<StoredArticle> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.title_derived, a.url, a.relayed_from, a.relay_reference, a.text,
                    a.source_id, s.name, a.format, a.imported_at, a.content_hash, a.warnings
             FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?1"
        );
        let mut article = self
            .conn
            .query_row(&sql, [id], |r| {
                let relay: Option<String> = r.get(10)?;
                let text: String = r.get(12)?;
                let format: String = r.get(15)?;
                let warnings: String = r.get(18)?;
                Ok(StoredArticle {
                    summary: summary_from_row(r)?,
                    title_derived: r.get(8)?,
                    url: r.get(9)?,
                    relayed_from: relay.map(|outlet| Relay {
                        outlet,
                        reference: r.get(11).ok().flatten(),
                    }),
                    paragraphs: text.split("\n\n").map(str::to_string).collect(),
                    source_id: r.get(13)?,
                    source_name: r.get(14)?,
                    format: Format::parse(&format).unwrap_or(Format::Text),
                    imported_at: r.get(16)?,
                    content_hash: r.get(17)?,
                    warnings: serde_json::from_str(&warnings).unwrap_or_default(),
                    tags: vec![],
                    near_duplicates: vec![],
                })
            })
            .optional()?
            .ok_or(StoreError::NoArticle(id))?;
        let mut tags = self.conn.prepare_cached(
            "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ?1 ORDER BY t.name",
        )?;
        article.tags = tags
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(group) = article.summary.group_id {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.group_id = ?1 AND a.id <> ?2 ORDER BY a.id"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            article.near_duplicates = stmt
                .query_map(params![group, id], summary_from_row)?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(article)
    }

    /// The original bytes of a source, as imported.
    pub fn source_bytes(&self, source_id: i64) -> Result<Vec<u8>> {
        Ok(self.conn.query_row(
            "SELECT bytes FROM sources WHERE id = ?1",
            [source_id],
            |r| r.get(0),
        )?)
    }
}
