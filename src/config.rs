//! The frozen run configuration. Built once (by the CLI or by library users)
//! and passed by reference everywhere; no I/O here.

use std::path::PathBuf;

use crate::model::format::Format;

/// Everything a run needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// Files or folders to process. Folders are walked recursively in sorted order.
    pub inputs: Vec<PathBuf>,
    /// Folder that receives `articles.jsonl`, `articles.csv`, `errors.jsonl`.
    pub output_dir: PathBuf,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Show a progress bar (only honoured when stderr is a terminal).
    pub progress: bool,
    /// The options of every page: the limits (its `format`, `id`, `source`
    /// and `url` are each page's own, and unused here).
    pub page: PageOptions,
    /// Reprocess only inputs new or changed since the last completed run
    /// into `output_dir`; carry the records of unchanged inputs over.
    pub incremental: bool,
    /// Neutralise spreadsheet formulas in `articles.csv`: a cell starting
    /// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
    pub csv_safe: bool,
    /// JSON Lines inputs: the field holding the page; `None` tries `html`,
    /// then `text`.
    pub content_field: Option<String>,
    /// JSON Lines inputs: the field holding the page's id.
    pub id_field: String,
    /// Write records (and errors, with an `error` field) as JSON Lines to
    /// standard output instead of files in `output_dir`.
    pub stdout: bool,
    /// Drop duplicates (exact or near) instead of marking `duplicate_of`.
    pub dedup: bool,
    /// Keep only pages in these languages (lower-case codes); empty keeps all.
    pub languages: Vec<String>,
    /// Drop pages with fewer words than this; 0 keeps all.
    pub min_words: usize,
    /// Process only the K-th (1-based) of N slices of the inputs.
    pub shard: Option<(u32, u32)>,
    /// Compress `articles.jsonl` (`articles.jsonl.gz`, `.zst`).
    pub compress: Compress,
    /// The table written beside `articles.jsonl`.
    pub table: Table,
}

/// The options of one page: what it is and the limits it must stay
/// within. The command holds one in [`Config::page`] for the limits and
/// fills the rest for each page; library users pass one to
/// [`extract_page`](crate::extract_page).
#[derive(Debug, Clone)]
pub struct PageOptions {
    /// The page's format; `None` sniffs the bytes, as the command does for
    /// files whose name does not tell.
    pub format: Option<Format>,
    /// The record's `id`.
    pub id: String,
    /// The record's `source`.
    pub source: String,
    /// The URL the page was fetched from: the record's `source_url`.
    pub url: Option<String>,
    /// Largest page accepted, in bytes (as given, and after
    /// decompression).
    pub max_bytes: u64,
    /// Deepest nesting of container elements accepted in an HTML page.
    /// Deeper pages are refused: the HTML tree builder is quadratic in depth.
    pub max_depth: usize,
    /// Most HTML elements accepted in one page, estimated before parsing by
    /// counting start tags. Each parsed node costs a few hundred bytes, so
    /// this bounds the memory of one page.
    pub max_nodes: usize,
}

impl Default for PageOptions {
    fn default() -> PageOptions {
        PageOptions {
            format: None,
            id: String::new(),
            source: String::new(),
            url: None,
            max_bytes: 64 * 1024 * 1024,
            max_depth: 4096,
            max_nodes: 1_000_000,
        }
    }
}

/// Compression of `articles.jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compress {
    /// `articles.jsonl`.
    #[default]
    None,
    /// `articles.jsonl.gz`.
    Gzip,
    /// `articles.jsonl.zst`.
    Zstd,
}

/// The table file written beside `articles.jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    /// `articles.csv`.
    #[default]
    Csv,
    /// `articles.parquet` (needs the `parquet` cargo feature).
    Parquet,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            inputs: vec![PathBuf::from("raw")],
            output_dir: PathBuf::from("cleaned"),
            threads: 0,
            progress: true,
            page: PageOptions::default(),
            incremental: false,
            csv_safe: false,
            content_field: None,
            id_field: "id".into(),
            stdout: false,
            dedup: false,
            languages: Vec::new(),
            min_words: 0,
            shard: None,
            compress: Compress::None,
            table: Table::Csv,
        }
    }
}
