//! The frozen run configuration. Built once (by the CLI or by library users)
//! and passed by reference everywhere; no I/O here.

use std::path::PathBuf;

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
    /// Largest input file accepted, in bytes (after decompression).
    pub max_bytes: u64,
    /// Deepest nesting of container elements accepted in an HTML page.
    /// Deeper pages are refused: the HTML tree builder is quadratic in depth.
    pub max_depth: usize,
    /// Most HTML elements accepted in one page, estimated before parsing by
    /// counting start tags. Each parsed node costs a few hundred bytes, so
    /// this bounds the memory of one page.
    pub max_nodes: usize,
    /// Reprocess only inputs new or changed since the last completed run
    /// into `output_dir`; carry the records of unchanged inputs over.
    pub incremental: bool,
    /// Neutralise spreadsheet formulas in `articles.csv`: a cell starting
    /// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
    pub csv_safe: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            inputs: vec![PathBuf::from("raw")],
            output_dir: PathBuf::from("cleaned"),
            threads: 0,
            progress: true,
            max_bytes: 64 * 1024 * 1024,
            max_depth: 4096,
            max_nodes: 1_000_000,
            incremental: false,
            csv_safe: false,
        }
    }
}
