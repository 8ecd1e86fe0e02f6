//! HTML pages -> article blocks.

use crate::extract::Article;

/// Extract the article from an HTML page.
pub fn extract(html: &str) -> Article {
    let doc = scraper::Html::parse_document(html);
    let meta = crate::metadata::html::extract(&doc);
    let text: String = doc.root_element().text().collect();
    Article {
        meta,
        ..crate::text::extract(&text)
    }
}
