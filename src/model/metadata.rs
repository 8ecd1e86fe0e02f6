//! [`Metadata`]: what a page states about itself besides its text.

use serde::Serialize;

/// What is known about a page besides its body text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
    /// Language code (`en`, `de`, `pt-BR` cut to `pt`): as declared,
    /// unless the text is clearly in another language.
    pub language: Option<String>,
    /// The page's own summary (`og:description`, `<meta name=description>`).
    pub description: Option<String>,
    /// Sections or categories (`article:section`, JSON-LD `articleSection`,
    /// `rel=category` links, breadcrumbs).
    pub categories: Vec<String>,
    /// Tags or keywords (`article:tag`, JSON-LD `keywords`, `rel=tag` links).
    pub tags: Vec<String>,
    /// The lead image (`og:image`, JSON-LD `image`), an absolute URL.
    pub image: Option<String>,
    /// Stated reading time in minutes ("4 Mins Read").
    pub reading_time_minutes: Option<u32>,
}
