//! WARC files (ISO 28500, WARC/1.0 and 1.1, and the WARC/0.17-0.18
//! drafts of the same layout), plain or gzipped with one
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
/// Most bytes reserved ahead for a record's block.
const PREALLOC: u64 = 1 << 20;

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
    let gz = matches!(outer.fill_buf(), Ok(b) if b.starts_with(&super::GZIP_MAGIC));
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

/// Read the records of one (decompressed) stream. After a malformed
/// record the reader goes on at the next version line (`WARC/1.0`,
/// `WARC/0.18`, ...), so one bad record costs only itself.
fn records<R: BufRead>(
    r: &mut Counting<R>,
    input: &Input,
    config: &Config,
    id: &dyn Fn(u64) -> String,
    gz: bool,
    emit: &mut dyn FnMut(Item) -> bool,
) -> Outcome {
    let mut line = Vec::new();
    // The offset of a version line already read while resynchronising.
    let mut found: Option<u64> = None;
    // A record that ends early in a `.warc.gz` ended with its gzip member:
    // go on at the next member. In a plain file it ended with the file.
    let short = if gz {
        Outcome::Corrupt
    } else {
        Outcome::Failed
    };
    'records: loop {
        let (off, have_version) = match found.take() {
            Some(off) => (off, true),
            None => {
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
                (r.pos, false)
            }
        };
        let fail = |e: PageError| error_item(input, id(off), e);
        let corrupt = |msg: &str| {
            fail(PageError::Record(format!(
                "malformed WARC record at offset {off}: {msg}"
            )))
        };
        // Report a malformed record, then find the next one.
        macro_rules! resync {
            ($msg:expr) => {{
                if !emit(corrupt($msg)) {
                    return Outcome::Stop;
                }
                match next_record(r, &mut line) {
                    Ok(Some(next)) => {
                        found = Some(next);
                        continue 'records;
                    }
                    Ok(None) => return Outcome::Corrupt,
                    Err(e) => {
                        emit(error_item(input, id(r.pos), io_error(&e, gz)));
                        return Outcome::Failed;
                    }
                }
            }};
        }
        if !have_version {
            match read_line_capped(r, &mut line, 64) {
                Ok(Some(false)) if is_version_line(&line) => {}
                Ok(_) => resync!("no WARC/ version line"),
                Err(e) => {
                    emit(fail(io_error(&e, gz)));
                    return Outcome::Failed;
                }
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
                    return short;
                }
                Ok(Some(true)) => resync!("header line too long"),
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
                resync!("header block too large");
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
                resync!("header line without a colon");
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
            resync!("no valid Content-Length");
        };
        let is_response = get("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        if !is_response || len > config.page.max_bytes {
            match io::copy(&mut r.by_ref().take(len), &mut io::sink()) {
                Ok(n) if n == len => {}
                Ok(n) => {
                    emit(fail(PageError::Record(format!(
                        "truncated WARC record at offset {off} ({n} of {len} bytes)"
                    ))));
                    return short;
                }
                Err(e) => {
                    emit(fail(io_error(&e, gz)));
                    return Outcome::Failed;
                }
            }
            let item = if is_response {
                fail(PageError::TooLarge {
                    limit: config.page.max_bytes,
                })
            } else {
                Item::Skipped(NOT_RESPONSE)
            };
            if !emit(item) {
                return Outcome::Stop;
            }
            continue;
        }
        // Content-Length is only a claim: the buffer grows as bytes come.
        let mut block = Vec::with_capacity(len.min(config.page.max_bytes).min(PREALLOC) as usize);
        if let Err(e) = r.by_ref().take(len).read_to_end(&mut block) {
            emit(fail(io_error(&e, gz)));
            return Outcome::Failed;
        }
        if (block.len() as u64) < len {
            emit(fail(PageError::Record(format!(
                "truncated WARC record at offset {off} ({} of {len} bytes)",
                block.len()
            ))));
            return short;
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

/// Skip to the next version line and read it; its offset, or `None` at
/// the end of the stream.
fn next_record<R: BufRead>(r: &mut Counting<R>, line: &mut Vec<u8>) -> io::Result<Option<u64>> {
    loop {
        let start = r.pos;
        match read_line_capped(r, line, 64)? {
            None => return Ok(None),
            Some(false) if is_version_line(line) => return Ok(Some(start)),
            Some(_) => {}
        }
    }
}

/// Whether a line (without its line feed) is a record's version line:
/// `WARC/` and a `MAJOR.MINOR` version, nothing else. Strict, so that a
/// body line merely mentioning WARC does not start a record while
/// resynchronising.
fn is_version_line(line: &[u8]) -> bool {
    let Some(version) = line.trim_ascii_end().strip_prefix(b"WARC/") else {
        return false;
    };
    let mut parts = version.splitn(2, |&b| b == b'.');
    let number =
        |p: Option<&[u8]>| p.is_some_and(|p| !p.is_empty() && p.iter().all(u8::is_ascii_digit));
    number(parts.next()) && number(parts.next())
}

/// The page in an HTTP response block, or why it is skipped.
fn http_page(mut page: Page, block: &[u8]) -> Item {
    let Some((head_len, body_start)) = header_end(block) else {
        page.bytes = Err(PageError::Record(
            "response record without a complete HTTP header".into(),
        ));
        return Item::Page(page);
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
            if crate::input::sniff::sniff(&sniff_prefix(body)) != Format::Html {
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

/// The end of the HTTP header in `block`: its length and where the body
/// starts, at whichever blank line comes first (`\r\n\r\n`, or a bare
/// `\n\n` from a server that ends lines with `\n` only).
fn header_end(block: &[u8]) -> Option<(usize, usize)> {
    let crlf = memchr::memmem::find(block, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// How much of a body without a Content-Type is decompressed to tell
/// whether it is HTML ([`crate::input::sniff::sniff`] looks at less).
const SNIFF_BYTES: u64 = 8 * 1024;

/// The start of `body` to sniff: at most [`SNIFF_BYTES`], decompressed
/// first when gzipped (a gzip bomb costs no more than that; the page
/// itself is decompressed later under `--max-bytes`).
fn sniff_prefix(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !body.starts_with(&super::GZIP_MAGIC) {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = Vec::new();
    // A corrupt stream keeps what was decompressed before the error.
    let _ = flate2::read::MultiGzDecoder::new(body)
        .take(SNIFF_BYTES)
        .read_to_end(&mut out);
    std::borrow::Cow::Owned(out)
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
            page: crate::config::PageOptions {
                max_bytes: 4096,
                ..Default::default()
            },
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

    fn is_page(item: &Item) -> bool {
        matches!(item, Item::Page(p) if p.bytes.is_ok())
    }

    fn error_of(item: &Item) -> Option<(String, String)> {
        match item {
            Item::Page(p) => p
                .bytes
                .as_ref()
                .err()
                .map(|e| (p.input.id.clone(), e.to_string())),
            Item::Skipped(_) => None,
        }
    }

    /// A malformed record in a plain file or in one gzip member costs only
    /// itself: the reader finds the next record, and every record gets a
    /// page or an error.
    #[test]
    fn a_malformed_record_is_reported_and_the_next_records_are_read() {
        for bad in [
            &b"WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\n\r\nWARC/2 junk\r\n\r\n"[..],
            b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nbody\r\n\r\n",
            b"garbage before any record\r\nmore garbage\r\n\r\n",
        ] {
            let mut bytes = RECORD.to_vec();
            bytes.extend_from_slice(bad);
            bytes.extend_from_slice(RECORD);
            bytes.extend_from_slice(RECORD);
            for gzip in [false, true] {
                let items = read_all(&bytes, gzip);
                assert_eq!(items.len(), 4, "gzip {gzip}: {items:?}");
                assert!(is_page(&items[0]) && is_page(&items[2]) && is_page(&items[3]));
                let (id, reason) = error_of(&items[1]).unwrap();
                let at = |off: usize| {
                    if gzip {
                        format!("t#0+{off}")
                    } else {
                        format!("t#{off}")
                    }
                };
                assert_eq!(id, at(RECORD.len()));
                assert!(reason.contains("malformed WARC record"), "{reason}");
                let Item::Page(p) = &items[2] else { unreachable!() };
                assert_eq!(p.input.id, at(RECORD.len() + bad.len()));
            }
        }
    }

    /// The pre-ISO drafts (WARC/0.17, 0.18) share the 1.0 layout: their
    /// records are read, and a malformed one is skipped up to the next
    /// draft version line just as in a 1.x file.
    #[test]
    fn draft_versions_are_read_and_resynchronised() {
        let draft =
            String::from_utf8(RECORD.to_vec())
                .unwrap()
                .replacen("WARC/1.1", "WARC/0.18", 1);
        let mut bytes = draft.clone().into_bytes();
        bytes.extend_from_slice(b"WARC/0.18\r\nWARC-Type: response\r\nno colon here\r\n\r\n");
        bytes.extend_from_slice(b"a body line naming WARC/1.0 and WARC/0.x\r\n\r\n");
        bytes.extend_from_slice(draft.as_bytes());
        for gzip in [false, true] {
            let items = read_all(&bytes, gzip);
            assert_eq!(items.len(), 3, "gzip {gzip}: {items:?}");
            assert!(is_page(&items[0]) && is_page(&items[2]), "{items:?}");
            assert!(error_of(&items[1]).is_some());
        }
    }

    #[test]
    fn version_lines_are_strict() {
        for yes in ["WARC/1.0", "WARC/1.1\r", "WARC/0.17", "WARC/0.18"] {
            assert!(is_version_line(yes.as_bytes()), "{yes}");
        }
        for no in [
            "WARC/2 junk",
            "WARC/1.",
            "WARC/1.0 extra",
            "WARC/1.0.1",
            "warc/1.0",
            "WARC/x.1",
            "WARC/",
        ] {
            assert!(!is_version_line(no.as_bytes()), "{no}");
        }
    }

    /// A record whose Content-Length runs past the end of its gzip member
    /// is reported, and the next member is read.
    #[test]
    fn a_record_cut_short_by_its_gzip_member_does_not_end_the_file() {
        use std::io::Write;
        let member = |b: &[u8]| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(b).unwrap();
            e.finish().unwrap()
        };
        let short =
            String::from_utf8_lossy(RECORD).replace("Content-Length: 56", "Content-Length: 99");
        let mut bytes = member(short.as_bytes());
        let next = bytes.len();
        bytes.extend(member(RECORD));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.warc.gz");
        std::fs::write(&path, bytes).unwrap();
        let input = Input {
            path,
            id: "t".into(),
            format: None,
        };
        let mut items = Vec::new();
        read(&input, &Config::default(), &mut |i| {
            items.push(i);
            true
        });
        assert_eq!(items.len(), 2, "{items:?}");
        let (id, reason) = error_of(&items[0]).unwrap();
        assert_eq!(id, "t#0");
        assert!(reason.contains("truncated WARC record"), "{reason}");
        let Item::Page(p) = &items[1] else {
            panic!("not a page")
        };
        assert_eq!(p.input.id, format!("t#{next}"));
        assert!(p.bytes.is_ok());
    }

    /// The HTTP header ends at the first blank line, bare `\n\n` or
    /// `\r\n\r\n`, whichever comes first.
    #[test]
    fn the_http_header_ends_at_the_first_blank_line() {
        let block = b"HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>one</p>\r\n\r\n<p>two</p>";
        assert_eq!(header_end(block), Some((39, 41)));
        assert_eq!(header_end(b"HTTP/1.1 200 OK\r\n\r\nx\n\ny"), Some((15, 19)));
        assert_eq!(header_end(b"HTTP/1.1 200 OK\r\n"), None);
        let page = Page {
            input: Input {
                path: "t.warc".into(),
                id: "t".into(),
                format: None,
            },
            bytes: Ok(Vec::new()),
            source_url: None,
            crawl_date: None,
            charset: None,
        };
        let Item::Page(p) = http_page(page, block) else {
            panic!("not a page")
        };
        assert_eq!(p.bytes.unwrap(), b"<p>one</p>\r\n\r\n<p>two</p>");
    }

    /// A gzipped body without a Content-Type is sniffed from its first
    /// [`SNIFF_BYTES`] only, however much it inflates to.
    #[test]
    fn sniffing_a_gzip_bomb_inflates_only_its_start() {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(b"<!doctype html><html><body>").unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..64 {
            e.write_all(&zeros).unwrap();
        }
        let bomb = e.finish().unwrap();
        let prefix = sniff_prefix(&bomb);
        assert_eq!(prefix.len() as u64, SNIFF_BYTES);
        assert_eq!(crate::input::sniff::sniff(&prefix), Format::Html);
        assert_eq!(&*sniff_prefix(b"<p>plain</p>"), b"<p>plain</p>");
        // A cut stream keeps what it inflated.
        assert!(sniff_prefix(&bomb[..200]).starts_with(b"<!doctype html>"));
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
