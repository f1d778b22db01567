//! The one error shape that crosses to the UI: `{ code, message }`. The UI switches on
//! `code` and shows `message`; it never parses the message.

use briefing_core::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::TooNew { .. } => "db_too_new",
            StoreError::NotOurs { .. } => "not_a_database",
            StoreError::Exists { .. } => "exists",
            StoreError::NoArticle(_) | StoreError::NotFound { .. } => "not_found",
            StoreError::Invalid(_) => "invalid",
            StoreError::Folder { .. } | StoreError::Io { .. } => "io",
            StoreError::Sqlite(_) => "database",
        };
        CommandError {
            code,
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_format_is_code_and_message() {
        let e = CommandError::from(StoreError::NoArticle(7));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "not_found", "message": "no article with id 7"})
        );
    }
}
