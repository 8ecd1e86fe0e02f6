//! Duplicate detection: an exact key of the normalised text (`text_hash`)
//! and a 64-bit SimHash over word shingles for near-duplicates.
//!
//! The text is normalised into tokens: maximal runs of letters and digits,
//! lower-cased, with each CJK character a token of its own (those scripts
//! do not separate words with spaces). `text_hash` is the xxh3-128 of the
//! tokens joined by single spaces, so case, punctuation and spacing do not
//! matter. The SimHash is taken over shingles of [`SHINGLE`] consecutive
//! tokens; two pages whose SimHashes differ in at most [`MAX_DISTANCE`]
//! bits are near-duplicates. Texts too short to have [`MIN_SHINGLES`]
//! shingles get no SimHash: for them only the exact key counts.
//!
//! [`Index`] is fed by the single ordered writer, one page at a time in
//! input order, so "the first page seen" is the same whatever the thread
//! count. It keeps the exact keys and SimHashes of the pages it has let
//! through (about 190 bytes per page with short ids, measured with one
//! million pages; see the README). A text without tokens is never a
//! duplicate.

use std::collections::HashMap;

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

/// Tokens per shingle.
pub const SHINGLE: usize = 3;
/// Fewest shingles a text needs for a SimHash.
pub const MIN_SHINGLES: usize = 8;
/// Most differing bits between two near-duplicate SimHashes.
pub const MAX_DISTANCE: u32 = 3;
/// SimHash bands: with at most 3 differing bits, two near-duplicates agree
/// on at least one of 4 bands of 16 bits (pigeonhole), so candidates are
/// found by exact lookups.
const BANDS: usize = 4;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// The normalised tokens of a text.
#[cfg(test)]
pub fn tokens(text: &str) -> Vec<String> {
    let (joined, spans) = normalise(text);
    spans
        .iter()
        .map(|&(a, b)| joined[a..b].to_string())
        .collect()
}

/// The [`tokens`] of a text joined by single spaces, with each token's
/// byte range in it: one string for the whole text instead of one per
/// token, and every shingle is a slice of it.
fn normalise(text: &str) -> (String, Vec<(usize, usize)>) {
    // Built as bytes: ASCII letters and digits go in one by one through a
    // table (lower-cased), other characters encoded.
    let mut joined: Vec<u8> = Vec::with_capacity(text.len());
    // About one token per eight bytes of prose: most texts never regrow.
    let mut spans = Vec::with_capacity(text.len() / 8);
    let mut start: Option<usize> = None;
    let close =
        |joined: &mut Vec<u8>, spans: &mut Vec<(usize, usize)>, start: &mut Option<usize>| {
            if let Some(a) = start.take() {
                spans.push((a, joined.len()));
            }
        };
    let open = |joined: &mut Vec<u8>, start: &mut Option<usize>| {
        if start.is_none() {
            if !joined.is_empty() {
                joined.push(b' ');
            }
            *start = Some(joined.len());
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // ASCII: a run of letters and digits copied lower-cased.
            let l = ASCII_TOKEN[usize::from(b)];
            if l == 0 {
                close(&mut joined, &mut spans, &mut start);
                i += 1;
                continue;
            }
            open(&mut joined, &mut start);
            joined.push(l);
            i += 1;
            while let Some(&l) = bytes.get(i).and_then(|&b| ASCII_TOKEN.get(usize::from(b))) {
                if l == 0 {
                    break;
                }
                joined.push(l);
                i += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        // Common letters (Latin-1, basic Cyrillic) and punctuation without
        // the Unicode tables.
        let folded = crate::util::chars::fold_common(c);
        let cjk = is_cjk(c);
        if cjk || !folded.map_or_else(|| c.is_alphanumeric(), |f| f.is_some()) {
            close(&mut joined, &mut spans, &mut start);
            if !cjk {
                continue;
            }
        }
        open(&mut joined, &mut start);
        let mut buf = [0; 4];
        if cjk {
            joined.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            close(&mut joined, &mut spans, &mut start);
        } else if let Some(Some(l)) = folded {
            joined.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
        } else {
            for l in c.to_lowercase() {
                joined.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    close(&mut joined, &mut spans, &mut start);
    // Whole characters went in, so the bytes are UTF-8.
    let joined = String::from_utf8(joined).unwrap_or_default();
    (joined, spans)
}

/// Each ASCII byte lower-cased if it is a letter or digit, else 0.
static ASCII_TOKEN: [u8; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The exact-duplicate key of a text: xxh3-128 of its normalised tokens,
/// 32 hex digits.
pub fn text_hash(text: &str) -> String {
    keys(text).0
}

/// Both keys of a text from one normalisation: its [`text_hash`] and its
/// [`simhash`].
pub fn keys(text: &str) -> (String, Option<u64>) {
    let (joined, spans) = normalise(text);
    let hash = format!("{:032x}", xxh3_128(joined.as_bytes()));
    (hash, simhash_of(&joined, &spans))
}

/// The SimHash of a text over shingles of [`SHINGLE`] tokens, or `None`
/// when it has fewer than [`MIN_SHINGLES`] shingles.
pub fn simhash(text: &str) -> Option<u64> {
    let (joined, spans) = normalise(text);
    simhash_of(&joined, &spans)
}

/// [`simhash`] of a text already normalised.
fn simhash_of(joined: &str, spans: &[(usize, usize)]) -> Option<u64> {
    if spans.len() < SHINGLE + MIN_SHINGLES - 1 {
        return None;
    }
    // A bit of the SimHash is set when more than half of the shingle
    // hashes have it. The set bits are counted eight hashes' bytes at a
    // time: SPREAD puts bit k of a byte into byte lane k of a u64, so one
    // addition counts a byte's eight bits at once (each lane holds up to
    // 255 before it is flushed).
    const SPREAD: [u64; 256] = {
        let mut t = [0u64; 256];
        let mut v = 0;
        while v < 256 {
            let mut k = 0;
            while k < 8 {
                if v >> k & 1 == 1 {
                    t[v] |= 1 << (8 * k);
                }
                k += 1;
            }
            v += 1;
        }
        t
    };
    let mut ones = [0u32; 64];
    let mut lanes = [0u64; 8];
    let flush = |lanes: &mut [u64; 8], ones: &mut [u32; 64]| {
        for (j, lane) in lanes.iter_mut().enumerate() {
            for (k, one) in ones[8 * j..8 * j + 8].iter_mut().enumerate() {
                *one += (*lane >> (8 * k) & 0xff) as u32;
            }
            *lane = 0;
        }
    };
    let mut total = 0u32;
    for (i, w) in spans.windows(SHINGLE).enumerate() {
        let h = xxh3_64(&joined.as_bytes()[w[0].0..w[SHINGLE - 1].1]);
        for (j, lane) in lanes.iter_mut().enumerate() {
            *lane += SPREAD[(h >> (8 * j) & 0xff) as usize];
        }
        total += 1;
        if i % 255 == 254 {
            flush(&mut lanes, &mut ones);
        }
    }
    flush(&mut lanes, &mut ones);
    Some(
        ones.iter()
            .enumerate()
            .filter(|&(_, &n)| 2 * n > total)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

/// How a page duplicates an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Same normalised text.
    Exact,
    /// SimHash within [`MAX_DISTANCE`] bits.
    Near,
}

/// The pages seen so far, in input order.
#[derive(Debug, Default)]
pub struct Index {
    ids: Vec<String>,
    exact: HashMap<u128, u32>,
    sims: Vec<(u64, u32)>,
    bands: [HashMap<u16, Vec<u32>>; BANDS],
}

fn band(h: u64, b: usize) -> u16 {
    (h >> (16 * b)) as u16
}

impl Index {
    /// The id of the first page this one duplicates, if any. Otherwise the
    /// page is remembered under `id` and `None` is returned.
    pub fn check(
        &mut self,
        id: &str,
        text_hash: &str,
        simhash: Option<u64>,
    ) -> Option<(String, Kind)> {
        // A text without a single token (only punctuation or symbols)
        // duplicates nothing: all such texts share one key.
        static EMPTY: std::sync::LazyLock<String> =
            std::sync::LazyLock::new(|| self::text_hash(""));
        if text_hash == *EMPTY {
            return None;
        }
        let key = u128::from_str_radix(text_hash, 16).unwrap_or_default();
        if let Some(&i) = self.exact.get(&key) {
            return Some((self.ids[i as usize].clone(), Kind::Exact));
        }
        if let Some(h) = simhash {
            let mut best: Option<u32> = None;
            for b in 0..BANDS {
                for &s in self.bands[b].get(&band(h, b)).into_iter().flatten() {
                    let (other, page) = self.sims[s as usize];
                    if (other ^ h).count_ones() <= MAX_DISTANCE && best.is_none_or(|p| page < p) {
                        best = Some(page);
                    }
                }
            }
            if let Some(page) = best {
                return Some((self.ids[page as usize].clone(), Kind::Near));
            }
        }
        let page = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.exact.insert(key, page);
        if let Some(h) = simhash {
            let s = self.sims.len() as u32;
            self.sims.push((h, page));
            for b in 0..BANDS {
                self.bands[b].entry(band(h, b)).or_default().push(s);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    /// The tokens as first written: one String per token.
    fn reference_tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in text.chars() {
            if is_cjk(c) {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push(c.to_string());
            } else if c.is_alphanumeric() {
                cur.extend(c.to_lowercase());
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    #[test]
    fn one_string_normalisation_equals_token_lists() {
        for t in [
            "",
            "  ,; ",
            "Hello, World! ÄÖÜ straße İstanbul 42",
            "東京で3日、新しい駅が開業した。Tokyo opens",
            "mixed東京words and 한국어 텍스트",
            "a",
            "ABCÄdef ÄBC x-y_z MiXeD123ÜnÏcode\u{a0}end. É1a",
        ] {
            let want = reference_tokens(t);
            assert_eq!(tokens(t), want, "{t}");
            assert_eq!(
                text_hash(t),
                format!("{:032x}", xxh3_128(want.join(" ").as_bytes()))
            );
        }
    }

    use super::*;

    /// SimHash as first written: one signed weight per bit.
    fn simhash_by_weights(text: &str) -> Option<u64> {
        let (joined, spans) = normalise(text);
        if spans.len() < SHINGLE + MIN_SHINGLES - 1 {
            return None;
        }
        let mut weights = [0i32; 64];
        for w in spans.windows(SHINGLE) {
            let h = xxh3_64(&joined.as_bytes()[w[0].0..w[SHINGLE - 1].1]);
            for (bit, weight) in weights.iter_mut().enumerate() {
                *weight += if h >> bit & 1 == 1 { 1 } else { -1 };
            }
        }
        Some(
            (0..64)
                .filter(|&b| weights[b] > 0)
                .fold(0, |acc, b| acc | 1 << b),
        )
    }

    #[test]
    fn simhash_counts_bits_as_the_weights_do() {
        // Lengths around the lane flush every 255 shingles, and ties.
        let words: Vec<String> = (0..700).map(|i| format!("w{}", i * 7919 % 613)).collect();
        for n in [0, 9, 10, 11, 12, 100, 256, 257, 258, 300, 511, 512, 700] {
            let text = words[..n].join(" ");
            assert_eq!(simhash(&text), simhash_by_weights(&text), "{n} words");
        }
    }

    const A: &str = "The council approved the new budget on Tuesday, after a debate that \
        lasted well into the night and drew a large crowd of residents who had come to \
        speak about the plans for the harbour and the old market hall.";

    #[test]
    fn exact_key_ignores_case_spacing_and_punctuation() {
        let b = A.to_uppercase().replace(", ", " ,  ");
        assert_eq!(text_hash(A), text_hash(&b));
        assert_ne!(text_hash(A), text_hash("Another text entirely."));
        assert_eq!(text_hash(A).len(), 32);
    }

    /// A longer text: one changed word moves few of its shingles.
    const LONG: &str = "The council approved the new budget on Tuesday, after a debate that \
        lasted well into the night and drew a large crowd of residents who had come to \
        speak about the plans for the harbour and the old market hall. The mayor said the \
        money would be spent on schools, roads and a new library for the town, and that \
        work on the harbour wall would begin in the spring. Several members of the \
        opposition asked for more time to read the proposal before the vote, but the \
        motion to delay was defeated. A local business owner told the meeting that the \
        changes would help shops in the centre, which have lost customers to the retail \
        park outside town. The final vote was taken shortly before midnight and the \
        session closed soon afterwards, with most residents staying until the end.";

    /// What the index decides about one-word edits of a 140-word text. A
    /// single changed word moves 3 shingles, which flips from 1 to 8 bits
    /// depending on the word: only edits within [`MAX_DISTANCE`] bits are
    /// near-duplicates.
    #[test]
    fn near_duplicates_are_close_and_others_far() {
        let a = simhash(LONG).unwrap();
        let mut idx = Index::default();
        assert_eq!(idx.check("a", &text_hash(LONG), Some(a)), None);
        for (i, (from, to, near)) in [
            ("end", "close", true),
            ("midnight", "eleven", true),
            ("Tuesday", "Monday", false),
        ]
        .into_iter()
        .enumerate()
        {
            let edited = LONG.replacen(from, to, 1);
            let n = simhash(&edited).unwrap();
            let id = format!("e{i}");
            assert_eq!((a ^ n).count_ones() <= MAX_DISTANCE, near, "{from} -> {to}");
            let expect = near.then(|| ("a".to_string(), Kind::Near));
            assert_eq!(idx.check(&id, &text_hash(&edited), Some(n)), expect);
        }
        let other = simhash(
            "Die Stadt hat heute beschlossen, das alte Schwimmbad im Norden zu renovieren, \
             nachdem viele Bürger sich dafür eingesetzt hatten und Geld gesammelt wurde.",
        )
        .unwrap();
        assert!((a ^ other).count_ones() > 10);
        assert_eq!(simhash("too short to shingle"), None);
    }

    #[test]
    fn texts_without_tokens_duplicate_nothing() {
        let mut idx = Index::default();
        let (x, y) = ("★ ☆ — !!", "→ ← … ??");
        assert_eq!(text_hash(x), text_hash(y));
        assert_eq!(idx.check("x", &text_hash(x), simhash(x)), None);
        assert_eq!(idx.check("y", &text_hash(y), simhash(y)), None);
        assert_eq!(idx.check("z", &text_hash(""), None), None);
    }

    #[test]
    fn cjk_characters_are_tokens() {
        assert_eq!(tokens("東京 Tower"), vec!["東", "京", "tower"]);
    }

    #[test]
    fn index_names_the_first_page() {
        let mut idx = Index::default();
        let h = text_hash(A);
        let s = simhash(A);
        assert_eq!(idx.check("a", &h, s), None);
        assert_eq!(idx.check("b", &h, s), Some(("a".into(), Kind::Exact)));
        let other = "completely different words here and there";
        assert_eq!(idx.check("c", &text_hash(other), simhash(other)), None);
        // A SimHash one bit away from the first page's.
        let close = s.map(|x| x ^ 1);
        assert_eq!(
            idx.check("d", &text_hash("x"), close),
            Some(("a".into(), Kind::Near))
        );
    }
}
