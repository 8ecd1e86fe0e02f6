//! The end of the article: the units that open the zone after it
//! (related posts, comments, copyright and legal notices, share bars).



use crate::util::words::word_count;
use crate::lexicon::{bylines, closings, notices, phrases};
use crate::model::block::{BlockTag, Kind};
use crate::rules;
use crate::text::lines::Unit;

use super::class::*;

/// Whether a short unit opens the end-of-article zone: related posts,
/// comments, author box or footer.
pub(super) fn ends_article(u: &Unit, lowers: &Lowers, i: usize, f: &Features) -> Option<Kind> {
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
pub(super) fn more_from_name(text: &str) -> bool {
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
pub(super) fn is_copyright_notice(text: &str) -> bool {
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
pub(super) fn is_legal_notice(lower: &str) -> bool {
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
pub(super) fn in_share_bar(i: usize, units: &[Unit], feats: &[Features]) -> bool {
    let share = |j: usize| units[j].tag == BlockTag::ListItem && feats[j].kind == Some(Kind::Share);
    units[i].tag == BlockTag::ListItem
        && i > 0
        && i + 1 < units.len()
        && share(i - 1)
        && share(i + 1)
}

/// A one-line inline link to another story: "Related: Seven Signs of an
/// Allergy", "Lesen Sie auch: ...". It is dropped alone; the article goes on.
pub(super) fn inline_link(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(head, tail)| word_count(head) <= 3 && word_count(tail) >= 2)
}
