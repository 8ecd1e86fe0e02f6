//! Structured runs: ingredient and quantity lines, date-led lines, which
//! are content in a run of their own kind though each is short.



use crate::lexicon::credits;
use crate::model::block::Kind;
use crate::text::lines::Unit;
use crate::util::words::word_count_upto;

use super::class::*;

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
pub(super) fn leads_with_quantity(text: &str) -> bool {
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
pub(super) fn may_lead_with_a_number(text: &str) -> bool {
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
    let month = |w: &str| crate::lexicon::calendar::month_number(w.trim_end_matches(['.', ','])).is_some();
    (day(b) && month(a)) || (day(a) && month(b))
}

/// Find runs of quantity lines (a short label line such as "Für die
/// Füllung:" or a table header may sit between them) and mark their members.
/// A date inside them makes a schedule, not a dateline, so the date rule's
/// verdict is lifted; a long run counts as good text.
pub(super) fn mark_structured_runs(units: &[Unit], feats: &mut [Features]) {
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
