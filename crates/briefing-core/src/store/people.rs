//! People: the list, and the dossier — everything a brief needs about one person.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Result, Store};

/// A line of the people list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonSummary {
    pub id: i64,
    pub house_name: String,
    /// The latest position seen.
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    /// Other spellings of the name.
    pub variants: Vec<String>,
    /// Confirmed mentions, and the articles they are in.
    pub mentions: i64,
    pub articles: i64,
    pub last_seen: Option<String>,
}

/// How to address and speak to a person: the officer's notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ProtocolNotes {
    pub form_of_address: Option<String>,
    pub pronunciation: Option<String>,
    pub interpreter: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PersonName {
    pub name: String,
    /// ISO 15924: Latn, Cyrl.
    pub script: String,
    pub house: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Position {
    pub title: String,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The articles that show it.
    pub articles: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DossierMention {
    pub mention_id: i64,
    pub article_id: i64,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub name_as_written: String,
    pub title_as_written: Option<String>,
    pub organisation: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DossierQuote {
    pub quote_id: i64,
    pub article_id: i64,
    pub article_title: String,
    pub published: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DossierVisit {
    pub visit_id: i64,
    pub title: String,
    pub start_date: Option<String>,
    pub place: Option<String>,
    /// visiting, host or other; None when the visit only links an article mentioning them.
    pub side: Option<String>,
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DossierTopic {
    pub name: String,
    pub article_id: Option<i64>,
    pub visit_id: Option<i64>,
}

/// Everything a brief needs about a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Dossier {
    pub id: i64,
    pub house_name: String,
    pub names: Vec<PersonName>,
    pub protocol: ProtocolNotes,
    /// Positions over time, latest first.
    pub positions: Vec<Position>,
    /// Every article mentioning them (confirmed mentions, and suggestions offered as them),
    /// newest first.
    pub mentions: Vec<DossierMention>,
    pub quotes: Vec<DossierQuote>,
    pub visits: Vec<DossierVisit>,
    /// Areas of cooperation they proposed.
    pub proposals: Vec<DossierTopic>,
    /// People merged into this one.
    pub merged: Vec<i64>,
    pub created_at: String,
    pub updated_at: String,
}

impl Store {
    /// People (merged ones excluded), matching `query` in any of their names when given,
    /// by name.
    pub fn people(&self, query: Option<&str>) -> Result<Vec<PersonSummary>> {
        let key = query.map(crate::names::name_key).filter(|k| !k.is_empty());
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.house_name,
                    (SELECT title FROM positions WHERE person_id = p.id ORDER BY last_seen DESC, id DESC LIMIT 1),
                    (SELECT organisation FROM positions WHERE person_id = p.id ORDER BY last_seen DESC, id DESC LIMIT 1),
                    (SELECT country FROM positions WHERE person_id = p.id ORDER BY last_seen DESC, id DESC LIMIT 1),
                    (SELECT json_group_array(name) FROM person_names WHERE person_id = p.id AND name <> p.house_name),
                    (SELECT count(*) FROM mentions WHERE person_id = p.id AND status = 'confirmed'),
                    (SELECT count(DISTINCT article_id) FROM mentions WHERE person_id = p.id AND status = 'confirmed'),
                    (SELECT max(last_seen) FROM positions WHERE person_id = p.id)
             FROM people p
             WHERE p.merged_into IS NULL
               AND (?1 IS NULL OR EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = p.id
                                           AND (' ' || n.name_key) LIKE '% ' || ?1 || '%'))
             ORDER BY p.house_name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map(params![key], |r| {
            let variants: String = r.get(5)?;
            Ok(PersonSummary {
                id: r.get(0)?,
                house_name: r.get(1)?,
                title: r.get(2)?,
                organisation: r.get(3)?,
                country: r.get(4)?,
                variants: serde_json::from_str(&variants).unwrap_or_default(),
                mentions: r.get(6)?,
                articles: r.get(7)?,
                last_seen: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The dossier of a person. A merged person's id gives the dossier of the person they
    /// were merged into.
    pub fn dossier(&self, id: i64) -> Result<Dossier> {
        let conn = &self.conn;
        let id = super::review::surviving(conn, id)?;
        let (house_name, protocol, created_at, updated_at) = conn.query_row(
            "SELECT house_name, form_of_address, pronunciation, interpreter, notes, created_at, updated_at
             FROM people WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    ProtocolNotes {
                        form_of_address: r.get(1)?,
                        pronunciation: r.get(2)?,
                        interpreter: r.get(3)?,
                        notes: r.get(4)?,
                    },
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )?;
        let names = {
            let mut stmt = conn.prepare_cached(
                "SELECT name, script FROM person_names WHERE person_id = ?1 ORDER BY name <> ?2, id",
            )?;
            stmt.query_map(params![id, house_name], |r| {
                let name: String = r.get(0)?;
                Ok(PersonName {
                    house: name == house_name,
                    name,
                    script: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let positions = {
            let mut stmt = conn.prepare_cached(
                "SELECT p.title, p.organisation, p.country, p.first_seen, p.last_seen,
                        (SELECT json_group_array(article_id) FROM position_articles WHERE position_id = p.id)
                 FROM positions p WHERE p.person_id = ?1 ORDER BY p.last_seen DESC, p.id DESC",
            )?;
            stmt.query_map([id], |r| {
                let articles: String = r.get(5)?;
                Ok(Position {
                    title: r.get(0)?,
                    organisation: r.get(1)?,
                    country: r.get(2)?,
                    first_seen: r.get(3)?,
                    last_seen: r.get(4)?,
                    articles: serde_json::from_str(&articles).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mentions = {
            let mut stmt = conn.prepare_cached(
                "SELECT m.id, m.article_id, a.title, a.outlet, a.published, m.name_as_written,
                        m.title_as_written, m.organisation, m.status
                 FROM mentions m JOIN articles a ON a.id = m.article_id
                 WHERE m.person_id = ?1 AND m.status <> 'rejected'
                 ORDER BY a.published DESC, a.id DESC, m.id",
            )?;
            stmt.query_map([id], |r| {
                Ok(DossierMention {
                    mention_id: r.get(0)?,
                    article_id: r.get(1)?,
                    article_title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    name_as_written: r.get(5)?,
                    title_as_written: r.get(6)?,
                    organisation: r.get(7)?,
                    status: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let quotes = {
            let mut stmt = conn.prepare_cached(
                "SELECT q.id, q.article_id, a.title, a.published, q.text
                 FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE q.person_id = ?1 AND q.status = 'confirmed'
                 ORDER BY a.published DESC, a.id DESC, q.span_start",
            )?;
            stmt.query_map([id], |r| {
                Ok(DossierQuote {
                    quote_id: r.get(0)?,
                    article_id: r.get(1)?,
                    article_title: r.get(2)?,
                    published: r.get(3)?,
                    text: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let visits = {
            let mut stmt = conn.prepare_cached(
                "SELECT v.id, v.title, v.start_date, v.place, vp.side, vp.role
                 FROM visits v JOIN visit_participants vp ON vp.visit_id = v.id
                 WHERE vp.person_id = ?1
                 UNION
                 SELECT v.id, v.title, v.start_date, v.place, NULL, NULL
                 FROM visits v JOIN visit_articles va ON va.visit_id = v.id
                 JOIN mentions m ON m.article_id = va.article_id
                 WHERE m.person_id = ?1 AND m.status = 'confirmed'
                   AND NOT EXISTS (SELECT 1 FROM visit_participants x WHERE x.visit_id = v.id AND x.person_id = ?1)
                 ORDER BY 3 DESC, 1 DESC",
            )?;
            stmt.query_map([id], |r| {
                Ok(DossierVisit {
                    visit_id: r.get(0)?,
                    title: r.get(1)?,
                    start_date: r.get(2)?,
                    place: r.get(3)?,
                    side: r.get(4)?,
                    role: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let proposals = {
            let mut stmt = conn.prepare_cached(
                "SELECT name, article_id, visit_id FROM topics
                 WHERE proposed_by_person = ?1 AND status <> 'rejected' ORDER BY id",
            )?;
            stmt.query_map([id], |r| {
                Ok(DossierTopic {
                    name: r.get(0)?,
                    article_id: r.get(1)?,
                    visit_id: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let merged = {
            let mut stmt =
                conn.prepare_cached("SELECT id FROM people WHERE merged_into = ?1 ORDER BY id")?;
            stmt.query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?
        };
        Ok(Dossier {
            id,
            house_name,
            names,
            protocol,
            positions,
            mentions,
            quotes,
            visits,
            proposals,
            merged,
            created_at,
            updated_at,
        })
    }
}
