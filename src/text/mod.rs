//! Plain-text dumps of rendered pages -> article blocks and metadata.
//!
//! [`lines`] turns the dump into units (one paragraph, list item or table row
//! each), [`classify`] decides which units are the article, and this module
//! assembles the kept units into [`Block`]s, drops the headline from the body
//! and reads the header zone above the article for metadata.

pub mod classify;
pub mod lines;
pub mod stopwords;

use crate::batch::Template;
use crate::block::{Block, BlockTag, Kind};
use crate::extract::Article;
use crate::metadata;

/// How many of the first kept blocks are checked for a repeat of the title.
const TITLE_REPEAT_WINDOW: usize = 3;

/// Extract the article and its metadata from a text dump.
pub fn extract(text: &str) -> Article {
    extract_with(text, &Template::default())
}

/// As [`extract`], with the lines of the batch's template (see
/// [`crate::batch`]) counted as boilerplate.
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
        .then(|| units[first - 1].text.as_str())
        .filter(|t| metadata::text::headline_like(t));
    if decisions[first].heading && headline.is_none() {
        decisions[first].keep = false;
        decisions[first].kind = None;
        headline = Some(units[first].text.as_str());
    }
    let header: Vec<&str> = units[..first].iter().map(|u| u.text.as_str()).collect();
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
        if seen <= TITLE_REPEAT_WINDOW && title_key.as_deref() == Some(&normalise_title(&u.text)) {
            article.removed.add(Kind::Other);
            continue;
        }
        let tag = if d.heading {
            BlockTag::Heading(2)
        } else {
            u.tag
        };
        article.blocks.push(Block::new(tag, u.text.as_str()));
    }
    article
}

/// Title text compared case- and punctuation-insensitively.
fn normalise_title(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
