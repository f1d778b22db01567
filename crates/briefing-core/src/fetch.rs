//! Fetching an article by URL: one HTTP GET with a timeout and a size cap.

use std::io::Read;
use std::time::Duration;

use crate::ingest::MAX_SOURCE_BYTES;

pub const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct Fetched {
    pub url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("only http and https addresses can be fetched")]
    Scheme,
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the page is larger than the limit of {0} bytes")]
    TooLarge(u64),
    #[error("no answer within {0} seconds")]
    Timeout(u64),
    #[error("the page could not be fetched: {0}")]
    Network(String),
}

pub fn fetch(url: &str) -> Result<Fetched, FetchError> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(FetchError::Scheme);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(FETCH_TIMEOUT))
        .user_agent(concat!("BriefingDesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::Timeout(_) => FetchError::Timeout(FETCH_TIMEOUT.as_secs()),
        other => FetchError::Network(other.to_string()),
    })?;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    // Read one byte past the cap to tell "exactly at the cap" from "over it".
    let mut bytes = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::TimedOut {
                FetchError::Timeout(FETCH_TIMEOUT.as_secs())
            } else {
                FetchError::Network(e.to_string())
            }
        })?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(FetchError::TooLarge(MAX_SOURCE_BYTES));
    }
    Ok(Fetched {
        url: url.to_string(),
        content_type,
        bytes,
    })
}
