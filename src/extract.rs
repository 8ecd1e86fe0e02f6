//! One page, start to finish: bytes -> decoded text -> blocks -> article
//! -> [`Document`]. Pure functions of the input bytes; no I/O but the read.

use crate::batch::Template;
use crate::block::{self, Block, Removed};
use crate::config::Config;
use crate::decode;
use crate::document::Document;
use crate::error::PageError;
use crate::input::{self, Format, Input};
use crate::metadata::Metadata;

/// What an extractor found on one page.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The article's blocks, in page order.
    pub blocks: Vec<Block>,
    /// Boilerplate dropped, by kind.
    pub removed: Removed,
    /// Title, author, date, ...
    pub meta: Metadata,
}

impl Article {
    /// The article text as written to the record.
    pub fn text(&self) -> String {
        block::render(&self.blocks)
    }
}

/// Extract the article from a decoded page of the given format.
pub fn extract_str(text: &str, format: Format) -> Article {
    extract_str_with(text, format, &Template::default())
}

/// As [`extract_str`], with the batch's template lines (see
/// [`crate::batch`]); only text dumps use them so far.
pub fn extract_str_with(text: &str, format: Format, template: &Template) -> Article {
    match format {
        Format::Html => crate::html::extract(text),
        Format::Text => crate::text::extract_with(text, template),
    }
}

/// Read, decode and extract one input file.
///
/// # Errors
/// Unreadable, empty or binary files, and pages with no article text.
pub fn process(input: &Input, config: &Config) -> Result<Document, PageError> {
    let bytes = input::read(&input.path, config.max_bytes)?;
    process_bytes(input, &bytes, config)
}

/// Decode and extract one page already in memory.
///
/// # Errors
/// Empty or binary content, pages nested deeper than the limit, and pages
/// with no article text.
pub fn process_bytes(input: &Input, bytes: &[u8], config: &Config) -> Result<Document, PageError> {
    process_bytes_with(input, bytes, config, &Template::default())
}

/// As [`process_bytes`], with the batch's template lines.
///
/// # Errors
/// As [`process_bytes`].
pub fn process_bytes_with(
    input: &Input,
    bytes: &[u8],
    config: &Config,
    template: &Template,
) -> Result<Document, PageError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PageError::Empty);
    }
    if decode::looks_binary(bytes) {
        return Err(PageError::Binary);
    }
    let format = input.format.unwrap_or_else(|| sniff(bytes));
    let decoded = decode::decode(bytes, format == Format::Html);
    if format == Format::Html
        && crate::html::guard::nesting_depth(decoded.text.as_bytes(), config.max_depth)
            > config.max_depth
    {
        return Err(PageError::TooDeep {
            limit: config.max_depth,
        });
    }
    let article = extract_str_with(&decoded.text, format, template);
    let text = article.text();
    if text.trim().is_empty() {
        return Err(PageError::NoArticle);
    }
    let m = article.meta;
    Ok(Document {
        id: input.id.clone(),
        source: input.path.to_string_lossy().into_owned(),
        format: format.name(),
        encoding: decoded.encoding.name(),
        url: m.url,
        title: m.title,
        author: m.author,
        date: m.date,
        site_name: m.site_name,
        language: crate::metadata::language::resolve(m.language, &text),
        description: m.description,
        categories: m.categories,
        tags: m.tags,
        image: m.image,
        reading_time_minutes: m.reading_time_minutes,
        word_count: block::word_count(&text),
        text,
        removed: article.removed,
    })
}

/// Guess the format of a file whose name does not tell: markup near the
/// start means HTML.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    let start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &lower[i..])
        .unwrap_or(&[]);
    let markup = has(b"<html") || has(b"<!doctype html") || has(b"<head") || has(b"<body");
    if markup || (start.starts_with(b"<") && (has(b"<div") || has(b"<p>") || has(b"</"))) {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"<div><p>hi</p></div>"), Format::Html);
        assert_eq!(sniff(b"Home\n  * Menu\nSome text."), Format::Text);
    }
}
