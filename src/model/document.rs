//! The output record: one [`Document`] per page (the JSONL shape), with the
//! page metadata as fields of its own.

use serde::Serialize;

use super::block::Removed;
use super::metadata::Metadata;

/// One cleaned page. Field order is the column order of both outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub format: &'static str,
    pub encoding: &'static str,
    /// What the page states about itself (`url`, `title`, `author`, ...,
    /// `reading_time_minutes`), as fields of the record itself; its
    /// `language` as resolved against the text.
    #[serde(flatten)]
    pub meta: Metadata,
    pub text: String,
    pub word_count: usize,
    pub removed: Removed,
    /// Exact-duplicate key of the normalised text: case, punctuation and
    /// spacing aside, two texts with the same key are the same.
    pub text_hash: String,
    /// Near-duplicate key of the text, computed with `text_hash` from one
    /// normalisation; not an output column.
    #[serde(skip)]
    pub simhash: Option<u64>,
    /// The id of the first earlier page this one duplicates (exactly or
    /// nearly), if any.
    pub duplicate_of: Option<String>,
    /// The URL the page was fetched from (WARC-Target-URI, a JSONL `url`).
    pub source_url: Option<String>,
    /// When it was fetched (WARC-Date).
    pub crawl_date: Option<String>,
}
