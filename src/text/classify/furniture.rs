//! Page furniture: the batch's template lines, and short labels and step
//! numbers that neither make nor break a run of text.



use crate::lexicon::credits;
use crate::model::block::Kind;
use crate::text::lines::Unit;
use crate::text::template::Template;

use super::class::*;

/// Units printed on many pages of the batch are the site's template: menu,
/// footer, "What's Hot" lists. They are dropped, and count as boilerplate in
/// the smoothing, except between two units of prose, where they stay
/// neutral (as short units are): an "Advertisement" line between two
/// paragraphs must not split the article. Returns which units are template.
pub(super) fn mark_template(units: &[Unit], feats: &mut [Features], template: &Template) -> Vec<bool> {
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
pub(super) fn is_step_number(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ')']);
    (1..=STEP_DIGITS).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// An ad label or a credit between two paragraphs ("Advertisement",
/// "Anzeige", "Foto: dpa"), or the bare number of a step of instructions,
/// is dropped but must not split the article: it
/// stays neutral in the smoothing, as short units do. Marks it in `masked`.
pub(super) fn neutralise_furniture(
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
