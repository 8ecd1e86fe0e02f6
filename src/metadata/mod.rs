//! Page metadata: title, author, date, site name, url, language.
//!
//! [`html`] reads it from the markup (JSON-LD, OpenGraph, `<meta>`, `<time>`,
//! bylines); [`text`] from the header zone of a plain-text dump. Values are
//! never invented: a field the page does not state stays `None`.

pub mod author;
pub mod date;
pub mod html;
pub mod jsonld;
pub mod text;
pub mod title;

/// What is known about a page besides its body text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Canonical link, else og:url.
    pub url: Option<String>,
    /// The article's headline, cleaned of the site name.
    pub title: Option<String>,
    /// The person (or people, joined with "; ") who wrote it.
    pub author: Option<String>,
    /// Publication date, ISO 8601 `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// Language code as declared (`en`, `de`, `pt-BR` cut to `pt`).
    pub language: Option<String>,
    /// Section or category (from breadcrumbs, `article:section`, JSON-LD).
    pub category: Option<String>,
    /// Stated reading time in minutes ("4 Mins Read").
    pub reading_time_minutes: Option<u32>,
}

/// Trim, collapse whitespace, and turn an empty result into `None`.
pub fn clean(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    (!out.is_empty()).then_some(out)
}
