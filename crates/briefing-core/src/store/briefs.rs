//! Briefs in the store: the officer's choices and texts for a visit's brief, what composing
//! it needs, and the record of each export.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::brief::{BriefInput, BriefOptions, SectionKind};

/// sections, summary, talking points, defensive lines, classification.
type StoredBrief = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Store {
    /// The stored brief options of a visit (sections, officer texts, classification), or the
    /// defaults.
    pub fn brief_options(&self, visit: i64) -> Result<BriefOptions> {
        let row: Option<StoredBrief> = self
            .conn
            .query_row(
                "SELECT sections, summary, talking_points, defensive_lines, classification
                     FROM briefs WHERE visit_id = ?1 ORDER BY id DESC LIMIT 1",
                [visit],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let mut o = BriefOptions::default();
        if let Some((sections, summary, talking, defensive, classification)) = row {
            let names: Vec<String> = serde_json::from_str(&sections).unwrap_or_default();
            let parsed: Vec<SectionKind> =
                names.iter().filter_map(|n| SectionKind::parse(n)).collect();
            if !parsed.is_empty() {
                o.sections = parsed;
            }
            o.summary = summary;
            o.talking_points = talking;
            o.defensive_lines = defensive;
            o.classification = classification;
        }
        Ok(o)
    }

    /// Stores a visit's brief options (one brief per visit: the latest choices win).
    pub fn save_brief_options(&mut self, visit: i64, o: &BriefOptions) -> Result<i64> {
        let title = self.visit(visit)?.fields.title;
        let sections: Vec<&str> = o.sections.iter().map(|s| s.name()).collect();
        let sections = serde_json::to_string(&sections).expect("names serialise");
        let now = super::now();
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM briefs WHERE visit_id = ?1 ORDER BY id DESC LIMIT 1",
                [visit],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            Some(id) => {
                self.conn.execute(
                    "UPDATE briefs SET title = ?2, sections = ?3, summary = ?4, talking_points = ?5,
                         defensive_lines = ?6, classification = ?7, updated_at = ?8 WHERE id = ?1",
                    params![
                        id,
                        title,
                        sections,
                        o.summary,
                        o.talking_points,
                        o.defensive_lines,
                        o.classification,
                        now
                    ],
                )?;
                Ok(id)
            }
            None => {
                self.conn.execute(
                    "INSERT INTO briefs (visit_id, title, sections, summary, talking_points, defensive_lines,
                         classification, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                    params![
                        visit,
                        title,
                        sections,
                        o.summary,
                        o.talking_points,
                        o.defensive_lines,
                        o.classification,
                        now
                    ],
                )?;
                Ok(self.conn.last_insert_rowid())
            }
        }
    }

    /// What composing a brief on a visit needs: the visit, its participants' dossiers, and
    /// the articles it cites (the visit's own first, then those the profiles and the
    /// background cite).
    pub fn brief_input(&self, visit: i64) -> Result<BriefInput> {
        let visit = self.visit(visit)?;
        let dossiers = visit
            .participants
            .iter()
            .map(|p| self.dossier(p.person_id))
            .collect::<Result<Vec<_>>>()?;
        let mut ids: Vec<i64> = visit.articles.iter().map(|a| a.id).collect();
        let mut cite = |id: i64| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for d in &dossiers {
            d.positions
                .iter()
                .flat_map(|p| &p.articles)
                .for_each(|a| cite(*a));
            d.quotes.iter().for_each(|q| cite(q.article_id));
            d.mentions.iter().take(10).for_each(|m| cite(m.article_id));
            d.proposals
                .iter()
                .filter_map(|p| p.article_id)
                .for_each(&mut cite);
        }
        visit
            .timeline
            .iter()
            .filter(|e| e.kind == "article")
            .for_each(|e| cite(e.id));
        let articles = ids
            .iter()
            .map(|id| self.article(*id))
            .collect::<Result<Vec<_>>>()?;
        Ok(BriefInput {
            visit,
            dossiers,
            articles,
        })
    }

    /// Records an export: where, when, and the SHA-256 of what was written.
    pub fn record_export(&mut self, visit: i64, path: &str, bytes: &[u8]) -> Result<()> {
        let brief: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM briefs WHERE visit_id = ?1 ORDER BY id DESC LIMIT 1",
                [visit],
                |r| r.get(0),
            )
            .optional()?;
        self.conn.execute(
            "INSERT INTO exports (brief_id, path, exported_at, sha256) VALUES (?1, ?2, ?3, ?4)",
            params![
                brief,
                path,
                super::now(),
                crate::dedupe::content_hash_bytes(bytes)
            ],
        )?;
        Ok(())
    }
}
