//! What the classifier knows of each unit before any context: its
//! features and context-free class, the lower-cased texts the wording
//! tests read, the thresholds of the classes.



use crate::lexicon::{notices, social};
use crate::metadata;
use crate::model::block::{BlockTag, Kind};
use crate::rules;
use crate::text::lines::Unit;
use super::class::*;
use crate::util::chars::is_cjk;
use crate::util::sentence::ends_sentence;
use crate::util::words::{word_count, word_count_upto};
use super::ends::is_copyright_notice;
use super::ends::is_legal_notice;
use super::teasers::glued_list;
use super::lead::is_date_or_byline;
use super::structured::mark_structured_runs;
use super::captions::mark_doubled_captions;
use super::teasers::mark_glued_teasers;
use super::teasers::mark_promo_boxes;
use super::captions::CAPTION_MAX_CHARS;
use super::captions::ends_with_credit;
use super::smoothing::prose_class;

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
        let month = || crate::lexicon::calendar::month_number(tok).is_some();
        if !(numeric || clock() || month()) {
            return false;
        }
    }
    words > 0
}

/// The separators of a menu or breadcrumb line.
const MENU_SEPS: &[char] = &['|', '»', '›', '·', '•', '/', '>'];

/// A menu or breadcrumb line: items of one to three words between
/// separators ("Home | About | Contact", "Home»News»Title").
fn is_separated_menu(text: &str) -> bool {
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
            return false;
        }
    }
    let parts: Vec<&str> = text.split(MENU_SEPS).map(str::trim).collect();
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

/// Context-free features and class of every unit.
#[cfg(any(test, feature = "internals"))]
pub fn features(units: &[Unit]) -> Vec<Features> {
    features_with(units, &Lowers::new(units))
}

/// Each short text's count on the page and the first unit that holds it:
/// short lines printed more than once are page template (menus repeated in
/// header, drawer and footer), never article text.
pub(super) fn short_texts<'u>(units: &'u [Unit<'_>]) -> foldhash::HashMap<&'u str, (u32, usize)> {
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
pub(super) fn features_with(units: &[Unit], lowers: &Lowers) -> Vec<Features> {
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
        feats.push(f);
    }
    mark_neighbours(units, lowers, &mut feats);
    feats
}

/// The features that read a unit's neighbours or the whole page.
pub(super) fn mark_neighbours(units: &[Unit], lowers: &Lowers, feats: &mut [Features]) {
    mark_structured_runs(units, feats);
    mark_doubled_captions(units, feats);
    mark_glued_teasers(units, feats);
    mark_promo_boxes(units, lowers, feats);
}

/// The context-free features of one unit, before the marks that read its
/// neighbours; `seen` counts the page's short texts.
pub(super) fn unit_features(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte count of separators that rules most lines out answers as
    /// splitting the line: a menu has three parts at least.
    #[test]
    fn separator_count_agrees_with_the_split() {
        let plain = |text: &str| {
            let parts: Vec<&str> = text.split(MENU_SEPS).map(str::trim).collect();
            let items = parts.iter().filter(|p| !p.is_empty()).count();
            let short = parts.iter().filter(|p| word_count_upto(p, 4) <= 4).count();
            parts.len() >= 3 && items >= 3 && short * 4 >= parts.len() * 3 && !ends_sentence(text)
        };
        let mut lines = crate::util::samples::lines();
        for a in MENU_SEPS {
            for b in MENU_SEPS {
                lines.push(format!("Home {a} News {b} Sport"));
                lines.push(format!("Home {a} News"));
                lines.push(format!("{a}{b}"));
            }
        }
        for l in &lines {
            assert_eq!(is_separated_menu(l), plain(l), "{l:?}");
        }
    }

    /// A unit printed again takes its first copy's features: those it
    /// would get read afresh.
    #[test]
    fn repeated_units_take_the_features_read_afresh() {
        for text in crate::util::samples::texts() {
            let units = crate::text::lines::split(&text);
            let lowers = Lowers::new(&units);
            let seen = short_texts(&units);
            let mut fresh: Vec<Features> = units
                .iter()
                .enumerate()
                .map(|(i, u)| unit_features(u, &lowers, i, &seen))
                .collect();
            mark_neighbours(&units, &lowers, &mut fresh);
            assert_eq!(features_with(&units, &lowers), fresh, "{text:?}");
        }
    }
}
