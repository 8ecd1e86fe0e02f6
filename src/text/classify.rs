//! Which units of a dump are the article: jusText-style classes per unit,
//! smoothed over the sequence, then cut at the end-of-article zone.
//!
//! 1. Each unit gets a context-free class from its length, function-word
//!    density, sentence punctuation, bullets, separators and the shared
//!    boilerplate vocabulary: *good* (prose), *near-good*, *short* or *bad*.
//! 2. Short units and near-good ones take the class of their context (the
//!    jusText rules: a short unit between good ones is good, a near-good one
//!    is bad only between bad ones; a short heading-like line before good
//!    text is promoted).
//! 3. Once enough article text has been kept, a line such as "Related Posts",
//!    "Leave a Reply" or a copyright notice ends the article.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::lines::Unit;
use crate::lexicon::stopwords;
use crate::lexicon::bylines;
use crate::lexicon::closings;
use crate::lexicon::credits;
use crate::lexicon::notices;
use crate::lexicon::phrases;
use crate::lexicon::recipes;
use crate::lexicon::social;
use crate::util::matchers;
use crate::metadata;
use crate::model::block::{BlockTag, Kind};
use crate::rules;
use crate::text::template::Template;
use crate::util::chars::is_cjk;
use crate::util::sentence::ends_sentence;
use crate::util::words::{word_count, word_count_upto};

/// Below this many (CJK-weighted) characters a unit is *short*: it cannot be
/// judged alone (jusText's `length_low`).
pub const LENGTH_LOW: usize = 70;
/// From this many characters on, prose is *good* (jusText's `length_high`).
pub const LENGTH_HIGH: usize = 200;
/// Function-word density of clear prose.
const STOP_HIGH: f64 = 0.30;
/// Function-word density of probable prose.
const STOP_MID: f64 = 0.20;
/// How far (in characters) a heading may stand before the good text it
/// introduces.
const HEADING_DISTANCE: usize = 200;
/// Longest line taken for a heading.
const HEADING_MAX_CHARS: usize = 150;

/// Article text (in characters) that must precede an end-of-article line
/// before it ends the article: about one paragraph, so a "Comments" link in
/// the header zone ends nothing.
const MIN_ARTICLE_BEFORE_END: usize = 200;

/// Article text (in characters) before a "Related" heading from which it
/// ends the article whatever follows: a list of long teasers below a short
/// article outweighs it ("Você pode gostar", "You may also like").
const RELATED_ARTICLE_BEFORE_END: usize = 600;

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

/// The decision for one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Part of the article.
    pub keep: bool,
    /// Rendered as a subheading.
    pub heading: bool,
    /// Why it was dropped, when it was.
    pub kind: Option<Kind>,
}

/// A line made only of a date, a time, numbers and separators ("January 15,
/// 2026", "12.03.2024 | 14:05", "0").
pub fn is_date_or_number(text: &str) -> bool {
    let mut words = 0;
    for tok in text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '|' | '/' | ':' | '-' | '–' | '·')
    }) {
        if tok.is_empty() {
            continue;
        }
        words += 1;
        let numeric = tok.bytes().all(|b| b.is_ascii_digit());
        // Only a short ASCII token lower-cases to one of these.
        let clock = || {
            tok.len() <= 3
                && ["am", "pm", "uhr", "h"]
                    .iter()
                    .any(|w| tok.eq_ignore_ascii_case(w))
        };
        let month = || metadata::text::month_number(tok).is_some();
        if !(numeric || clock() || month()) {
            return false;
        }
    }
    words > 0
}

/// A menu or breadcrumb line: items of one to three words between
/// separators ("Home | About | Contact", "Home»News»Title").
fn is_separated_menu(text: &str) -> bool {
    const SEPS: &[char] = &['|', '»', '›', '·', '•', '/', '>'];
    // Most lines hold no separator: the ASCII ones are found by memchr, the
    // others are encoded with a leading byte 0xC2 or 0xE2.
    // A menu has three parts at least, so two separators: counted on the
    // bytes ('»' and '·' are C2 BB and C2 B7, '›' and '•' E2 80 BA and
    // E2 80 A2), as prose with one slash or none is most lines.
    let b = text.as_bytes();
    let ascii = memchr::memchr3_iter(b'|', b'/', b'>', b).take(2).count();
    if ascii < 2 {
        let wide = memchr::memchr2_iter(0xC2, 0xE2, b)
            .filter(|&i| match b[i] {
                0xC2 => matches!(b.get(i + 1), Some(0xBB | 0xB7)),
                _ => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xBA | 0xA2)),
            })
            .take(2 - ascii)
            .count();
        if ascii + wide < 2 {
            debug_assert!(text.split(SEPS).count() < 3);
            return false;
        }
    }
    let parts: Vec<&str> = text.split(SEPS).map(str::trim).collect();
    if parts.len() < 3 {
        return false;
    }
    let items = parts.iter().filter(|p| !p.is_empty()).count();
    let short = parts.iter().filter(|p| word_count_upto(p, 4) <= 4).count();
    items >= 3 && short * 4 >= parts.len() * 3 && !ends_sentence(text)
}

/// Words at most in the consent placeholder of an embedded post.
const EMBED_NOTICE_WORDS: usize = 60;

/// The boilerplate kind revealed by a unit's wording or shape alone.
fn unit_kind(u: &Unit, lowers: &Lowers, i: usize, words: usize) -> Option<Kind> {
    // The wording rules read short units only (`wording_kind_of` none of
    // more than `PITCH_MAX_WORDS` words).
    if (1..=rules::PITCH_MAX_WORDS).contains(&words)
        && let Some(k) = rules::wording_kind_of(&lowers[i], words)
    {
        return Some(k);
    }
    if words <= 20 && rules::is_copyright(&lowers[i]) {
        return Some(Kind::Footer);
    }
    let t = &*u.text;
    if words <= 120 && notices::is_cookie_notice(&lowers[i]) {
        return Some(Kind::Cookie);
    }
    if words <= EMBED_NOTICE_WORDS && notices::is_embed_consent(&lowers[i]) {
        return Some(Kind::Cookie);
    }
    if is_copyright_notice(t) || (words <= 40 && is_legal_notice(&lowers[i])) {
        return Some(Kind::Footer);
    }
    // Renderer placeholders and image labels: "[INS::INS]", "[image]".
    if t.starts_with('[') && t.ends_with(']') {
        return Some(Kind::Other);
    }
    if !t.chars().any(char::is_alphabetic) || is_date_or_number(t) {
        return Some(Kind::Other);
    }
    if words <= 10 && social::is_share_prompt(&lowers[i]) {
        return Some(Kind::Share);
    }
    if words <= 12 && !ends_sentence(t) && glued_list(t) {
        return Some(Kind::Other);
    }
    // Reading times: "Temps de lecture : 3 min", "4 Mins Read".
    if words <= 8 && metadata::text::reading_time(t).is_some() {
        return Some(Kind::Other);
    }
    // Bylines and datelines: "November 12, 2018 | BY: Jane", "By Max Muster".
    if is_date_or_byline(t, words) {
        return Some(Kind::Other);
    }
    if u.tag != BlockTag::TableRow && is_separated_menu(t) {
        return Some(Kind::Navigation);
    }
    if metadata::text::doubled(t).is_some() {
        return Some(Kind::Navigation);
    }
    None
}

/// Glue points (a lower-case letter run into a capital) that make a line a
/// list of links printed without spaces: "Augmented RealityKundenservice
/// Remote SupportSmart Glasses" (tags). Brand names ("iPhone", "PowerPoint")
/// bring one or two.
const GLUED_LIST_POINTS: usize = 3;

/// Whether a line is a list of tags or links run together.
fn glued_list(text: &str) -> bool {
    // An ASCII line (most): its characters are its bytes.
    if text.is_ascii() {
        let points = text
            .as_bytes()
            .windows(3)
            .filter(|w| {
                w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase() && w[2].is_ascii_lowercase()
            })
            .take(GLUED_LIST_POINTS)
            .count();
        return points >= GLUED_LIST_POINTS;
    }
    glued_list_chars(text)
}

/// [`glued_list`] character by character: any text.
fn glued_list_chars(text: &str) -> bool {
    let mut points = 0;
    let mut chars = text.chars();
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else {
        return false;
    };
    for c in chars {
        if a.is_lowercase() && b.is_uppercase() && c.is_lowercase() {
            points += 1;
            if points >= GLUED_LIST_POINTS {
                return true;
            }
        }
        (a, b) = (b, c);
    }
    false
}

/// Characters from the start within which a teaser's headline ends.
const TEASER_HEADLINE_CHARS: usize = 160;

/// A teaser whose link headline and summary the renderer ran together:
/// "Council Backs New Bridge PlanMayor Jana Berg's bridge plan
/// was ...". A title-case headline of three words or more ends in a lower-case
/// letter (or `?`, `!`) glued to the capital that opens the summary. Returns
/// the glued word ("PlanMayor"), so that a brand such as "MacBook", which
/// recurs on its page, can be told apart.
pub fn glued_teaser(text: &str) -> Option<&str> {
    // A headline window of ASCII (most lines): its characters are its
    // bytes, tested without decoding them.
    let window = text.len().min(TEASER_HEADLINE_CHARS);
    let b = text.as_bytes();
    if !b[..window].is_ascii() {
        return glued_teaser_chars(text);
    }
    // Only a capital can be the glued one: their places are found eight
    // bytes at a time (most bytes are none), in order.
    let last = window.saturating_sub(1);
    for at in ascii_capitals(&b[..window]).filter(|&at| (1..last).contains(&at)) {
        let (a, m, c) = (b[at - 1], b[at], b[at + 1]);
        debug_assert!(m.is_ascii_uppercase());
        let end = a.is_ascii_lowercase() || a.is_ascii_digit() || matches!(a, b'?' | b'!' | b')');
        let opens = c.is_ascii_lowercase() || (matches!(m, b'A' | b'I') && c == b' ');
        if end
            && opens
            && let Some(word) = teaser_glued_at(text, at)
        {
            return Some(word);
        }
    }
    None
}

/// The places of the capital letters of ASCII `b`, in order, found eight
/// bytes at a time: for an ASCII byte `x`, `x + 0x3F` has its high bit set
/// from 'A' (0x41) on and `x + 0x25` from '[' (0x5B) on, with no carry
/// into the next byte.
fn ascii_capitals(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    debug_assert!(b.is_ascii());
    b.chunks(8).enumerate().flat_map(|(k, chunk)| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let from_a = w.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
        let past_z = w.wrapping_add(0x2525_2525_2525_2525);
        let mut mask = from_a & !past_z & HIGH;
        std::iter::from_fn(move || {
            (mask != 0).then(|| {
                let at = 8 * k + (mask.trailing_zeros() / 8) as usize;
                mask &= mask - 1;
                at
            })
        })
    })
}

/// [`glued_teaser`] character by character: any text.
fn glued_teaser_chars(text: &str) -> Option<&str> {
    // A sliding window of three characters, without collecting them.
    let mut window = [(0, '\0'); 3];
    for (k, ic) in text.char_indices().take(TEASER_HEADLINE_CHARS).enumerate() {
        window = [window[1], window[2], ic];
        if k < 2 {
            continue;
        }
        let [(_, a), (at, b), (_, c)] = window;
        // The capital in the middle is the rarest part: tested first.
        if !b.is_uppercase() {
            continue;
        }
        // "PlanMayor", "Best-SellerA 19-year-old", "40,000The", "(Live Video)Some".
        let end = a.is_lowercase() || a.is_ascii_digit() || matches!(a, '?' | '!' | ')');
        let opens = c.is_lowercase() || (matches!(b, 'A' | 'I') && c == ' ');
        if end
            && opens
            && let Some(word) = teaser_glued_at(text, at)
        {
            return Some(word);
        }
    }
    None
}

/// The glued word of a teaser whose summary's capital stands at byte `at`,
/// if the text before it reads as a headline.
fn teaser_glued_at(text: &str, at: usize) -> Option<&str> {
    let head = &text[..at];
    let words: Vec<&str> = head.split_whitespace().collect();
    // The glued word itself ("PlanMayor") must not be a name such as
    // "McDonald" or "iPhone": its head part is a whole word.
    let last = words.last().copied().unwrap_or("");
    if words.len() < 3 || last.chars().count() < 3 {
        return None;
    }
    let capital = words
        .iter()
        .filter(|w| w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()))
        .count();
    if capital * 10 >= words.len() * 7 {
        let start = head
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| at + i);
        return Some(&text[start..end]);
    }
    None
}

/// Words from the start within which an inner dateline stands.
const INNER_DATELINE_WORDS: usize = 40;

/// A teaser whose headline runs into a summary that opens with a dateline:
/// "Local baker wins prize BERLIN: A local baker ...". The
/// dateline (capitals and a colon) stands after at least three words;
/// an article's own dateline opens its paragraph. Returns the dateline.
pub fn inner_dateline(text: &str) -> Option<&str> {
    // The dateline ends with a colon after a capital (or a dash or colon of
    // the dateline, or a letter not ASCII): most lines hold none.
    let b = text.as_bytes();
    let after_capital = |i: usize| i > 0 && matches!(b[i - 1], b'A'..=b'Z' | b'-' | b':' | 0x80..);
    if !memchr::memchr_iter(b':', b).any(after_capital) {
        return None;
    }
    inner_dateline_words(text)
}

/// [`inner_dateline`] word by word.
fn inner_dateline_words(text: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .take(INNER_DATELINE_WORDS)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == ':' || c == '-')
    };
    for k in 3..words.len() {
        let (at, w) = words[k];
        if !w.ends_with(':') || !caps(w) {
            continue;
        }
        // "NEW YORK:": take the capital words before the colon too.
        let mut start = k;
        while start > 3 && caps(words[start - 1].1) {
            start -= 1;
        }
        return Some(&text[words[start].0..at + w.len()]);
    }
    None
}

/// Units farther apart than this are not one teaser list.
const TEASER_NEIGHBOUR: usize = 3;

/// Glued teasers come in lists: a unit is one when another glued unit stands
/// within [`TEASER_NEIGHBOUR`] units and its glued word occurs nowhere else
/// on the page (a brand name recurs; "PlanMayor" does not).
fn mark_glued_teasers(units: &[Unit], feats: &mut [Features]) {
    let words: Vec<Option<&str>> = units
        .iter()
        .zip(feats.iter())
        .map(|(u, f)| {
            if f.kind.is_some() {
                None
            } else {
                glued_teaser(&u.text)
            }
        })
        .collect();
    let counts = page_counts(units, words.iter().flatten().copied());
    let glued: Vec<Option<&str>> = units
        .iter()
        .zip(feats.iter())
        .zip(&words)
        .map(|((u, f), word)| {
            if f.kind.is_some() {
                return None;
            }
            word.filter(|w| counts.get(w) == Some(&1))
                .or_else(|| inner_dateline(&u.text))
        })
        .collect();
    for i in 0..units.len() {
        if glued[i].is_none() {
            continue;
        }
        let lo = i.saturating_sub(TEASER_NEIGHBOUR);
        let hi = (i + TEASER_NEIGHBOUR + 1).min(units.len());
        if (lo..hi).any(|j| j != i && glued[j].is_some()) {
            feats[i].kind = Some(Kind::Related);
            feats[i].class = Class::Bad;
            feats[i].heading_like = false;
        }
    }
}

/// How often each of `words` occurs in the units' texts, counted as
/// `str::matches` counts (non-overlapping, leftmost first), in one pass over
/// the page for all of them.
fn page_counts<'a>(
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

/// Characters at most in an image caption that ends with its credit.
const CAPTION_MAX_CHARS: usize = 300;
/// Characters from the end within which a caption names its credit.
const CREDIT_TAIL_CHARS: usize = 40;

/// An image caption that ends with its credit: "... angekommen. (Foto:
/// Privat)", "... so stimmt das nicht. Bild: S. Lafrentz", "... im Display.
/// © Jon Prosser", "... treatmentCredit: EPA", "... getarnt. (Jane Doe /
/// iStock.com)".
fn ends_with_credit(text: &str) -> bool {
    // An ASCII tail (most lines) is its own lower case up to the case of
    // its letters: matched case-insensitively, without lower-casing it.
    let ascii_from = text.len().saturating_sub(CREDIT_TAIL_CHARS + 1);
    if text.as_bytes()[ascii_from..].is_ascii() {
        // The last CREDIT_TAIL_CHARS + 1 characters are bytes here: the
        // same tail as below.
        let tail = &text[ascii_from..];
        // An agency credits only after a separator, and every ASCII credit
        // word holds a colon or a full stop: a tail without them has none.
        let separated = tail
            .bytes()
            .any(|b| matches!(b, b':' | b'(' | b'/' | b'|' | b';'));
        if !separated {
            return tail.contains('.') && CREDIT.is_match(tail);
        }
        return CREDIT.is_match(tail) || agency_credit(tail);
    }
    ends_with_credit_lowered(text)
}

/// [`CREDIT_WORDS`] and [`PICTURE_AGENCIES`], matched ignoring ASCII case:
/// on an ASCII tail as it stands, and on a lower-cased tail (the lists are
/// lower-case) alike.
static CREDIT: LazyLock<AhoCorasick> = LazyLock::new(|| matchers::ascii_case_matcher(CREDIT_WORDS));
static AGENCY: LazyLock<AhoCorasick> =
    LazyLock::new(|| matchers::ascii_case_matcher(PICTURE_AGENCIES));

/// A picture agency named alone credits only after a credit's separator:
/// "(Jane Doe / iStock.com)", "(AP Photo/Jane Roe)", "Jane Doe | Getty
/// Images"; not "a cheap photo frame" or "... von Getty Images beherrscht."
fn agency_credit(tail: &str) -> bool {
    AGENCY.find_iter(tail).any(|m| {
        tail[..m.start()]
            .trim_end()
            .ends_with(['(', '/', '|', '©', ':', ';'])
    })
}

/// [`ends_with_credit`] on the lower-cased tail: any text.
fn ends_with_credit_lowered(text: &str) -> bool {
    // Lower-casing maps each character to one or more, so the tail of the
    // lower-cased text is the lower-cased tail of the text.
    let from = text
        .char_indices()
        .rev()
        .nth(CREDIT_TAIL_CHARS)
        .map_or(0, |(at, _)| at);
    let lower = lower_case(&text[from..]);
    let start = lower
        .char_indices()
        .rev()
        .nth(CREDIT_TAIL_CHARS)
        .map_or(0, |(at, _)| at);
    let tail = &lower[start..];
    // One automaton pass over the tail for all the credit words.
    CREDIT.is_match(tail) || agency_credit(tail)
}

/// Words that name a caption's credit, lower-cased (see
/// [`ends_with_credit`]).
const CREDIT_WORDS: &[&str] = &[
    "foto:",
    "fotos:",
    "bild:",
    "photo:",
    "photograph:",
    "credit:",
    "fot.",
    "crédit",
    "©",
    "图片来源",
];

/// Picture agencies and stock libraries, lower-cased: named alone in a
/// caption's closing parenthesis, they are its credit ("(Jane Doe /
/// iStock.com)", "(AP Photo/John Doe)").
const PICTURE_AGENCIES: &[&str] = &[
    "istock",
    "getty images",
    "shutterstock",
    "unsplash",
    "pixabay",
    "adobe stock",
    "adobestock",
    "imago",
    "picture alliance",
    "picture-alliance",
    "ap photo",
];

/// Every unit's text lower-cased for the wording tests: each computed
/// once, when a test first asks for it (`lowers[i]`). The tests are bounded
/// by a unit's words, so a long paragraph, the dearest to lower-case, is
/// seldom asked for.
pub(crate) struct Lowers<'u, 'a> {
    units: &'u [Unit<'a>],
    cells: Vec<std::cell::OnceCell<String>>,
}

impl<'u, 'a> Lowers<'u, 'a> {
    fn new(units: &'u [Unit<'a>]) -> Self {
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
fn lower_case(text: &str) -> String {
    // A capital sigma lower-cases by its place in the word, which only
    // `str::to_lowercase` knows.
    // ('Σ' is CE A3: memchr's vectorised search for its lead byte, as
    // `str::contains` with a char runs core's word-at-a-time one.)
    let b = text.as_bytes();
    if memchr::memchr_iter(0xCE, b).any(|i| b.get(i + 1) == Some(&0xA3)) {
        debug_assert!(text.contains('Σ'));
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
fn lower_common(c: char) -> Option<char> {
    crate::util::chars::fold_common(c).map(|folded| folded.unwrap_or(c))
}

/// Context-free features and class of every unit.
#[cfg(any(test, feature = "internals"))]
pub fn features(units: &[Unit]) -> Vec<Features> {
    features_with(units, &Lowers::new(units))
}

/// Each short text's count on the page and the first unit that holds it:
/// short lines printed more than once are page template (menus repeated in
/// header, drawer and footer), never article text.
fn short_texts<'u>(units: &'u [Unit<'_>]) -> foldhash::HashMap<&'u str, (u32, usize)> {
    let short = |t: &str| t.len() < LENGTH_LOW || t.chars().count() < LENGTH_LOW;
    let mut seen: foldhash::HashMap<&str, (u32, usize)> =
        foldhash::HashMap::with_capacity_and_hasher(units.len(), Default::default());
    for (i, u) in units.iter().enumerate() {
        if short(&u.text) {
            seen.entry(&*u.text).or_insert((0, i)).0 += 1;
        }
    }
    seen
}

/// [`features`], given the units' lower-cased texts ([`Lowers`]: each made
/// when a rule first asks for it).
fn features_with(units: &[Unit], lowers: &Lowers) -> Vec<Features> {
    let seen = short_texts(units);
    // A unit's features depend on its text and tag alone: a line printed
    // again (menus, labels: a fifth of a dump's lines) takes those of its
    // first copy.
    let first = |i: usize, u: &Unit| {
        seen.get(&*u.text)
            .map(|&(_, f)| f)
            .filter(|&f| f < i && units[f].tag == u.tag)
    };
    let mut feats: Vec<Features> = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        let f = match first(i, u) {
            Some(f) => feats[f].clone(),
            None => unit_features(u, lowers, i, &seen),
        };
        debug_assert_eq!(f, unit_features(u, lowers, i, &seen), "{:?}", u.text);
        feats.push(f);
    }
    mark_neighbours(units, lowers, &mut feats);
    feats
}

/// The features that read a unit's neighbours or the whole page.
fn mark_neighbours(units: &[Unit], lowers: &Lowers, feats: &mut [Features]) {
    mark_structured_runs(units, feats);
    mark_doubled_captions(units, feats);
    mark_glued_teasers(units, feats);
    mark_promo_boxes(units, lowers, feats);
}

/// The context-free features of one unit, before the marks that read its
/// neighbours; `seen` counts the page's short texts.
fn unit_features(
    u: &Unit,
    lowers: &Lowers,
    i: usize,
    seen: &foldhash::HashMap<&str, (u32, usize)>,
) -> Features {
    let (chars, cjk) = if u.text.is_ascii() {
        (u.text.len(), 0)
    } else {
        u.text
            .chars()
            .fold((0, 0), |(n, cjk), c| (n + 1, cjk + usize::from(is_cjk(c))))
    };
    let len = chars + 2 * cjk;
    let words = word_count(&u.text);
    let sentence = ends_sentence(&u.text);
    let mut kind = unit_kind(u, lowers, i, words);
    // Only short lines were counted: a long one is not looked up.
    let repeated = chars < LENGTH_LOW && seen.get(&*u.text).is_some_and(|&(n, _)| n > 1);
    if kind.is_none() && repeated && u.tag != BlockTag::TableRow {
        kind = Some(Kind::Navigation);
    }
    if kind.is_none() && chars <= CAPTION_MAX_CHARS && ends_with_credit(&u.text) {
        kind = Some(Kind::Other);
    }
    let first_ok = u
        .text
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() || is_cjk(c));
    let photo_credit = u.text.ends_with(')') && u.text.contains('(');
    let heading_like = u.tag == BlockTag::Paragraph
        && kind.is_none()
        && first_ok
        && chars <= HEADING_MAX_CHARS
        && ((1..=20).contains(&words) || (cjk > 0 && words <= 40))
        && !u.text.ends_with(['.', ',', ';', ':', '…', '。', '，'])
        && (!sentence || (u.text.ends_with('?') && words <= 12))
        && !photo_credit;
    let class = if kind.is_some() {
        Class::Bad
    } else if heading_like && !sentence || len < LENGTH_LOW {
        Class::Short
    } else {
        prose_class(&u.text, len, words, sentence, cjk * 2 > chars, u.tag)
    };
    Features {
        len,
        words,
        sentence,
        heading_like,
        kind,
        class,
        structured: false,
    }
}

/// Words at most in a heading over a list of other articles.
const RELATED_HEADING_WORDS: usize = 6;

/// The list under a "Most Popular" or "Related" heading holds other
/// articles' headlines wherever it stands, even above the article, where
/// the end-of-article rules do not look. Returns which units are its items;
/// they are dropped after the smoothing (which they do not sway).
fn related_lists(units: &[Unit], lowers: &Lowers, feats: &[Features]) -> Vec<bool> {
    let mut items = vec![false; units.len()];
    for i in 0..units.len() {
        if units[i].tag == BlockTag::ListItem
            || feats[i].words > RELATED_HEADING_WORDS
            || closings::end_kind(&lowers[i]) != Some(Kind::Related)
        {
            continue;
        }
        for j in i + 1..units.len() {
            if units[j].tag != BlockTag::ListItem {
                break;
            }
            items[j] = true;
        }
    }
    items
}

/// Words at most of a zoom button's label printed before the second copy
/// of a caption ("Vergrößern", "Bild vergrößern", "Enlarge").
const CAPTION_BUTTON_WORDS: usize = 2;

/// Whether `second` repeats `first`, alone or after a short button label:
/// "Vergrößern Der neue Platz am Abend." after "Der neue Platz am Abend."
fn repeats_caption(first: &str, second: &str) -> bool {
    second == first
        || first.starts_with(|c: char| !c.is_lowercase())
            && second.strip_suffix(first).is_some_and(|label| {
                label.ends_with(' ')
                    && (1..=CAPTION_BUTTON_WORDS).contains(&word_count(label))
                    && !label.trim_end().ends_with(['.', '!', '?', ':'])
            })
}

/// Characters at least in each half of a line printed twice over.
const DOUBLED_LINE_HALF: usize = 30;

/// A line that holds one text twice, space-separated: an image's alt text
/// and its caption, or a teaser image's alt text and the teaser's title,
/// run onto one line ("Kinder spielen im Park Kinder spielen im Park").
/// Characters count in bytes here; the halves are compared whole.
fn doubled_line(text: &str) -> bool {
    let t = text.trim();
    let n = t.len();
    if n < 2 * DOUBLED_LINE_HALF + 1 || n.is_multiple_of(2) || !t.is_char_boundary(n / 2) {
        return false;
    }
    let (a, rest) = t.split_at(n / 2);
    // Two copies exactly: a refrain repeated over and over is text.
    let head = a
        .char_indices()
        .nth(DOUBLED_LINE_HALF)
        .map_or(a, |(at, _)| &a[..at]);
    rest.strip_prefix(' ').is_some_and(|b| a == b) && a.matches(head).count() == 1
}

/// A paragraph printed twice in a row (the second time perhaps after a
/// zoom button's label) is an image's alt text and its caption (or title),
/// not the article's prose: both copies are dropped; so is a line that
/// holds one text twice.
fn mark_doubled_captions(units: &[Unit], feats: &mut [Features]) {
    for (u, f) in units.iter().zip(feats.iter_mut()) {
        if f.kind.is_none() && doubled_line(&u.text) {
            f.kind = Some(Kind::Other);
            f.class = Class::Bad;
            f.heading_like = false;
        }
    }
    for i in 1..units.len() {
        if feats[i - 1].len >= LENGTH_LOW && repeats_caption(&units[i - 1].text, &units[i].text) {
            for j in [i - 1, i] {
                feats[j].kind = Some(Kind::Other);
                feats[j].class = Class::Bad;
                feats[j].heading_like = false;
            }
        }
    }
}

/// Characters at most in the blurb of a promotion box.
const PROMO_MAX_CHARS: usize = 300;

/// A promotion box: a short blurb (and its heading) above a button line
/// such as "mehr erfahren" or "Jetzt herunterladen!". An article's own
/// paragraphs are not followed by a bare call to action.
fn mark_promo_boxes(units: &[Unit], lowers: &Lowers, feats: &mut [Features]) {
    for i in 0..units.len() {
        // A button's words are those of its label (trimming drops no word).
        if feats[i].words > closings::CALL_TO_ACTION_MAX_WORDS || !closings::is_call_to_action(&lowers[i])
        {
            continue;
        }
        feats[i].kind = Some(Kind::Subscribe);
        feats[i].class = Class::Bad;
        let blurb = i
            .checked_sub(1)
            .filter(|&j| units[j].tag == BlockTag::Paragraph && feats[j].len <= PROMO_MAX_CHARS);
        let Some(j) = blurb else { continue };
        let heading = j.checked_sub(1).filter(|&h| feats[h].heading_like);
        for k in heading.into_iter().chain([j]) {
            feats[k].kind = Some(Kind::Subscribe);
            feats[k].class = Class::Bad;
            feats[k].heading_like = false;
        }
    }
}

/// Words at most in a quantity line ("2 Pck. Vanillepuddingpulver").
const QUANTITY_MAX_WORDS: usize = 12;
/// Quantity lines a run needs.
const STRUCTURED_MIN_RUN: usize = 3;
/// A structured run this long (members, characters) is article text of its
/// own, as a standings table or a race calendar is.
const STRUCTURED_GOOD: (usize, usize) = (5, LENGTH_HIGH);

/// A short line led by an amount, a rank or a day: "125 g Mehl", "3 Kevin
/// Harvick 5033 4", "1a etapa: 10 de março", "½ cup sugar", "June 9 --
/// Arena". An ordinal such as "1." (a numbered teaser list) is not one,
/// unless a month follows it ("9. Juni – Berlin").
pub fn is_quantity_line(text: &str) -> bool {
    may_lead_with_a_number(text) && leads_with_quantity(text)
}

/// [`is_quantity_line`] without its byte test first.
fn leads_with_quantity(text: &str) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    let lead = first
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔' | '⅛'));
    let digits = first.chars().filter(char::is_ascii_digit).count();
    let tail = first.chars().filter(|c| c.is_alphabetic()).count();
    let amount = lead && !first.ends_with('.') && digits <= 4 && tail <= 3;
    // The word count last: it reads the most.
    (amount && text.chars().any(char::is_alphabetic) || date_led(text))
        && word_count_upto(text, QUANTITY_MAX_WORDS) <= QUANTITY_MAX_WORDS
}

/// What [`is_quantity_line`] needs, read on the bytes: an amount opens the
/// first word with a digit or a fraction (not ASCII), and a day number
/// opens the first or the second word with a digit. `false` only when
/// neither can hold; a non-ASCII byte where a word might end (it could be
/// a Unicode space) answers `true`.
fn may_lead_with_a_number(text: &str) -> bool {
    let open = |c: u8| c.is_ascii_digit() || !c.is_ascii() || crate::util::bytes::is_space_byte(c);
    text.as_bytes().first().is_some_and(|&c| open(c))
        || credits::second_word_may_open_with_digit(text)
}

/// A line of a schedule led by its day: "June 9 -- Arena, Tampa", "9. Juni
/// – Berlin", "9 juin : Paris" (a month name and a day number, either way
/// round, then more).
fn date_led(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    if words.next().is_none() {
        return false;
    }
    let day = |w: &str| {
        let d = w.trim_end_matches(['.', ',']);
        !d.is_empty() && d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit())
    };
    let month = |w: &str| metadata::text::month_number(w.trim_end_matches(['.', ','])).is_some();
    (day(b) && month(a)) || (day(a) && month(b))
}

/// Find runs of quantity lines (a short label line such as "Für die
/// Füllung:" or a table header may sit between them) and mark their members.
/// A date inside them makes a schedule, not a dateline, so the date rule's
/// verdict is lifted; a long run counts as good text.
fn mark_structured_runs(units: &[Unit], feats: &mut [Features]) {
    let members: Vec<bool> = units
        .iter()
        .zip(feats.iter())
        .map(|(u, f)| matches!(f.kind, None | Some(Kind::Other)) && is_quantity_line(&u.text))
        .collect();
    // Between members: a label line, or the link printed under each item
    // of a shopping list ("http://amzn.to/...").
    let labels: Vec<bool> = units
        .iter()
        .zip(feats.iter())
        .map(|(u, f)| {
            (f.words <= 8 && !f.sentence && f.kind.is_none())
                || (f.words == 1 && (u.text.starts_with("http") || u.text.starts_with("www.")))
        })
        .collect();
    let member = |i: usize| members[i];
    let label = |i: usize| labels[i];
    let mut i = 0;
    while i < units.len() {
        if !member(i) {
            i += 1;
            continue;
        }
        // Extend over members and single label lines between members.
        let (start, mut end, mut count) = (i, i + 1, 1);
        while end < units.len() {
            if member(end) {
                count += 1;
                end += 1;
            } else if label(end) && end + 1 < units.len() && member(end + 1) {
                end += 1;
            } else {
                break;
            }
        }
        // A label ending in a colon right above the run heads it.
        let start = if start > 0 && labels[start - 1] && units[start - 1].text.ends_with(':') {
            start - 1
        } else {
            start
        };
        if count >= STRUCTURED_MIN_RUN {
            let len: usize = feats[start..end].iter().map(|f| f.len).sum();
            let good = count >= STRUCTURED_GOOD.0 && len >= STRUCTURED_GOOD.1;
            for f in &mut feats[start..end] {
                f.structured = true;
                f.heading_like = false;
                if f.kind == Some(Kind::Other) {
                    f.kind = None;
                }
                if f.kind.is_none() {
                    f.class = if good { Class::Good } else { Class::Short };
                }
            }
        }
        i = end;
    }
}

/// Class of a unit long enough to judge on its own.
fn prose_class(
    text: &str,
    len: usize,
    words: usize,
    sentence: bool,
    cjk: bool,
    tag: BlockTag,
) -> Class {
    let prose = if cjk {
        text.contains(['。', '，', '！', '？', '、'])
    } else {
        // Languages without a stoplist here: sentences with commas. Tested
        // first, as it settles most paragraphs without the density. The
        // marks are ASCII, so their bytes are them.
        (sentence
            && words >= 12
            && text
                .bytes()
                .filter(|b| matches!(b, b'.' | b',' | b'!' | b'?'))
                .nth(1)
                .is_some())
            || {
                let (density, _) = stopwords::density(text);
                density >= STOP_HIGH
                    || (density >= STOP_MID && (sentence || words >= 15))
                    || (sentence && words >= 12 && density >= 0.05)
            }
    };
    if !prose {
        return Class::Bad;
    }
    if len >= LENGTH_HIGH && tag != BlockTag::TableRow {
        Class::Good
    } else {
        Class::NearGood
    }
}

/// For each unit, the class of the nearest unit before it that is neither
/// short nor (if `skip_near`) near-good; `Bad` at the document edge.
fn prev_anchor(classes: &[Class], skip_near: bool) -> Vec<Class> {
    let mut out = Vec::with_capacity(classes.len());
    let mut last = Class::Bad;
    for &c in classes {
        out.push(last);
        if c != Class::Short && !(skip_near && c == Class::NearGood) {
            last = c;
        }
    }
    out
}

/// As [`prev_anchor`], looking forward.
fn next_anchor(classes: &[Class], skip_near: bool) -> Vec<Class> {
    let rev: Vec<Class> = classes.iter().rev().copied().collect();
    let mut out = prev_anchor(&rev, skip_near);
    out.reverse();
    out
}

/// Whether good text follows unit `i` within [`HEADING_DISTANCE`]
/// characters, with only boilerplate (a caption, an ad label) between. In a
/// dump every short line looks like a heading; only the one right above the
/// text is taken for one, not a run of teaser titles or links above it.
fn good_follows(i: usize, classes: &[Class], feats: &[Features]) -> bool {
    let mut distance = 0;
    for j in i + 1..classes.len().min(i + 12) {
        match classes[j] {
            Class::Good => return true,
            Class::Short | Class::NearGood => return false,
            // Another short line that could head the text stands nearer.
            Class::Bad if feats[j].kind.is_none() && feats[j].heading_like => return false,
            Class::Bad => {}
        }
        distance += feats[j].len;
        if distance > HEADING_DISTANCE {
            break;
        }
    }
    false
}

/// Runs of near-good units (short ones may sit between them) that together
/// hold as much text as a long paragraph are prose written in short
/// paragraphs, as news sites do: their near-good units become good.
/// jusText alone would drop them, since near-good units never anchor.
fn promote_near_good_runs(classes: &mut [Class], feats: &[Features]) {
    let mut start = 0;
    while start < classes.len() {
        if classes[start] != Class::NearGood {
            start += 1;
            continue;
        }
        let mut end = start;
        let (mut near, mut len) = (0, 0);
        while end < classes.len() && matches!(classes[end], Class::NearGood | Class::Short) {
            // A short full sentence ("Milch erwärmen.") counts as prose too.
            let sentence = classes[end] == Class::Short
                && feats[end].sentence
                && feats[end].words >= SHORT_SENTENCE_WORDS;
            if classes[end] == Class::NearGood || sentence {
                near += 1;
                len += feats[end].len;
            }
            end += 1;
        }
        if near >= 3 && len >= 2 * LENGTH_HIGH {
            for c in &mut classes[start..end] {
                if *c == Class::NearGood {
                    *c = Class::Good;
                }
            }
        }
        start = end;
    }
}

/// Words a short unit needs to count as a sentence of prose.
const SHORT_SENTENCE_WORDS: usize = 4;

/// The jusText context rules over the context-free classes.
pub fn smooth(feats: &[Features]) -> Vec<Class> {
    let mut classes: Vec<Class> = feats.iter().map(|f| f.class).collect();
    promote_near_good_runs(&mut classes, feats);
    // A page with no long paragraph at all: its near-good units are the best
    // it has (short news items, captions of a gallery).
    if !classes.contains(&Class::Good) {
        for c in &mut classes {
            if *c == Class::NearGood {
                *c = Class::Good;
            }
        }
    }
    // Short headings before good text are near-good.
    for i in 0..classes.len() {
        if feats[i].heading_like && classes[i] == Class::Short && good_follows(i, &classes, feats) {
            classes[i] = Class::NearGood;
        }
    }
    // Short units take their context.
    let (prev, next) = (prev_anchor(&classes, true), next_anchor(&classes, true));
    let (prev_n, next_n) = (prev_anchor(&classes, false), next_anchor(&classes, false));
    let revised: Vec<Class> = (0..classes.len())
        .map(|i| {
            if classes[i] != Class::Short {
                return classes[i];
            }
            match (prev[i], next[i]) {
                (Class::Good, Class::Good) => Class::Good,
                (Class::Bad, Class::Bad) => Class::Bad,
                (Class::Bad, _) if prev_n[i] == Class::NearGood => Class::Good,
                (_, Class::Bad) if next_n[i] == Class::NearGood => Class::Good,
                _ => Class::Bad,
            }
        })
        .collect();
    classes = revised;
    // Near-good units are bad only between bad ones.
    let (prev, next) = (prev_anchor(&classes, true), next_anchor(&classes, true));
    for i in 0..classes.len() {
        if classes[i] == Class::NearGood {
            classes[i] = if prev[i] == Class::Bad && next[i] == Class::Bad {
                Class::Bad
            } else {
                Class::Good
            };
        }
    }
    // Headings dropped by the short rule come back before good text.
    for i in 0..classes.len() {
        if feats[i].heading_like
            && classes[i] == Class::Bad
            && feats[i].class != Class::Bad
            && good_follows(i, &classes, feats)
        {
            classes[i] = Class::Good;
        }
    }
    classes
}

/// Whether a short unit opens the end-of-article zone: related posts,
/// comments, author box or footer.
fn ends_article(u: &Unit, lowers: &Lowers, i: usize, f: &Features) -> Option<Kind> {
    if is_copyright_notice(&u.text) {
        return Some(Kind::Footer);
    }
    if f.words <= rules::PAYWALL_MAX_WORDS && notices::is_paywall_notice(&lowers[i]) {
        return Some(Kind::Subscribe);
    }
    if bylines::is_author_bio(&u.text) {
        return Some(Kind::Footer);
    }
    if f.words == 0 || f.words > INLINE_LINK_MAX_WORDS {
        return None;
    }
    if f.words > 14 {
        // Only a "Read also: <headline>" line is that long.
        return closings::end_kind(&lowers[i])
            .filter(|&k| k == Kind::Related && inline_link(&u.text) && !f.sentence);
    }
    if more_from_name(&u.text) {
        return Some(Kind::Related);
    }
    closings::end_kind(&lowers[i])
}

/// Words at most in a one-line link to another story ("Lesen Sie auch:
/// <headline>").
const INLINE_LINK_MAX_WORDS: usize = 24;

/// Words at least in a "More <Name>" heading: a two-word "More Weather"
/// or "More News" is a menu item.
const MORE_NAME_MIN_WORDS: usize = 3;
/// Words at most in a "More <Name>" heading.
const MORE_NAME_MAX_WORDS: usize = 4;

/// A "More <Name>" heading over other articles of a site or a section:
/// "More Washington Examiner", "More Local News". Every word after "More"
/// is capitalised and the line ends without punctuation; "More than half
/// ..." is prose.
fn more_from_name(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= MORE_NAME_MIN_WORDS
        && words.len() <= MORE_NAME_MAX_WORDS
        && words[0] == "More"
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && t.chars().last().is_some_and(char::is_alphanumeric)
}

/// A copyright notice of any length: "© 2019 Company, LLC. All rights ..."
fn is_copyright_notice(text: &str) -> bool {
    // The opening decides first: lower-casing a long paragraph whole just
    // to read its first word would cost more than the rest. Only these
    // characters lower-case to the opening of one.
    if !text.trim_start().starts_with(['©', 'c', 'C', '(']) {
        return false;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(9)
        .flat_map(char::to_lowercase)
        .collect();
    if !(head.starts_with('©') || head.starts_with("copyright") || head.starts_with("(c) ")) {
        return false;
    }
    let lower = text.trim_start().to_lowercase();
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    year || lower.contains("rights") || lower.contains("rechte") || lower.contains("droits")
}

/// A legal notice with the copyright sign inside it: "This material may not
/// be published ... ©2019 Network, LLC. All rights reserved."
fn is_legal_notice(lower: &str) -> bool {
    let Some(at) = lower.find('©') else {
        return false;
    };
    let after = &lower[at..];
    let year = after
        .split(|c: char| !c.is_ascii_digit())
        .take(4)
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    year || phrases::is_rights_reserved(lower)
}

/// Whether unit `i` is a button of a share bar: a list item whose
/// neighbours are share buttons. There "Comments" is a button, not the head
/// of a comment thread.
fn in_share_bar(i: usize, units: &[Unit], feats: &[Features]) -> bool {
    let share = |j: usize| units[j].tag == BlockTag::ListItem && feats[j].kind == Some(Kind::Share);
    units[i].tag == BlockTag::ListItem
        && i > 0
        && i + 1 < units.len()
        && share(i - 1)
        && share(i + 1)
}

/// Units printed on many pages of the batch are the site's template: menu,
/// footer, "What's Hot" lists. They are dropped, and count as boilerplate in
/// the smoothing, except between two units of prose, where they stay
/// neutral (as short units are): an "Advertisement" line between two
/// paragraphs must not split the article. Returns which units are template.
fn mark_template(units: &[Unit], feats: &mut [Features], template: &Template) -> Vec<bool> {
    if template.is_empty() {
        return vec![false; units.len()];
    }
    let hits: Vec<bool> = units.iter().map(|u| template.contains(&u.text)).collect();
    let prose = |f: &Features| matches!(f.class, Class::Good | Class::NearGood);
    for i in 0..units.len() {
        if !hits[i] {
            continue;
        }
        let prev = (0..i).rev().find(|&j| !hits[j]);
        let next = (i + 1..units.len()).find(|&j| !hits[j]);
        let between_prose =
            prev.is_some_and(|j| prose(&feats[j])) && next.is_some_and(|j| prose(&feats[j]));
        let f = &mut feats[i];
        f.kind = f.kind.or(Some(Kind::Navigation));
        f.class = if between_prose {
            Class::Short
        } else {
            Class::Bad
        };
        f.heading_like = false;
        f.structured = false;
    }
    hits
}

/// Words at most in a furniture line ("Anzeige", "Foto: dpa").
const FURNITURE_WORDS: usize = 3;

/// Units a step's number looks past for the steps' prose on either side.
const STEP_REACH: usize = 3;

/// Digits at most in the number of a step.
const STEP_DIGITS: usize = 2;

/// The bare number of a step of instructions, printed on its own line
/// above the step ("3", "3.", "3)").
fn is_step_number(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ')']);
    (1..=STEP_DIGITS).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// An ad label or a credit between two paragraphs ("Advertisement",
/// "Anzeige", "Foto: dpa"), or the bare number of a step of instructions,
/// is dropped but must not split the article: it
/// stays neutral in the smoothing, as short units do. Marks it in `masked`.
fn neutralise_furniture(
    units: &[Unit],
    lowers: &Lowers,
    feats: &mut [Features],
    masked: &mut [bool],
) {
    // A step's number is one word.
    let furniture: Vec<bool> = (0..units.len())
        .map(|i| {
            let f = &feats[i];
            (f.words <= FURNITURE_WORDS && credits::is_inline_furniture(&lowers[i]))
                || (f.words == 1 && is_step_number(&lowers[i]))
        })
        .collect();
    let prose = |f: &Features| matches!(f.class, Class::Good | Class::NearGood);
    for i in 0..units.len() {
        if !furniture[i] {
            continue;
        }
        // The nearest units that are not furniture ("Foto: dpa" and
        // "Anzeige" often come together). A step's number may stand
        // between its title (or a short line such as an oven setting) and
        // the steps' prose.
        let step = is_step_number(&lowers[i]);
        let skip = |j: usize| {
            furniture[j] || (step && feats[j].class == Class::Short && feats[j].kind.is_none())
        };
        let reach = if step { STEP_REACH } else { units.len() };
        let prev = (i.saturating_sub(reach)..i).rev().find(|&j| !skip(j));
        let next = (i + 1..units.len()).take(reach).find(|&j| !skip(j));
        if prev.is_some_and(|j| prose(&feats[j])) && next.is_some_and(|j| prose(&feats[j])) {
            feats[i].class = Class::Short;
            feats[i].heading_like = false;
            masked[i] = true;
        }
    }
}

/// Decide every unit: smoothing, then the end-of-article cut.
#[cfg(any(test, feature = "internals"))]
pub fn decide(units: &[Unit]) -> Vec<Decision> {
    decide_with(units, &Template::default())
}

/// As [`decide`], with the batch's template lines (see [`crate::text::template`])
/// counted as boilerplate.
pub fn decide_with(units: &[Unit], template: &Template) -> Vec<Decision> {
    let lowers = Lowers::new(units);
    let mut feats = features_with(units, &lowers);
    let mut templated = mark_template(units, &mut feats, template);
    neutralise_furniture(units, &lowers, &mut feats, &mut templated);
    let classes = smooth(&feats);
    let total: usize = (0..units.len())
        .filter(|&i| classes[i] == Class::Good)
        .map(|i| feats[i].len)
        .sum();
    let mut keep = vec![false; units.len()];
    let mut end_kind = vec![None; units.len()];
    let mut kept = 0usize;
    let mut ended: Option<Kind> = None;
    // End of an inline "Related" box: units before it are dropped.
    let mut boxed_until = 0;
    let (authors, named_at) = header_authors(units, &feats);
    for (i, (u, f)) in units.iter().zip(&feats).enumerate() {
        if ended.is_none()
            && i >= boxed_until
            && kept >= MIN_ARTICLE_BEFORE_END
            && let Some(k) = ends_article(u, &lowers, i, f).or_else(|| {
                (i > named_at && names_author(&u.text, &authors)).then_some(Kind::Footer)
            })
            && !in_share_bar(i, units, &feats)
        {
            if k == Kind::Related && inline_link(&u.text) {
                boxed_until = i + 1;
            } else if k == Kind::Related
                && let Some(end) = inline_box_end(i, units, &lowers, &feats, &classes)
            {
                boxed_until = end;
            } else if k == Kind::Comments
                || kept * 4 >= total
                || (k == Kind::Related && kept >= RELATED_ARTICLE_BEFORE_END)
            {
                // A comment thread can dwarf a short article; a "Most
                // Popular" box or a photo credit can sit above the article's
                // first paragraph, so those need a fair share of the text
                // before them.
                ended = Some(k);
            }
        }
        let boxed = i < boxed_until;
        end_kind[i] = if boxed { Some(Kind::Related) } else { ended };
        // The paragraph that resumes the article after an inline box is
        // prose, whatever its neighbours made of it.
        let resumes = boxed_until > 0 && i == boxed_until && feats[i].class != Class::Bad;
        keep[i] = end_kind[i].is_none() && (classes[i] == Class::Good || resumes);
        if keep[i] {
            kept += f.len;
        }
    }
    cut_teaser_list(units, &lowers, &feats, &mut keep, &mut end_kind);
    keep_main_clusters(&mut keep, &feats);
    fill_article_zone(units, &mut keep, &feats);
    let closing = keep_closing_sentences(units, &mut keep, &feats, &end_kind);
    keep_lead(units, &mut keep, &feats);
    keep_crumb_headline_lead(units, &mut keep, &feats, &end_kind);
    keep_article_lists(units, &mut keep, &feats, &end_kind);
    keep_recipe_lists(units, &lowers, &mut keep, &feats, &end_kind);
    keep_structured_near(&mut keep, &feats, &end_kind);
    drop_repeats(units, &mut keep);
    for (k, t) in keep.iter_mut().zip(&templated) {
        *k &= !t;
    }
    for (i, related) in related_lists(units, &lowers, &feats)
        .into_iter()
        .enumerate()
    {
        if related && keep[i] {
            keep[i] = false;
            end_kind[i] = Some(Kind::Related);
        }
    }
    units
        .iter()
        .zip(&feats)
        .enumerate()
        .map(|(i, (u, f))| Decision {
            keep: keep[i],
            heading: keep[i]
                && f.heading_like
                && u.tag == BlockTag::Paragraph
                && !closing.contains(&i),
            kind: (!keep[i]).then(|| {
                f.kind
                    .or(end_kind[i])
                    .unwrap_or(if u.tag == BlockTag::ListItem {
                        Kind::Navigation
                    } else {
                        Kind::Other
                    })
            }),
        })
        .collect()
}

/// Words at most in a dateline or byline that names the author.
const AUTHOR_LINE_WORDS: usize = 12;

/// The authors named in the bylines and datelines above the first long
/// paragraph of prose: "Von Anna Schmidt | 12.03.2024", "3. Mai 2024 Anna Schmidt".
/// Names of two to four words only: a bare first name is too common.
/// Returns them, lower-cased, and the last line that named one: an author box stands
/// below it.
fn header_authors(units: &[Unit], feats: &[Features]) -> (Vec<String>, usize) {
    let end = feats
        .iter()
        .position(|f| f.class == Class::Good)
        .unwrap_or(units.len());
    let mut names: Vec<String> = Vec::new();
    let mut last = 0;
    for (i, (u, f)) in units[..end].iter().zip(&feats[..end]).enumerate() {
        if f.words > AUTHOR_LINE_WORDS || u.tag == BlockTag::TableRow {
            continue;
        }
        let name = metadata::text::byline_author(&u.text)
            .or_else(|| metadata::text::find_date(&u.text).and_then(|_| dateline_name(&u.text)));
        if let Some(name) = name
            .filter(|n| (2..=4).contains(&n.split_whitespace().count()))
            .map(|n| n.to_lowercase())
        {
            last = i;
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    (names, last)
}

/// The name in a dateline without a "By": a run of two or three
/// capitalised words that are no month names, standing at the line's start
/// or after the date, and followed by nothing, the date or a number
/// ("3. Mai 2024 Anna Schmidt", "Anna Schmidt 12.03.2024 Kommentieren").
/// A headline or teaser that holds a date ("Olaf Scholz in Kiew: Besuch am
/// 12. März", "March 3, 2024 Joe Biden signs ...") names no author.
fn dateline_name(text: &str) -> Option<String> {
    let is_month = |w: &str| {
        metadata::text::month_number(w.trim_matches(|c: char| !c.is_alphabetic())).is_some()
    };
    let name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_month(w)
    };
    // A word of the date or a number: no letters, or a month name.
    let dateish =
        |w: Option<&&str>| w.is_none_or(|w| !w.chars().any(char::is_alphabetic) || is_month(w));
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let run = words[i..].iter().take_while(|w| name_word(w)).count();
        if (2..=3).contains(&run)
            && dateish(i.checked_sub(1).and_then(|p| words.get(p)))
            && dateish(words.get(i + run))
        {
            return Some(words[i..i + run].join(" "));
        }
        i += run.max(1);
    }
    None
}

/// Words before the name in an author box heading ("About", "Über",
/// "À propos de").
const AUTHOR_BOX_PREFIX_WORDS: usize = 2;
/// Words after the name in an author box heading (a count of articles).
const AUTHOR_BOX_SUFFIX_WORDS: usize = 3;
/// Words at least in the opening sentence of an author's biography.
const AUTHOR_BIO_MIN_WORDS: usize = 8;
/// Words of a unit read when looking for the author's name: enough for
/// the longest heading of a box (prefix, a four-word name, suffix) and the
/// opening of a biography.
const AUTHOR_BOX_WORDS: usize = 12;

/// Whether a unit after the article opens its author box: the name of the
/// author from the byline alone or under a short heading ("About Anna
/// Schmidt", "Über Anna Schmidt 57 Artikel"), or a paragraph of biography
/// that opens with the name ("ANNA SCHMIDT has written ..."). A name before
/// a colon is a speaker in an interview, not a box. `authors` are
/// lower-case.
fn names_author(text: &str, authors: &[String]) -> bool {
    if authors.is_empty() {
        return false;
    }
    // The opening words decide; a long paragraph is not split whole.
    let words: Vec<&str> = text.split_whitespace().take(AUTHOR_BOX_WORDS).collect();
    for name in authors {
        let name: Vec<&str> = name.split_whitespace().collect();
        for skip in 0..=AUTHOR_BOX_PREFIX_WORDS {
            let Some(here) = words.get(skip..skip + name.len()) else {
                break;
            };
            // The name alone, or after an "About" word ("Über", "À propos
            // de"): "Das sagt Olaf Scholz" is a subheading.
            let prefix = words[..skip].join(" ").to_lowercase();
            let prefix_ok = skip == 0
                || bylines::ABOUT_OPENERS
                    .iter()
                    .any(|o| o.trim_end() == prefix || prefix.starts_with(o));
            if !prefix_ok || !here.iter().zip(&name).all(|(w, n)| w.to_lowercase() == *n) {
                continue;
            }
            let rest = &words[skip + name.len()..];
            let heading = rest.len() <= AUTHOR_BOX_SUFFIX_WORDS
                && !text.contains(':')
                && !ends_sentence(text);
            // A biography names the author's trade: "Anna Schmidt hat die
            // Sitzung verfolgt" is the article speaking of its author.
            let bio = skip == 0
                && words.len() >= AUTHOR_BIO_MIN_WORDS
                && rest
                    .first()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                && bylines::names_a_role(&text.to_lowercase());
            if heading || bio {
                return true;
            }
        }
    }
    false
}

/// Units above the body within which its lead paragraph stands.
const LEAD_REACH: usize = 20;
/// Datelines and bylines that may stand between a headline and its lead.
const LEAD_BYLINES: usize = 2;

/// The lead (standfirst) of a news article sits between the headline and
/// the body, cut off from it by a byline, a date, a share bar or an image
/// caption: the context rules drop it, as it stands between boilerplate.
/// The nearest paragraph of prose above the first kept unit is the lead
/// and is kept when only short lines that are no subheading stand between
/// it and the body, and a headline (a short unpunctuated line, perhaps
/// followed by a byline or a date) stands right above it.
fn keep_lead(units: &[Unit], keep: &mut [bool], feats: &[Features]) {
    // The body opens with a paragraph, not a stray short line.
    let Some(first) = keep
        .iter()
        .position(|&k| k)
        .filter(|&i| matches!(feats[i].class, Class::Good | Class::NearGood))
    else {
        return;
    };
    let Some(lead) = (first.saturating_sub(LEAD_REACH)..first)
        .rev()
        .find(|&j| matches!(feats[j].class, Class::Good | Class::NearGood))
    else {
        return;
    };
    let f = &feats[lead];
    if f.kind.is_some() || !f.sentence || units[lead].tag != BlockTag::Paragraph {
        return;
    }
    // A pull quote or a summary repeated in the body is no lead.
    let text = &*units[lead].text;
    if (first..units.len()).any(|j| keep[j] && units[j].text.contains(text)) {
        return;
    }
    // A subheading between them: the paragraph belongs to something else.
    if (lead + 1..first).any(|j| {
        feats[j].heading_like
            && units[j].tag == BlockTag::Paragraph
            && !dateline(&units[j], &feats[j])
    }) {
        return;
    }
    let mut j = lead;
    let mut skipped = 0;
    while j > 0 {
        j -= 1;
        let (u, g) = (&units[j], &feats[j]);
        if dateline(u, g) && skipped < LEAD_BYLINES {
            skipped += 1;
            continue;
        }
        let title = u.tag == BlockTag::Paragraph
            && (!g.sentence || u.text.ends_with('?'))
            && (1..=20).contains(&g.words)
            && g.kind.is_none_or(|k| k == Kind::Navigation);
        if title {
            keep[lead] = true;
        }
        return;
    }
}

/// Units above a headline within which the breadcrumb trail naming it
/// stands.
const CRUMB_REACH: usize = 3;

/// Whether `text` is the last item of the breadcrumb trail in `crumb`: a
/// numbered or bulleted item ("3. Title") or the end of a trail printed on
/// one line ("Home » Sport » Title").
fn ends_trail(crumb: &Unit, text: &str) -> bool {
    if crumb.tag == BlockTag::ListItem {
        let item = crumb
            .text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches('.')
            .trim_start();
        return item == text;
    }
    metadata::text::breadcrumb(&crumb.text)
        .is_some_and(|items| items.last().is_some_and(|l| l == text))
}

/// The headline of a page is the last item of its breadcrumb trail,
/// printed again right below it; the paragraph of prose under it (past a
/// byline or a date) is the article's lead, even where a paywall box or a
/// video player cuts it off from the body, or where the lead is all the
/// text a video page has. A teaser's title never repeats the trail.
fn keep_crumb_headline_lead(
    units: &[Unit],
    keep: &mut [bool],
    feats: &[Features],
    end_kind: &[Option<Kind>],
) {
    for i in 1..units.len() {
        let (u, f) = (&units[i], &feats[i]);
        // A headline: a few words that no rule marks (a section title
        // repeating a menu item, "Sport", is none).
        if u.tag != BlockTag::Paragraph
            || !(3..=20).contains(&f.words)
            || f.sentence
            || f.kind.is_some()
            || !(i.saturating_sub(CRUMB_REACH)..i).any(|j| ends_trail(&units[j], &u.text))
        {
            continue;
        }
        let mut j = i + 1;
        let mut skipped = 0;
        while j < units.len() && skipped < LEAD_BYLINES && dateline(&units[j], &feats[j]) {
            j += 1;
            skipped += 1;
        }
        let Some(g) = feats.get(j) else { return };
        if units[j].tag == BlockTag::Paragraph
            && g.kind.is_none()
            && end_kind[j].is_none()
            && g.sentence
            && matches!(g.class, Class::Good | Class::NearGood)
            // A summary the body repeats is no lead.
            && !(0..units.len()).any(|k| k != j && keep[k] && units[k].text.contains(&*units[j].text))
        {
            keep[j] = true;
        }
        return;
    }
}

/// A byline or a dateline: a short line naming a date or an author.
fn dateline(u: &Unit, f: &Features) -> bool {
    is_date_or_byline(&u.text, f.words)
}

/// Words from which a line that ends like a sentence is prose, whatever
/// "von" or "by" it holds.
const BYLINE_SENTENCE_WORDS: usize = 6;

/// Whether a line of `words` words is a dateline or a byline. A sentence
/// ("Der Streit von gestern ging weiter.") is no byline.
fn is_date_or_byline(text: &str, words: usize) -> bool {
    words <= 12
        && (metadata::text::find_date(text).is_some()
            || ((words < BYLINE_SENTENCE_WORDS || !ends_sentence(text))
                && metadata::text::byline_author(text).is_some()))
}

/// How many dropped units may separate a structured run from the article.
const STRUCTURED_REACH: usize = 6;

/// Runs of quantity lines (an ingredient list, a results table) inside the
/// article or right before or after it belong to it; the context rules
/// drop them, as they drop every run of short lines.
fn keep_structured_near(keep: &mut [bool], feats: &[Features], end_kind: &[Option<Kind>]) {
    let (Some(first), Some(last)) = (keep.iter().position(|&k| k), keep.iter().rposition(|&k| k))
    else {
        return;
    };
    let mut i = 0;
    while i < keep.len() {
        if !feats[i].structured {
            i += 1;
            continue;
        }
        let start = i;
        while i < keep.len() && feats[i].structured {
            i += 1;
        }
        let end = i; // exclusive
        let near = (end <= first && first - end <= STRUCTURED_REACH)
            || (start >= first && end <= last + 1)
            || (start > last && start - last <= STRUCTURED_REACH + 1);
        if near && end_kind[start].is_none() {
            for j in start..end {
                keep[j] |= feats[j].kind.is_none();
            }
        }
    }
}

/// Links an inline "Related" box holds at most.
const INLINE_BOX_LINKS: usize = 5;

/// Units after an inline box within which a long paragraph must resume the
/// article.
const INLINE_BOX_RESUME: usize = 5;

/// Short lines (titles, image labels, a second "Related") an inline box of
/// teaser titles holds at most.
const INLINE_BOX_TITLES: usize = 8;

/// Whether the "Related" line at `i` heads a box of a few links set inside
/// the article, after which the article goes on. Returns the index of the
/// paragraph that resumes it. Either the box holds list items and a good
/// paragraph follows, or it holds short lines (teaser titles) and two
/// paragraphs of prose follow: a list of teasers alternates titles and
/// summaries and never shows two paragraphs in a row.
fn inline_box_end(
    i: usize,
    units: &[Unit],
    lowers: &Lowers,
    feats: &[Features],
    classes: &[Class],
) -> Option<usize> {
    let long = |j: usize| {
        units
            .get(j)
            .is_some_and(|u| u.tag == BlockTag::Paragraph && u.text.chars().count() >= LENGTH_HIGH)
    };
    let items = units[i + 1..]
        .iter()
        .take_while(|u| u.tag == BlockTag::ListItem)
        .count();
    let next = i + 1 + items;
    if (1..=INLINE_BOX_LINKS).contains(&items) && long(next) && classes[next] == Class::Good {
        return Some(next);
    }
    // A longer list, then prose, and a long paragraph soon after.
    let prose_at = |j: usize| {
        units.get(j).is_some_and(|u| u.tag == BlockTag::Paragraph)
            && matches!(feats[j].class, Class::Good | Class::NearGood)
    };
    let long_soon = (next..(next + INLINE_BOX_RESUME).min(units.len()))
        .any(|j| long(j) && feats[j].class == Class::Good);
    if (1..=INLINE_BOX_TITLES).contains(&items) && prose_at(next) && long_soon {
        return Some(next);
    }
    // A few links, then a paragraph of full sentences: "Mehr zum Thema"
    // boxes inside news articles written in short paragraphs.
    if (1..=INLINE_BOX_LINKS).contains(&items)
        && prose_at(next)
        && feats[next].sentence
        && feats[next].len >= LENGTH_LOW
    {
        return Some(next);
    }
    let titles = feats[i + 1..]
        .iter()
        .take_while(|f| f.class != Class::Good && f.len < LENGTH_HIGH)
        .count();
    let next = i + 1 + titles;

    let good = |j: usize| feats.get(j).is_some_and(|f| f.class == Class::Good);
    let prose = |j: usize| {
        feats
            .get(j)
            .is_some_and(|f| matches!(f.class, Class::Good | Class::NearGood))
    };
    if (1..=INLINE_BOX_TITLES).contains(&titles) && long(next) && good(next) && prose(next + 1) {
        return Some(next);
    }
    // A longer box of kicker and title pairs ("Most read in world news"),
    // then three paragraphs of full sentences in a row, which no teaser
    // list shows: the article goes on in short news paragraphs.
    let sentence_prose = |j: usize| {
        prose(j) && feats[j].sentence && units.get(j).is_some_and(|u| u.tag == BlockTag::Paragraph)
    };
    let titles = (i + 1..units.len())
        .take_while(|&j| !sentence_prose(j) && feats[j].len < LENGTH_HIGH)
        .count();
    let next = i + 1 + titles;
    let unmarked = (i + 1..next).all(|j| ends_article(&units[j], lowers, j, &feats[j]).is_none());
    ((1..=INLINE_BOX_KICKER_TITLES).contains(&titles)
        && unmarked
        && (next..next + INLINE_BOX_SENTENCES).all(sentence_prose))
    .then_some(next)
}

/// Short lines a box of kicker and title pairs holds at most.
const INLINE_BOX_KICKER_TITLES: usize = 16;
/// Paragraphs of full sentences in a row that resume the article after it.
const INLINE_BOX_SENTENCES: usize = 2;

/// A one-line inline link to another story: "Related: Seven Signs of an
/// Allergy", "Lesen Sie auch: ...". It is dropped alone; the article goes on.
fn inline_link(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(head, tail)| word_count(head) <= 3 && word_count(tail) >= 2)
}

/// Words at most in a teaser's "read more" line (it may repeat the title).
const READ_MORE_MAX_WORDS: usize = 16;

/// A list of teasers after the article (title, summary, "Weiterlesen …"):
/// when two "read more" lines follow the article, the first teaser's
/// summary and its title above it open the end-of-article zone, provided
/// most of the kept text stands before them.
fn cut_teaser_list(
    units: &[Unit],
    lowers: &Lowers,
    feats: &[Features],
    keep: &mut [bool],
    end_kind: &mut [Option<Kind>],
) {
    let Some(first) = keep.iter().position(|&k| k) else {
        return;
    };
    let read_more: Vec<usize> = (first + 1..units.len())
        .filter(|&i| feats[i].words <= READ_MORE_MAX_WORDS && closings::is_read_more(&lowers[i]))
        .collect();
    if read_more.len() < 2 {
        return;
    }
    let Some(summary) = (first..read_more[0]).rev().find(|&j| keep[j]) else {
        return;
    };
    let start = if summary > first && feats[summary - 1].heading_like {
        summary - 1
    } else {
        summary
    };
    let len = |range: std::ops::Range<usize>| -> usize {
        range.filter(|&j| keep[j]).map(|j| feats[j].len).sum()
    };
    let (before, after) = (len(0..start), len(start..units.len()));
    if before >= MIN_ARTICLE_BEFORE_END && before > after {
        for j in start..units.len() {
            keep[j] = false;
            end_kind[j].get_or_insert(Kind::Related);
        }
    }
}

/// Dropped units in a row that separate two clusters of kept text.
const CLUSTER_GAP: usize = 12;
/// A cluster is kept if it holds at least this share of the largest one.
const CLUSTER_SHARE: f64 = 0.3;

/// Kept units form clusters separated by long runs of dropped ones. The
/// article is the largest cluster; small clusters far from it are teasers,
/// sidebars and footers, and are dropped.
fn keep_main_clusters(keep: &mut [bool], feats: &[Features]) {
    // (start, end, kept length) of each cluster, in one pass.
    let mut clusters: Vec<(usize, usize, usize)> = Vec::new();
    let mut gap = usize::MAX;
    for i in 0..keep.len() {
        if !keep[i] {
            gap = gap.saturating_add(1);
            continue;
        }
        match clusters.last_mut() {
            Some(c) if gap < CLUSTER_GAP => {
                c.1 = i;
                c.2 += feats[i].len;
            }
            _ => clusters.push((i, i, feats[i].len)),
        }
        gap = 0;
    }
    let best = clusters.iter().map(|c| c.2).max().unwrap_or(0);
    for &(start, end, len) in &clusters {
        if (len as f64) < CLUSTER_SHARE * best as f64 {
            keep[start..=end].iter_mut().for_each(|k| *k = false);
        }
    }
}

/// How many leading characters identify a paragraph when looking for repeats.
const REPEAT_PREFIX_CHARS: usize = 60;

/// Drop kept units that open like an earlier kept unit: a teaser of the same
/// article further down, or a hidden copy of its text.
fn drop_repeats(units: &[Unit], keep: &mut [bool]) {
    let mut seen = std::collections::HashSet::new();
    for (u, k) in units.iter().zip(keep.iter_mut()) {
        if !*k || u.text.chars().count() < REPEAT_PREFIX_CHARS {
            continue;
        }
        let prefix: String = u.text.chars().take(REPEAT_PREFIX_CHARS).collect();
        if !seen.insert(prefix) {
            *k = false;
        }
    }
}

/// Words a list item holds on average in a list of the article's own: a
/// menu's items are one or two words long.
const ARTICLE_LIST_WORDS: usize = 3;

/// A list inside the article (steps, features, an agenda) is dropped by the
/// context rules, as every run of short lines is. A run of list items with
/// kept text right above it (perhaps under a label line), whose items are
/// longer than menu links and carry no boilerplate wording, is kept.
fn keep_article_lists(
    units: &[Unit],
    keep: &mut [bool],
    feats: &[Features],
    end_kind: &[Option<Kind>],
) {
    let Some(last) = keep.iter().rposition(|&k| k) else {
        return;
    };
    let mut i = 0;
    while i < last {
        if units[i].tag != BlockTag::ListItem || keep[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < last && units[i].tag == BlockTag::ListItem {
            i += 1;
        }
        let run = start..i;
        let above = start >= 1 && (keep[start - 1] || (start >= 2 && keep[start - 2]));
        let clean = run
            .clone()
            .all(|j| feats[j].kind.is_none() && end_kind[j].is_none());
        let words: usize = run.clone().map(|j| feats[j].words).sum();
        if above && clean && words >= ARTICLE_LIST_WORDS * run.len() {
            for j in run {
                keep[j] = true;
            }
        }
    }
}

/// Closing lines an article may end with below its last long paragraph.
const CLOSING_SENTENCES: usize = 3;

/// An article often ends with a few short sentences of its own ("Ich hoffe,
/// es gefällt euch.", "What do you think?") that the context rules drop, as
/// boilerplate follows them. Full sentences of four words or more right
/// below the last kept unit, with no boilerplate wording, are kept (and,
/// as nothing follows them, are no subheadings). Returns them.
fn keep_closing_sentences(
    units: &[Unit],
    keep: &mut [bool],
    feats: &[Features],
    end_kind: &[Option<Kind>],
) -> Vec<usize> {
    let mut closing = Vec::new();
    let Some(last) = keep.iter().rposition(|&k| k) else {
        return closing;
    };
    for i in (last + 1..units.len()).take(CLOSING_SENTENCES) {
        let f = &feats[i];
        let sentence = units[i].tag == BlockTag::Paragraph
            && f.kind.is_none()
            && end_kind[i].is_none()
            && matches!(f.class, Class::Short | Class::NearGood)
            && f.sentence
            && f.words >= SHORT_SENTENCE_WORDS;
        if !sentence {
            break;
        }
        keep[i] = true;
        closing.push(i);
    }
    closing
}

/// A recipe card (or a how-to) below an article's text: its lists of
/// ingredients and of steps stand under headings such as "Zutaten" or
/// "Directions", with servings and times between, too far from the text for
/// the other rules. The list items under such a heading (and a label item
/// ending in a colon) are kept, when the heading stands below the first
/// kept text: a menu headed "Zutaten" above the article is no recipe.
fn keep_recipe_lists(
    units: &[Unit],
    lowers: &Lowers,
    keep: &mut [bool],
    feats: &[Features],
    end_kind: &[Option<Kind>],
) {
    let Some(first) = keep.iter().position(|&k| k) else {
        return;
    };
    for i in first + 1..units.len() {
        if units[i].tag == BlockTag::ListItem
            || feats[i].words > 6
            || !recipes::is_recipe_section(&lowers[i])
        {
            continue;
        }
        for j in i + 1..units.len() {
            // A line left holding only an invisible character.
            if !units[j].text.chars().any(char::is_alphanumeric) {
                continue;
            }
            if units[j].tag != BlockTag::ListItem
                || end_kind[j].is_some()
                || feats[j].kind.is_some_and(|k| k != Kind::Other)
            {
                break;
            }
            keep[j] = true;
        }
    }
}

/// Between the first and the last kept unit lies the article: there, prose
/// the context rules dropped (a short paragraph between image captions, a
/// one-sentence paragraph, a label ending in a colon above kept text) is
/// kept too, unless its wording marks it.
fn fill_article_zone(units: &[Unit], keep: &mut [bool], feats: &[Features]) {
    let (Some(first), Some(last)) = (keep.iter().position(|&k| k), keep.iter().rposition(|&k| k))
    else {
        return;
    };
    for i in first..=last {
        let f = &feats[i];
        if keep[i] || f.kind.is_some() {
            continue;
        }
        let prose =
            f.class == Class::NearGood || (f.class == Class::Short && f.sentence && f.words >= 4);
        // A label that introduces the next paragraph ("Die Ergebnisse im
        // Überblick:", "Das Beste kommt jetzt:").
        let label = f.class == Class::Short && units[i].text.ends_with(':') && keep[i + 1];
        if prose || label {
            keep[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn kept(text: &str) -> Vec<String> {
        let units = lines::split(text);
        decide(&units)
            .iter()
            .zip(&units)
            .filter(|(d, _)| d.keep)
            .map(|(d, u)| format!("{}{}", if d.heading { "## " } else { "" }, u.text))
            .collect()
    }

    const P1: &str = "The council met on Monday to discuss the new plan for the city centre, \
                      and after a long debate it decided that the work would start in the spring.";
    const P2: &str = "Residents who spoke at the meeting said that they were worried about the \
                      noise, but most of them agreed that the new square would be good for trade.";

    #[test]
    fn sentences_and_dates() {
        assert!(ends_sentence("It works."));
        assert!(ends_sentence("“Is it?”"));
        assert!(!ends_sentence("Read the rest..."));
        assert!(!ends_sentence("Home"));
        // Invisible characters an editor left behind change nothing.
        assert!(ends_sentence("Serve it hot.\u{2063}"));
        assert!(ends_sentence("Fertig ist der Kuchen!\u{200B} "));
        assert!(!ends_sentence("Zutaten\u{2063}"));
        assert!(is_date_or_number("January 15, 2026"));
        assert!(is_date_or_number("12.03.2024 | 14:05 Uhr"));
        assert!(!is_date_or_number("15 ways to cook"));
    }

    #[test]
    fn menus_dropped_subheading_kept() {
        let dump = format!(
            "  • Home\n  • News\n  • Sport\n\nHome | About | Contact\n\n{P1}\n\nWhat happens next\n\n{P2}\n\nRelated Posts\n\n{P2} Again.\n"
        );
        assert_eq!(
            kept(&dump),
            [P1.to_string(), "## What happens next".into(), P2.into()]
        );
    }

    #[test]
    fn kinds_of_dropped_lines() {
        let dump = format!(
            "  • Home\n  • News\n\nShare on Facebook\n\n{P1}\n\n{P2}\n\nLeave a Reply\n\nNice post.\n"
        );
        let units = lines::split(&dump);
        let d = decide(&units);
        assert_eq!(d[0].kind, Some(Kind::Navigation));
        assert_eq!(d[2].kind, Some(Kind::Share));
        assert!(d[3].keep && d[4].keep);
        assert_eq!(d[5].kind, Some(Kind::Comments));
        assert_eq!(d[6].kind, Some(Kind::Comments));
    }

    #[test]
    fn cjk_paragraph_kept() {
        let zh = "北京市政府周一宣布，将在未来三年内投资建设新的城市公园和公共交通设施，以改善居民的生活质量。\
                  专家表示，这一计划将有助于缓解交通拥堵，并为市民提供更多的休闲空间。";
        let dump = format!("  • 首页\n  • 新闻\n\n{zh}\n");
        assert_eq!(kept(&dump), [zh.to_string()]);
    }

    #[test]
    fn german_fragment() {
        let dump = "  * Startseite\n  * Politik\n\n\
            Die Stadt hat am Montag beschlossen, dass die Bauarbeiten für den neuen Platz im Frühjahr beginnen sollen, wie der Bürgermeister mitteilte.\n\n\
            Wie geht es weiter\n\n\
            Die Anwohner äußerten sich in der Sitzung besorgt über den Lärm, aber die meisten von ihnen sind der Meinung, dass der Platz dem Handel nützt.\n\n\
            Das könnte Sie auch interessieren\n\n\
            Ein anderer Artikel über die Stadt und ihre Pläne für den Sommer, den man auch lesen kann.\n\n\
            © 2024 Stadtanzeiger\n";
        let k = kept(dump);
        assert_eq!(k.len(), 3, "{k:?}");
        assert_eq!(k[1], "## Wie geht es weiter");
    }

    #[test]
    fn french_fragment() {
        let dump = "  * Accueil\n  * Actualités\n\nPartager sur Facebook\n\n\
            Le conseil municipal a adopté lundi soir le projet de rénovation du centre-ville, qui devrait commencer au printemps prochain selon le maire.\n\n\
            Les habitants présents à la réunion se sont dits inquiets du bruit, mais la plupart estiment que la nouvelle place sera bonne pour le commerce.\n\n\
            Laisser un commentaire\n\n\
            Votre adresse e-mail ne sera pas publiée et les champs obligatoires sont indiqués avec une étoile.\n";
        let k = kept(dump);
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(k[0].starts_with("Le conseil"));
    }

    #[test]
    fn number_lead_rules_out_no_quantity_line() {
        let lines = [
            "",
            "125 g Mehl",
            "½ cup sugar",
            "June 9 -- Arena, Tampa",
            "9. Juni – Berlin",
            "9 juin : Paris",
            "Juni 9. in Berlin",
            "3 Kevin Harvick 5033 4",
            "1a etapa: 10 de março",
            "Mehl 125 g",
            "The 12 best things",
            "Mai\u{a0}9 Berlin",
            "Mai\t9 Berlin",
            " 9 Juni Berlin",
            "Öl 2 EL",
            "2 EL Öl",
            "plain words only",
            "one",
        ];
        for l in lines {
            if !may_lead_with_a_number(l) {
                assert!(!leads_with_quantity(l), "{l:?}");
            }
        }
        assert!(!may_lead_with_a_number("plain words only"));
        assert!(!may_lead_with_a_number("The best 12 things"));
        assert!(may_lead_with_a_number("June 9 -- Arena"));
    }

    #[test]
    fn inner_datelines_found_as_word_by_word() {
        for l in [
            "Local baker wins prize BERLIN: A local baker",
            "Local baker wins prize NEW YORK: A local baker",
            "One two three FRANKFURT-MAIN: text",
            "One two three ÜLZEN: text",
            "One two three A:: text",
            "Foto: dpa",
            "One two three Berlin: no",
            "One two three X: single",
            "One two three 12:30 Uhr",
            ":",
            "",
        ] {
            assert_eq!(inner_dateline(l), inner_dateline_words(l), "{l:?}");
        }
    }

    #[test]
    fn quantity_lines() {
        assert!(is_quantity_line("125 g Mehl"));
        assert!(is_quantity_line("1a etapa: 10 de março – Interlagos"));
        assert!(is_quantity_line("3 Anna Novak 4120 5 7 12 30"));
        assert!(is_quantity_line("½ cup sugar"));
        assert!(!is_quantity_line("1. Most read story of the day"));
        assert!(is_quantity_line(
            "July 14 -- Riverside Arena, Springfield, OR"
        ));
        assert!(is_quantity_line("9. Juni – Stadthalle, Berlin"));
        assert!(!is_quantity_line("June 9"));
        assert!(!is_quantity_line("May the best team win the cup"));
        assert!(!is_quantity_line("2019"));
        assert!(!is_quantity_line("Home"));
    }

    #[test]
    fn ingredient_list_before_method_kept() {
        let dump = format!(
            "  • Home\n  • Rezepte\n\nZutaten\nFür den Teig:\n125 g Mehl\n65 g Zucker\n1 Ei\n\
             Für die Füllung:\n500 ml Milch\n200 g Zucker\n\n{P1}\n\n{P2}\n"
        );
        let k = kept(&dump);
        assert!(k.contains(&"125 g Mehl".to_string()), "{k:?}");
        assert!(k.contains(&"Für die Füllung:".to_string()), "{k:?}");
        assert!(k.contains(&"Für den Teig:".to_string()), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Rezepte")), "{k:?}");
    }

    #[test]
    fn schedule_lines_are_not_datelines() {
        let rows: Vec<String> = (1..=8)
            .map(|n| format!("{n}a etapa: {n} de março – Interlagos"))
            .collect();
        let dump = format!(
            "  • Home\n  • News\n\nCalendário 2018\n\n{}\n",
            rows.join("\n")
        );
        let k = kept(&dump);
        assert_eq!(k.len(), 9, "{k:?}");
        assert_eq!(k[1], "1a etapa: 1 de março – Interlagos");
    }

    #[test]
    fn lead_between_headline_and_caption_kept() {
        let lead = "Die Stadt will den Platz vor dem Rathaus im Frühjahr für zwei Millionen Euro umbauen lassen.";
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n  • News\n\nNeuer Platz für die Innenstadt\n\nVon Anna Schmidt | 12.03.2024\n\n{lead}\n\n\
             Der neue Platz am Abend, kurz nach der Eröffnung durch den Bürgermeister der Stadt. (Foto: dpa)\n\n{body}\n\n{body} Again.\n"
        );
        let text = crate::text::extract(&dump).text();
        assert!(text.starts_with(&format!("{lead}\n\n{P1}")), "{text}");
        // Without a headline above it, a lone sentence there is a caption.
        let dump = format!(
            "  • Home\n  • News\n\n  • Teilen\n\n{lead}\n\n  • Teilen\n\n{body}\n\n{body} Again.\n"
        );
        assert!(crate::text::extract(&dump).text().starts_with(P1));
        // A long share bar (a dozen buttons) between the lead and the body.
        let bar = [
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Pinterest",
            "LinkedIn",
            "Reddit",
            "Xing",
        ]
        .iter()
        .map(|b| format!("{b}\n\n"))
        .collect::<String>();
        let dump = format!(
            "  • Home\n  • News\n\nNeuer Platz für die Innenstadt\n\n{lead}\n\nVon Anna Schmidt\n\n\
             12.03.2024\n\n{bar}{bar}{body}\n\n{body} Again.\n"
        );
        let text = crate::text::extract(&dump).text();
        assert!(text.starts_with(&format!("{lead}\n\n{P1}")), "{text}");
    }

    #[test]
    fn list_inside_article_kept_menu_dropped() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n  • News\n  • Sport\n\n{body}\n\n\
             The plan has three steps:\n\n  • the old car park is closed in March\n  • \
             the trees are planted along the new square\n  • the fountain opens in June\n\n\
             Share on Facebook\n\n{body} Again.\n\n  • Impressum\n  • Kontakt\n"
        );
        let k = kept(&dump);
        assert!(
            k.contains(&"the fountain opens in June".to_string()),
            "{k:?}"
        );
        assert!(!k.iter().any(|t| t == "Home" || t == "Kontakt"), "{k:?}");
    }

    #[test]
    fn only_the_line_right_above_text_is_its_heading() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n  • News\n\n{body}\n\nShare on Facebook\n\nGarden Hotels\n\nCity Tours\n\n\
             Senior Discounts\n\nWhat happens next\n\n{body} Again.\n"
        );
        let k = kept(&dump);
        assert!(k.contains(&"## What happens next".to_string()), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Garden Hotels")), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("City Tours")), "{k:?}");
    }

    #[test]
    fn doubled_caption_dropped_with_its_copy() {
        let body = format!("{P1} {P2}");
        let cap =
            "The mayor speaks to residents on the new square during the opening on Monday evening.";
        let dump = format!("  • Home\n\n{cap}\n\n{cap}\n\n{body}\n\n{P2} {P1}\n");
        let k = kept(&dump);
        assert!(!k.iter().any(|t| t == cap), "{k:?}");
        assert_eq!(k.len(), 2, "{k:?}");
        // The second copy after a zoom button's label.
        let dump = format!("{body}\n\n{cap}\n\nBild vergrößern {cap}\n\n{P2} {P1}\n");
        let k = kept(&dump);
        assert!(!k.iter().any(|t| t.contains(cap)), "{k:?}");
        assert!(repeats_caption(cap, &format!("Enlarge {cap}")));
        // Alt text and caption run onto one line.
        assert!(doubled_line(&format!("{cap} {cap}")));
        assert!(!doubled_line(cap));
        assert!(!doubled_line("Ja ja ja ja"));
        assert!(!doubled_line(&[cap; 4].join(" ")));
        let dump = format!("{body}\n\n{cap} {cap}\n\n{P2} {P1}\n");
        assert_eq!(kept(&dump).len(), 2);
        // A sentence that ends with another's words is no copy of it.
        assert!(!repeats_caption(
            "the square was opened.",
            "On Monday the square was opened."
        ));
    }

    #[test]
    fn label_above_kept_text_kept() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n\n{body}\n\nShare on Facebook\n\nDas Beste kommt jetzt:\n\n{P2} {P1}\n\n{body} Again.\n"
        );
        let k = kept(&dump);
        assert!(k.contains(&"Das Beste kommt jetzt:".to_string()), "{k:?}");
    }

    #[test]
    fn list_under_related_heading_above_article_dropped() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n\nMost Popular\n\n  1. The council said that it would build a new square in the centre by the spring.\n  \
             2. The residents said that they were worried about all of the noise from the work.\n\n{body}\n\n{P2} {P1}\n"
        );
        let k = kept(&dump);
        assert_eq!(k.len(), 2, "{k:?}");
    }

    #[test]
    fn legal_notice_and_share_bar_comments() {
        assert!(is_legal_notice(
            "this material may not be published. ©2019 fox news network, llc. all rights reserved."
        ));
        assert!(!is_legal_notice("the © sign is old"));
        let dump = format!(
            "  • Facebook\n  • Twitter\n  • Comments\n  • Print\n\n{P1}\n\n  • Facebook\n  • Comments\n  • Email\n\n{P2}\n\n\
             This material may not be published, broadcast, rewritten, or redistributed. ©2019 Example Network, LLC. All rights reserved.\n"
        );
        let k = kept(&dump);
        assert_eq!(k, [P1, P2]);
    }

    #[test]
    fn page_counts_count_as_str_matches_does() {
        let units = lines::split("ababab PlanMayor\n\naaaa ab\n\nPlanMayors\n");
        let words = ["abab", "aa", "ab", "PlanMayor", "Nowhere", "ab"];
        let counts = page_counts(&units, words.iter().copied());
        for w in words {
            let naive: usize = units.iter().map(|u| u.text.matches(w).count()).sum();
            assert_eq!(counts[w], naive, "{w}");
        }
        assert_eq!(counts["abab"], 1);
        assert_eq!(counts["aa"], 2);
        assert_eq!(counts["PlanMayor"], 2);
    }

    #[test]
    fn glued_teasers() {
        assert_eq!(
            glued_teaser("Library Opens Late For Young Best-SellerA 19-year-old writer was"),
            Some("Best-SellerA")
        );
        assert_eq!(
            glued_teaser("City To Send Parking Permits To 40,000The city will send"),
            Some("40,000The")
        );
        assert_eq!(
            glued_teaser(
                "Council Backs New Bridge PlanMayor Jana Berg's bridge plan was approved."
            ),
            Some("PlanMayor")
        );
        assert_eq!(
            glued_teaser(
                "Is Violence In Sports On The Rise?Violence is part of the game in many sports."
            ),
            Some("Rise?Violence")
        );
        assert_eq!(
            glued_teaser(
                "The new iPhone and the MacBook were shown by McDonald at the event on Monday."
            ),
            None
        );
        assert_eq!(
            glued_teaser("Die BürgerInnen der Stadt haben am Montag abgestimmt."),
            None
        );
        // In a list they are related links; a brand repeated on the page is not.
        let dump = format!(
            "{P1}\n\nCouncil Backs New Bridge PlanMayor Jana Berg's bridge plan was approved by the council.\n\n\
             Is Violence In Sports On The Rise?Violence is part of the game in many sports these days.\n\n\
             The New MacBook Pro Arrives with a larger screen, and the MacBook keyboard is new again.\n\n{P2}\n"
        );
        let units = lines::split(&dump);
        let f = features(&units);
        assert_eq!(f[1].kind, Some(Kind::Related));
        assert_eq!(f[2].kind, Some(Kind::Related));
        assert_eq!(f[3].kind, None);
    }

    #[test]
    fn inline_related_box_skipped() {
        let p3 = "Achieving such a massive increase in data density was only possible through \
                  the creation of a new type of platter, which the company says it will ship next year \
                  to the makers of hard drives in Japan and in the rest of the world.";
        let dump = format!(
            "{P1}\n\n{P2}\n\nRelated\n\n  • Other story one\n  • Other story two\n\n{p3}\n\n\
             Related Posts\n\n  • Another story\n\n{P1} Again and again.\n"
        );
        let k = kept(&dump);
        assert_eq!(k, [P1, P2, p3]);
    }

    #[test]
    fn short_sentences_make_a_prose_run() {
        let dump = "  • Home\n  • Deals\n\n\
            Im Aktionszeitraum gleichzeitig zwei Gläser Kaffee bei dem Markt kaufen.\n\
            Bei Einsendung des Kassenbons und der ausgefüllten Karte gibt es dann einen Gutschein.\n\
            So kommt je Glas Kaffee ein Preis von 2,40 Euro zustande, wie man sieht.\n\
            So geht’s:\n\
            1. Zwei Gläser Kaffee im Markt kaufen.\n\
            2. Die Teilnehmerkarte ausfüllen und absenden.\n\
            3. Den Gutschein für den Einkauf erhalten.\n\n\
            Jetzt anmelden\n";
        let k = kept(dump);
        assert!(
            k.iter().any(|t| t.starts_with("Im Aktionszeitraum")),
            "{k:?}"
        );
    }

    #[test]
    fn template_lines_dropped_but_neutral_between_paragraphs() {
        let page = |story: &str| {
            format!(
                "Trending Now\n\n{P1} {story}\n\nEditors' Picks\n\n{P2} {story}\n\nWhat's Hot\n"
            )
        };
        let pages: Vec<String> = ["One.", "Two.", "Three."].iter().map(|s| page(s)).collect();
        let template = Template::from_texts(pages.iter().map(String::as_str));
        let units = lines::split(&pages[0]);
        let d = decide_with(&units, &template);
        let kept: Vec<&str> = units
            .iter()
            .zip(&d)
            .filter(|(_, d)| d.keep)
            .map(|(u, _)| &*u.text)
            .collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[0].starts_with("The council") && kept[1].starts_with("Residents"));
        assert_eq!(d[2].kind, Some(Kind::Navigation));
    }

    #[test]
    fn inline_links_and_teaser_boxes_end_nothing() {
        assert!(inline_link(
            "Related: 7 Strange Signs You're Having an Allergic Reaction"
        ));
        assert!(!inline_link("Related Posts"));
        let p3 = "Dressed in black, the singer joined the band on stage for the last song of \
                  the night, and the crowd sang along to every word of it until the lights went \
                  down and the band left the stage for the very last time this year.";
        let p4 = "Tickets for the tour go on sale to the general public starting Friday, the \
                  band said in a statement.";
        let p5 = "The band's current tour goes on next week in the south, where it will play \
                  four more shows.";
        let dump = format!(
            "{P1}\n\n{p4}\n\nRelated: Seven Strange Signs of an Allergy\n\n{P2}\n\nRelated\n\n\
             Another Story Title\n\nA Third Story Title\n\n{p3}\n\n{p5}\n\n\
             Related Posts\n\nSome Teaser Title\n\n{P1} Teaser.\n"
        );
        let k = kept(&dump);
        assert_eq!(k, [P1, p4, P2, p3, p5]);
    }

    #[test]
    fn reading_time_line_dropped() {
        let dump = format!("Temps de lecture : 3 min\n\n{P1}\n\n{P2}\n");
        assert_eq!(kept(&dump), [P1, P2]);
    }

    #[test]
    fn share_prompts_dropped() {
        let dump =
            format!("Print this article\n\n{P1}\n\n{P2}\n\nShare your thoughts with friends.\n");
        assert_eq!(kept(&dump), [P1, P2]);
        assert!(social::is_share_prompt("diesen artikel teilen"));
    }

    #[test]
    fn inner_datelines() {
        assert_eq!(
            inner_dateline("Local baker wins national prize BERLIN: A local baker has"),
            Some("BERLIN:")
        );
        assert_eq!(
            inner_dateline("NEW DELHI: Their American dream shattered"),
            None
        );
        assert_eq!(
            inner_dateline("The plan has three parts: a new square"),
            None
        );
    }

    #[test]
    fn paywall_notice_ends_the_article() {
        let dump = format!(
            "{P1}\n\n{P2}\n\nTo view the full story, please subscribe to The Daily Example. \
             You can choose a plan that suits you.\n\n{P1} More.\n"
        );
        assert_eq!(kept(&dump), [P1, P2]);
    }

    #[test]
    fn glued_tag_lists() {
        assert!(glued_list(
            "Augmented RealityKundenserviceRemote SupportSmart Glasses"
        ));
        assert!(!glued_list("Die neue PowerPoint-Version für das iPhone"));
    }

    #[test]
    fn longer_inline_list_then_prose_resumes() {
        let long = "Mourinho, who also managed Porto, Real Madrid and Inter Milan, has won \
                    the league title in four different countries, and he said on Wednesday \
                    that he was looking forward to working with the players of the club.";
        let items: String = (1..=6)
            .map(|n| format!("  • Another headline number {n} about something else\n"))
            .collect();
        let dump = format!(
            "{P1}\n\n{P2}\n\nMore from UK\n\n{items}\n\
             \"He is renowned for his tactical prowess,\" the club said in its statement.\n\n{long}\n"
        );
        let k = kept(&dump);
        assert!(k.iter().any(|t| t.starts_with("Mourinho")), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Another headline")), "{k:?}");
    }

    #[test]
    fn shopping_list_with_links_is_one_run() {
        let rows: String = (1..=6)
            .map(|n| format!("{n}) Modellino numero {n} della macchina\nhttp://amzn.to/x{n}\n"))
            .collect();
        let units = lines::split(&rows);
        let f = features(&units);
        assert!(f.iter().step_by(2).all(|f| f.structured), "{f:?}");
    }

    #[test]
    fn ad_labels_and_read_also_boxes_inside_a_german_article() {
        let dump = "  * Startseite\n  * Politik\n\
            Regierung einigt sich auf Haushalt für das kommende Jahr\n\
            Nach wochenlangem Streit hat sich die Bundesregierung auf den Haushalt für das kommende Jahr geeinigt. Die Ausgaben sollen um zwei Prozent steigen, wie der Minister mitteilte.\n\
            Foto: dpa\n\
            Anzeige\n\
            Die Opposition sprach von einem Haushalt der verpassten Chancen, sagte die Fraktionsvorsitzende am Abend.\n\
            Mehr zum Thema\n\
              * Streit um die Schuldenbremse geht weiter\n\
              * Länder fordern mehr Geld vom Bund\n\
            Der Bundestag soll den Haushalt im Dezember beschließen, große Änderungen gelten als unwahrscheinlich.\n\
            Quelle: dpa\n\
            Artikel teilen\n";
        let k = kept(dump);
        assert_eq!(k.len(), 4, "{k:?}");
        assert!(k[2].starts_with("Die Opposition"), "{k:?}");
        assert!(k[3].starts_with("Der Bundestag"), "{k:?}");
    }

    #[test]
    fn more_stories_heading_and_author_box_end_the_article() {
        assert!(more_from_name("More Washington Examiner"));
        assert!(!more_from_name("More Weather"));
        assert!(!more_from_name("More than half of them left."));
        let dump = format!(
            "{P1}\n\n{P2}\n\nMore Great WIRED Stories\n\n  • One teaser title here\n  • Another teaser title\n\n\
             Will Knight is a senior writer for WIRED, covering artificial intelligence. He was previously \
             a senior editor at MIT Technology Review, where he wrote about fundamental advances in AI.\n"
        );
        assert_eq!(kept(&dump), [P1, P2]);
    }

    #[test]
    fn kicker_and_title_box_inside_a_news_article() {
        let s1 = "Authorities in the west of the country instituted a quarantine to stop the disease from spreading.";
        let s2 =
            "Tourists from several countries were stranded in the town for days as a result of it.";
        let mut dump = format!("{P1}\n\n{P2}\n\nMost read in world news\n\n");
        for k in 0..6 {
            dump.push_str(&format!(
                "KICKER {k}\n\nTeaser headline number {k} about something else\n\n"
            ));
        }
        dump.push_str(&format!("{s1}\n\n{s2}\n"));
        let k = kept(&dump);
        assert!(
            k.contains(&s1.to_string()) && k.contains(&s2.to_string()),
            "{k:?}"
        );
        assert!(!k.iter().any(|t| t.contains("Teaser headline")), "{k:?}");
    }

    #[test]
    fn teaser_list_with_read_more_links_ends_the_article() {
        let t1 = "Der Verband begrüßt das neue Projekt der Staatsregierung im Moor, kritisiert aber die \
                  geplanten Solarparks, die dort gebaut werden sollen, und fordert einen Stopp der Pläne.";
        let t2 = "Nun hat sich in der Stadt die sechste Hochschulgruppe des Verbands gegründet und erweitert \
                  damit das wachsende Netzwerk von engagierten Studierenden im ganzen Freistaat Bayern.";
        let p3 = "Die Arbeiten sollen im Frühjahr beginnen und bis zum Ende des kommenden Jahres dauern, \
                  teilte die Stadt mit, die mit Kosten von rund zwölf Millionen Euro für den Umbau rechnet.";
        let dump = format!(
            "{P1}\n\n{P2}\n\n{p3}\n\nJahrhundertchance im Moor nutzen\n\n{t1}\n\n\
             Weiterlesen … Jahrhundertchance im Moor nutzen\n\nHochschulgruppen gegründet\n\n{t2}\n\n\
             Weiterlesen … Hochschulgruppen gegründet\n"
        );
        assert_eq!(kept(&dump), [P1, P2, p3]);
    }

    #[test]
    fn captions_ending_with_their_credit() {
        assert!(ends_with_credit(
            "Maxi Taucher ist in der Weltspitze der Junioren angekommen. (Foto: Privat)"
        ));
        assert!(ends_with_credit(
            "Eine kleine runde Aussparung für die Kamera im Display. © Jon Prosser"
        ));
        assert!(ends_with_credit(
            "Beijing Chaoyang Hospital in BeijingCredit: EPA"
        ));
        assert!(!ends_with_credit(
            "Die Ermittlungen zum Fall gehen weiter, wie der Sender berichtete. (Quelle: SWR)"
        ));
        assert!(ends_with_credit(
            "Der Fuchs schläft im Winter gern in der Sonne. (Max Beispiel / iStock.com)"
        ));
        assert!(ends_with_credit(
            "Fans wave flags before the final in the old stadium. (AP Photo/Jane Roe)"
        ));
        // An agency named in prose is no credit.
        assert!(!ends_with_credit(
            "It was just a cheap photo frame from the market."
        ));
        assert!(!ends_with_credit(
            "Der Markt für Bildrechte wird heute von Getty Images und Shutterstock beherrscht."
        ));
        // An agency tag that signs a news paragraph is no picture credit.
        assert!(!ends_with_credit(
            "Die Polizei sucht weiter nach Zeugen des Unfalls. (dpa/lno)"
        ));
        let caption = "Der neue Platz am Abend nach der Eröffnung. Foto: Stadt";
        let dump = format!("{P1}\n\n{caption}\n\n{P2}\n");
        assert_eq!(kept(&dump), [P1, P2]);
    }

    /// The ASCII credit words hold a colon or a full stop (the quick test
    /// of `ends_with_credit` relies on it).
    #[test]
    fn ascii_credit_words_hold_a_colon_or_a_stop() {
        for w in CREDIT_WORDS.iter().filter(|w| w.is_ascii()) {
            assert!(w.contains([':', '.']), "{w}");
        }
    }

    /// Features taken from a line's first copy are those the line would
    /// get on its own.
    #[test]
    fn repeated_lines_share_the_features_of_their_first_copy() {
        // Menus printed twice, a label as a paragraph and as a list item,
        // a short line repeated (which makes it navigation), a long one.
        let long = "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, \
            das die Emissionen bis 2030 deutlich senken soll, wie die Regierung \
            am Abend mitteilte.";
        let dump = format!(
            "  • Home\n  • News\n  • Sport\n\nTeilen\n\n{long}\n\n  • Teilen\n\n\
             Foto: dpa\n\n{long}\n\n  • Home\n  • News\n  • Sport\n\nTeilen\n\n\
             © 2024 Verlag GmbH\n\n© 2024 Verlag GmbH\n| a | b | c |\n| a | b | c |\n\
             Sonnige Tage am See\n│ Sonnige Tage am See │\n│ Sonnige Tage am See │\nSonnige Tage am See\n\n\
             200 g Mehl\n100 g Zucker\n3 Eier\n\n200 g Mehl\n100 g Zucker\n3 Eier\n\n\
             Council Backs New Bridge PlanMayor Jana Berg said\n\n\
             Council Backs New Bridge PlanMayor Jana Berg said\n\n\
             Новости и комментарии дня со всего мира\n\nНовости и комментарии дня со всего мира\n"
        );
        let units = lines::split(&dump);
        let lowers = Lowers::new(&units);
        let seen = short_texts(&units);
        let mut plain: Vec<Features> = (0..units.len())
            .map(|i| unit_features(&units[i], &lowers, i, &seen))
            .collect();
        mark_neighbours(&units, &lowers, &mut plain);
        assert_eq!(features(&units), plain);
        // The copies are there, under one tag and under two.
        let count = |t: &str| units.iter().filter(|u| u.text == t).count();
        assert_eq!(count("Home"), 2);
        assert_eq!(count("Teilen"), 3);
        // Short in characters, not in bytes.
        assert_eq!(count("Новости и комментарии дня со всего мира"), 2);
        let tags = |t: &str| {
            let mut v: Vec<BlockTag> = units
                .iter()
                .filter(|u| u.text == t)
                .map(|u| u.tag)
                .collect();
            v.dedup();
            v
        };
        assert_eq!(
            tags("Sonnige Tage am See"),
            [BlockTag::Paragraph, BlockTag::TableRow, BlockTag::Paragraph]
        );
    }

    /// `lower_case` agrees with `str::to_lowercase`: every character
    /// `lower_common` knows maps as the tables map it, and mixed lines come
    /// out the same.
    #[test]
    fn lower_case_agrees_with_the_unicode_tables() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(l) = lower_common(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
        for t in [
            "",
            "ÄÖÜ Straße GROẞ — „Zitat“ – ’s",
            "ΣΑΣ ΟΔΟΣ σας",
            "ΑΘΗΝΑ ΚΑΙ ΠΕΙΡΑΙΑ",
            "İstanbul KELVIN \u{212a} Å Ǆ ǅ",
            "Привет МИР ЁЖ Їжак",
            "Mixed ASCII and ÜMLAUTS at the END ÿ",
            "中文 内容 ١٢٣ ٤ \u{a0}THE\u{3000}END",
        ] {
            assert_eq!(lower_case(t), t.to_lowercase(), "{t:?}");
        }
    }

    /// `ascii_capitals` finds the capitals a byte-by-byte loop finds, at
    /// every cut (so the word-wide reads end on every position).
    #[test]
    fn ascii_capitals_found_as_a_byte_loop_finds_them() {
        let all: Vec<u8> = (0..128).collect();
        let texts = [
            &all[..],
            b"",
            b"A",
            b"Council Backs New Bridge PlanMayor Jana",
            b"@[`{AZaz09 ZZZZZZZZZ",
        ];
        for t in texts {
            for cut in 0..=t.len() {
                let t = &t[..cut];
                let want: Vec<usize> = (0..t.len())
                    .filter(|&i| t[i].is_ascii_uppercase())
                    .collect();
                assert_eq!(ascii_capitals(t).collect::<Vec<_>>(), want, "{t:?}");
            }
        }
    }

    /// A space of several bytes (narrow no-break, ideographic) before the
    /// glued word: the word starts after the whole space.
    #[test]
    fn glued_teaser_after_a_wide_space() {
        for space in ['\u{202f}', '\u{3000}', '\u{a0}', ' '] {
            let line = format!("Council Backs New{space}PlanMayor Jana Berg said");
            assert_eq!(glued_teaser(&line), Some("PlanMayor"), "{line:?}");
        }
    }

    /// The ASCII fast paths of `ends_with_credit` and `glued_teaser` agree
    /// with the character-by-character ones, at every cut of sample lines
    /// (so the tail and the headline window fall on every position).
    #[test]
    fn ascii_fast_paths_agree_with_the_char_paths() {
        let lines = [
            "Fans wave flags before the final in the old stadium. (AP Photo/Jane Roe)",
            "Der Fuchs schläft im Winter gern in der Sonne. (Max Beispiel / iStock.com)",
            "Beijing Chaoyang Hospital in BeijingCredit: EPA and more words after it",
            "A photo FOTO: x BILD: y | Getty Images (Shutterstock) / UNSPLASH; imago",
            "Crédit photo : Jean Dupont, Image © 2020 ISTOCK getty images",
            "Council Backs New Bridge PlanMayor Jana Berg's bridge plan was approved today",
            "Best-SellerA 19-year-old wins 40,000The prize (Live Video)Some more Text Here",
            "Über Den Neuen PlatzDer Bürgermeister sagte am Abend, dass alles gut wird",
            "The iPhone And MacBook Are HereApple said on Monday that its new devices",
            "Short OneTwo",
            "Augmented RealityKundenservice Remote SupportSmart GlassesMore TagsHere",
            "ÄrzteHausÜbersicht überAll RealityKunden",
        ];
        for line in lines {
            let line = line.repeat(3);
            for (cut, _) in line.char_indices() {
                let t = &line[cut..];
                assert_eq!(ends_with_credit(t), ends_with_credit_lowered(t), "{t:?}");
                assert_eq!(glued_teaser(t), glued_teaser_chars(t), "{t:?}");
                assert_eq!(glued_list(t), glued_list_chars(t), "{t:?}");
                let t = &line[..cut];
                assert_eq!(glued_list(t), glued_list_chars(t), "{t:?}");
                assert_eq!(ends_with_credit(t), ends_with_credit_lowered(t), "{t:?}");
                assert_eq!(glued_teaser(t), glued_teaser_chars(t), "{t:?}");
            }
        }
    }

    #[test]
    fn long_teasers_after_a_related_heading_do_not_outweigh_the_article() {
        let p3 = "Works on the square will start in March and should be finished by the end of next \
                  year, the city said, which expects the renovation to cost about twelve million euros.";
        let teaser = "Another long teaser summary about a completely different topic follows here, and \
                      it goes on and on with full sentences so that it looks like prose of its own.";
        let p4 = "Shop owners on the square hope that the new benches and trees will bring more people \
                  into the centre, while some residents fear that the evenings there will get louder.";
        let mut dump = format!("{P1}\n\n{P2}\n\n{p3}\n\n{p4}\n\nYou may also like\n\n");
        for k in 0..12 {
            dump.push_str(&format!("Teaser {k}: {teaser}\n\n"));
        }
        assert_eq!(kept(&dump), [P1, P2, p3, p4]);
    }

    #[test]
    fn promotion_box_with_a_button_line_dropped() {
        let blurb = "In unserem Seminar erarbeiten Sie anhand verschiedener Übungen eigene \
                     Einsatzszenarien für die Anwendung der Technik in Ihrem Unternehmen.";
        let dump = format!("{P1}\n\nUnser Seminar\n\n{blurb}\n\nmehr erfahren\n\n{P2}\n");
        assert_eq!(kept(&dump), [P1, P2]);
        assert!(closings::is_call_to_action("jetzt herunterladen!"));
        assert!(!closings::is_call_to_action(
            "mehr erfahren sie in unserem ratgeber"
        ));
    }

    #[test]
    fn author_named_again_after_the_article_opens_its_box() {
        assert_eq!(
            dateline_name("4. März 2025 Greta Lindqvist 12"),
            Some("Greta Lindqvist".to_string())
        );
        assert_eq!(dateline_name("4. März 2025"), None);
        // A headline or a teaser that holds a date names no author.
        assert_eq!(
            dateline_name("Jonas Berg in Lyon: Besuch am 12. März 2024"),
            None
        );
        assert_eq!(
            dateline_name("March 3, 2024 Jonas Berg signs the bridge bill"),
            None
        );
        let authors = ["greta lindqvist".to_string()];
        assert!(names_author("Über Greta Lindqvist 88 Artikel", &authors));
        assert!(names_author("About Greta Lindqvist", &authors));
        assert!(names_author(
            "GRETA LINDQVIST is a reporter who has covered the city hall for twelve years.",
            &authors
        ));
        // The article speaking of its author, and a subheading quoting her,
        // are no box.
        assert!(!names_author(
            "Greta Lindqvist hat die Sitzung für unsere Zeitung verfolgt und mitgeschrieben.",
            &authors
        ));
        assert!(!names_author("Das sagt Greta Lindqvist", &authors));
        // A speaker in an interview, and prose that names her, are no box.
        assert!(!names_author(
            "Greta Lindqvist: Why did you stay?",
            &authors
        ));
        assert!(!names_author(
            "Then Greta Lindqvist asked the mayor about it.",
            &authors
        ));
        let bio = "Seit vielen Jahren schreibt sie über Verkehr und Stadtplanung, am liebsten \
                   mit dem Fahrrad unterwegs und stets auf der Suche nach guten Geschichten.";
        let dump = format!(
            "  • Start\n  • Stadt\n\nNeue Brücke über den Fluss\n\n4. März 2025 Greta Lindqvist 12\n\n\
             {P1}\n\n{P2}\n\nÜber Greta Lindqvist 88 Artikel\n\n{bio}\n"
        );
        assert_eq!(kept(&dump)[1..], [P1, P2]);
        // Without the dateline, the bio is not known for one.
        let dump = format!("Neue Brücke über den Fluss\n\n{P1}\n\n{P2}\n\n{bio}\n");
        assert!(kept(&dump).contains(&bio.to_string()));
    }

    #[test]
    fn lead_under_the_headline_that_ends_the_breadcrumb_trail() {
        let lead = "Die Stadt hat am Montag den Bau einer neuen Brücke beschlossen, die ab dem \
                    Frühjahr die beiden Ufer verbinden soll.";
        let paywall = "  • Jetzt abonnieren\n  • Alle Artikel lesen\n\nAbo ab 9,99 EUR\n\n\
                       Jetzt testen\n\nMonatsabo\n\nJahresabo\n\nSchon Abonnent?\n\n";
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        for crumb in [
            " 1. Start\n 2. Stadt\n 3. Neue Brücke für die Altstadt\n\n",
            "Start » Stadt » Neue Brücke für die Altstadt\n\n",
        ] {
            let dump = format!(
                "{crumb}Neue Brücke für die Altstadt\n\nvon Greta Lindqvist\n\n{lead}\n\n\
                 {paywall}{b1}\n\n{b2}\n"
            );
            let got = kept(&dump);
            assert!(got.contains(&lead.to_string()), "{got:?}");
            assert!(got.ends_with(&[b1.clone(), b2.clone()]));
        }
        // A teaser's title that is in no trail: its summary stays out.
        let dump = format!(
            " 1. Start\n 2. Stadt\n\nNeue Brücke für die Altstadt\n\n{lead}\n\n{paywall}{b1}\n\n{b2}\n"
        );
        let got = kept(&dump);
        assert!(!got.contains(&lead.to_string()), "{got:?}");
        // A section title that repeats a menu item is no headline.
        let dump = format!("  • Politik\n  • Stadt\n\nStadt\n\n{lead}\n\n{paywall}{b1}\n\n{b2}\n");
        let got = kept(&dump);
        assert!(!got.contains(&lead.to_string()), "{got:?}");
    }

    #[test]
    fn a_sentence_with_von_or_by_is_no_byline() {
        assert!(is_date_or_byline("Von Greta Lindqvist", 3));
        assert!(is_date_or_byline("Text by Jane Roe | Photos", 6));
        for sentence in [
            "Die Klage von Anna Berg, die am Fluss wohnt, wurde abgewiesen.",
            "The plan was approved by City Council, and work starts soon.",
        ] {
            // The byline reader alone takes a name from them.
            assert!(metadata::text::byline_author(sentence).is_some());
            assert!(!is_date_or_byline(sentence, word_count(sentence)));
        }
    }

    #[test]
    fn closing_sentences_below_the_last_paragraph_kept() {
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        let dump = format!(
            "{b1}\n\n{b2}\n\nIch hoffe, euch gefällt der neue Platz.\n\nWas meint ihr dazu?\n\n\
             Tags: Stadt, Platz\n\nEin kurzer Satz ganz unten.\n"
        );
        assert_eq!(
            kept(&dump),
            [
                b1.as_str(),
                b2.as_str(),
                "Ich hoffe, euch gefällt der neue Platz.",
                "Was meint ihr dazu?"
            ]
        );
        // Boilerplate wording stops them.
        let dump =
            format!("{b1}\n\n{b2}\n\nShare this article on Facebook.\n\nWas meint ihr dazu?\n");
        assert_eq!(kept(&dump), [b1, b2]);
    }

    #[test]
    fn step_numbers_do_not_split_the_instructions() {
        assert!(is_step_number("3"));
        assert!(is_step_number("12."));
        assert!(!is_step_number("2024"));
        assert!(!is_step_number("3 Eier"));
        let s1 = "Den Ofen vorheizen und die Form gut einfetten, dann das Mehl mit der Butter, \
                  dem Zucker und einer Prise Salz in einer großen Schüssel zu einem glatten Teig \
                  verkneten und ihn eine halbe Stunde an einem kühlen Ort ruhen lassen.";
        let s2 = "Den Teig dünn ausrollen, in die Form legen und mehrmals mit einer Gabel \
                  einstechen. Die Äpfel schälen, in feine Scheiben schneiden und gleichmäßig \
                  darauf verteilen, bevor alles in den Ofen kommt und goldbraun gebacken wird.";
        let dump =
            format!("1\n\n{s1}\n\nUmluft etwa 180 °C\n\n2\n\nBelag\n\n{s2}\n\n3\n\n{P1} {P2}\n");
        let got = kept(&dump);
        assert!(
            got.contains(&"## Umluft etwa 180 °C".to_string()),
            "{got:?}"
        );
        assert!(!got.iter().any(|t| t == "2" || t == "3"));
    }

    #[test]
    fn recipe_card_lists_below_the_article_kept() {
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        let card = "Apfelkuchen vom Blech\n\nDrucken\n\nPortionen\n\n12\n\nZeit\n\n45\n\nMinuten\n\n\
                    Zutaten\n\n  • 3 Äpfel\n  • Eine Prise Salz\n  • Für den Guss:\n  • 2 EL Zucker\n\n\
                    Zubereitung\n\n  • Die Äpfel schälen und in Spalten schneiden.\n\n\u{2063}\n\n\
                    \x20 • Den Teig damit belegen und backen.\n\n";
        let dump =
            format!("  • Start\n  • Rezepte\n\n{b1}\n\n{b2}\n\n{card}Kommentare\n\n  • Teilen\n");
        let got = kept(&dump);
        for item in [
            "3 Äpfel",
            "Eine Prise Salz",
            "2 EL Zucker",
            "Den Teig damit belegen und backen.",
        ] {
            assert!(got.contains(&item.to_string()), "{item}: {got:?}");
        }
        assert!(
            !got.iter()
                .any(|t| t.contains("Teilen") || t.contains("Start"))
        );
        // A menu headed like a recipe section, above the article, is a menu.
        let dump = format!(
            "Zutaten

  • Fleisch
  • Gemüse
  • Obst
  • Nudeln und Reis

{b1}

{b2}
"
        );
        let got = kept(&dump);
        assert!(!got.iter().any(|t| t == "Gemüse"), "{got:?}");
    }

    #[test]
    fn long_read_also_line_inside_the_article_dropped_alone() {
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        let link = "Lesen Sie hier: Stadtrat streitet seit Wochen über die Zukunft des alten \
                    Bahnhofs und die Pläne für ein neues Viertel";
        assert!(word_count(link) > 14);
        let dump = format!("{b1}\n\n{link}\n\n{b2}\n");
        assert_eq!(kept(&dump), [b1, b2]);
    }
}
