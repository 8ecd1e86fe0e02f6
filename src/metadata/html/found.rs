//! The candidates one walk over a page collects, for [`super::pick`] to
//! choose from.

use std::collections::HashMap;

use serde_json::Value;

/// A `<time>` element or other date carrier, with how much it is trusted.
pub(super) struct DateCand {
    pub(super) value: String,
    /// The element's text, the date as the reader sees it.
    pub(super) shown: String,
    pub(super) score: u8,
}

/// Everything one walk over the document collects.
#[derive(Default)]
pub(super) struct Found {
    pub(super) lang: Option<String>,
    pub(super) meta: HashMap<String, String>,
    pub(super) canonical: Option<String>,
    pub(super) title: Option<String>,
    /// `<h1>` texts, and whether the whole heading is a link to the front
    /// page (a logo).
    pub(super) h1s: Vec<(String, bool)>,
    /// `<h2>`/`<h3>` whose class names a title ("entry-title").
    pub(super) title_heads: Vec<String>,
    pub(super) jsonld: Vec<Value>,
    pub(super) times: Vec<DateCand>,
    pub(super) itemprop_dates: Vec<String>,
    pub(super) class_dates: Vec<String>,
    pub(super) authors: Vec<(u8, String)>,
    pub(super) breadcrumb: Vec<String>,
    /// Every `article:section` / `article:tag` meta value, in order.
    pub(super) meta_sections: Vec<String>,
    pub(super) meta_tags: Vec<String>,
    /// Texts of `rel=category` and `rel=tag` links outside foreign regions.
    pub(super) rel_categories: Vec<String>,
    pub(super) rel_tags: Vec<String>,
    /// Link texts of the first category- and tag-classed lists.
    pub(super) class_categories: Vec<String>,
    pub(super) class_tags: Vec<String>,
    /// Names that follow an "Autor:" or "Text:" label further down the
    /// page (the element after the label's).
    pub(super) labelled_bylines: Vec<String>,
    /// Short texts of the few elements just before the first `<h1>`
    /// and of those after it: where a date line stands.
    pub(super) near_h1: Vec<String>,
    /// Own texts of elements that are a date alone ("16.10.2021",
    /// "Datum: 28.01.2022"), outside foreign regions, in page order.
    pub(super) standalone_dates: Vec<String>,
}
