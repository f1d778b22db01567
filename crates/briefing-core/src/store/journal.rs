//! The undo journal behind review actions. Every row a review action inserts, updates or
//! deletes is recorded with its values before the change; the record goes into `review_log`
//! with who did it and when, and undoing the action replays it backwards in one transaction.
//! Recording rows rather than inverse operations keeps undo exact for every action, merge
//! and split included, without each action writing its own inverse.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use super::Result;

/// Tables review actions may change. Names are checked against this list before they are
/// put into SQL.
const TABLES: &[&str] = &[
    "people",
    "person_names",
    "positions",
    "position_articles",
    "mentions",
    "quotes",
    "topics",
    "commitments",
    "figures",
    "visit_participants",
];

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Step {
    Inserted {
        table: String,
        id: i64,
    },
    Updated {
        table: String,
        id: i64,
        before: Map<String, Json>,
    },
    Deleted {
        table: String,
        row: Map<String, Json>,
    },
}

fn checked(table: &str) -> &str {
    assert!(
        TABLES.contains(&table),
        "review actions do not change {table}"
    );
    table
}

/// Column names read back from the log go into SQL: only plain identifiers are accepted.
fn column(c: &str) -> Result<&str> {
    if !c.is_empty() && c.chars().all(|x| x.is_ascii_alphanumeric() || x == '_') {
        Ok(c)
    } else {
        Err(super::StoreError::Sqlite(
            rusqlite::Error::InvalidColumnName(c.to_string()),
        ))
    }
}

fn to_json(v: Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Integer(i) => Json::from(i),
        Value::Real(f) => Json::from(f),
        Value::Text(s) => Json::from(s),
        Value::Blob(b) => {
            let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
            serde_json::json!({ "blob": hex })
        }
    }
}

fn from_json(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Text(s.clone()),
        Json::Object(o) => {
            let hex = o.get("blob").and_then(Json::as_str).unwrap_or("");
            Value::Blob(
                (0..hex.len() / 2)
                    .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
                    .collect(),
            )
        }
        Json::Array(_) => Value::Text(j.to_string()),
    }
}

fn snapshot(conn: &Connection, table: &str, id: i64) -> Result<Option<Map<String, Json>>> {
    let sql = format!("SELECT * FROM {} WHERE id = ?1", checked(table));
    let mut stmt = conn.prepare_cached(&sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    Ok(stmt
        .query_row([id], |r| {
            let mut row = Map::new();
            for (i, n) in names.iter().enumerate() {
                row.insert(n.clone(), to_json(r.get::<_, Value>(i)?));
            }
            Ok(row)
        })
        .optional()?)
}

/// The changes of one review action, made through it so that they can be undone.
pub(crate) struct Journal<'c> {
    conn: &'c Connection,
    steps: Vec<Step>,
}

impl<'c> Journal<'c> {
    pub fn new(conn: &'c Connection) -> Journal<'c> {
        Journal {
            conn,
            steps: Vec::new(),
        }
    }

    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// Inserts a row: `values` are (column, value) pairs. Returns the new id.
    pub fn insert(&mut self, table: &str, values: &[(&str, Value)]) -> Result<i64> {
        let cols: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
        let marks = vec!["?"; cols.len()].join(", ");
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            checked(table),
            cols.join(", ")
        );
        self.conn
            .prepare_cached(&sql)?
            .execute(params_from_iter(values.iter().map(|(_, v)| v)))?;
        let id = self.conn.last_insert_rowid();
        self.steps.push(Step::Inserted {
            table: table.to_string(),
            id,
        });
        Ok(id)
    }

    /// Sets columns of one row, recording the row as it was.
    pub fn update(&mut self, table: &str, id: i64, values: &[(&str, Value)]) -> Result<()> {
        let Some(before) = snapshot(self.conn, table, id)? else {
            return Ok(());
        };
        let sets: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, (c, _))| format!("{c} = ?{}", i + 2))
            .collect();
        let sql = format!(
            "UPDATE {} SET {} WHERE id = ?1",
            checked(table),
            sets.join(", ")
        );
        let mut params: Vec<Value> = vec![Value::Integer(id)];
        params.extend(values.iter().map(|(_, v)| v.clone()));
        self.conn
            .prepare_cached(&sql)?
            .execute(params_from_iter(params))?;
        self.steps.push(Step::Updated {
            table: table.to_string(),
            id,
            before,
        });
        Ok(())
    }

    /// Deletes one row, recording it whole.
    pub fn delete(&mut self, table: &str, id: i64) -> Result<()> {
        let Some(row) = snapshot(self.conn, table, id)? else {
            return Ok(());
        };
        self.conn.execute(
            &format!("DELETE FROM {} WHERE id = ?1", checked(table)),
            [id],
        )?;
        self.steps.push(Step::Deleted {
            table: table.to_string(),
            row,
        });
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Writes the action to `review_log`. `after` describes it for people reading the log.
    pub fn finish(self, action: &str, subject: &str, after: Json, actor: &str) -> Result<i64> {
        let now = super::now();
        self.conn.execute(
            "INSERT INTO review_log (action, subject, before, after, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![
                action,
                subject,
                serde_json::to_string(&self.steps).expect("steps serialise"),
                after.to_string(),
                actor,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }
}

/// Replays the steps of one logged action backwards.
pub(crate) fn undo_steps(conn: &Connection, steps_json: &str) -> Result<()> {
    let steps: Vec<Step> = serde_json::from_str(steps_json).unwrap_or_default();
    for step in steps.iter().rev() {
        match step {
            Step::Inserted { table, id } => {
                conn.execute(
                    &format!("DELETE FROM {} WHERE id = ?1", checked(table)),
                    [id],
                )?;
            }
            Step::Updated { table, id, before } => {
                let cols: Vec<&String> = before.keys().filter(|c| *c != "id").collect();
                let sets = cols
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Ok(format!("{} = ?{}", column(c)?, i + 2)))
                    .collect::<Result<Vec<String>>>()?;
                let sql = format!(
                    "UPDATE {} SET {} WHERE id = ?1",
                    checked(table),
                    sets.join(", ")
                );
                let mut params = vec![Value::Integer(*id)];
                params.extend(cols.iter().map(|c| from_json(&before[*c])));
                conn.execute(&sql, params_from_iter(params))?;
            }
            Step::Deleted { table, row } => {
                let cols: Vec<&String> = row.keys().collect();
                let marks = vec!["?"; cols.len()].join(", ");
                let names = cols
                    .iter()
                    .map(|c| column(c))
                    .collect::<Result<Vec<&str>>>()?;
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES ({marks})",
                    checked(table),
                    names.join(", ")
                );
                conn.execute(
                    &sql,
                    params_from_iter(cols.iter().map(|c| from_json(&row[*c]))),
                )?;
            }
        }
    }
    Ok(())
}
