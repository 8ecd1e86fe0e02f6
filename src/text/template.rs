//! Lines that recur across the pages of one batch: the site template.
//!
//! Menus, footers and "What's Hot" lists are printed on every page of a
//! site. Before extraction, a first pass over the batch counts, for every
//! normalised line, how many distinct documents contain it; lines found in
//! at least [`Template::threshold`] documents are template and the
//! extractors treat them as boilerplate.
//!
//! The counts are per document, so a line that repeats inside one article
//! (a refrain, a table label) counts once and is never template on its own
//! account. Only 64-bit hashes (with a count and the normalised length)
//! are stored, so memory grows with the number
//! of distinct lines, not with their text. Merging counts is commutative,
//! so the result is the same whatever the thread count and input order.
//!
//! Only text dumps are scanned and judged for now: their units are the
//! lines; HTML pages would need their blocks, which the HTML path builds.

use rayon::prelude::*;

use crate::config::Config;
use crate::input::{self, Format, Input};

/// Line keys to the number of documents that hold them and the length of
/// the line's normalised text.
type Counts = foldhash::HashMap<u64, (u32, u32)>;

/// Documents a line must appear in to be template, at least.
pub const MIN_DOCS: usize = 3;
/// Share of the batch's documents a line must appear in (per mille).
pub const MIN_SHARE_PER_MILLE: usize = 100;
/// Normalised lines shorter than this (in characters) are not counted:
/// a bare "0" or "|" says nothing about the template.
const MIN_KEY_CHARS: usize = 2;

/// The template lines of one batch, as hashes of their normalised text.
#[derive(Debug, Clone, Default)]
pub struct Template {
    hashes: foldhash::HashSet<u64>,
    /// The longest normalised text of a template line, in bytes: a line
    /// with more ASCII letters than that is none (each letter stays one
    /// byte of its normalised text), found without normalising it.
    max_norm: usize,
}

impl Template {
    /// A digest of the template, the same whatever order it was built in:
    /// an incremental run may carry records over only when the batch's
    /// template is unchanged, since the template changes text records.
    pub fn fingerprint(&self) -> u64 {
        let mut hashes: Vec<u64> = self.hashes.iter().copied().collect();
        hashes.sort_unstable();
        let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
        xxhash_rust::xxh3::xxh3_64(&bytes)
    }

    /// How many documents a line must appear in for a batch of `docs`.
    pub fn threshold(docs: usize) -> usize {
        MIN_DOCS.max((docs * MIN_SHARE_PER_MILLE).div_ceil(1000))
    }

    /// The template of a batch from per-line document counts.
    pub fn from_counts(counts: &Counts, docs: usize) -> Template {
        let min = Template::threshold(docs);
        let lines = counts.iter().filter(|&(_, &(n, _))| n as usize >= min);
        Template {
            hashes: lines.clone().map(|(&h, _)| h).collect(),
            max_norm: lines.map(|(_, &(_, len))| len as usize).max().unwrap_or(0),
        }
    }

    /// The template of a batch of decoded text dumps (for tests and
    /// in-memory use).
    #[cfg(any(test, feature = "internals"))]
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Template {
        let mut counts = Counts::default();
        let mut docs = 0;
        for t in texts {
            docs += 1;
            for (h, len) in document_keys(t) {
                counts.entry(h).or_insert((0, len)).0 += 1;
            }
        }
        Template::from_counts(&counts, docs)
    }

    /// First pass over a batch: read every text dump once and count its
    /// distinct lines. Unreadable inputs and HTML pages are skipped (they
    /// fail or are judged in the second pass); inputs named as HTML are not
    /// even read.
    pub fn scan(inputs: &[Input], config: &Config) -> Template {
        // A line is template only if at least `MIN_DOCS` documents hold it:
        // with fewer inputs that may be text dumps, none can be.
        let candidates = inputs
            .iter()
            .filter(|i| i.format != Some(Format::Html))
            .count();
        if candidates < MIN_DOCS {
            return Template::default();
        }
        let per_doc = |i: &Input| -> Option<Vec<(u64, u32)>> {
            // Pages named as HTML are not read twice (nor gunzipped twice).
            if i.format == Some(Format::Html) {
                return None;
            }
            let bytes = input::read(&i.path, config.page.max_bytes).ok()?;
            let format = i
                .format
                .unwrap_or_else(|| crate::input::sniff::sniff(&bytes));
            if format != Format::Text || crate::decode::looks_binary(&bytes) {
                return None;
            }
            let text = crate::decode::page_text(&bytes, false).text;
            Some(document_keys(&text))
        };
        let (counts, docs) = inputs
            .par_iter()
            .filter_map(per_doc)
            .fold(
                || (Counts::default(), 0usize),
                |(mut m, n), keys| {
                    for (h, len) in keys {
                        m.entry(h).or_insert((0, len)).0 += 1;
                    }
                    (m, n + 1)
                },
            )
            .reduce(
                || (Counts::default(), 0),
                |(mut a, na), (b, nb)| {
                    for (h, (n, len)) in b {
                        a.entry(h).or_insert((0, len)).0 += n;
                    }
                    (a, na + nb)
                },
            );
        Template::from_counts(&counts, docs)
    }

    /// Whether a unit's text is a template line.
    pub fn contains(&self, text: &str) -> bool {
        if self.hashes.is_empty() {
            return false;
        }
        // A vectorised count of ASCII letters rules out the long lines, most
        // of a page; it stops once past the bound.
        !more_letters_than(text, self.max_norm)
            && key(text).is_some_and(|h| self.hashes.contains(&h))
    }

    /// Number of template lines.
    #[cfg(any(test, feature = "internals"))]
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether no line is template (a single page, a batch of distinct
    /// sites).
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// Whether `text` holds more than `max` ASCII letters. A text no longer
/// than `max` bytes does not; a longer one is counted in blocks of 64
/// bytes (a per-block count fits a byte and vectorises), until the count
/// passes `max`.
fn more_letters_than(text: &str, max: usize) -> bool {
    if text.len() <= max {
        return false;
    }
    let mut letters = 0usize;
    for block in text.as_bytes().chunks(64) {
        let n: u8 = block
            .iter()
            .map(|&b| u8::from(b.is_ascii_alphabetic()))
            .fold(0, u8::wrapping_add);
        letters += usize::from(n);
        if letters > max {
            return true;
        }
    }
    false
}

/// What an ASCII byte adds to a key: [`DROP`] nothing, [`DIGIT`] a digit
/// run's `0`, anything else that (lower-cased) letter.
const ASCII_KEY: [u8; 128] = {
    let mut t = [DROP; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_digit() {
            t[b] = DIGIT;
        } else if c.is_ascii_alphabetic() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};
const DROP: u8 = 0;
const DIGIT: u8 = 1;

/// Bytes of normalising buffer a thread keeps between lines.
const NORM_KEEP: usize = 1 << 16;

thread_local! {
    /// The normalised text of the line being keyed, reused between lines.
    static NORM: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The hash of a line's normalised text: lower-case, digit runs as `0`, letters
/// and digits only (so "Home »" and "home" agree, and "12 comments" and
/// "3 comments"). `None` for lines too short to count.
pub fn key(text: &str) -> Option<u64> {
    key_and_len(text).map(|(h, _)| h)
}

/// [`key`] and the length of the normalised text in bytes.
fn key_and_len(text: &str) -> Option<(u64, u32)> {
    NORM.with_borrow_mut(|norm| {
        let key = key_in(text, norm).map(|h| (h, u32::try_from(norm.len()).unwrap_or(u32::MAX)));
        // One huge line must not stay allocated for the thread's life.
        if norm.capacity() > NORM_KEEP {
            *norm = Vec::new();
        }
        key
    })
}

/// [`key`], normalising into `norm` (cleared first).
fn key_in(text: &str, norm: &mut Vec<u8>) -> Option<u64> {
    norm.clear();
    norm.reserve(text.len());
    let mut chars = 0usize;
    // Whether `norm` ends with the '0' of a run of digits (a dropped
    // character between two digit runs does not end the run).
    let mut zero = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // ASCII, most of a dump, byte by byte through the table.
        if b.is_ascii() {
            match ASCII_KEY[usize::from(b)] {
                DROP => {}
                DIGIT => {
                    if !zero {
                        norm.push(b'0');
                        chars += 1;
                        zero = true;
                    }
                }
                l => {
                    norm.push(l);
                    chars += 1;
                    zero = false;
                }
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if let Some(folded) = crate::util::chars::fold_common(c) {
            if let Some(l) = folded {
                let mut buf = [0; 4];
                norm.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                chars += 1;
                zero = false;
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut buf = [0; 4];
                norm.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                chars += 1;
                zero = l == '0';
            }
        }
    }
    if chars < MIN_KEY_CHARS {
        return None;
    }
    // xxh3: fast, and (unlike std's DefaultHasher) the same in every
    // build, so a manifest's template fingerprint stays comparable.
    Some(xxhash_rust::xxh3::xxh3_64(norm))
}

/// The distinct line keys of one text dump, as the text path splits it.
fn document_keys(text: &str) -> Vec<(u64, u32)> {
    let mut keys: Vec<(u64, u32)> = crate::text::lines::split(text)
        .iter()
        .filter_map(|u| key_and_len(&u.text))
        .collect();
    keys.sort_unstable();
    keys.dedup_by_key(|k| k.0);
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds() {
        assert_eq!(Template::threshold(1), 3);
        assert_eq!(Template::threshold(29), 3);
        assert_eq!(Template::threshold(31), 4);
        assert_eq!(Template::threshold(1000), 100);
    }

    #[test]
    fn normalises_lines() {
        assert_eq!(key("Home »"), key("home"));
        assert_eq!(key("12 Comments"), key("3 comments"));
        assert_ne!(key("Home"), key("News"));
        assert_eq!(key("|"), None);
    }

    /// The normalisation as first written: a `String` built char by char.
    fn key_reference(text: &str) -> Option<u64> {
        let mut norm = String::new();
        let mut zero = false;
        for c in text.chars() {
            if c.is_ascii_digit() {
                if !zero {
                    norm.push('0');
                    zero = true;
                }
            } else if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    norm.push(l);
                    zero = l == '0';
                }
            }
        }
        (norm.chars().count() >= MIN_KEY_CHARS).then(|| xxhash_rust::xxh3::xxh3_64(norm.as_bytes()))
    }

    #[test]
    fn key_matches_the_plain_normalisation() {
        for s in [
            "",
            "a",
            "ab",
            "1",
            "12",
            "1 2 3",
            "a1b22c",
            "Home » News",
            "  * 12 Comments | Share",
            "Größe ÄÖÜ straße",
            "İstanbul KELVIN \u{212a} ΣΑΣ",
            "中文 内容 ١٢٣ ٤",
            "Zürich 2024-03-12, 14:05 Uhr",
            "\u{a0}\u{3000}x",
        ] {
            assert_eq!(key(s), key_reference(s), "{s:?}");
        }
    }

    #[test]
    fn letter_bound_agrees_with_a_plain_count() {
        let texts = [
            String::new(),
            "a".into(),
            "Home » News".into(),
            "äöü ÄÖÜ 123 abc".into(),
            "x".repeat(63),
            "x".repeat(64),
            "x1".repeat(65),
            "Größe straße ".repeat(20),
        ];
        for t in &texts {
            let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
            for max in 0..=t.len() + 2 {
                assert_eq!(more_letters_than(t, max), letters > max, "{t:?} {max}");
            }
        }
    }

    #[test]
    fn counts_documents_not_lines() {
        // One page repeats its refrain five times: not template.
        let refrain = "The river runs to the sea\n".repeat(5);
        let a = format!("  * Home\n  * News\n\n{refrain}");
        let b = "  * Home\n  * News\n\nAnother story.\n";
        let c = "  * Home\n  * News\n\nA third story.\n";
        let t = Template::from_texts([a.as_str(), b, c]);
        assert!(t.contains("Home"));
        assert!(t.contains("News"));
        assert!(!t.contains("The river runs to the sea"));
        assert!(!t.contains("Another story."));
        // Case, marks and separators do not count, nor does the length
        // bound rule out a template line spelled longer.
        assert!(t.contains("NEWS » | ·"));
        assert!(t.contains("  Home  »"));
        assert!(!t.contains("Home News Home News"));
        // Order does not matter.
        let u = Template::from_texts([c, a.as_str(), b]);
        assert_eq!(t.len(), u.len());
    }
}
