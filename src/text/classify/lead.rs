//! The article's opening: its lead paragraph, the headline under a
//! breadcrumb trail, datelines and bylines.



use crate::metadata;
use crate::model::block::{BlockTag, Kind};
use crate::text::lines::Unit;
use crate::util::sentence::ends_sentence;

use super::class::*;

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
pub(super) fn keep_lead(units: &[Unit], keep: &mut [bool], feats: &[Features]) {
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
pub(super) fn keep_crumb_headline_lead(
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
pub(super) fn is_date_or_byline(text: &str, words: usize) -> bool {
    words <= 12
        && (metadata::text::find_date(text).is_some()
            || ((words < BYLINE_SENTENCE_WORDS || !ends_sentence(text))
                && metadata::text::byline_author(text).is_some()))
}
