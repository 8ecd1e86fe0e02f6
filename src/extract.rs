//! One page, start to finish: bytes -> decoded text -> blocks -> article
//! -> [`Document`]. Pure functions of the input bytes; no I/O but the read.

use crate::config::Config;
use crate::decode;
use crate::error::PageError;
use crate::input::sniff::sniff;
use crate::input::{self, Format, Input};
use crate::markup::tree::{Exceeded, Limits};
use crate::model::article::Article;
use crate::model::document::Document;
use crate::text::template::Template;

/// Extract the article from a decoded page of the given format.
pub fn extract_str(text: &str, format: Format) -> Article {
    extract_str_with(text, format, &Template::default())
}

/// As [`extract_str`], with the batch's template lines (see
/// [`crate::text::template`]); only text dumps use them so far.
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
    // A limit passed, found by the byte scan before the parse or by the
    // parse itself: one error for each.
    let refuse = |e: Exceeded| match e {
        Exceeded::Depth => PageError::TooDeep {
            limit: config.max_depth,
        },
        Exceeded::Elements => PageError::TooManyNodes {
            limit: config.max_nodes,
        },
        Exceeded::Work => PageError::TooCostly {
            per_byte: crate::markup::tree::WORK_PER_BYTE,
        },
    };
    let (article, encoding) = match format {
        Format::Html => {
            // The parser's buffer, read in place by the byte scan and the
            // parse.
            let (page, encoding) = decode::page_tendril(bytes);
            let shape = crate::markup::guard::shape(page.as_bytes(), config.max_depth);
            if shape.depth > config.max_depth {
                return Err(refuse(Exceeded::Depth));
            }
            if shape.attributes > MAX_ATTRIBUTES {
                return Err(PageError::TooManyAttributes {
                    limit: MAX_ATTRIBUTES,
                });
            }
            if shape.start_tags > config.max_nodes {
                return Err(refuse(Exceeded::Elements));
            }
            let limits = Limits {
                depth: config.max_depth,
                elements: config.max_nodes,
                work: Limits::work_for(page.len()),
            };
            let article = crate::html::extract_page(&page, limits).map_err(refuse)?;
            (article, encoding)
        }
        Format::Text => {
            let decoded = decode::page_text(bytes, false);
            (
                crate::text::extract_with(&decoded.text, template),
                decoded.encoding,
            )
        }
    };
    let text = article.text();
    if text.trim().is_empty() {
        return Err(PageError::NoArticle);
    }
    let m = article.meta;
    let (text_hash, simhash) = crate::dedup::keys(&text);
    Ok(Document {
        id: input.id.clone(),
        source: input.path.to_string_lossy().into_owned(),
        format: format.name(),
        encoding: encoding.name(),
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
        word_count: crate::util::words::word_count(&text),
        text_hash,
        simhash,
        text,
        removed: article.removed,
        duplicate_of: None,
        source_url: None,
        crawl_date: None,
    })
}

/// Most attributes accepted on one element (all `<html>` tags together,
/// and all `<body>` tags, count as one element each, since the parser
/// merges them). The HTML tree builder checks each new attribute against
/// the element's others, so a million attributes take hours; real pages
/// stay under a hundred.
pub const MAX_ATTRIBUTES: usize = 1000;

/// Run the whole per-page path on `bytes` (gunzipped first when they are
/// gzip) as an HTML page, as a text dump and as an unnamed file, with the
/// default limits. For fuzzers and property tests: it must never panic.
pub fn fuzz_page(bytes: &[u8]) {
    let config = Config::default();
    let Ok(bytes) = input::decompress(bytes.to_vec(), config.max_bytes) else {
        return;
    };
    for format in [Some(Format::Html), Some(Format::Text), None] {
        let input = Input {
            path: "fuzz.page".into(),
            id: "fuzz".into(),
            format,
        };
        let _ = process_bytes(&input, &bytes, &config);
    }
}
