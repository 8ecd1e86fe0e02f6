//! What every pass of the classifier shares: the classes, each unit's
//! features, the unit texts lower-cased on demand, the thresholds.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use crate::model::block::Kind;
use crate::text::lines::Unit;

/// Below this many (CJK-weighted) characters a unit is *short*: it cannot be
/// judged alone (jusText's `length_low`).
pub const LENGTH_LOW: usize = 70;
/// From this many characters on, prose is *good* (jusText's `length_high`).
pub const LENGTH_HIGH: usize = 200;
/// Function-word density of clear prose.
pub(super) const STOP_HIGH: f64 = 0.30;
/// Function-word density of probable prose.
pub(super) const STOP_MID: f64 = 0.20;
/// How far (in characters) a heading may stand before the good text it
/// introduces.
pub(super) const HEADING_DISTANCE: usize = 200;
/// Longest line taken for a heading.
pub(super) const HEADING_MAX_CHARS: usize = 150;

/// Article text (in characters) that must precede an end-of-article line
/// before it ends the article: about one paragraph, so a "Comments" link in
/// the header zone ends nothing.
pub(super) const MIN_ARTICLE_BEFORE_END: usize = 200;

/// Article text (in characters) before a "Related" heading from which it
/// ends the article whatever follows: a list of long teasers below a short
/// article outweighs it ("Você pode gostar", "You may also like").
pub(super) const RELATED_ARTICLE_BEFORE_END: usize = 600;

/// The jusText classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Prose: long, punctuated, dense in function words.
    Good,
    /// Probably prose, but too short to be sure.
    NearGood,
    /// Too short to judge alone; the context decides.
    Short,
    /// Boilerplate.
    Bad,
}

/// What the layout and wording of one unit say, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// Characters, with each CJK character weighted as three (a CJK
    /// character carries about as much as a short word).
    pub len: usize,
    /// Words, CJK characters counted one each.
    pub words: usize,
    /// Ends like a sentence (`.`, `!`, `?`, `。`, ... possibly in quotes).
    pub sentence: bool,
    /// Could be a subheading: a short unpunctuated line that is no list item.
    pub heading_like: bool,
    /// The boilerplate kind its wording or shape reveals.
    pub kind: Option<Kind>,
    /// The context-free class.
    pub class: Class,
    /// Member of a run of quantity lines (ingredients, standings, a
    /// schedule): data that belongs to the article when it stands by it.
    pub structured: bool,
}

/// How often each of `words` occurs in the units' texts, counted as
/// `str::matches` counts (non-overlapping, leftmost first), in one pass over
/// the page for all of them.
pub(super) fn page_counts<'a>(
    units: &[Unit],
    words: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, usize> {
    let mut ids: HashMap<&'a str, usize> = HashMap::new();
    let mut patterns: Vec<&'a str> = Vec::new();
    for w in words {
        ids.entry(w).or_insert_with(|| {
            patterns.push(w);
            patterns.len() - 1
        });
    }
    if patterns.is_empty() {
        return HashMap::new();
    }
    // Built per page for a few words and run once over it: the
    // noncontiguous NFA, which is the cheapest to build (a DFA costs more
    // to build than the one pass saves).
    let ac = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(&patterns);
    let Ok(ac) = ac else {
        // Unreachable for a page's few words; count them one by one.
        return patterns
            .iter()
            .map(|w| (*w, units.iter().map(|u| u.text.matches(w).count()).sum()))
            .collect();
    };
    let mut count = vec![0usize; patterns.len()];
    // End of the last counted match of each pattern in the current unit.
    let mut last_end = vec![(usize::MAX, 0usize); patterns.len()];
    for (i, u) in units.iter().enumerate() {
        // Matches of one pattern have one length, so they come in the order
        // of their starts: counting those that start after the last counted
        // one ends is what `str::matches` does.
        for m in ac.find_overlapping_iter(&*u.text) {
            let p = m.pattern().as_usize();
            let (unit, end) = last_end[p];
            if unit != i || m.start() >= end {
                count[p] += 1;
                last_end[p] = (i, m.end());
            }
        }
    }
    patterns.into_iter().zip(count).collect()
}

/// Every unit's text lower-cased for the wording tests: each computed
/// once, when a test first asks for it (`lowers[i]`). The tests are bounded
/// by a unit's words, so a long paragraph, the dearest to lower-case, is
/// seldom asked for.
pub(crate) struct Lowers<'u, 'a> {
    units: &'u [Unit<'a>],
    cells: Vec<std::cell::OnceCell<String>>,
}

impl<'u, 'a> Lowers<'u, 'a> {
    pub(super) fn new(units: &'u [Unit<'a>]) -> Self {
        Lowers {
            units,
            cells: vec![std::cell::OnceCell::new(); units.len()],
        }
    }
}

impl std::ops::Index<usize> for Lowers<'_, '_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.cells[i].get_or_init(|| lower_of(&self.units[i].text))
    }
}

/// A unit's text lower-cased.
fn lower_of(text: &str) -> String {
    // An ASCII line lower-cases byte by byte, without the Unicode tables.
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        lower_case(text)
    }
}

/// `str::to_lowercase`, with ASCII runs lower-cased in bulk and the common
/// non-ASCII characters (Latin-1, basic Cyrillic, punctuation; see
/// [`lower_common`]) without the Unicode tables.
pub(super) fn lower_case(text: &str) -> String {
    // A capital sigma lower-cases by its place in the word, which only
    // `str::to_lowercase` knows.
    // ('Σ' is CE A3: memchr's vectorised search for its lead byte, as
    // `str::contains` with a char runs core's word-at-a-time one.)
    let b = text.as_bytes();
    if memchr::memchr_iter(0xCE, b).any(|i| b.get(i + 1) == Some(&0xA3)) {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..run]);
        out[start..].make_ascii_lowercase();
        let mut chars = rest[run..].chars();
        if let Some(c) = chars.next() {
            match lower_common(c) {
                Some(l) => out.push(l),
                None => out.extend(c.to_lowercase()),
            }
        }
        rest = chars.as_str();
    }
    out
}

/// The lower case of a common non-ASCII character, a single character,
/// without the Unicode tables; `None` leaves it to them. Punctuation and
/// the other characters [`crate::util::chars::fold_common`] drops have no case.
pub(super) fn lower_common(c: char) -> Option<char> {
    crate::util::chars::fold_common(c).map(|folded| folded.unwrap_or(c))
}
