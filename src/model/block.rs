//! The shared intermediate form: a page as an ordered list of text blocks.
//!
//! The HTML path and the text-dump path differ only until both have produced
//! [`Block`]s. From there the boilerplate rules, the article assembly and the
//! outputs are shared.

use serde::Serialize;

/// What a block is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockTag {
    /// A heading, with its level (1-6). Text dumps guess level 2.
    Heading(u8),
    /// A paragraph or a run of prose.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quote.
    Quote,
    /// Preformatted text or code.
    Pre,
    /// One row of a table, cells separated by `" | "`.
    TableRow,
}

/// One unit of text on the page, in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text, whitespace-normalised (no newlines except inside `Pre`).
    pub text: String,
    /// The structural role.
    pub tag: BlockTag,
    /// Characters of `text` that sit inside links (HTML only; 0 for dumps).
    pub link_chars: usize,
}

impl Block {
    /// A block with no link text.
    pub fn new(tag: BlockTag, text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            tag,
            link_chars: 0,
        }
    }

    /// Share of the block's characters that are link text.
    pub fn link_density(&self) -> f64 {
        let n = self.text.chars().count();
        if n == 0 {
            0.0
        } else {
            self.link_chars as f64 / n as f64
        }
    }
}

/// The kinds of boilerplate deboil recognises and counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Menus, breadcrumbs, pagination, skip links.
    Navigation,
    /// Newsletter and subscription prompts.
    Subscribe,
    /// Share bars and social-media buttons.
    Share,
    /// Related, recommended or popular posts.
    Related,
    /// Cookie and consent banners.
    Cookie,
    /// Comment sections and comment forms.
    Comments,
    /// Footers, copyright lines, author boxes at the end.
    Footer,
    /// Anything else that is not the article (ads, sidebars, widgets, link farms).
    Other,
}

impl Kind {
    /// Every kind, in the order of the `removed` columns.
    pub const ALL: [Kind; 8] = [
        Kind::Navigation,
        Kind::Subscribe,
        Kind::Share,
        Kind::Related,
        Kind::Cookie,
        Kind::Comments,
        Kind::Footer,
        Kind::Other,
    ];

    /// The lower-case name used in the record.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Navigation => "navigation",
            Kind::Subscribe => "subscribe",
            Kind::Share => "share",
            Kind::Related => "related",
            Kind::Cookie => "cookie",
            Kind::Comments => "comments",
            Kind::Footer => "footer",
            Kind::Other => "other",
        }
    }
}

/// How many blocks (HTML: subtrees) of each boilerplate kind were dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub navigation: u32,
    pub subscribe: u32,
    pub share: u32,
    pub related: u32,
    pub cookie: u32,
    pub comments: u32,
    pub footer: u32,
    pub other: u32,
}

impl Removed {
    /// Count one removal of `kind`.
    pub fn add(&mut self, kind: Kind) {
        *self.slot(kind) += 1;
    }

    /// The count for `kind`.
    pub fn get(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Navigation => self.navigation,
            Kind::Subscribe => self.subscribe,
            Kind::Share => self.share,
            Kind::Related => self.related,
            Kind::Cookie => self.cookie,
            Kind::Comments => self.comments,
            Kind::Footer => self.footer,
            Kind::Other => self.other,
        }
    }

    fn slot(&mut self, kind: Kind) -> &mut u32 {
        match kind {
            Kind::Navigation => &mut self.navigation,
            Kind::Subscribe => &mut self.subscribe,
            Kind::Share => &mut self.share,
            Kind::Related => &mut self.related,
            Kind::Cookie => &mut self.cookie,
            Kind::Comments => &mut self.comments,
            Kind::Footer => &mut self.footer,
            Kind::Other => &mut self.other,
        }
    }

    /// Total number of removals.
    pub fn total(&self) -> u32 {
        Kind::ALL.iter().map(|&k| self.get(k)).sum()
    }
}

/// Join kept blocks into the record's text: paragraphs separated by a blank
/// line, headings, list items and table rows each on their own line.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockTag> = None;
    for b in blocks {
        if b.text.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let tight = |t: BlockTag| matches!(t, BlockTag::ListItem | BlockTag::TableRow);
            // Consecutive list items / table rows stay on adjacent lines.
            if tight(p) && p == b.tag {
                out.push('\n');
            } else {
                out.push_str("\n\n");
            }
        }
        out.push_str(&b.text);
        prev = Some(b.tag);
    }
    out
}

/// Words in `text`: whitespace-separated tokens holding a letter or digit,
/// with each CJK character counted as one word (those scripts use no spaces).
pub fn word_count(text: &str) -> usize {
    word_count_upto(text, usize::MAX)
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it:
/// `u8::is_ascii_whitespace` plus the vertical tab. (A non-ASCII byte is
/// none: the Unicode spaces are several bytes long.)
#[inline]
pub const fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// [`ASCII_CLASS`] of ASCII whitespace (as `char::is_whitespace`).
const SPACE: u8 = 1;
/// [`ASCII_CLASS`] of ASCII letters and digits.
const ALNUM: u8 = 2;

/// The class of each ASCII byte for [`word_count_upto`]: [`SPACE`],
/// [`ALNUM`] or 0 for any other.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if is_space_byte(c) {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// [`word_count`], but it stops counting once past `cap`: the result is
/// exact up to `cap` and some number above `cap` beyond it. For the tests
/// of short blocks, which need not read a long one to its end.
pub fn word_count_upto(text: &str, cap: usize) -> usize {
    // Words are the runs between whitespace (as `split_whitespace`): one
    // for a run with a letter or digit, plus one per CJK character. One
    // byte scan; only non-ASCII characters are decoded.
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut cjk = 0;
    let mut other = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let space = if b.is_ascii() {
            i += 1;
            let class = ASCII_CLASS[usize::from(b)];
            other |= class == ALNUM;
            class == SPACE
        } else if other && !matches!(b, 0xC2 | 0xE1..=0xE9 | 0xEF | 0xF0) {
            // Neither a space nor CJK (those start with these lead bytes),
            // and the run already has its letter.
            i += utf8_len(b);
            false
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            if c.is_whitespace() {
                true
            } else {
                if is_cjk(c) {
                    cjk += 1;
                } else if !other {
                    // The Unicode lookup is the dear part: once per run.
                    other = fold_common(c).map_or_else(|| c.is_alphanumeric(), |f| f.is_some());
                }
                false
            }
        };
        if space {
            n += cjk + usize::from(other);
            if n > cap {
                return n;
            }
            (cjk, other) = (0, false);
        }
    }
    n + cjk + usize::from(other)
}

/// The length of the UTF-8 sequence that starts with `lead` (1 for ASCII
/// and for a stray continuation byte, which valid text never starts with).
pub(crate) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// Characters that render as nothing and only break words apart for the
/// reader of the text: soft hyphens, zero-width spaces, word joiners, BOMs.
/// (Zero-width joiners stay: emoji and some scripts need them.)
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// `f` of an ASCII word lower-cased, without allocating: on the stack for
/// words up to 32 bytes (`None` for longer or non-ASCII words), and the
/// word itself when it holds no capital. For look-ups of short words
/// (month names, function words) on hot paths.
pub fn with_ascii_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    if !word.is_ascii() {
        return None;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(f(word));
    }
    let mut buf = [0u8; 32];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

/// Han, Hiragana, Katakana, Hangul syllables: scripts written without spaces
/// (Hangul does use spaces, but its syllables are dense like Han).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The key form of a common non-ASCII character without the Unicode
/// tables: `Some(None)` drops it (punctuation, box drawing), `Some(l)`
/// is its lower case (Latin-1 and basic Cyrillic letters), `None` leaves
/// it to the tables. Agrees with `is_alphanumeric` and `to_lowercase`
/// (see the test).
pub fn fold_common(c: char) -> Option<Option<char>> {
    let n = u32::from(c);
    let shift = |d: u32| char::from_u32(n + d);
    Some(match n {
        // General punctuation, box drawing, block elements, shapes.
        0x2000..=0x206F | 0x2500..=0x25FF | 0xD7 | 0xF7 => None,
        0xC0..=0xDE => shift(0x20),
        0xDF..=0xFF => Some(c),
        0x400..=0x40F => shift(0x50),
        0x410..=0x42F => shift(0x20),
        0x430..=0x45F => Some(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_lower_cased_on_the_stack() {
        assert_eq!(with_ascii_lower("März", str::to_string), None);
        assert_eq!(
            with_ascii_lower("MaRcH", str::to_string).as_deref(),
            Some("march")
        );
        assert_eq!(with_ascii_lower("june", str::len), Some(4));
        assert_eq!(with_ascii_lower(&"A".repeat(33), str::len), None);
    }

    #[test]
    fn space_bytes_are_the_ascii_whitespace_characters() {
        for b in 0..=255u8 {
            assert_eq!(
                is_space_byte(b),
                b.is_ascii() && char::from(b).is_whitespace(),
                "{b}"
            );
        }
    }

    #[test]
    fn common_characters_fold_as_the_unicode_tables() {
        let mut seen = 0;
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let Some(folded) = fold_common(c) else {
                continue;
            };
            seen += 1;
            let expected = c
                .is_alphanumeric()
                .then(|| c.to_lowercase().collect::<String>());
            assert_eq!(folded.map(String::from), expected, "{c:?}");
        }
        assert!(seen > 500);
    }

    #[test]
    fn word_count_matches_the_token_split() {
        // The count as first written, token by token.
        let by_tokens = |text: &str| -> usize {
            text.split_whitespace()
                .map(|tok| {
                    let cjk = tok.chars().filter(|&c| is_cjk(c)).count();
                    cjk + usize::from(tok.chars().any(|c| !is_cjk(c) && c.is_alphanumeric()))
                })
                .sum()
        };
        for t in [
            "",
            " ",
            "one",
            "  a  b\u{a0}c , . d ",
            "x\u{3000}y\u{2009}z\u{85}w\x0bv",
            "日本語の文章 and some words — here",
            "漢字abc 42 -- é ß\u{feff}",
            "tab\tnew\nline\r\nend\x0c!",
        ] {
            assert_eq!(word_count(t), by_tokens(t), "{t:?}");
        }
        // Longer texts: ASCII blocks, runs across their edges, other
        // characters between them.
        let mixed = "Ein (Satz) -- mit Wörtern, 日本語 und 12 Zahlen;\u{a0}ende. ".repeat(5);
        for k in 0..mixed.len() {
            if mixed.is_char_boundary(k) {
                let t = &mixed[k..];
                assert_eq!(word_count(t), by_tokens(t), "{t:?}");
            }
        }
        // Every character, alone and inside a word.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("a{c}b")] {
                assert_eq!(word_count(&t), by_tokens(&t), "{c:?}");
            }
        }
    }

    #[test]
    fn capped_word_count_is_exact_up_to_the_cap() {
        let long = "Ein Satz mit -- vielen Wörtern, Zahlen 12 und (Klammern) ".repeat(6);
        let texts = [
            "",
            "one",
            "one two three four five",
            "日本語の文章 and some words — here",
            "  a  b\u{a0}c , . d ",
            &long,
        ];
        for t in texts {
            for cap in 0..60 {
                let full = word_count(t);
                let capped = word_count_upto(t, cap);
                assert_eq!(capped.min(cap + 1), full.min(cap + 1), "{t:?} {cap}");
                assert!(capped <= full);
            }
        }
    }

    #[test]
    fn render_spacing() {
        let blocks = vec![
            Block::new(BlockTag::Heading(2), "Title"),
            Block::new(BlockTag::Paragraph, "One."),
            Block::new(BlockTag::ListItem, "a"),
            Block::new(BlockTag::ListItem, "b"),
            Block::new(BlockTag::Paragraph, "Two."),
        ];
        assert_eq!(render(&blocks), "Title\n\nOne.\n\na\nb\n\nTwo.");
    }

    #[test]
    fn words_in_spaced_and_cjk_text() {
        assert_eq!(word_count("Hello, brave new world -- 42"), 5);
        assert_eq!(word_count("日本語の文章"), 6);
    }

    #[test]
    fn removed_counts() {
        let mut r = Removed::default();
        r.add(Kind::Share);
        r.add(Kind::Share);
        r.add(Kind::Footer);
        assert_eq!(r.get(Kind::Share), 2);
        assert_eq!(r.total(), 3);
    }
}
