//! Gazetteers: reference lists that live in data files under `data/`, not in code.

use std::collections::HashMap;
use std::sync::OnceLock;

const OUTLETS_TSV: &str = include_str!("../data/outlets.tsv");

/// News outlets and the spellings and web domains that name them.
pub struct Outlets {
    by_alias: HashMap<String, &'static str>,
}

impl Outlets {
    pub fn get() -> &'static Outlets {
        static OUTLETS: OnceLock<Outlets> = OnceLock::new();
        OUTLETS.get_or_init(|| Outlets::parse(OUTLETS_TSV))
    }

    fn parse(tsv: &'static str) -> Outlets {
        let mut by_alias = HashMap::new();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (canonical, aliases) = line.split_once('\t').unwrap_or((line, ""));
            by_alias.insert(canonical.to_lowercase(), canonical);
            for alias in aliases.split('|').filter(|a| !a.is_empty()) {
                by_alias.insert(alias.to_lowercase(), canonical);
            }
        }
        Outlets { by_alias }
    }

    /// The canonical name for a spelling or a domain ("KAZINFORM", "eng.belta.by", "www.reuters.com").
    pub fn canonical(&self, name: &str) -> Option<&'static str> {
        let key = name.trim().trim_end_matches('.').to_lowercase();
        if let Some(c) = self.by_alias.get(&key) {
            return Some(c);
        }
        let host = key
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or("");
        let mut host = host.trim_start_matches("www.");
        // Try the host, then its parent domains: "en.inform.kz" -> "inform.kz".
        loop {
            if let Some(c) = self.by_alias.get(host) {
                return Some(c);
            }
            match host.split_once('.') {
                Some((_, rest)) if rest.contains('.') => host = rest,
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_spellings_and_domains_map_to_one_name() {
        let o = Outlets::get();
        assert_eq!(o.canonical("KAZINFORM"), Some("Kazinform"));
        assert_eq!(o.canonical("БЕЛТА"), Some("BelTA"));
        assert_eq!(o.canonical("eng.belta.by"), Some("BelTA"));
        assert_eq!(
            o.canonical("https://www.reuters.com/world/"),
            Some("Reuters")
        );
        assert_eq!(o.canonical("Example Wire Service"), None);
    }
}
