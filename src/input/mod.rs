//! Finding inputs and reading them: folders walked recursively in sorted
//! order, stable ids, `.gz` transparently decompressed (with a size cap).
//! Files that hold many pages (WARC, JSON Lines, standard input) are
//! streamed page by page by [`warc`] and [`jsonl`].

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, PageError};

pub mod jsonl;
pub use crate::model::format::Format;

pub mod sniff;
pub(crate) mod test_hooks;
pub mod warc;

/// The path that stands for standard input (JSON Lines pages).
pub const STDIN: &str = "-";

/// A file that holds many pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// A WARC file (`.warc`, `.warc.gz`).
    Warc,
    /// JSON Lines, one page per line (`.jsonl`, `.ndjson`, each also `.gz`).
    Jsonl,
    /// JSON Lines pages on standard input (`-`).
    Stdin,
}

/// Whether `input` holds many pages, and in which format.
pub fn container(input: &Input) -> Option<Container> {
    if input.path.as_os_str() == STDIN {
        return Some(Container::Stdin);
    }
    let name = input
        .path
        .file_name()?
        .to_string_lossy()
        .to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".warc") {
        Some(Container::Warc)
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Some(Container::Jsonl)
    } else {
        None
    }
}

/// A page read out of a container (WARC record, JSON line), with what the
/// container says about it.
#[derive(Debug)]
pub struct Page {
    /// The page's id and format; `path` is the container's.
    pub input: Input,
    /// The page's bytes (HTTP body, JSON string), or why they are missing.
    pub bytes: Result<Vec<u8>, PageError>,
    /// The URL it was fetched from (`WARC-Target-URI`, the `url` field).
    pub source_url: Option<String>,
    /// When it was fetched (`WARC-Date`).
    pub crawl_date: Option<String>,
    /// The charset of the HTTP `Content-Type` header.
    pub charset: Option<&'static encoding_rs::Encoding>,
}

/// What reading a container yields, in order.
#[derive(Debug)]
pub enum Item {
    /// A page (or an error record for a page that could not be read).
    Page(Page),
    /// A record that is not a page, by reason (counted in the summary).
    Skipped(&'static str),
}

/// One input file to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as found (joined onto the folder given on the command line).
    pub path: PathBuf,
    /// Stable id: path relative to the folder it was found in, minus `.gz`
    /// and then minus the type extension.
    pub id: String,
    /// The format its name announces; `None` when it must be sniffed.
    pub format: Option<Format>,
}

/// Type extensions, lower-case, with the format each announces.
const EXTENSIONS: &[(&str, Format)] = &[
    (".warc", Format::Html),
    (".jsonl", Format::Html),
    (".ndjson", Format::Html),
    (".html", Format::Html),
    (".htm", Format::Html),
    (".xhtml", Format::Html),
    (".txt", Format::Text),
];

/// The id and announced format for a relative path.
pub fn id_and_format(rel: &str) -> (String, Option<Format>) {
    let mut id = rel.strip_suffix(".gz").unwrap_or(rel);
    let lower = id.to_ascii_lowercase();
    let mut format = None;
    for &(ext, f) in EXTENSIONS {
        if lower.ends_with(ext) && lower.len() > ext.len() {
            id = &id[..id.len() - ext.len()];
            // Containers hold pages of their own formats.
            format = Some(f).filter(|_| !matches!(ext, ".warc" | ".jsonl" | ".ndjson"));
            break;
        }
    }
    (id.to_string(), format)
}

/// Expand the command-line inputs into the sorted list of files to process.
/// Hidden files and folders (names starting with `.`) inside folders are
/// skipped, and so is a folder already walked (symbolic link loops). Every
/// other entry that is not a folder is listed, even when it is not a
/// regular file (FIFOs, sockets, dangling or looping links): [`read`] turns
/// it into an error record without ever blocking on it.
///
/// # Errors
/// An input named on the command line that does not exist.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Input>, Error> {
    let mut out = Vec::new();
    for root in inputs {
        if root.as_os_str() == STDIN {
            out.push(Input {
                path: root.clone(),
                id: "stdin".into(),
                format: None,
            });
            continue;
        }
        let meta = fs::metadata(root).map_err(|source| Error::Input {
            path: root.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut seen = Vec::new();
            walk(root, root, &mut found, &mut seen);
            found.sort_by(|a: &Input, b: &Input| a.path.cmp(&b.path));
            out.extend(found);
        } else {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (id, format) = id_and_format(&name);
            out.push(Input {
                path: root.clone(),
                id,
                format,
            });
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Input>, seen: &mut Vec<PathBuf>) {
    // Guard against symlink loops: never enter the same real folder twice.
    match fs::canonicalize(dir) {
        Ok(real) if seen.contains(&real) => return,
        Ok(real) => seen.push(real),
        Err(_) => return,
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // fs::metadata follows links; a dangling or looping link fails and
        // is listed, to be reported by `read`.
        let is_dir = fs::metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir {
            walk(root, &path, out, seen);
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel = rel
                .to_string_lossy()
                .replace(std::path::MAIN_SEPARATOR, "/");
            let (id, format) = id_and_format(&rel);
            out.push(Input { path, id, format });
        }
    }
}

/// Read a file, gunzipping it when it is gzip (by magic bytes), refusing
/// more than `max_bytes` of content.
///
/// # Errors
/// I/O failures, things that are not regular files, corrupt gzip, and files
/// over the limit.
pub fn read(path: &Path, max_bytes: u64) -> Result<Vec<u8>, PageError> {
    let raw = read_raw(path, max_bytes)?;
    decompress(raw, max_bytes)
}

/// Read a file's bytes as stored, refusing more than `max_bytes`. Opened
/// without blocking, so a FIFO named like a page is reported, not waited on.
///
/// # Errors
/// I/O failures, dangling or looping links, things that are not regular
/// files, and files over the limit.
pub fn read_raw(path: &Path, max_bytes: u64) -> Result<Vec<u8>, PageError> {
    let file = open(path)?;
    let meta = file
        .metadata()
        .map_err(|e| PageError::Read(e.to_string()))?;
    if meta.len() > max_bytes {
        return Err(PageError::TooLarge { limit: max_bytes });
    }
    let mut raw = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut raw)
        .map_err(|e| PageError::Read(e.to_string()))?;
    if raw.len() as u64 > max_bytes {
        return Err(PageError::TooLarge { limit: max_bytes });
    }
    Ok(raw)
}

/// Open a regular file for reading, without blocking on FIFOs.
///
/// # Errors
/// As [`read_raw`], but for the size.
pub fn open(path: &Path) -> Result<fs::File, PageError> {
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = opts.open(path).map_err(|e| {
        let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        #[cfg(unix)]
        let looped = e.raw_os_error() == Some(libc::ELOOP);
        #[cfg(not(unix))]
        let looped = false;
        match (link, looped) {
            (true, true) => PageError::Read(format!("symbolic link loop ({e})")),
            (true, false) => PageError::Read(format!("broken symbolic link ({e})")),
            _ => PageError::Read(e.to_string()),
        }
    })?;
    let meta = file
        .metadata()
        .map_err(|e| PageError::Read(e.to_string()))?;
    if !meta.is_file() {
        return Err(PageError::NotAFile(file_kind(&meta.file_type())));
    }
    Ok(file)
}

/// Read one line (without its line feed) into `buf`, keeping at most
/// `cap` bytes of it. `Ok(None)` at the end of the stream, else
/// `Ok(Some(too_long))`; a line over the cap is consumed to its end but
/// not kept, so memory stays bounded.
///
/// # Errors
/// Read failures (including corrupt gzip underneath).
pub fn read_line_capped(
    r: &mut impl std::io::BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(take + usize::from(done));
        if done {
            return Ok(Some(too_long));
        }
    }
}

fn file_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if t.is_dir() { "folder" } else { "special file" }
}

/// The first two bytes of every gzip member.
pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Gunzip `raw` when it starts with the gzip magic bytes, refusing more
/// than `max_bytes` of output (a gzip bomb stops there).
///
/// # Errors
/// Corrupt or truncated gzip, and output over the limit.
pub fn decompress(raw: Vec<u8>, max_bytes: u64) -> Result<Vec<u8>, PageError> {
    if !raw.starts_with(&GZIP_MAGIC) {
        return Ok(raw);
    }
    gunzip(&raw, max_bytes)
}

/// As [`decompress`], lending `raw` back when it is not gzip.
///
/// # Errors
/// As [`decompress`].
pub fn decompressed(raw: &[u8], max_bytes: u64) -> Result<std::borrow::Cow<'_, [u8]>, PageError> {
    if !raw.starts_with(&GZIP_MAGIC) {
        return Ok(std::borrow::Cow::Borrowed(raw));
    }
    gunzip(raw, max_bytes).map(std::borrow::Cow::Owned)
}

/// Gunzip every member of `raw`, refusing more than `max_bytes` of output.
fn gunzip(raw: &[u8], max_bytes: u64) -> Result<Vec<u8>, PageError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(raw)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| PageError::Gzip(e.to_string()))?;
    if out.len() as u64 > max_bytes {
        return Err(PageError::TooLarge { limit: max_bytes });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(
            id_and_format("x/042b.html.gz"),
            ("x/042b".into(), Some(Format::Html))
        );
        assert_eq!(
            id_and_format("lemire.me.json.html"),
            ("lemire.me.json".into(), Some(Format::Html))
        );
        assert_eq!(id_and_format("a/b.TXT"), ("a/b".into(), Some(Format::Text)));
        assert_eq!(
            id_and_format("page.xhtml"),
            ("page".into(), Some(Format::Html))
        );
        assert_eq!(id_and_format("noext"), ("noext".into(), None));
        assert_eq!(id_and_format("dump.gz"), ("dump".into(), None));
        assert_eq!(id_and_format("c/x.warc.gz"), ("c/x".into(), None));
        assert_eq!(id_and_format("s.jsonl"), ("s".into(), None));
    }
}
