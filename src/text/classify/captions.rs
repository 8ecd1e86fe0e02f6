//! Image captions: those that end with a photo credit, and captions
//! printed twice (a zoom button's label, a doubled line).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::lexicon::credits;
use crate::model::block::Kind;
use crate::text::lines::Unit;
use crate::util::matchers;
use crate::util::words::word_count;

use super::class::*;
use super::class::lower_case;

/// Characters at most in an image caption that ends with its credit.
pub(super) const CAPTION_MAX_CHARS: usize = 300;
/// Characters from the end within which a caption names its credit.
const CREDIT_TAIL_CHARS: usize = 40;

/// An image caption that ends with its credit: "... angekommen. (Foto:
/// Privat)", "... so stimmt das nicht. Bild: S. Lafrentz", "... im Display.
/// © Jon Prosser", "... treatmentCredit: EPA", "... getarnt. (Jane Doe /
/// iStock.com)".
pub(super) fn ends_with_credit(text: &str) -> bool {
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
static CREDIT: LazyLock<AhoCorasick> = LazyLock::new(|| matchers::ascii_case_matcher(credits::CREDIT_WORDS));
static AGENCY: LazyLock<AhoCorasick> =
    LazyLock::new(|| matchers::ascii_case_matcher(credits::PICTURE_AGENCIES));

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
pub(super) fn ends_with_credit_lowered(text: &str) -> bool {
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

/// Words at most of a zoom button's label printed before the second copy
/// of a caption ("Vergrößern", "Bild vergrößern", "Enlarge").
const CAPTION_BUTTON_WORDS: usize = 2;

/// Whether `second` repeats `first`, alone or after a short button label:
/// "Vergrößern Der neue Platz am Abend." after "Der neue Platz am Abend."
pub(super) fn repeats_caption(first: &str, second: &str) -> bool {
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
pub(super) fn doubled_line(text: &str) -> bool {
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
pub(super) fn mark_doubled_captions(units: &[Unit], feats: &mut [Features]) {
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
