//! JSON Lines pages, as scrapers write them: one JSON object per line with
//! the page's HTML (or text) under a field, plus `url` and an id when the
//! scraper has them. Plain or gzipped (any number of members), or from
//! standard input. Streamed line by line: memory holds one line (capped).

use std::io::{BufRead, BufReader, Read};

use serde_json::{Map, Value};

use super::{Format, Input, Item, Page, STDIN, read_line_capped};
use crate::config::Config;
use crate::error::PageError;

/// UTF-8 byte-order mark: JSON strings are Unicode, so the page's bytes are
/// UTF-8 whatever its markup declares.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Read every page of a JSON Lines file (or of standard input when its
/// path is `-`), handing each to `emit` in order. `emit` returns `false` to
/// stop early. A line that is not a JSON object, lacks the content field or
/// is over the size cap becomes an error record; a read failure (corrupt
/// gzip, I/O) becomes one error record and ends the file.
pub fn read(input: &Input, config: &Config, emit: &mut dyn FnMut(Item) -> bool) {
    let fail = |e: PageError, line: u64| {
        Item::Page(Page {
            input: Input {
                path: input.path.clone(),
                id: format!("{}:{line}", input.id),
                format: None,
            },
            bytes: Err(e),
            source_url: None,
            crawl_date: None,
            charset: None,
        })
    };
    let reader: Box<dyn Read> = if input.path.as_os_str() == STDIN {
        Box::new(std::io::stdin().lock())
    } else {
        match super::open(&input.path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                emit(fail(e, 0));
                return;
            }
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let gz = matches!(reader.fill_buf(), Ok(b) if b.starts_with(&super::GZIP_MAGIC));
    let mut reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    // JSON escapes make a line longer than the page it holds.
    let cap = usize::try_from(config.page.max_bytes.saturating_mul(2)).unwrap_or(usize::MAX);
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        line += 1;
        let too_long = match read_line_capped(&mut reader, &mut buf, cap) {
            Ok(None) => return,
            Ok(Some(t)) => t,
            Err(e) => {
                let err = if gz {
                    PageError::Gzip(format!("{e} (at line {line})"))
                } else {
                    PageError::Read(format!("{e} (at line {line})"))
                };
                emit(fail(err, line));
                return;
            }
        };
        if !too_long && buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = if too_long {
            fail(
                PageError::TooLarge {
                    limit: config.page.max_bytes,
                },
                line,
            )
        } else {
            page(input, config, &buf, line)
        };
        if !emit(item) {
            return;
        }
    }
}

fn page(input: &Input, config: &Config, line_bytes: &[u8], line: u64) -> Item {
    crate::input::test_hooks::test_reader_panic_hook(line_bytes);
    let obj: Result<Map<String, Value>, _> = serde_json::from_slice(line_bytes);
    let id_of = |obj: Option<&Map<String, Value>>| match obj.and_then(|o| o.get(&config.id_field)) {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("{}:{line}", input.id),
    };
    let mut out = Page {
        input: Input {
            path: input.path.clone(),
            id: id_of(obj.as_ref().ok()),
            format: None,
        },
        bytes: Err(PageError::Empty),
        source_url: None,
        crawl_date: None,
        charset: None,
    };
    let obj = match obj {
        Ok(o) => o,
        Err(e) => {
            out.bytes = Err(PageError::Record(format!(
                "line {line} is not a JSON object ({e})"
            )));
            return Item::Page(out);
        }
    };
    out.source_url = match obj.get("url") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    };
    let fields: Vec<&str> = match &config.content_field {
        Some(f) => vec![f.as_str()],
        None => vec!["html", "text"],
    };
    let found = fields.iter().find_map(|f| obj.get(*f).map(|v| (*f, v)));
    out.bytes = match found {
        Some((field, Value::String(s))) => {
            out.input.format = match field {
                "html" => Some(Format::Html),
                "text" => Some(Format::Text),
                _ => None,
            };
            if s.len() as u64 > config.page.max_bytes {
                Err(PageError::TooLarge {
                    limit: config.page.max_bytes,
                })
            } else {
                let mut b = Vec::with_capacity(BOM.len() + s.len());
                b.extend_from_slice(BOM);
                b.extend_from_slice(s.as_bytes());
                Ok(b)
            }
        }
        Some((field, Value::Null)) => Err(PageError::Record(format!(
            "line {line}: field \"{field}\" is null"
        ))),
        Some((field, _)) => Err(PageError::Record(format!(
            "line {line}: field \"{field}\" is not a string"
        ))),
        None => Err(PageError::Record(format!(
            "line {line}: no field {}",
            fields
                .iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        ))),
    };
    Item::Page(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Every line that is not blank gives exactly one item, whatever it
        /// holds; nothing panics.
        #[test]
        fn one_item_per_line(lines in proptest::collection::vec(".{0,80}", 0..20)) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("t.jsonl");
            let lines: Vec<String> = lines.iter().map(|l| l.replace(['\n', '\r'], " ")).collect();
            std::fs::write(&path, lines.join("\n")).unwrap();
            let input = Input { path, id: "t".into(), format: None };
            let config = Config { page: crate::config::PageOptions { max_bytes: 40, ..Default::default() }, ..Config::default() };
            let mut n = 0;
            read(&input, &config, &mut |item| {
                assert!(matches!(item, Item::Page(_)));
                n += 1;
                true
            });
            let expected = lines.iter().filter(|l| !l.bytes().all(|b| b.is_ascii_whitespace())).count();
            prop_assert_eq!(n, expected);
        }
    }
}
