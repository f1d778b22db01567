//! Duplicate detection. Exact duplicates share a SHA-256 of the normalised text; near
//! duplicates (the same wire story re-published with another headline, trailer or minor
//! edits) share most word 3-shingles, estimated with MinHash and found through
//! locality-sensitive hashing bands.

use sha2::{Digest, Sha256};

/// Number of MinHash functions; BANDS * ROWS of them.
pub const SIGNATURE_LEN: usize = BANDS * ROWS;
pub const BANDS: usize = 20;
const ROWS: usize = 3;

/// Estimated Jaccard similarity at or above which two texts are the same story. Re-published
/// wire copy scores 0.6-0.95; distinct stories on the same subject stay under 0.2.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.5;

/// Texts shorter than this many words are never called near-duplicates: with a dozen
/// shingles the estimate is too noisy, and two one-line feed summaries of different stories
/// share half their words ("… a visit to Brest" / "… a visit to Atyrau").
pub const MIN_WORDS_FOR_NEAR_DUPLICATE: usize = 25;

pub fn long_enough_for_near_duplicate(text: &str) -> bool {
    text.split_whitespace()
        .nth(MIN_WORDS_FOR_NEAR_DUPLICATE - 1)
        .is_some()
}

/// SHA-256 of the normalised text, hex-encoded: equal for exact duplicates.
pub fn content_hash(text: &str) -> String {
    content_hash_bytes(text.as_bytes())
}

/// SHA-256 of raw bytes, hex-encoded (for sources as they came).
pub fn content_hash_bytes(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The MinHash signature of a text's word 3-shingles. Each shingle is hashed once; the
/// SIGNATURE_LEN hash functions are cheap permutations of that hash (odd multiplier plus
/// offset, keeping the high bits), a standard family for MinHash.
pub fn signature(text: &str) -> Vec<u32> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    let mut sig = vec![u32::MAX; SIGNATURE_LEN];
    let mut add = |shingle: u64| {
        let h = splitmix64(shingle);
        for (slot, (a, b)) in sig.iter_mut().zip(permutations()) {
            let v = (a.wrapping_mul(h).wrapping_add(*b) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    };
    if words.len() < 3 {
        words.iter().for_each(|&w| add(w));
    } else {
        for w in words.windows(3) {
            add(w[0].rotate_left(21) ^ w[1].rotate_left(42) ^ w[2]);
        }
    }
    sig
}

/// A case-insensitive hash of a word, without allocating a lower-cased copy.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3);
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// The (multiplier, offset) pairs of the hash family, fixed for the life of every database.
fn permutations() -> &'static [(u64, u64); SIGNATURE_LEN] {
    static PERMS: std::sync::OnceLock<[(u64, u64); SIGNATURE_LEN]> = std::sync::OnceLock::new();
    PERMS.get_or_init(|| {
        let mut state = 0x005E_ED0F_B51E_F1D6_u64;
        std::array::from_fn(|_| {
            state = splitmix64(state);
            let a = state | 1;
            state = splitmix64(state);
            (a, state)
        })
    })
}

/// The LSH band keys of a signature; two texts sharing any key are compared.
pub fn band_keys(sig: &[u32]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = fnv1a(&(band as u64).to_le_bytes());
            for r in rows {
                h = splitmix64(h ^ u64::from(*r));
            }
            h as i64
        })
        .collect()
}

/// The share of equal MinHash values: an estimate of the Jaccard similarity.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

pub fn signature_to_blob(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn signature_from_blob(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The administration of Kazakhstan's Atyrau Oblast sees potential in advancing \
        cooperation with Brest Oblast in agribusiness and processing industry. The relevant statement \
        was made by Atyrau Oblast First Vice Governor Gumar Dyusembayev as he met with top officials of \
        the Brest Oblast administration on 21 June. The Kazakh delegation invited the Brest Oblast \
        administration to come to Kazakhstan on a reciprocal visit, get familiar with the potential of \
        Atyrau Oblast and sketch out possible ways of interaction.";

    #[test]
    fn a_republished_copy_is_near_and_another_story_is_not() {
        let republished = STORY
            .replace("sees potential in", "sees good potential for")
            .replace("top officials", "senior officials")
            + " Kazinform refers to eng.belta.by.";
        let other = "Deputy Chairman of the Vitebsk Oblast Executive Committee met a delegation from \
            Uzbekistan's Samarkand Region to discuss textile exports, tourism routes and a joint \
            cotton processing plant planned for next year in the free economic zone.";
        let s = signature(STORY);
        let near = similarity(&s, &signature(&republished));
        let far = similarity(&s, &signature(other));
        assert!(
            near >= NEAR_DUPLICATE_THRESHOLD,
            "republished copy scored {near}"
        );
        assert!(far < 0.2, "another story scored {far}");
        let shared = band_keys(&s)
            .iter()
            .filter(|k| band_keys(&signature(&republished)).contains(k))
            .count();
        assert!(shared > 0, "the copy must share a band to be found");
    }

    #[test]
    fn short_texts_are_never_near_duplicates() {
        assert!(!long_enough_for_near_duplicate(
            "The first good item about a visit to Brest."
        ));
        assert!(long_enough_for_near_duplicate(STORY));
    }

    #[test]
    fn signature_round_trips_through_a_blob() {
        let s = signature(STORY);
        assert_eq!(signature_from_blob(&signature_to_blob(&s)), s);
        assert_eq!(content_hash("a").len(), 64);
    }
}
