//! The keep and cut passes after smoothing: structured runs near the
//! text, inline boxes, teaser lists, clusters of text, repeats, article
//! lists, closing sentences, recipe lists, the article zone.

use crate::lexicon::{closings, recipes};
use crate::model::block::{BlockTag, Kind};
use crate::text::lines::Unit;

use super::class::*;
use super::ends::ends_article;
use super::class::MIN_ARTICLE_BEFORE_END;
use super::smoothing::SHORT_SENTENCE_WORDS;

/// How many dropped units may separate a structured run from the article.
const STRUCTURED_REACH: usize = 6;

/// Runs of quantity lines (an ingredient list, a results table) inside the
/// article or right before or after it belong to it; the context rules
/// drop them, as they drop every run of short lines.
pub(super) fn keep_structured_near(keep: &mut [bool], feats: &[Features], end_kind: &[Option<Kind>]) {
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
pub(super) fn inline_box_end(
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

/// Words at most in a teaser's "read more" line (it may repeat the title).
const READ_MORE_MAX_WORDS: usize = 16;

/// A list of teasers after the article (title, summary, "Weiterlesen …"):
/// when two "read more" lines follow the article, the first teaser's
/// summary and its title above it open the end-of-article zone, provided
/// most of the kept text stands before them.
pub(super) fn cut_teaser_list(
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
pub(super) fn keep_main_clusters(keep: &mut [bool], feats: &[Features]) {
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
pub(super) fn drop_repeats(units: &[Unit], keep: &mut [bool]) {
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
pub(super) fn keep_article_lists(
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
pub(super) fn keep_closing_sentences(
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
pub(super) fn keep_recipe_lists(
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
pub(super) fn fill_article_zone(units: &[Unit], keep: &mut [bool], feats: &[Features]) {
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
