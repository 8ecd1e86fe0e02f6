//! The article's authors as its header names them, and the author boxes
//! that name them again after the text.



use crate::lexicon::bylines;
use crate::metadata;
use crate::model::block::BlockTag;
use crate::text::lines::Unit;
use crate::util::sentence::ends_sentence;

use super::class::*;

/// Words at most in a dateline or byline that names the author.
const AUTHOR_LINE_WORDS: usize = 12;

/// The authors named in the bylines and datelines above the first long
/// paragraph of prose: "Von Anna Schmidt | 12.03.2024", "3. Mai 2024 Anna Schmidt".
/// Names of two to four words only: a bare first name is too common.
/// Returns them, lower-cased, and the last line that named one: an author box stands
/// below it.
pub(super) fn header_authors(units: &[Unit], feats: &[Features]) -> (Vec<String>, usize) {
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
pub(super) fn dateline_name(text: &str) -> Option<String> {
    let is_month = |w: &str| {
        crate::lexicon::calendar::month_number(w.trim_matches(|c: char| !c.is_alphabetic())).is_some()
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
pub(super) fn names_author(text: &str, authors: &[String]) -> bool {
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
