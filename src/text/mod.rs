//! Plain-text dumps of rendered pages -> article blocks and metadata.
//!
//! [`lines`] turns the dump into units (one paragraph, list item or table row
//! each), [`classify`] decides which units are the article, and this module
//! assembles the kept units into [`Block`]s, drops the headline from the body
//! and reads the header zone above the article for metadata.

pub mod classify;
pub mod lines;
pub mod template;

use crate::metadata;
use crate::model::article::Article;
use crate::model::block::{Block, BlockTag, Kind};
use crate::text::template::Template;

/// How many of the first kept blocks are checked for a repeat of the title.
const TITLE_REPEAT_WINDOW: usize = 3;

/// Extract the article and its metadata from a text dump.
#[cfg(test)]
pub fn extract(text: &str) -> Article {
    extract_with(text, &Template::default())
}

/// As [`extract`], with the lines of the batch's template (see
/// [`crate::text::template`]) counted as boilerplate.
pub fn extract_with(text: &str, template: &Template) -> Article {
    let units = lines::split(text);
    let mut decisions = classify::decide_with(&units, template);
    let mut article = Article::default();
    let Some(first) = decisions.iter().position(|d| d.keep) else {
        for d in &decisions {
            if let Some(k) = d.kind {
                article.removed.add(k);
            }
        }
        return article;
    };
    // A heading that opens the body is the page's headline (or a reworded
    // one above the text): the annotations leave it out. Only one is taken,
    // so a subheading right below a headline stays.
    // A headline right above the body (a clean dump that opens with its
    // title) is the title, and the heading below it a real subheading.
    let mut headline = (first > 0)
        .then(|| &*units[first - 1].text)
        .filter(|t| metadata::text::headline_like(t));
    if decisions[first].heading && headline.is_none() {
        decisions[first].keep = false;
        decisions[first].kind = None;
        headline = Some(&*units[first].text);
    }
    // The header zone runs up to the body: a byline or dateline between
    // the headline and the first paragraph belongs to it.
    let body = decisions.iter().position(|d| d.keep).unwrap_or(first);
    let header: Vec<&str> = units[..body].iter().map(|u| &*u.text).collect();
    article.meta = metadata::text::extract(&header, headline);
    let title_key = article.meta.title.as_deref().map(normalise_title);
    let mut seen = 0;
    for (u, d) in units.iter().zip(&decisions) {
        if !d.keep {
            if let Some(k) = d.kind {
                article.removed.add(k);
            }
            continue;
        }
        seen += 1;
        if seen <= TITLE_REPEAT_WINDOW
            && title_key.as_deref().is_some_and(|k| same_title(k, &u.text))
        {
            article.removed.add(Kind::Other);
            continue;
        }
        let tag = if d.heading {
            BlockTag::Heading(2)
        } else {
            u.tag
        };
        article.blocks.push(Block::new(tag, &*u.text));
    }
    article
}

/// Title text compared case- and punctuation-insensitively.
fn normalise_title(t: &str) -> String {
    normalised_chars(t).collect()
}

/// The characters of [`normalise_title`].
fn normalised_chars(t: &str) -> impl Iterator<Item = char> + '_ {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Whether `text` normalises to `key` (a [`normalise_title`]): read only
/// until the first difference, so a long paragraph is not normalised whole.
fn same_title(key: &str, text: &str) -> bool {
    normalised_chars(text).eq(key.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_comparison_agrees_with_the_normalised_strings() {
        let texts = [
            "",
            "Bundestag beschließt Klimagesetz",
            "BUNDESTAG beschließt: Klimagesetz!",
            "Bundestag beschließt Klimagesetz und mehr",
            "Bundestag",
            "İstanbul ΣΟΦΙΑ straße",
            "istanbul σοφια STRASSE",
            "中文 标题",
        ];
        for a in texts {
            for b in texts {
                let key = normalise_title(a);
                assert_eq!(
                    same_title(&key, b),
                    key == normalise_title(b),
                    "{a:?} {b:?}"
                );
            }
        }
        assert!(same_title(&normalise_title("Ein Titel"), "ein, titel"));
    }

    #[test]
    fn byline_between_headline_and_body_is_read() {
        let dump = "  • Startseite\n  • Politik\n\nBundestag beschließt neues Klimagesetz\n\n\
            Von Anna Schmidt | 12.03.2024, 14:05 Uhr | Lesezeit: 4 Min.\n\n\
            Der Bundestag hat am Donnerstag mit großer Mehrheit ein neues Klimagesetz beschlossen, \
            das die Emissionen bis zum Jahr 2030 deutlich senken soll, wie die Regierung mitteilte.\n\n\
            Die Opposition kritisierte den Entwurf als unzureichend und kündigte eine Klage vor dem \
            Verfassungsgericht an, die noch in diesem Jahr eingereicht werden soll.\n";
        let a = extract(dump);
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Bundestag beschließt neues Klimagesetz")
        );
        assert_eq!(a.meta.author.as_deref(), Some("Anna Schmidt"));
        assert_eq!(a.meta.date.as_deref(), Some("2024-03-12"));
        assert_eq!(a.meta.reading_time_minutes, Some(4));
        assert!(a.text().starts_with("Der Bundestag"));
    }
}
