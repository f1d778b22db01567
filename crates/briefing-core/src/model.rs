//! The domain model of a collected article, independent of where it came from or is stored.

use serde::{Deserialize, Serialize};

/// What an ingested source was, as detected from its name and its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Email,
    Feed,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Email => "email",
            Format::Feed => "feed",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "markdown" => Format::Markdown,
            "html" => Format::Html,
            "email" => Format::Email,
            "feed" => Format::Feed,
            _ => return None,
        })
    }
}

/// A publication date. The year is optional because wire datelines ("VITEBSK, 10 August
/// (BelTA)") often omit it, and an unknown year must stay unknown rather than be guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublishedDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl PublishedDate {
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<PublishedDate> {
        let valid_day = match year {
            Some(y) => chrono::NaiveDate::from_ymd_opt(y, month, day).is_some(),
            // 29 February is a valid day when the year is unknown.
            None => chrono::NaiveDate::from_ymd_opt(2000, month, day).is_some(),
        };
        valid_day.then_some(PublishedDate { year, month, day })
    }

    /// ISO 8601: `2017-06-21`, or `--06-21` when the year is unknown.
    pub fn to_iso(self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    pub fn parse_iso(s: &str) -> Option<PublishedDate> {
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-')?;
            return PublishedDate::new(None, m.parse().ok()?, d.parse().ok()?);
        }
        let mut parts = s.splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.get(..2)?.parse().ok()?;
        PublishedDate::new(Some(y), m, d)
    }
}

impl Serialize for PublishedDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for PublishedDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PublishedDate::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a publication date: {s}")))
    }
}

/// "Kazinform refers to eng.belta.by": the outlet a story was taken from, and how the text
/// named it when that differs (a domain, a service name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Relay {
    pub outlet: String,
    pub reference: Option<String>,
}

/// An article as ingest produces it: normalised text and the metadata found in the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Article {
    pub title: String,
    /// True when no headline was found and the title was made from the first sentence.
    pub title_derived: bool,
    pub paragraphs: Vec<String>,
    pub outlet: Option<String>,
    /// The dateline place, as a name ("Brest"), not as shouted in the dateline ("BREST").
    pub dateline: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub published: Option<PublishedDate>,
    pub url: Option<String>,
    pub relayed_from: Option<Relay>,
    /// ISO 639-1 code, or "und" when undetermined.
    pub language: String,
    pub format: Format,
    /// Things the officer should know about this article's import (encoding guessed, a feed
    /// item's date unreadable, ...). They do not stop the import.
    pub warnings: Vec<String>,
}

impl Article {
    /// The normalised text: paragraphs separated by one blank line. Duplicate detection and
    /// the full-text index both work on exactly this string.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}
