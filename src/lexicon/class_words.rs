//! The words of class and id values that the metadata walk asks about
//! (author, date, byline, tag and category lists, foreign regions), and
//! their reading into one bit per question ([`word_bits`]).

use crate::util::matchers;
use std::borrow::Cow;

/// Class or id words marking a region whose dates and names are not the
/// article's: comments, sidebars, related lists, footers.
pub const FOREIGN_WORDS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "respond",
    "reply",
    "replies",
    "sidebar",
    "related",
    "footer",
    "teaser",
    "recommended",
    "popular",
    "promo",
];

/// Words of a class or id that mark an author element.
pub const AUTHOR_WORDS: &[&str] = &["author", "byline", "writtenby", "autor", "authors", "byl"];

/// Words that, beside an author word, mark an element that is not the name
/// itself (an avatar, a biography box, a list of the author's posts).
pub const AUTHOR_NOISE: &[&str] = &[
    "avatar",
    "bio",
    "box",
    "description",
    "desc",
    "image",
    "img",
    "photo",
    "picture",
    "pic",
    "social",
    "follow",
    "more",
    "posts",
    "title",
    "role",
    "job",
    "about",
];

/// Words of a class or id that mark an element holding a date.
pub const DATE_WORDS: &[&str] = &[
    "date",
    "dates",
    "datum",
    "fecha",
    "data",
    "time",
    "timestamp",
    "datetime",
    "published",
    "publish",
    "posted",
    "pubdate",
    "dateline",
    "meta",
    "byline",
    "info",
    "created",
    "author",
];

/// Class or id words of a widget that shows today's date or the time, not
/// the article's.
pub const CLOCK_WORDS: &[&str] = &["widget", "today", "current", "clock", "heute", "weather"];

/// Split a class or id into lower-case words at spaces, `-` and `_`.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    words_cow(s).map(Cow::into_owned)
}

/// Like [`words`], without allocating for words that are already
/// lower-case ASCII (nearly all class names).
pub fn words_cow(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    SplitWords::new(s).map(|w| {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            Cow::Borrowed(w)
        } else {
            Cow::Owned(w.to_lowercase())
        }
    })
}

/// What the walk asks of an element's class and id words, one bit per
/// question ("is any word one of [`FOREIGN_WORDS`]?"). Every question is
/// "does any word ...", so the bits of the class and of the id, read
/// apart, combine with `|`; the arena build caches them per value
/// ([`crate::markup::dom`]) beside the boilerplate reading.
pub mod word_bits {
    /// One of [`super::FOREIGN_WORDS`].
    pub const FOREIGN: u16 = 1;
    /// One of [`super::LIST_FOREIGN_WORDS`].
    pub const LIST_FOREIGN: u16 = 1 << 1;
    /// Contains "title" or "headline".
    pub const TITLE: u16 = 1 << 2;
    /// Contains "publish".
    pub const PUBLISH: u16 = 1 << 3;
    /// Contains "updated" or "modified".
    pub const UPDATED: u16 = 1 << 4;
    /// "entry" or "post".
    pub const ENTRY: u16 = 1 << 5;
    /// Contains "breadcrumb".
    pub const BREADCRUMB: u16 = 1 << 6;
    /// One of [`super::TAG_LIST_WORDS`].
    pub const TAG_LIST: u16 = 1 << 7;
    /// One of [`super::CATEGORY_LIST_WORDS`].
    pub const CATEGORY_LIST: u16 = 1 << 8;
    /// An author word ([`super::AUTHOR_WORDS`], "author…", "autor…").
    pub const AUTHOR: u16 = 1 << 9;
    /// One of [`super::AUTHOR_NOISE`].
    pub const AUTHOR_NOISE: u16 = 1 << 10;
    /// "byline".
    pub const BYLINE: u16 = 1 << 11;
    /// A date word ([`super::DATE_WORDS`], or containing "date").
    pub const DATE: u16 = 1 << 12;
    /// One of [`super::CLOCK_WORDS`].
    pub const CLOCK: u16 = 1 << 13;
}

/// The [`word_bits`] of one class or id value.
pub fn class_bits(value: &str) -> u16 {
    bits_of(words_cow(value))
}

/// [`class_bits`] of an ASCII value, given it lower-cased: its words are
/// slices of `lower`.
pub fn class_bits_lower(lower: &str) -> u16 {
    // The words of `SplitWords`, read in place.
    let b = lower.as_bytes();
    let mut bits = 0;
    let mut i = 0;
    while i < b.len() {
        if SplitWords::ascii_sep(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !SplitWords::ascii_sep(b[i]) {
            i += 1;
        }
        bits |= word_bits_of(&b[start..i]);
    }
    bits
}

/// The [`word_bits`] that whole words set: every word of the lists, with
/// the bits of the lists it is in.
static LIST_BITS: std::sync::LazyLock<foldhash::HashMap<&'static [u8], u16>> =
    std::sync::LazyLock::new(|| {
        use word_bits as b;
        let mut m = foldhash::HashMap::default();
        for (list, bit) in [
            (FOREIGN_WORDS, b::FOREIGN),
            (LIST_FOREIGN_WORDS, b::LIST_FOREIGN),
            (&["entry", "post"][..], b::ENTRY),
            (TAG_LIST_WORDS, b::TAG_LIST),
            (CATEGORY_LIST_WORDS, b::CATEGORY_LIST),
            (AUTHOR_WORDS, b::AUTHOR),
            (AUTHOR_NOISE, b::AUTHOR_NOISE),
            (&["byline"][..], b::BYLINE),
            (DATE_WORDS, b::DATE),
            (CLOCK_WORDS, b::CLOCK),
        ] {
            for &w in list {
                *m.entry(w.as_bytes()).or_default() |= bit;
            }
        }
        m
    });

/// The [`Shapes`](matchers::Shapes) of the words of
/// [`LIST_BITS`].
static LIST_SHAPES: std::sync::LazyLock<matchers::Shapes> =
    std::sync::LazyLock::new(|| matchers::Shapes::of(LIST_BITS.keys().copied()));

/// The [`word_bits`] of a list of words.
pub fn bits_of<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> u16 {
    words
        .into_iter()
        .fold(0, |bits, w| bits | word_bits_of(w.as_ref().as_bytes()))
}

/// The [`word_bits`] of one word.
fn word_bits_of(w: &[u8]) -> u16 {
    use word_bits as b;
    let mut bits = 0;
    if LIST_SHAPES.may_hold(w) {
        bits |= LIST_BITS.get(w).copied().unwrap_or_default();
    }
    bits |= substring_bits(w);
    if (w.starts_with(b"author") || w.starts_with(b"autor")) && !w.starts_with(b"authorit") {
        bits |= b::AUTHOR;
    }
    bits
}

/// The [`word_bits`] that words containing a needle set: "title" or
/// "headline", "publish", "updated" or "modified", "breadcrumb", and
/// "date" but none of "update", "candidat", "validat". One pass over the
/// word, comparing a needle only where its first letter stands (a
/// `contains` per needle would pass over the word seven times).
fn substring_bits(w: &[u8]) -> u16 {
    use word_bits as b;
    let mut bits = 0;
    let mut date = false;
    // No needle is shorter than "date".
    for i in 0..w.len().saturating_sub(3) {
        let rest = &w[i..];
        match rest[0] {
            b't' if rest.starts_with(b"title") => bits |= b::TITLE,
            b'h' if rest.starts_with(b"headline") => bits |= b::TITLE,
            b'p' if rest.starts_with(b"publish") => bits |= b::PUBLISH,
            b'u' if rest.starts_with(b"updated") => bits |= b::UPDATED,
            b'm' if rest.starts_with(b"modified") => bits |= b::UPDATED,
            b'b' if rest.starts_with(b"breadcrumb") => bits |= b::BREADCRUMB,
            b'd' if rest.starts_with(b"date") => date = true,
            _ => {}
        }
    }
    if date && !has(w, b"update") && !has(w, b"candidat") && !has(w, b"validat") {
        bits |= b::DATE;
    }
    bits
}

/// The words of `s` split at whitespace, `-` and `_` (as
/// `s.split(..).filter(non-empty)`), reading ASCII byte by byte.
struct SplitWords<'a> {
    s: &'a str,
    pos: usize,
    ascii: bool,
}

impl<'a> SplitWords<'a> {
    fn new(s: &'a str) -> Self {
        SplitWords {
            s,
            pos: 0,
            ascii: s.is_ascii(),
        }
    }

    fn ascii_sep(b: u8) -> bool {
        matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b'-' | b'_')
    }

    /// The byte length of the character at `i`, and whether it separates
    /// words.
    fn at(&self, i: usize) -> (usize, bool) {
        let b = self.s.as_bytes()[i];
        if b < 0x80 {
            (1, Self::ascii_sep(b))
        } else {
            let c = self.s[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), c.is_whitespace())
        }
    }
}

impl<'a> Iterator for SplitWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let n = self.s.len();
        if self.ascii {
            let b = self.s.as_bytes();
            let start = self.pos + b[self.pos..].iter().position(|&c| !Self::ascii_sep(c))?;
            let end = b[start..]
                .iter()
                .position(|&c| Self::ascii_sep(c))
                .map_or(n, |e| start + e);
            self.pos = end;
            return self.s.get(start..end);
        }
        while self.pos < n {
            let (len, sep) = self.at(self.pos);
            if !sep {
                break;
            }
            self.pos += len;
        }
        if self.pos >= n {
            return None;
        }
        let start = self.pos;
        while self.pos < n {
            let (len, sep) = self.at(self.pos);
            if sep {
                break;
            }
            self.pos += len;
        }
        Some(&self.s[start..self.pos])
    }
}

/// `word.contains(needle)` for the short words of class names, without
/// setting up a substring searcher for each.
fn has(w: &[u8], n: &[u8]) -> bool {
    // Compare whole windows only where the first byte matches.
    w.windows(n.len()).any(|x| x[0] == n[0] && x == n)
}

/// Class or id words of a region whose tag and category links are not the
/// post's own: widgets, menus, comments, related posts.
pub const LIST_FOREIGN_WORDS: &[&str] = &[
    "sidebar",
    "widget",
    "widgets",
    "menu",
    "comment",
    "comments",
    "related",
    "recommended",
    "popular",
    "teaser",
    "promo",
];

/// Class or id words of a container whose links are the post's tags
/// ("tags-links" in WordPress themes, "post-tags", German "schlagworte").
pub const TAG_LIST_WORDS: &[&str] = &[
    "tags",
    "tagged",
    "tagcloud", // per-post clouds; site-wide ones sit in sidebars
    "taglist",
    "taglinks",
    "keywords",
    "schlagworte",
    "schlagwörter",
    "stichworte",
    "etiquetas",
];

/// Class or id words of a container whose links are the post's categories
/// ("cat-links" in WordPress themes, "post-categories").
pub const CATEGORY_LIST_WORDS: &[&str] = &[
    "cat",
    "cats",
    "categories",
    "category",
    "catlinks",
    "kategorie",
    "kategorien",
    "rubrik",
];

/// Class names that hide an element from sight but not from screen
/// readers: a hidden `<h1>` holds the site's name for them, not the
/// headline.
pub const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "visually-hidden",
    "visuallyhidden",
    "offscreen",
    "assistive-text",
    "hidden",
    "hide",
];

/// Class words of the kicker (overline) a heading may hold above its
/// headline: "Klimaschutz" in "Klimaschutz: Bohren, bis es heiß wird".
pub const KICKER_WORDS: &[&str] = &[
    "kicker",
    "dachzeile",
    "topline",
    "overline",
    "supertitle",
    "roofline",
    "spitzmarke",
];


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bits_answer_each_question() {
        use word_bits as b;
        type Question<'q> = (u16, &'q dyn Fn(&str) -> bool);
        let questions: [Question; 14] = [
            (b::FOREIGN, &|w| FOREIGN_WORDS.contains(&w)),
            (b::LIST_FOREIGN, &|w| LIST_FOREIGN_WORDS.contains(&w)),
            (b::TITLE, &|w| w.contains("title") || w.contains("headline")),
            (b::PUBLISH, &|w| w.contains("publish")),
            (b::UPDATED, &|w| {
                w.contains("updated") || w.contains("modified")
            }),
            (b::ENTRY, &|w| w == "entry" || w == "post"),
            (b::BREADCRUMB, &|w| w.contains("breadcrumb")),
            (b::TAG_LIST, &|w| TAG_LIST_WORDS.contains(&w)),
            (b::CATEGORY_LIST, &|w| CATEGORY_LIST_WORDS.contains(&w)),
            (b::AUTHOR, &|w| {
                AUTHOR_WORDS.contains(&w)
                    || ((w.starts_with("author") || w.starts_with("autor"))
                        && !w.starts_with("authorit"))
            }),
            (b::AUTHOR_NOISE, &|w| AUTHOR_NOISE.contains(&w)),
            (b::BYLINE, &|w| w == "byline"),
            (b::DATE, &|w| {
                DATE_WORDS.contains(&w)
                    || (w.contains("date")
                        && !w.contains("update")
                        && !w.contains("candidat")
                        && !w.contains("validat"))
            }),
            (b::CLOCK, &|w| CLOCK_WORDS.contains(&w)),
        ];
        let lists = [
            FOREIGN_WORDS,
            LIST_FOREIGN_WORDS,
            TAG_LIST_WORDS,
            CATEGORY_LIST_WORDS,
            AUTHOR_WORDS,
            AUTHOR_NOISE,
            DATE_WORDS,
            CLOCK_WORDS,
        ];
        let more = [
            "entrytitle",
            "headlines",
            "publishdate",
            "unpublished",
            "lastupdated",
            "modified",
            "breadcrumbs",
            "authority",
            "authorbox",
            "autorin",
            "postdate",
            "updatedate",
            "candidate",
            "validation",
            "mandate",
            "entry",
            "post",
            "byline",
            "bylines",
            "ünïcode",
            "",
        ];
        let mut n = 0;
        for w in lists.iter().flat_map(|l| l.iter()).chain(&more) {
            for (bit, q) in &questions {
                assert_eq!(bits_of([*w]) & bit != 0, q(w), "{w} bit {bit}");
            }
            n += 1;
        }
        assert!(n > 60);
        proptest::proptest!(|(w in "(title|headline|publish|updated|modified|breadcrumb|date|\
            update|candidat|validat|autor|author|[a-z]{1,3}|é){0,4}")| {
            for (bit, q) in &questions {
                proptest::prop_assert_eq!(bits_of([w.as_str()]) & bit != 0, q(&w), "{} bit {}", w, bit);
            }
        });
        // The bits of a value are those of its words together.
        assert_eq!(
            class_bits("post-Date author_box"),
            bits_of(["post", "date", "author", "box"])
        );
    }

    #[test]
    fn class_words_split_like_str_split() {
        for s in [
            "",
            "  ",
            "a",
            "entry-title  post_header",
            "--x__y- z\tw\n",
            "Byline\u{a0}Autor\u{3000}datum-é ÄB",
            "ñ-\u{2003}-ß",
        ] {
            let words: Vec<&str> = SplitWords::new(s).collect();
            let expected: Vec<&str> = s
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words, expected, "{s:?}");
            let cows: Vec<String> = words_cow(s).map(Cow::into_owned).collect();
            let lowered: Vec<String> = expected.iter().map(|w| w.to_lowercase()).collect();
            assert_eq!(cows, lowered, "{s:?}");
        }
    }
}
