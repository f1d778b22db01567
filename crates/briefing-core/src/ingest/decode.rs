//! Bytes to text: refuses binary files by name, detects legacy encodings and says so.

use encoding_rs::Encoding;

use super::IngestError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Set when the bytes were not UTF-8 and an encoding was detected or declared.
    pub note: Option<String>,
}

/// Decodes a source to text. UTF-8 (with or without BOM) and UTF-16 with a BOM pass as they
/// are; anything else is decoded with the encoding an HTML page declares or, failing that,
/// the one detected from the bytes, and the article carries a note saying which.
pub fn decode(bytes: &[u8], is_html: bool) -> Result<Decoded, IngestError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            note: None,
        });
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(IngestError::Binary { what });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            note: None,
        });
    }
    let declared = if is_html {
        declared_charset(bytes)
    } else {
        None
    };
    let (encoding, how) = match declared {
        Some(enc) if enc != encoding_rs::UTF_8 => (enc, "declared by the page"),
        _ => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            (
                detector.guess(None, chardetng::Utf8Detection::Allow),
                "detected",
            )
        }
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    let note = if encoding == encoding_rs::UTF_8 || had_errors {
        "the text is not valid UTF-8; undecodable bytes were replaced with \u{FFFD}".to_string()
    } else {
        format!(
            "the text is not UTF-8; decoded as {} ({how})",
            encoding.name().to_lowercase()
        )
    };
    Ok(Decoded {
        text: text.into_owned(),
        note: Some(note),
    })
}

/// Names well-known binary formats, and calls anything with NUL bytes or mostly control
/// characters binary.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (a Word or OpenDocument file is one)",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program (ELF executable)"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"{\\rtf", "an RTF document"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some((*what).to_string());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Some("a binary file".to_string());
    }
    None
}

/// The charset an HTML page declares in `<meta charset>` or `http-equiv`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_unchanged() {
        let d = decode("Брест".as_bytes(), false).unwrap();
        assert_eq!(
            d,
            Decoded {
                text: "Брест".into(),
                note: None
            }
        );
    }

    #[test]
    fn windows_1251_is_detected_and_named() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Делегация Атырауской области прибыла в Брест с официальным визитом.");
        let d = decode(&bytes, false).unwrap();
        assert!(
            d.text.starts_with("Делегация Атырауской"),
            "decoded text: {}",
            d.text
        );
        assert!(
            d.note.unwrap().contains("windows-1251"),
            "the note names the encoding"
        );
    }

    #[test]
    fn binary_files_are_named() {
        let err = decode(b"%PDF-1.7 ...", false).unwrap_err();
        assert_eq!(
            err,
            IngestError::Binary {
                what: "a PDF document".into()
            }
        );
        assert!(matches!(
            decode(b"abc\0def", false),
            Err(IngestError::Binary { .. })
        ));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Minsk".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, false).unwrap().text, "Minsk");
    }
}
