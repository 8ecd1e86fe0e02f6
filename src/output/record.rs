//! The rows written beside the records: the CSV form of a record, and the
//! error records.

use serde::Serialize;

use crate::model::document::Document;

/// The CSV form of a [`Document`]: `removed` becomes one column per kind.
#[derive(Debug, Serialize)]
pub struct CsvRow<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub format: &'a str,
    pub encoding: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub author: Option<&'a str>,
    pub date: Option<&'a str>,
    pub site_name: Option<&'a str>,
    pub language: Option<&'a str>,
    pub description: Option<&'a str>,
    /// Joined with `"; "`.
    pub categories: String,
    /// Joined with `"; "`.
    pub tags: String,
    pub image: Option<&'a str>,
    pub reading_time_minutes: Option<u32>,
    pub text: &'a str,
    pub word_count: usize,
    pub removed_navigation: u32,
    pub removed_subscribe: u32,
    pub removed_share: u32,
    pub removed_related: u32,
    pub removed_cookie: u32,
    pub removed_comments: u32,
    pub removed_footer: u32,
    pub removed_other: u32,
    pub text_hash: &'a str,
    pub duplicate_of: Option<&'a str>,
    pub source_url: Option<&'a str>,
    pub crawl_date: Option<&'a str>,
}

impl<'a> From<&'a Document> for CsvRow<'a> {
    fn from(d: &'a Document) -> CsvRow<'a> {
        let r = &d.removed;
        CsvRow {
            id: &d.id,
            source: &d.source,
            format: d.format,
            encoding: d.encoding,
            url: d.meta.url.as_deref(),
            title: d.meta.title.as_deref(),
            author: d.meta.author.as_deref(),
            date: d.meta.date.as_deref(),
            site_name: d.meta.site_name.as_deref(),
            language: d.meta.language.as_deref(),
            description: d.meta.description.as_deref(),
            categories: d.meta.categories.join("; "),
            tags: d.meta.tags.join("; "),
            image: d.meta.image.as_deref(),
            reading_time_minutes: d.meta.reading_time_minutes,
            text: &d.text,
            word_count: d.word_count,
            removed_navigation: r.navigation,
            removed_subscribe: r.subscribe,
            removed_share: r.share,
            removed_related: r.related,
            removed_cookie: r.cookie,
            removed_comments: r.comments,
            removed_footer: r.footer,
            removed_other: r.other,
            text_hash: &d.text_hash,
            duplicate_of: d.duplicate_of.as_deref(),
            source_url: d.source_url.as_deref(),
            crawl_date: d.crawl_date.as_deref(),
        }
    }
}

/// A page that produced no record, as written to `errors.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    pub id: String,
    pub source: String,
    pub reason: String,
}

/// An error as written to standard output under `--stdout`: the same
/// fields, with the reason under `error`, so one stream carries both kinds
/// and a reader tells them apart by that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StreamError<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub error: &'a str,
}
