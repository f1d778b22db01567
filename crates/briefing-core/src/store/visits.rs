//! Visits: created from an article's visit facts in one action, or by hand; participants by
//! side and role, linked articles, topics, commitments, and a background timeline found from
//! the store.

use rusqlite::{Connection, OptionalExtension, ToSql, params};
use serde::{Deserialize, Serialize};

use super::people::ProtocolNotes;
use super::{ArticleSummary, Result, Store, StoreError};
use crate::extract::VisitSuggestion;

/// The fields of a visit, as created or edited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct VisitFields {
    pub title: String,
    /// official, working, reciprocal or other.
    pub kind: String,
    pub visiting_org: Option<String>,
    pub visiting_region: Option<String>,
    pub visiting_country: Option<String>,
    pub host_org: Option<String>,
    pub host_region: Option<String>,
    pub host_country: Option<String>,
    pub place: Option<String>,
    /// ISO dates; `--MM-DD` when the year is unknown.
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub purpose: Option<String>,
    /// planned, under_way or past.
    pub status: String,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VisitSummary {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub place: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status: String,
    pub visiting_country: Option<String>,
    pub host_country: Option<String>,
    pub participants: i64,
    pub articles: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Participant {
    pub person_id: i64,
    pub name: String,
    /// Other spellings of the name.
    pub variants: Vec<String>,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    /// visiting, host or other.
    pub side: String,
    /// head, member, host or other.
    pub role: String,
    pub protocol: ProtocolNotes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VisitTopic {
    pub id: i64,
    pub name: String,
    /// The proposer's house name, else the name as the article wrote it.
    pub proposed_by: Option<String>,
    pub proposed_by_person: Option<i64>,
    /// The side of the proposer (visiting or host), when known.
    pub side: Option<String>,
    pub article_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VisitCommitment {
    pub id: i64,
    pub kind: String,
    pub description: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: String,
    pub article_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VisitFigure {
    pub text: String,
    pub article_id: i64,
}

/// An earlier visit or article involving the same parties or people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct TimelineEntry {
    pub date: Option<String>,
    /// visit or article.
    pub kind: String,
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    /// Why it is here: the people or parties it shares with the visit.
    pub because: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct VisitDetail {
    pub id: i64,
    #[serde(flatten)]
    pub fields: VisitFields,
    pub participants: Vec<Participant>,
    pub articles: Vec<ArticleSummary>,
    pub topics: Vec<VisitTopic>,
    pub commitments: Vec<VisitCommitment>,
    pub figures: Vec<VisitFigure>,
    pub timeline: Vec<TimelineEntry>,
    pub created_at: String,
    pub updated_at: String,
}

const KINDS: &[&str] = &["official", "working", "reciprocal", "other"];
const STATUSES: &[&str] = &["planned", "under_way", "past"];
const SIDES: &[&str] = &["visiting", "host", "other"];
const ROLES: &[&str] = &["head", "member", "host", "other"];

fn check(what: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "{what} must be one of {}, not \u{201c}{value}\u{201d}",
            allowed.join(", ")
        )))
    }
}

fn validate(f: &VisitFields) -> Result<()> {
    if f.title.trim().is_empty() {
        return Err(StoreError::Invalid("a visit needs a title".into()));
    }
    check("the kind of a visit", &f.kind, KINDS)?;
    check("the status of a visit", &f.status, STATUSES)?;
    for d in [&f.start_date, &f.end_date].into_iter().flatten() {
        if crate::model::PublishedDate::parse_iso(d).is_none() {
            return Err(StoreError::Invalid(format!(
                "{d} is not a date: write YYYY-MM-DD, or --MM-DD when the year is unknown"
            )));
        }
    }
    Ok(())
}

/// The label of one side: "Atyrau Oblast (Kazakhstan)", "Belarus".
pub fn side_label(
    org: Option<&str>,
    region: Option<&str>,
    country: Option<&str>,
) -> Option<String> {
    let place = region.or(org);
    match (place, country) {
        (Some(p), Some(c)) if !p.contains(c) => Some(format!("{p} ({c})")),
        (Some(p), _) => Some(p.to_string()),
        (None, Some(c)) => Some(c.to_string()),
        (None, None) => None,
    }
}

/// The title of a visit made from its facts: "Visit of the Atyrau Oblast delegation
/// (Kazakhstan) to Brest Oblast (Belarus)".
fn title_of(v: &VisitSuggestion) -> String {
    let visiting = side_label(
        None,
        v.visiting.region.as_deref(),
        v.visiting.country.as_deref(),
    );
    let host = side_label(
        None,
        v.host.region.as_deref().or(v.place.as_deref()),
        v.host.country.as_deref(),
    );
    match (visiting, host) {
        // "Atyrau Oblast (Kazakhstan)" -> "the Atyrau Oblast delegation (Kazakhstan)".
        (Some(a), Some(b)) => match a.strip_suffix(')').and_then(|x| x.split_once(" (")) {
            Some((place, country)) => {
                format!("Visit of the {place} delegation ({country}) to {b}")
            }
            None => format!("Visit of the {a} delegation to {b}"),
        },
        (Some(a), None) => format!("Visit of the {a} delegation"),
        (None, Some(b)) => format!("Visit to {b}"),
        (None, None) => "Visit".to_string(),
    }
}

/// What a commitment means for the visit: its owner and status, read from its kind and the
/// sentence that states it.
fn commitment_owner_status(
    kind: &str,
    text: &str,
    visiting: Option<&str>,
    host: Option<&str>,
) -> (Option<String>, String, Option<String>) {
    let lower = text.to_lowercase();
    let due = lower
        .contains("during the visit")
        .then(|| "during the visit".to_string());
    match kind {
        "invitation" => (
            host.map(|h| match visiting {
                Some(v) => format!("{h} (invited by {v})"),
                None => h.to_string(),
            }),
            "invited".into(),
            due,
        ),
        "request" => (host.map(str::to_string), "requested".into(), due),
        "negotiation" => (Some("Both".into()), "negotiations under way".into(), due),
        "signing" => (Some("Both".into()), "signed".into(), due),
        "agreement" => (Some("Both".into()), "agreed".into(), due),
        "plan" => (None, "planned".into(), due),
        _ => (None, "open".into(), due),
    }
}

fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

impl Store {
    /// Creates a visit by hand.
    pub fn create_visit(&mut self, f: &VisitFields) -> Result<i64> {
        validate(f)?;
        let tx = self.conn.transaction()?;
        let id = insert_visit(&tx, f)?;
        tx.commit()?;
        Ok(id)
    }

    /// Edits a visit's fields.
    pub fn update_visit(&mut self, id: i64, f: &VisitFields) -> Result<()> {
        validate(f)?;
        let n = self.conn.execute(
            "UPDATE visits SET title = ?2, kind = ?3, visiting_org = ?4, visiting_region = ?5,
                 visiting_country = ?6, host_org = ?7, host_region = ?8, host_country = ?9, place = ?10,
                 start_date = ?11, end_date = ?12, purpose = ?13, status = ?14, notes = ?15, updated_at = ?16
             WHERE id = ?1",
            rusqlite::params_from_iter(
                std::iter::once(Box::new(id) as Box<dyn ToSql>)
                    .chain(field_values(f))
                    .chain([Box::new(super::now()) as Box<dyn ToSql>]),
            ),
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "visit", id });
        }
        Ok(())
    }

    /// Creates the visit an article reports, in one action: its facts, the article's confirmed
    /// people as participants by side (the first of the visiting side heads the delegation),
    /// the article linked, and its proposals and commitments (not rejected) attached.
    pub fn create_visit_from_article(&mut self, article_id: i64) -> Result<i64> {
        self.ensure_extracted(article_id, false)?;
        let review = self.article_review(article_id)?;
        let facts: Option<VisitSuggestion> = review
            .extraction
            .as_ref()
            .and_then(|e| e.get("visit"))
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        let Some(v) = facts else {
            return Err(StoreError::Invalid(format!(
                "article {article_id} reports no visit that could be read; create the visit by hand"
            )));
        };
        let status = match v.start.as_deref() {
            Some(d) if !d.starts_with("--") && d.len() >= 10 && d[..10] > *today() => "planned",
            _ => "past",
        };
        let host_org = v.host.organisation.clone();
        let fields = VisitFields {
            title: title_of(&v),
            kind: v.kind.clone(),
            visiting_org: v.visiting.organisation.clone(),
            visiting_region: v.visiting.region.clone(),
            visiting_country: v.visiting.country.clone(),
            host_org,
            host_region: v.host.region.clone(),
            host_country: v.host.country.clone(),
            place: v.place.clone(),
            start_date: v
                .start
                .clone()
                .filter(|d| crate::model::PublishedDate::parse_iso(d).is_some()),
            end_date: v.end.clone(),
            purpose: v.purpose.clone(),
            status: status.into(),
            notes: None,
        };
        // Owners are named short: the region, else the place, else the country.
        let visiting_label = v.visiting.region.clone().or(v.visiting.country.clone());
        let host_label = v
            .host
            .region
            .clone()
            .or(v.place.clone())
            .or(v.host.country.clone());
        let tx = self.conn.transaction()?;
        let id = insert_visit(&tx, &fields)?;
        tx.execute(
            "INSERT OR IGNORE INTO visit_articles (visit_id, article_id) VALUES (?1, ?2)",
            params![id, article_id],
        )?;
        let mut head_given = false;
        for m in review
            .mentions
            .iter()
            .filter(|m| m.status == "confirmed" && m.person_id.is_some())
        {
            let side = match m.country.as_deref() {
                Some(c) if Some(c) == v.visiting.country.as_deref() => "visiting",
                Some(c) if Some(c) == v.host.country.as_deref() => "host",
                _ => "other",
            };
            let role = match side {
                "visiting" if !head_given => {
                    head_given = true;
                    "head"
                }
                "visiting" => "member",
                "host" => "host",
                _ => "other",
            };
            tx.execute(
                "INSERT OR IGNORE INTO visit_participants (visit_id, person_id, side, role) VALUES (?1, ?2, ?3, ?4)",
                params![id, m.person_id, side, role],
            )?;
        }
        tx.execute(
            "UPDATE topics SET visit_id = ?1 WHERE article_id = ?2 AND status <> 'rejected' AND visit_id IS NULL",
            params![id, article_id],
        )?;
        for c in review.commitments.iter().filter(|c| c.review != "rejected") {
            let (owner, status, due) = commitment_owner_status(
                &c.kind,
                &c.description,
                visiting_label.as_deref(),
                host_label.as_deref(),
            );
            tx.execute(
                "UPDATE commitments SET visit_id = ?2, owner = coalesce(owner, ?3), due = coalesce(due, ?4),
                     status = CASE WHEN status = 'open' THEN ?5 ELSE status END
                 WHERE id = ?1 AND visit_id IS NULL",
                params![c.id, id, owner, due, status],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Every visit, the latest first.
    pub fn visits(&self) -> Result<Vec<VisitSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.title, v.kind, v.place, v.start_date, v.end_date, v.status,
                    v.visiting_country, v.host_country,
                    (SELECT count(*) FROM visit_participants WHERE visit_id = v.id),
                    (SELECT count(*) FROM visit_articles WHERE visit_id = v.id)
             FROM visits v ORDER BY coalesce(v.start_date, v.created_at) DESC, v.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(VisitSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                kind: r.get(2)?,
                place: r.get(3)?,
                start_date: r.get(4)?,
                end_date: r.get(5)?,
                status: r.get(6)?,
                visiting_country: r.get(7)?,
                host_country: r.get(8)?,
                participants: r.get(9)?,
                articles: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A visit with its participants, articles, topics, commitments, figures and background.
    pub fn visit(&self, id: i64) -> Result<VisitDetail> {
        let conn = &self.conn;
        let (fields, created_at, updated_at) = conn
            .query_row(
                "SELECT title, kind, visiting_org, visiting_region, visiting_country, host_org, host_region,
                        host_country, place, start_date, end_date, purpose, status, notes, created_at, updated_at
                 FROM visits WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        VisitFields {
                            title: r.get(0)?,
                            kind: r.get(1)?,
                            visiting_org: r.get(2)?,
                            visiting_region: r.get(3)?,
                            visiting_country: r.get(4)?,
                            host_org: r.get(5)?,
                            host_region: r.get(6)?,
                            host_country: r.get(7)?,
                            place: r.get(8)?,
                            start_date: r.get(9)?,
                            end_date: r.get(10)?,
                            purpose: r.get(11)?,
                            status: r.get(12)?,
                            notes: r.get(13)?,
                        },
                        r.get::<_, String>(14)?,
                        r.get::<_, String>(15)?,
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound { what: "visit", id })?;
        let participants = participants(conn, id)?;
        let article_ids: Vec<i64> = {
            let mut stmt = conn.prepare_cached(
                "SELECT article_id FROM visit_articles WHERE visit_id = ?1 ORDER BY article_id",
            )?;
            stmt.query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let articles = article_ids
            .iter()
            .map(|a| self.article(*a).map(|x| x.summary))
            .collect::<Result<Vec<_>>>()?;
        let topics = {
            let mut stmt = conn.prepare_cached(
                "SELECT t.id, t.name, coalesce(p.house_name, t.proposed_by_name), t.proposed_by_person,
                        vp.side, t.article_id
                 FROM topics t LEFT JOIN people p ON p.id = t.proposed_by_person
                 LEFT JOIN visit_participants vp ON vp.visit_id = t.visit_id AND vp.person_id = t.proposed_by_person
                 WHERE t.visit_id = ?1 AND t.status <> 'rejected' ORDER BY t.span_start, t.id",
            )?;
            stmt.query_map([id], |r| {
                Ok(VisitTopic {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    proposed_by: r.get(2)?,
                    proposed_by_person: r.get(3)?,
                    side: r.get(4)?,
                    article_id: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let commitments = {
            let mut stmt = conn.prepare_cached(
                "SELECT id, kind, description, owner, due, status, article_id FROM commitments
                 WHERE visit_id = ?1 AND review <> 'rejected' ORDER BY span_start, id",
            )?;
            stmt.query_map([id], |r| {
                Ok(VisitCommitment {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    description: r.get(2)?,
                    owner: r.get(3)?,
                    due: r.get(4)?,
                    status: r.get(5)?,
                    article_id: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let figures = {
            let mut stmt = conn.prepare_cached(
                "SELECT f.text, f.article_id FROM figures f JOIN visit_articles va ON va.article_id = f.article_id
                 WHERE va.visit_id = ?1 AND f.status <> 'rejected' ORDER BY f.article_id, f.span_start",
            )?;
            stmt.query_map([id], |r| {
                Ok(VisitFigure {
                    text: r.get(0)?,
                    article_id: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let timeline = timeline(conn, id, &fields, &participants)?;
        Ok(VisitDetail {
            id,
            fields,
            participants,
            articles,
            topics,
            commitments,
            figures,
            timeline,
            created_at,
            updated_at,
        })
    }

    /// Adds a person to a visit, or changes their side and role.
    pub fn set_participant(
        &mut self,
        visit: i64,
        person: i64,
        side: &str,
        role: &str,
    ) -> Result<()> {
        check("a side", side, SIDES)?;
        check("a role", role, ROLES)?;
        let person = super::review::surviving(&self.conn, person)?;
        self.visit_exists(visit)?;
        self.conn.execute(
            "INSERT INTO visit_participants (visit_id, person_id, side, role) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (visit_id, person_id) DO UPDATE SET side = excluded.side, role = excluded.role",
            params![visit, person, side, role],
        )?;
        Ok(())
    }

    pub fn remove_participant(&mut self, visit: i64, person: i64) -> Result<()> {
        self.conn.execute(
            "DELETE FROM visit_participants WHERE visit_id = ?1 AND person_id = ?2",
            params![visit, person],
        )?;
        Ok(())
    }

    /// Links an article to a visit (its proposals and commitments are not moved).
    pub fn link_article(&mut self, visit: i64, article: i64) -> Result<()> {
        self.visit_exists(visit)?;
        self.article(article)?;
        self.conn.execute(
            "INSERT OR IGNORE INTO visit_articles (visit_id, article_id) VALUES (?1, ?2)",
            params![visit, article],
        )?;
        Ok(())
    }

    pub fn unlink_article(&mut self, visit: i64, article: i64) -> Result<()> {
        self.conn.execute(
            "DELETE FROM visit_articles WHERE visit_id = ?1 AND article_id = ?2",
            params![visit, article],
        )?;
        Ok(())
    }

    /// Sets a commitment's owner, due date and status (the officer's follow-up).
    pub fn update_commitment(
        &mut self,
        id: i64,
        owner: Option<&str>,
        due: Option<&str>,
        status: &str,
    ) -> Result<()> {
        if status.trim().is_empty() {
            return Err(StoreError::Invalid("a commitment needs a status".into()));
        }
        let n = self.conn.execute(
            "UPDATE commitments SET owner = ?2, due = ?3, status = ?4 WHERE id = ?1",
            params![id, owner, due, status.trim()],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "commitment",
                id,
            });
        }
        Ok(())
    }

    /// Adds a commitment to a visit by hand.
    pub fn add_commitment(&mut self, visit: i64, c: &VisitCommitment) -> Result<i64> {
        self.visit_exists(visit)?;
        self.conn.execute(
            "INSERT INTO commitments (visit_id, article_id, description, kind, owner, due, status, review)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'confirmed')",
            params![
                visit,
                c.article_id,
                c.description,
                c.kind,
                c.owner,
                c.due,
                c.status
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn visit_exists(&self, id: i64) -> Result<()> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM visits WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if exists {
            Ok(())
        } else {
            Err(StoreError::NotFound { what: "visit", id })
        }
    }
}

/// The visit's fields in the column order of `visits` (title to notes), for insert and update.
fn field_values(f: &VisitFields) -> [Box<dyn ToSql + '_>; 14] {
    [
        Box::new(f.title.trim()),
        Box::new(&f.kind),
        Box::new(&f.visiting_org),
        Box::new(&f.visiting_region),
        Box::new(&f.visiting_country),
        Box::new(&f.host_org),
        Box::new(&f.host_region),
        Box::new(&f.host_country),
        Box::new(&f.place),
        Box::new(&f.start_date),
        Box::new(&f.end_date),
        Box::new(&f.purpose),
        Box::new(&f.status),
        Box::new(&f.notes),
    ]
}

fn insert_visit(conn: &Connection, f: &VisitFields) -> Result<i64> {
    let now = super::now();
    conn.execute(
        "INSERT INTO visits (title, kind, visiting_org, visiting_region, visiting_country, host_org,
             host_region, host_country, place, start_date, end_date, purpose, status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
        rusqlite::params_from_iter(
            field_values(f)
                .into_iter()
                .chain([Box::new(now) as Box<dyn ToSql>]),
        ),
    )?;
    Ok(conn.last_insert_rowid())
}

fn participants(conn: &Connection, visit: i64) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.house_name,
                (SELECT json_group_array(name) FROM person_names WHERE person_id = p.id AND name <> p.house_name),
                pos.title, pos.organisation, pos.country, vp.side, vp.role,
                p.form_of_address, p.pronunciation, p.interpreter, p.notes
         FROM visit_participants vp JOIN people p ON p.id = vp.person_id
         LEFT JOIN positions pos ON pos.id = (
             SELECT x.id FROM positions x WHERE x.person_id = p.id
             ORDER BY (x.evidence_article_id IN (SELECT article_id FROM visit_articles WHERE visit_id = ?1)) DESC,
                      x.last_seen DESC, x.id LIMIT 1)
         WHERE vp.visit_id = ?1
         ORDER BY CASE vp.side WHEN 'visiting' THEN 0 WHEN 'host' THEN 1 ELSE 2 END,
                  CASE vp.role WHEN 'head' THEN 0 WHEN 'host' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, p.id",
    )?;
    let rows = stmt.query_map([visit], |r| {
        let variants: String = r.get(2)?;
        Ok(Participant {
            person_id: r.get(0)?,
            name: r.get(1)?,
            variants: serde_json::from_str(&variants).unwrap_or_default(),
            title: r.get(3)?,
            organisation: r.get(4)?,
            country: r.get(5)?,
            side: r.get(6)?,
            role: r.get(7)?,
            protocol: ProtocolNotes {
                form_of_address: r.get(8)?,
                pronunciation: r.get(9)?,
                interpreter: r.get(10)?,
                notes: r.get(11)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Earlier visits and articles involving the same people, or the same pair of countries:
/// the background of a visit, the newest first.
fn timeline(
    conn: &Connection,
    visit: i64,
    f: &VisitFields,
    people: &[Participant],
) -> Result<Vec<TimelineEntry>> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    let ids = serde_json::to_string(&people.iter().map(|p| p.person_id).collect::<Vec<_>>())
        .expect("ids serialise");
    // Other visits sharing a participant, or between the same two countries either way.
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.title, v.start_date,
                (SELECT group_concat(p.house_name, ', ') FROM visit_participants x JOIN people p ON p.id = x.person_id
                 WHERE x.visit_id = v.id AND x.person_id IN (SELECT value FROM json_each(?2)))
         FROM visits v WHERE v.id <> ?1 AND (
             EXISTS (SELECT 1 FROM visit_participants x WHERE x.visit_id = v.id AND x.person_id IN (SELECT value FROM json_each(?2)))
             OR (?3 IS NOT NULL AND ?4 IS NOT NULL AND
                 ((v.visiting_country = ?3 AND v.host_country = ?4) OR (v.visiting_country = ?4 AND v.host_country = ?3))))",
    )?;
    let rows = stmt.query_map(
        params![visit, ids, f.visiting_country, f.host_country],
        |r| {
            let shared: Option<String> = r.get(3)?;
            Ok(TimelineEntry {
                id: r.get(0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                kind: "visit".into(),
                outlet: None,
                because: shared.unwrap_or_else(|| "the same two countries".into()),
            })
        },
    )?;
    for row in rows {
        out.push(row?);
    }
    // Articles mentioning a participant (confirmed), not linked to this visit.
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.title, a.published, a.outlet, group_concat(DISTINCT p.house_name)
         FROM mentions m JOIN articles a ON a.id = m.article_id JOIN people p ON p.id = m.person_id
         WHERE m.status = 'confirmed' AND m.person_id IN (SELECT value FROM json_each(?2))
           AND a.id NOT IN (SELECT article_id FROM visit_articles WHERE visit_id = ?1)
         GROUP BY a.id ORDER BY a.published DESC, a.id DESC LIMIT 50",
    )?;
    let rows = stmt.query_map(params![visit, ids], |r| {
        let names: String = r.get(4)?;
        Ok(TimelineEntry {
            id: r.get(0)?,
            title: r.get(1)?,
            date: r.get(2)?,
            kind: "article".into(),
            outlet: r.get(3)?,
            because: names.replace(',', ", "),
        })
    })?;
    for row in rows {
        out.push(row?);
    }
    out.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    Ok(out)
}
