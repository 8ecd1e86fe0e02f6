//! What a class, id or role value says about its element: the boilerplate
//! kind it names, whether it marks the article's content or body, whether
//! it hides the element. Words are matched whole, after splitting values
//! at `-`, `_`, spaces and camelCase humps, so `gdpr-Paragraph` never
//! matches `graph` and `MsoHeader` never matches `header` by accident of a
//! substring; utility-CSS tokens are left out. The words are
//! [`crate::lexicon::attributes`].

use std::sync::LazyLock;

use crate::lexicon::attributes::*;
use crate::model::block::Kind;
use crate::util::bytes::{ALNUM, CLASS, LOWER_OR_DIGIT, UPPER};
use crate::util::matchers::Shapes;

/// Whether one class token is a utility class (or a responsive/state
/// variant such as `lg:hidden`), to be ignored when reading class words.
fn is_utility(token: &str) -> bool {
    let t = token.as_bytes();
    // Every prefix is lower-case ASCII: compare only those that start
    // with the token's first letter.
    let Some(first) = t.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    t.contains(&b':')
        || UTILITY_BY_FIRST.get(usize::from(first)).is_some_and(|ps| {
            ps.iter()
                .any(|p| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        })
}

/// [`UTILITY_PREFIXES`] by their first byte.
static UTILITY_BY_FIRST: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by = vec![Vec::new(); 128];
    for &p in UTILITY_PREFIXES {
        by[usize::from(p.as_bytes()[0])].push(p);
    }
    by
});

/// Split one class or id value into lower-case words at `-`, `_`, `.`, `:`,
/// spaces, digits-to-letters and camelCase humps. Utility-CSS tokens are
/// left out. (The split [`attr_info_in`] reads, as owned words: for tests.)
#[cfg(test)]
pub fn attr_words(value: &str) -> Vec<String> {
    let (mut buf, mut ends) = (String::new(), Vec::new());
    attr_words_into(value, &mut buf, &mut ends);
    let mut start = 0;
    ends.iter()
        .map(|&end| buf[std::mem::replace(&mut start, end)..end].to_string())
        .collect()
}

/// The words of `attr_words` back to back in `buf`, with `ends` getting
/// where each one ends: no `String` per word. Returns whether any
/// token (utility or not) is one of [`HIDING_TOKENS`].
fn attr_words_into(value: &str, buf: &mut String, ends: &mut Vec<usize>) -> bool {
    let mut hiding = false;
    for token in value.split_whitespace() {
        hiding = hiding || HIDING_TOKENS.iter().any(|h| token.eq_ignore_ascii_case(h));
        if is_utility(token) {
            continue;
        }
        // The word being read is `buf[start..]`.
        let mut start = buf.len();
        let mut prev_lower = false;
        for c in token.chars() {
            if c.is_alphanumeric() {
                if c.is_uppercase() && prev_lower && buf.len() > start {
                    ends.push(buf.len());
                    start = buf.len();
                }
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
                if c.is_ascii() {
                    buf.push(c.to_ascii_lowercase());
                } else {
                    buf.extend(c.to_lowercase());
                }
            } else {
                prev_lower = false;
                if buf.len() > start {
                    ends.push(buf.len());
                    start = buf.len();
                }
            }
        }
        if buf.len() > start {
            ends.push(buf.len());
        }
    }
    hiding
}

/// What one class or id value says about its element, read in one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttrInfo {
    /// The boilerplate kind it names.
    pub kind: Option<Kind>,
    /// Whether it names article content ("entry-content", "post").
    pub content: bool,
    /// Whether it names the article body itself ("entry-content", "articleBody").
    pub body: bool,
    /// Whether it names a card shown on hover ([`HOVER_WORDS`]).
    pub hover: bool,
}

/// Read one class or id value: boilerplate kind, content and body hints.
/// ([`attr_info_in`] with fresh buffers: the plain reading tests compare
/// the arena's cached one with.)
#[cfg(test)]
pub fn attr_info(value: &str) -> AttrInfo {
    attr_info_in(value, &mut AttrScratch::default())
}

/// Buffers [`attr_info_in`] reuses from one value to the next.
#[derive(Default)]
pub struct AttrScratch {
    buf: String,
    ends: Vec<usize>,
}

/// Read one class or id value (boilerplate kind, content and body hints)
/// character by character, with buffers kept by the caller: no allocation
/// per value once they have grown. An ASCII value (nearly every one) reads
/// the same, faster, with [`attr_info_ascii`].
pub fn attr_info_in(value: &str, scratch: &mut AttrScratch) -> AttrInfo {
    let AttrScratch { buf, ends } = scratch;
    buf.clear();
    ends.clear();
    let hiding = attr_words_into(value, buf, ends);
    let mut fold = InfoFold::default();
    let mut start = 0;
    for &end in ends.iter() {
        fold.word(&buf[start..end]);
        start = end;
    }
    fold.finish(hiding)
}

/// [`attr_info_in`] of an ASCII value (nearly every class and id), given
/// `lower`, the value lower-cased: the words of `attr_words` are found
/// in one byte loop over the value (its case marks camelCase humps) and
/// read as slices of `lower`, without a copy per character or per word.
pub fn attr_info_ascii(value: &str, lower: &str) -> AttrInfo {
    let space = crate::util::bytes::is_space_byte;
    let mut hiding = false;
    let mut fold = InfoFold::default();
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if space(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !space(b[i]) {
            i += 1;
        }
        let token = &lower[start..i];
        // Every hiding token and utility prefix is lower-case.
        hiding = hiding || (HIDING_SHAPES.may_hold(token) && HIDING_TOKENS.contains(&token));
        if is_utility_lower(token) {
            continue;
        }
        // The word being read starts at byte `word` of the value.
        let mut word: Option<usize> = None;
        let mut prev_lower = false;
        for (j, &c) in (start..i).zip(&b[start..i]) {
            // Upper-case letter, lower-case letter or digit, or 0.
            let class = CLASS[usize::from(c & 0x7f)] & ALNUM;
            if class != 0 {
                if class == UPPER
                    && prev_lower
                    && let Some(w) = word
                {
                    fold.word(&lower[w..j]);
                    word = Some(j);
                }
                word.get_or_insert(j);
                prev_lower = class == LOWER_OR_DIGIT;
            } else {
                prev_lower = false;
                if let Some(w) = word.take() {
                    fold.word(&lower[w..j]);
                }
            }
        }
        if let Some(w) = word {
            fold.word(&lower[w..i]);
        }
    }
    fold.finish(hiding)
}

/// The [`Shapes`] of [`HIDING_TOKENS`].
static HIDING_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(HIDING_TOKENS.iter()));

/// [`is_utility`] of a lower-case token.
fn is_utility_lower(t: &str) -> bool {
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    t.contains(':')
        || UTILITY_BY_FIRST
            .get(usize::from(first))
            .is_some_and(|ps| ps.iter().any(|p| t.starts_with(p)))
}

/// What the words of one value say together, read one word at a time.
/// One table look-up per word instead of a hash and several list scans;
/// pairs are read with the word before.
#[derive(Default)]
struct InfoFold<'a> {
    prev: Option<(&'a str, WordInfo)>,
    pair_kind: Option<Kind>,
    word_kind: Option<Kind>,
    hover: bool,
    content: bool,
    body: bool,
}

impl<'a> InfoFold<'a> {
    fn word(&mut self, w: &'a str) {
        let i = if WORD_SHAPES.may_hold(w) {
            WORD_INFO.get(w).copied().unwrap_or_default()
        } else {
            WordInfo::default()
        };
        if let Some((pw, pi)) = self.prev {
            if self.pair_kind.is_none() && pi.pair_first {
                self.pair_kind = ATTR_PAIRS
                    .iter()
                    .find(|(x, y, _)| *x == pw && *y == w)
                    .map(|&(_, _, k)| k);
            }
            self.body |= pi.body_first && i.body_second;
        }
        self.word_kind = self.word_kind.or(i.kind);
        self.hover |= i.hover;
        self.content |= i.content;
        self.body |= i.body;
        self.prev = Some((w, i));
    }

    fn finish(self, hiding: bool) -> AttrInfo {
        AttrInfo {
            kind: if hiding {
                Some(Kind::Other)
            } else {
                self.pair_kind.or(self.word_kind)
            },
            hover: self.hover,
            content: self.content,
            body: self.body,
        }
    }
}

/// What the vocabulary lists say of one class/id word.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    /// Its entry in [`ATTR_WORDS`] (the first).
    kind: Option<Kind>,
    /// In [`CONTENT_WORDS`].
    content: bool,
    /// In [`BODY_WORDS`].
    body: bool,
    /// In [`BODY_FIRST`] / [`BODY_SECOND`].
    body_first: bool,
    body_second: bool,
    /// The first word of an [`ATTR_PAIRS`] entry.
    pair_first: bool,
    /// In [`HOVER_WORDS`].
    hover: bool,
}

// The hot maps (class words, template line keys, a page's short lines,
// month names, stopwords) use `foldhash::HashMap`/`HashSet`: their keys
// are short strings or hashes already, where SipHash costs more than the
// rest of the look-up, and foldhash is seeded per process, so a crafted
// page cannot make every key collide.

/// Every listed class word with what the lists say of it, built once.
static WORD_INFO: LazyLock<foldhash::HashMap<&'static str, WordInfo>> = LazyLock::new(|| {
    let mut m: foldhash::HashMap<&'static str, WordInfo> = foldhash::HashMap::default();
    for &(w, k) in ATTR_WORDS {
        m.entry(w).or_default().kind.get_or_insert(k);
    }
    for &w in CONTENT_WORDS {
        m.entry(w).or_default().content = true;
    }
    for &w in BODY_WORDS {
        m.entry(w).or_default().body = true;
    }
    for &w in BODY_FIRST {
        m.entry(w).or_default().body_first = true;
    }
    for &w in BODY_SECOND {
        m.entry(w).or_default().body_second = true;
    }
    for &(w, _, _) in ATTR_PAIRS {
        m.entry(w).or_default().pair_first = true;
    }
    for &w in HOVER_WORDS {
        m.entry(w).or_default().hover = true;
    }
    m
});

/// The [`Shapes`] of the words of [`WORD_INFO`].
static WORD_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(WORD_INFO.keys().copied()));

/// The kind named by an ARIA `role` value.
pub fn role_kind(role: &str) -> Option<Kind> {
    let role = role.trim().to_ascii_lowercase();
    ROLES.iter().find(|(r, _)| *r == role).map(|&(_, k)| k)
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_attr_words() {
        assert_eq!(attr_words("entry-content"), ["entry", "content"]);
        assert_eq!(attr_words("postNavLinks"), ["post", "nav", "links"]);
        assert_eq!(attr_words("gdpr-Paragraph"), ["gdpr", "paragraph"]);
        assert_eq!(attr_words("MsoHeader"), ["mso", "header"]);
    }

    /// The ASCII reading of a value answers as the character loop does.
    #[test]
    fn ascii_reading_equals_char_reading() {
        use proptest::prelude::*;
        let by_chars = |v: &str| {
            let (mut buf, mut ends) = (String::new(), Vec::new());
            let hiding = attr_words_into(v, &mut buf, &mut ends);
            let mut fold = InfoFold::default();
            let mut start = 0;
            for &end in &ends {
                fold.word(&buf[start..end]);
                start = end;
            }
            fold.finish(hiding)
        };
        let ascii = |v: &str| attr_info_ascii(v, &v.to_ascii_lowercase());
        for v in [
            "",
            " ",
            "entry-content",
            "postNavLinks  x\u{b}y",
            "HTMLParser sr-only",
            "a2aShare_Buttons-3x lg:hidden",
            "text-center bg-share-blue Is-Hidden",
            "AuthorBio readMore YouMay",
            "Author Bio",
        ] {
            assert_eq!(ascii(v), by_chars(v), "{v:?}");
        }
        let words = "(hidden|sr-only|Text-|col-|Nav|share|author|Bio|read|More|entry|Content|\
                     article|Body|tooltip|[a-zA-Z0-9]{1,4}|[ _:.-]|\t|\u{b})";
        proptest!(|(v in format!("{words}{{0,8}}").as_str())| {
            prop_assert_eq!(ascii(&v), by_chars(&v));
        });
        proptest!(|(v in "[a-zA-Z0-9 _:.\\-\t\n\u{b}\u{c}\r]{0,40}")| {
            prop_assert_eq!(ascii(&v), by_chars(&v));
        });
    }

    #[test]
    fn shapes_never_refuse_a_word_of_the_table() {
        for w in WORD_INFO.keys() {
            assert!(WORD_SHAPES.may_hold(w), "{w}");
        }
        let shapes = Shapes::of(["nav", "a-very-long-class-word-of-many-letters"]);
        assert!(shapes.may_hold("nav"));
        assert!(!shapes.may_hold("navs") && !shapes.may_hold("bar"));
        assert!(shapes.may_hold("a-very-long-class-word-of-many-letters-and-more"));
    }

    #[test]
    fn attr_kinds() {
        let kind = |v: &str| attr_info(v).kind;
        assert_eq!(kind("main-navigation"), Some(Kind::Navigation));
        assert_eq!(kind("sharedaddy sd-sharing"), Some(Kind::Share));
        assert_eq!(kind("jp-relatedposts"), Some(Kind::Related));
        assert_eq!(kind("author-bio"), Some(Kind::Footer));
        assert_eq!(kind("comment-respond"), Some(Kind::Comments));
        assert_eq!(kind("entry-content"), None);
        assert_eq!(kind("field field--label-hidden"), None);
        assert!(!attr_info("font-serif text-blue-500 text-center").content);
        assert!(attr_info("entry-content text-lg").content);
        assert!(attr_info("entry-content").body);
        assert!(attr_info("articleBody").body);
        assert!(!attr_info("entry-meta").body);
        assert_eq!(kind("note sr-only"), Some(Kind::Other));
        // Whole words only: "shadow" is not "ad", "header" is not "read".
        assert_eq!(kind("shadow-box"), None);
        assert_eq!(kind("loaded"), None);
        assert!(attr_info("x-rollover-card").hover);
        assert!(!attr_info("rolled-over").hover);
    }

    /// [`attr_info`] reads each list through the one word table: every
    /// listed word and pair, alone as a class value, says what its list says.
    #[test]
    fn word_table_agrees_with_the_lists() {
        let alone = |w: &str| {
            attr_words(w) == [w] && !HIDING_TOKENS.iter().any(|h| w.eq_ignore_ascii_case(h))
        };
        for &(w, _) in ATTR_WORDS.iter().filter(|(w, _)| alone(w)) {
            let first = ATTR_WORDS.iter().find(|(x, _)| *x == w).map(|&(_, k)| k);
            assert_eq!(attr_info(w).kind, first, "{w}");
        }
        for &(a, b, _) in ATTR_PAIRS.iter().filter(|(a, b, _)| alone(a) && alone(b)) {
            let first = ATTR_PAIRS
                .iter()
                .find(|(x, y, _)| (*x, *y) == (a, b))
                .map(|&(_, _, k)| k);
            assert_eq!(attr_info(&format!("{a}-{b}")).kind, first, "{a}-{b}");
        }
        for &w in CONTENT_WORDS.iter().filter(|w| alone(w)) {
            assert!(attr_info(w).content, "{w}");
        }
        for &w in BODY_WORDS.iter().filter(|w| alone(w)) {
            assert!(attr_info(w).body, "{w}");
        }
        for &a in BODY_FIRST {
            for &b in BODY_SECOND {
                assert!(attr_info(&format!("{a}-{b}")).body, "{a}-{b}");
            }
        }
        for &w in HOVER_WORDS {
            assert!(attr_info(w).hover, "{w}");
        }
        assert_eq!(attr_info("plain-words"), AttrInfo::default());
    }
}
