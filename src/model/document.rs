//! The output record: one [`Document`] per page (the JSONL shape), with the
//! page metadata as fields of its own.

use serde::Serialize;

use super::block::Removed;
use super::metadata::Metadata;

/// One cleaned page. Field order is the column order of both outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The page's id: its path relative to the input folder, without
    /// extensions (or the WARC or JSON Lines record's id).
    pub id: String,
    /// Where it was read from (the file as named).
    pub source: String,
    /// `html` or `text`.
    pub format: &'static str,
    /// The encoding it was decoded from (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// What the page states about itself (`url`, `title`, `author`, ...,
    /// `reading_time_minutes`), as fields of the record itself; its
    /// `language` as resolved against the text.
    #[serde(flatten)]
    pub meta: Metadata,
    /// The article text: paragraphs separated by a blank line, headings,
    /// list items and table rows each on a line of their own.
    pub text: String,
    /// Words in `text` (each CJK character counts as one).
    pub word_count: usize,
    /// Boilerplate dropped, by kind.
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
