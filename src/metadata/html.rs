//! Metadata from HTML markup: JSON-LD, OpenGraph, `<meta>`, `<time>`, bylines.

use super::Metadata;

/// Read the page's metadata from its parsed document.
pub fn extract(_doc: &scraper::Html) -> Metadata {
    Metadata::default()
}
