//! Smoothing: short and near-good units take the class of their context
//! (the jusText rules).



use crate::lexicon::stopwords;
use crate::model::block::BlockTag;

use super::class::*;
use super::class::STOP_HIGH;
use super::class::STOP_MID;
use super::class::HEADING_DISTANCE;

/// Class of a unit long enough to judge on its own.
pub(super) fn prose_class(
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
pub(super) const SHORT_SENTENCE_WORDS: usize = 4;

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
