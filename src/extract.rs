//! One page, start to finish: bytes -> decoded text -> blocks -> article
//! -> [`Document`]. Pure functions of the input bytes; no I/O.

use crate::config::PageOptions;
use crate::decode;
use crate::error::PageError;
use crate::input::sniff::sniff;
use crate::input::test_hooks::test_panic_hook;
use crate::input::{self, Format};
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

/// One page's bytes (plain or gzip; any charset, decoded as the command
/// decodes files) -> its record. The command calls this for every page
/// file; it is safe to call from many threads at once.
///
/// ```
/// use deboil::{Format, PageOptions, extract_page};
///
/// let page = b"<html><body><article><p>The council approved the new budget on \
///     Tuesday, after a debate that lasted well into the night and drew a large \
///     crowd of residents.</p></article></body></html>";
/// let options = PageOptions { id: "budget".into(), ..PageOptions::default() };
/// let doc = extract_page(page, &options).unwrap();
/// assert_eq!(doc.id, "budget");
/// assert_eq!(doc.format, "html");
/// assert!(doc.text.starts_with("The council approved"));
/// ```
///
/// # Errors
/// The reasons the command writes to `errors.jsonl`: empty or binary
/// content, corrupt gzip, more than [`PageOptions::max_bytes`], nesting
/// deeper than [`PageOptions::max_depth`], more elements than
/// [`PageOptions::max_nodes`] or too many attributes, a page too costly to
/// parse, and a page with no article text.
pub fn extract_page(bytes: &[u8], options: &PageOptions) -> Result<Document, PageError> {
    extract_page_with(bytes, options, &Template::default()).0
}

/// As [`extract_page`], with the batch's template lines, also giving the
/// page's size after decompression (0 when it could not be decompressed)
/// for the run's summary.
pub(crate) fn extract_page_with(
    bytes: &[u8],
    options: &PageOptions,
    template: &Template,
) -> (Result<Document, PageError>, u64) {
    if bytes.len() as u64 > options.max_bytes {
        return (
            Err(PageError::TooLarge {
                limit: options.max_bytes,
            }),
            0,
        );
    }
    let bytes = match input::decompressed(bytes, options.max_bytes) {
        Ok(b) => b,
        Err(e) => return (Err(e), 0),
    };
    test_panic_hook(&bytes);
    let size = bytes.len() as u64;
    (process_bytes_with(&bytes, options, template), size)
}

/// Decode and extract one page already decompressed.
///
/// # Errors
/// As [`extract_page`], but for the decompression.
pub(crate) fn process_bytes_with(
    bytes: &[u8],
    options: &PageOptions,
    template: &Template,
) -> Result<Document, PageError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PageError::Empty);
    }
    if decode::looks_binary(bytes) {
        return Err(PageError::Binary);
    }
    let format = options.format.unwrap_or_else(|| sniff(bytes));
    // A limit passed, found by the byte scan before the parse or by the
    // parse itself: one error for each.
    let refuse = |e: Exceeded| match e {
        Exceeded::Depth => PageError::TooDeep {
            limit: options.max_depth,
        },
        Exceeded::Elements => PageError::TooManyNodes {
            limit: options.max_nodes,
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
            let shape = crate::markup::guard::shape(page.as_bytes(), options.max_depth);
            if shape.depth > options.max_depth {
                return Err(refuse(Exceeded::Depth));
            }
            if shape.attributes > MAX_ATTRIBUTES {
                return Err(PageError::TooManyAttributes {
                    limit: MAX_ATTRIBUTES,
                });
            }
            if shape.start_tags > options.max_nodes {
                return Err(refuse(Exceeded::Elements));
            }
            let limits = Limits {
                depth: options.max_depth,
                elements: options.max_nodes,
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
    let mut meta = article.meta;
    meta.language = crate::metadata::language::resolve(meta.language, &text);
    let word_count = crate::util::words::word_count(&text);
    let (text_hash, simhash) = crate::dedup::keys(&text);
    Ok(Document {
        id: options.id.clone(),
        source: options.source.clone(),
        format: format.name(),
        encoding: encoding.name(),
        meta,
        word_count,
        text_hash,
        simhash,
        text,
        removed: article.removed,
        duplicate_of: None,
        source_url: options.url.clone(),
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
#[cfg(any(test, feature = "internals"))]
pub fn fuzz_page(bytes: &[u8]) {
    for format in [Some(Format::Html), Some(Format::Text), None] {
        let options = PageOptions {
            format,
            id: "fuzz".into(),
            source: "fuzz.page".into(),
            ..PageOptions::default()
        };
        let _ = extract_page(bytes, &options);
    }
}
