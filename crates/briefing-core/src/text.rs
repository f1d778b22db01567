//! Text normalisation shared by every ingest path.

use unicode_normalization::UnicodeNormalization;

/// Normalises one paragraph: Unicode NFC, characters that are invalid in XML or invisible
/// formatting removed, every run of whitespace collapsed to one space, trimmed.
pub fn normalise_paragraph(s: &str) -> String {
    // Almost all text is already NFC; the quick check skips the composing pass then.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        collapse(s.chars())
    } else {
        collapse(s.nfc())
    }
}

fn collapse(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() || c == '\u{00A0}' {
            pending_space = !out.is_empty();
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Splits text into paragraphs at blank lines and normalises each; empty paragraphs vanish.
/// Single line breaks inside a paragraph are joined with a space, as wire copy wraps lines.
pub fn paragraphs_from_text(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            push_paragraph(&mut paragraphs, &current);
            current.clear();
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    push_paragraph(&mut paragraphs, &current);
    paragraphs
}

pub(crate) fn push_paragraph(paragraphs: &mut Vec<String>, raw: &str) {
    let p = normalise_paragraph(raw);
    if !p.is_empty() {
        paragraphs.push(p);
    }
}

/// Control characters (other than whitespace) are invalid in XML 1.0 and would break the
/// exported brief; zero-width and BOM characters are invisible noise in wire copy.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'
        | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' | '\u{200B}')
}

/// "Семёнов" and "Семенов" are one name written two ways: the full-text index stores ё as е
/// and queries are folded the same way. Both letters take two bytes in UTF-8, so offsets in
/// snippets still line up with the stored text.
pub fn fold_yo(s: &str) -> String {
    if s.contains(['ё', 'Ё']) {
        s.replace('ё', "е").replace('Ё', "Е")
    } else {
        s.to_string()
    }
}

/// Title-cases a shouted dateline place: "NUR-SULTAN" -> "Nur-Sultan", "БРЕСТ" -> "Брест".
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            // "XI'AN" is "Xi'an": an apostrophe does not start a word.
            start = c == ' ' || c == '-';
        }
    }
    out
}

/// Cuts `s` to at most `max` characters at a word boundary, adding an ellipsis when cut.
pub fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_collapses_whitespace_and_drops_control_characters() {
        assert_eq!(
            normalise_paragraph("  a\u{1}b \t\n c\u{0}\u{FFFF}  "),
            "ab c"
        );
    }

    #[test]
    fn normalise_composes_to_nfc() {
        // "é" as e + combining acute must compare equal to the precomposed letter.
        assert_eq!(normalise_paragraph("Cafe\u{301}"), "Café");
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_wrapped_lines() {
        let p = paragraphs_from_text("One\nline.\r\n\r\n\n\nTwo.\n");
        assert_eq!(p, vec!["One line.", "Two."]);
    }

    #[test]
    fn title_case_handles_hyphens_and_cyrillic() {
        assert_eq!(title_case("NUR-SULTAN"), "Nur-Sultan");
        assert_eq!(title_case("БРЕСТ"), "Брест");
        assert_eq!(title_case("BANSKA BYSTRICA"), "Banska Bystrica");
        assert_eq!(title_case("XI'AN"), "Xi'an");
    }

    #[test]
    fn truncate_cuts_at_a_word_boundary() {
        assert_eq!(truncate_words("one two three four", 12), "one two…");
        assert_eq!(truncate_words("short", 12), "short");
    }
}
