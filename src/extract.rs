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
    let mut decoded = decode::decode(bytes, format == Format::Html);
    strip_controls(&mut decoded.text);
    if format == Format::Html {
        if crate::html::guard::nesting_depth(decoded.text.as_bytes(), config.max_depth)
            > config.max_depth
        {
            return Err(PageError::TooDeep {
                limit: config.max_depth,
            });
        }
        if most_attributes(decoded.text.as_bytes(), MAX_ATTRIBUTES) > MAX_ATTRIBUTES {
            return Err(PageError::TooManyAttributes {
                limit: MAX_ATTRIBUTES,
            });
        }
        if count_start_tags(decoded.text.as_bytes(), config.max_nodes) > config.max_nodes {
            return Err(PageError::TooManyNodes {
                limit: config.max_nodes,
            });
        }
    }
    let article = extract_str_with(&decoded.text, format, template);
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
        text_hash,
        simhash,
        text,
        removed: article.removed,
        duplicate_of: None,
        source_url: None,
        crawl_date: None,
    })
}

/// Drop C0 control characters other than tab, line feed, form feed and
/// carriage return, and DEL: they are never article text, and NUL in
/// particular upsets downstream tools. Allocates only when one is present.
pub fn strip_controls(text: &mut String) {
    // The characters dropped are all ASCII, and ASCII bytes never occur
    // inside a multi-byte UTF-8 sequence: work on bytes.
    let bad = |b: u8| (b < b' ' && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f;
    // The same test as range comparisons only, branch-free over fixed
    // chunks, so that it vectorises.
    let bad_wide = |b: u8| {
        u8::from(b < 0x09)
            | u8::from(b == 0x0b)
            | u8::from((0x0e..0x20).contains(&b))
            | u8::from(b == 0x7f)
    };
    let any_bad = text
        .as_bytes()
        .chunks(64)
        .any(|c| c.iter().fold(0u8, |acc, &b| acc | bad_wide(b)) != 0);
    debug_assert_eq!(any_bad, text.bytes().any(bad));
    if any_bad {
        let mut bytes = std::mem::take(text).into_bytes();
        bytes.retain(|&b| !bad(b));
        *text = String::from_utf8(bytes).expect("dropping ASCII bytes keeps UTF-8 valid");
    }
}

/// An upper bound on the elements an HTML parse would create: `<`
/// followed by a letter, stopping once `cap` is passed (the result is then
/// `cap + 1`). Cheap enough to run before parsing.
pub fn count_start_tags(html: &[u8], cap: usize) -> usize {
    let mut n = 0;
    for i in memchr::memchr_iter(b'<', html) {
        if html.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            n += 1;
            if n > cap {
                break;
            }
        }
    }
    n
}

/// Most attributes accepted on one element (all `<html>` tags together,
/// and all `<body>` tags, count as one element each, since the parser
/// merges them). The HTML tree builder checks each new attribute against
/// the element's others, so a million attributes take hours; real pages
/// stay under a hundred.
pub const MAX_ATTRIBUTES: usize = 1000;

/// The largest number of attributes on one element, estimated by a byte
/// scan that follows quotes and skips comments and raw-text elements;
/// stops once `cap` is passed (the result is then more than `cap`).
pub fn most_attributes(html: &[u8], cap: usize) -> usize {
    const RAW: &[&[u8]] = &[b"script", b"style", b"textarea", b"title", b"xmp"];
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let (mut most, mut on_html, mut on_body) = (0usize, 0usize, 0usize);
    let n = html.len();
    let mut i = 0;
    while i < n {
        let Some(off) = memchr::memchr(b'<', &html[i..]) else {
            break;
        };
        i += off + 1;
        if html[i..].starts_with(b"!--") {
            match memchr::memmem::find(&html[i..], b"-->") {
                Some(e) => i += e + 3,
                None => break,
            }
            continue;
        }
        let name_len = html[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !html[i].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[i..i + name_len];
        i += name_len;
        // Count attribute names as the HTML tokenizer reads them: a name
        // starts after whitespace (or `/`); `=` then introduces a value,
        // quoted (to the matching quote) or unquoted (to whitespace or `>`).
        // A quote anywhere else is just a character of a name.
        let mut count = 0usize;
        let mut after_space = false;
        while i < n {
            let b = html[i];
            match b {
                b'>' => {
                    i += 1;
                    break;
                }
                b'=' => {
                    i += 1;
                    while i < n && is_space(html[i]) {
                        i += 1;
                    }
                    if i < n && (html[i] == b'"' || html[i] == b'\'') {
                        match memchr::memchr(html[i], &html[i + 1..]) {
                            Some(e) => i += e + 2,
                            None => i = n,
                        }
                    } else {
                        while i < n && !is_space(html[i]) && html[i] != b'>' {
                            i += 1;
                        }
                    }
                    after_space = true;
                    continue;
                }
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' => after_space = true,
                _ => {
                    if after_space {
                        count += 1;
                    }
                    after_space = false;
                }
            }
            i += 1;
        }
        let total = if name.eq_ignore_ascii_case(b"html") {
            on_html += count;
            on_html
        } else if name.eq_ignore_ascii_case(b"body") {
            on_body += count;
            on_body
        } else {
            count
        };
        most = most.max(total);
        if most > cap {
            return most;
        }
        if RAW.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            match end_tag(&html[i..], name) {
                Some(e) => i += e,
                None => break,
            }
        }
    }
    most
}

/// The offset just past the first `</name` in `html` (any case).
fn end_tag(html: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = memchr::memchr(b'<', &html[from..]) {
        let at = from + off;
        let name_at = at + 2;
        if html.get(at + 1) == Some(&b'/')
            && html
                .get(name_at..name_at + name.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(name))
        {
            return Some(name_at + name.len());
        }
        from = at + 1;
    }
    None
}

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
    fn counts_attributes() {
        assert_eq!(most_attributes(b"<div a=1 b='x y' c d=\"e f\">", 100), 4);
        assert_eq!(most_attributes(b"<p>a < b and c > d</p>", 100), 0);
        assert_eq!(
            most_attributes(b"<script>x = '<div a b c d e>'</script><i x>", 100),
            1
        );
        assert_eq!(most_attributes(b"<html a><html b><html c><p q>", 100), 3);
        let many: String = (0..5000).map(|i| format!(" a{i}=1")).collect();
        assert!(most_attributes(format!("<div{many}>").as_bytes(), 1000) > 1000);
        // A quote inside an unquoted value or a name does not open a quoted
        // run (real pages that were refused before this was fixed).
        assert_eq!(most_attributes(b"<a href=it's title=x>text</a>", 100), 2);
        let text = "word ".repeat(2000);
        let page = format!("<p data-x=don't>{text}</p><a b'c d>{text}<i e='f'>");
        assert!(most_attributes(page.as_bytes(), 1000) <= 2);
    }

    #[test]
    fn sniffs() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"<div><p>hi</p></div>"), Format::Html);
        assert_eq!(sniff(b"Home\n  * Menu\nSome text."), Format::Text);
    }
}
