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
        }
    }
}
