//! Teasers: a list's items glued into one line ("Headline oneHeadline
//! two"), datelines inside a unit, lists of related links, promotion
//! boxes.



use crate::lexicon::closings;
use crate::model::block::{BlockTag, Kind};
use crate::text::lines::Unit;
use crate::util::bytes::ascii_capital_bits;

use super::class::*;
use super::class::page_counts;

/// Glue points (a lower-case letter run into a capital) that make a line a
/// list of links printed without spaces: "Augmented RealityKundenservice
/// Remote SupportSmart Glasses" (tags). Brand names ("iPhone", "PowerPoint")
/// bring one or two.
const GLUED_LIST_POINTS: usize = 3;

/// Whether a line is a list of tags or links run together.
pub(super) fn glued_list(text: &str) -> bool {
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
pub(super) fn glued_list_chars(text: &str) -> bool {
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
/// bytes at a time ([`ascii_capital_bits`]).
pub(super) fn ascii_capitals(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    b.chunks(8).enumerate().flat_map(|(k, chunk)| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut mask = ascii_capital_bits(u64::from_le_bytes(word));
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
pub(super) fn glued_teaser_chars(text: &str) -> Option<&str> {
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
pub(super) fn inner_dateline_words(text: &str) -> Option<&str> {
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
pub(super) fn mark_glued_teasers(units: &[Unit], feats: &mut [Features]) {
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

/// Words at most in a heading over a list of other articles.
const RELATED_HEADING_WORDS: usize = 6;

/// The list under a "Most Popular" or "Related" heading holds other
/// articles' headlines wherever it stands, even above the article, where
/// the end-of-article rules do not look. Returns which units are its items;
/// they are dropped after the smoothing (which they do not sway).
pub(super) fn related_lists(units: &[Unit], lowers: &Lowers, feats: &[Features]) -> Vec<bool> {
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

/// Characters at most in the blurb of a promotion box.
const PROMO_MAX_CHARS: usize = 300;

/// A promotion box: a short blurb (and its heading) above a button line
/// such as "mehr erfahren" or "Jetzt herunterladen!". An article's own
/// paragraphs are not followed by a bare call to action.
pub(super) fn mark_promo_boxes(units: &[Unit], lowers: &Lowers, feats: &mut [Features]) {
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
