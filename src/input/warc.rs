//! WARC files (ISO 28500, WARC/1.0 and 1.1), plain or gzipped with one
//! gzip member per record (the usual `.warc.gz`; a file gzipped as a whole
//! works too). Every `response` record whose HTTP status is 200 and whose
//! body is HTML is a page; other records are skipped and counted.
//!
//! A small streaming reader over flate2 rather than the `warc` crate: the
//! page id needs each record's byte offset in the file (the offset CDX
//! indexes use), the per-page size cap must hold before a record's body is
//! read into memory, and a corrupt gzip member must end only that member.
//! Memory holds one record at a time (at most `--max-bytes`).
//!
//! Ids: `FILE#OFFSET`, where FILE is the file's id (its relative path
//! minus `.warc.gz`) and OFFSET the byte offset of the record (of its gzip
//! member in a `.warc.gz`); a record that shares a gzip member with earlier
//! ones gets `FILE#MEMBER+OFFSET` (offset inside the member's data).

use std::io::{self, BufRead, BufReader, Read};

use encoding_rs::Encoding;

use super::{Format, Input, Item, Page, read_line_capped};
use crate::config::Config;
use crate::error::PageError;

/// Skip reasons, as counted in the summary.
pub const NOT_RESPONSE: &str = "WARC record not a response";
pub const NOT_200: &str = "HTTP status not 200";
pub const NOT_HTML: &str = "not HTML";

/// Longest header line and largest header block accepted.
const MAX_LINE: usize = 64 * 1024;
const MAX_HEADER: usize = 1 << 20;

/// A reader that counts the bytes consumed through it.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
        self.pos += n as u64;
    }
}

/// How reading the records of one stream ended.
enum Outcome {
    /// The stream ended cleanly.
    End,
    /// `emit` asked to stop.
    Stop,
    /// A record was malformed: in a `.warc.gz`, go on at the next member.
    Corrupt,
    /// Reading failed (truncated, I/O, corrupt gzip): give up the file.
    Failed,
}

fn error_item(input: &Input, id: String, e: PageError) -> Item {
    Item::Page(Page {
        input: Input {
            path: input.path.clone(),
            id,
            format: Some(Format::Html),
        },
        bytes: Err(e),
        source_url: None,
        crawl_date: None,
        charset: None,
    })
}

/// Read every page of a WARC file, handing each to `emit` in order; `emit`
/// returns `false` to stop early. Malformed records and read failures
/// become error records naming the record's offset.
pub fn read(input: &Input, config: &Config, emit: &mut dyn FnMut(Item) -> bool) {
    let file = match super::open(&input.path) {
        Ok(f) => f,
        Err(e) => {
            emit(error_item(input, format!("{}#0", input.id), e));
            return;
        }
    };
    let mut outer = Counting {
        inner: BufReader::with_capacity(1 << 16, file),
        pos: 0,
    };
    let gz = matches!(outer.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
    if !gz {
        let id = |off: u64| format!("{}#{off}", input.id);
        records(&mut outer, input, config, &id, false, emit);
        return;
    }
    loop {
        match outer.fill_buf() {
            Ok([]) => return,
            Ok(_) => {}
            Err(e) => {
                let id = format!("{}#{}", input.id, outer.pos);
                emit(error_item(input, id, PageError::Read(e.to_string())));
                return;
            }
        }
        let member = outer.pos;
        let mut dec = Counting {
            inner: BufReader::with_capacity(1 << 16, flate2::bufread::GzDecoder::new(&mut outer)),
            pos: 0,
        };
        let id = |off: u64| {
            if off == 0 {
                format!("{}#{member}", input.id)
            } else {
                format!("{}#{member}+{off}", input.id)
            }
        };
        match records(&mut dec, input, config, &id, true, emit) {
            Outcome::Stop | Outcome::Failed => return,
            Outcome::End | Outcome::Corrupt => {}
        }
        // The rest of the member: the blank lines after the last record,
        // or a record given up on.
        if let Err(e) = io::copy(&mut dec, &mut io::sink()) {
            emit(error_item(
                input,
                format!("{}#{member}", input.id),
                PageError::Gzip(e.to_string()),
            ));
            return;
        }
    }
}

fn io_error(e: &io::Error, gz: bool) -> PageError {
    if gz || e.kind() == io::ErrorKind::InvalidData {
        PageError::Gzip(e.to_string())
    } else {
        PageError::Read(e.to_string())
    }
}

/// Read the records of one (decompressed) stream.
fn records<R: BufRead>(
    r: &mut Counting<R>,
    input: &Input,
    config: &Config,
    id: &dyn Fn(u64) -> String,
    gz: bool,
    emit: &mut dyn FnMut(Item) -> bool,
) -> Outcome {
    let mut line = Vec::new();
    loop {
        // Blank lines separate records.
        loop {
            match r.fill_buf() {
                Ok([]) => return Outcome::End,
                Ok([b'\r' | b'\n', ..]) => r.consume(1),
                Ok(_) => break,
                Err(e) => {
                    emit(error_item(input, id(r.pos), io_error(&e, gz)));
                    return Outcome::Failed;
                }
            }
        }
        let off = r.pos;
        let fail = |e: PageError| error_item(input, id(off), e);
        let corrupt = |msg: &str| {
            fail(PageError::Record(format!(
                "malformed WARC record at offset {off}: {msg}"
            )))
        };
        match read_line_capped(r, &mut line, 64) {
            Ok(Some(false)) if line.starts_with(b"WARC/") => {}
            Ok(_) => {
                emit(corrupt("no WARC/ version line"));
                return Outcome::Corrupt;
            }
            Err(e) => {
                emit(fail(io_error(&e, gz)));
                return Outcome::Failed;
            }
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut total = 0;
        loop {
            match read_line_capped(r, &mut line, MAX_LINE) {
                Ok(None) => {
                    emit(fail(PageError::Record(format!(
                        "truncated WARC record at offset {off}"
                    ))));
                    return Outcome::Failed;
                }
                Ok(Some(true)) => {
                    emit(corrupt("header line too long"));
                    return Outcome::Corrupt;
                }
                Ok(Some(false)) => {}
                Err(e) => {
                    emit(fail(io_error(&e, gz)));
                    return Outcome::Failed;
                }
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if line.is_empty() {
                break;
            }
            total += line.len();
            if total > MAX_HEADER {
                emit(corrupt("header block too large"));
                return Outcome::Corrupt;
            }
            let text = String::from_utf8_lossy(&line);
            if line[0] == b' ' || line[0] == b'\t' {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
                continue;
            }
            let Some((name, value)) = text.split_once(':') else {
                emit(corrupt("header line without a colon"));
                return Outcome::Corrupt;
            };
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            emit(corrupt("no valid Content-Length"));
            return Outcome::Corrupt;
        };
        let is_response = get("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        if !is_response || len > config.max_bytes {
            match io::copy(&mut r.by_ref().take(len), &mut io::sink()) {
                Ok(n) if n == len => {}
                Ok(n) => {
                    emit(fail(PageError::Record(format!(
                        "truncated WARC record at offset {off} ({n} of {len} bytes)"
                    ))));
                    return Outcome::Failed;
                }
                Err(e) => {
                    emit(fail(io_error(&e, gz)));
                    return Outcome::Failed;
                }
            }
            let item = if is_response {
                fail(PageError::TooLarge {
                    limit: config.max_bytes,
                })
            } else {
                Item::Skipped(NOT_RESPONSE)
            };
            if !emit(item) {
                return Outcome::Stop;
            }
            continue;
        }
        let mut block = Vec::with_capacity(len as usize);
        if let Err(e) = r.by_ref().take(len).read_to_end(&mut block) {
            emit(fail(io_error(&e, gz)));
            return Outcome::Failed;
        }
        if (block.len() as u64) < len {
            emit(fail(PageError::Record(format!(
                "truncated WARC record at offset {off} ({} of {len} bytes)",
                block.len()
            ))));
            return Outcome::Failed;
        }
        let page = Page {
            input: Input {
                path: input.path.clone(),
                id: id(off),
                format: Some(Format::Html),
            },
            bytes: Ok(Vec::new()),
            source_url: get("warc-target-uri")
                .map(|u| u.trim_matches(['<', '>']).to_string())
                .filter(|u| !u.is_empty()),
            crawl_date: get("warc-date").map(str::to_string),
            charset: None,
        };
        if !emit(http_page(page, &block)) {
            return Outcome::Stop;
        }
    }
}

/// The page in an HTTP response block, or why it is skipped.
fn http_page(mut page: Page, block: &[u8]) -> Item {
    let (head_len, body_start) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => {
                page.bytes = Err(PageError::Record(
                    "response record without a complete HTTP header".into(),
                ));
                return Item::Page(page);
            }
        },
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let (Some(proto), Some(status)) = (parts.next(), parts.next()) else {
        page.bytes = Err(PageError::Record(
            "response record without an HTTP status".into(),
        ));
        return Item::Page(page);
    };
    if !proto.starts_with("HTTP/") {
        page.bytes = Err(PageError::Record(
            "response record without an HTTP status".into(),
        ));
        return Item::Page(page);
    }
    if status != "200" {
        return Item::Skipped(NOT_200);
    }
    let headers: Vec<(String, &str)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim()))
        .collect();
    let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    let mut body = &block[body_start..];
    let dechunked;
    if get("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        && let Some(b) = dechunk(body)
    {
        dechunked = b;
        body = &dechunked;
    }
    match get("content-type") {
        Some(ct) => {
            let mut params = ct.split(';');
            let mime = params
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            if mime != "text/html" && mime != "application/xhtml+xml" {
                return Item::Skipped(NOT_HTML);
            }
            page.charset = params
                .filter_map(|p| p.split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
                .and_then(|(_, v)| Encoding::for_label(v.trim().trim_matches('"').as_bytes()));
        }
        None => {
            let plain = crate::input::decompress(body.to_vec(), u64::MAX).unwrap_or_default();
            if crate::extract::sniff(&plain) != Format::Html {
                return Item::Skipped(NOT_HTML);
            }
        }
    }
    match get("content-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("" | "identity" | "gzip" | "x-gzip") => {}
        Some(other) => {
            page.bytes = Err(PageError::Record(format!(
                "unsupported Content-Encoding {other}"
            )));
            return Item::Page(page);
        }
    }
    page.bytes = Ok(body.to_vec());
    Item::Page(page)
}

/// Undo HTTP chunked transfer encoding; `None` when `body` is not chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = memchr::memmem::find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read_all(bytes: &[u8], gzip: bool) -> Vec<Item> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.warc");
        let data = if gzip {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(bytes).unwrap();
            e.finish().unwrap()
        } else {
            bytes.to_vec()
        };
        std::fs::write(&path, data).unwrap();
        let input = Input {
            path,
            id: "t".into(),
            format: None,
        };
        let config = Config {
            max_bytes: 4096,
            ..Config::default()
        };
        let mut items = Vec::new();
        read(&input, &config, &mut |i| {
            items.push(i);
            true
        });
        items
    }

    const RECORD: &[u8] = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 56\r\n\r\n\
        HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hello</p>\r\n\r\n";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Arbitrary bytes after a valid record, cut anywhere, plain or
        /// gzipped: never a panic, and the record before them is a page.
        #[test]
        fn hostile_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..600),
                                     cut in 0usize..700, gzip in any::<bool>()) {
            let mut bytes = RECORD.to_vec();
            bytes.extend_from_slice(&tail);
            let full = read_all(&bytes, gzip);
            prop_assert!(matches!(&full[0], Item::Page(p) if p.bytes.is_ok()));
            let cut = cut.min(bytes.len());
            let _ = read_all(&bytes[..cut], gzip);
        }
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=1\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
    }
}
