//! Command-line arguments (clap derive) and their conversion into a frozen
//! [`Config`]. Validation happens here, once.

use std::path::PathBuf;

use clap::Parser;

use crate::config::Config;

/// Turn raw scraped page dumps (HTML or rendered text) into clean article
/// records: `articles.jsonl`, `articles.csv` and `errors.jsonl`.
#[derive(Debug, Parser)]
#[command(name = "deboil", version, about)]
pub struct Args {
    /// Files or folders to clean (folders are walked recursively, in sorted order).
    #[arg(default_value = "raw")]
    pub inputs: Vec<PathBuf>,

    /// Output folder.
    #[arg(short, long, default_value = "cleaned")]
    pub output: PathBuf,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, default_value_t = 0)]
    pub threads: usize,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Largest page accepted, in bytes after decompression.
    #[arg(long, default_value_t = Config::default().max_bytes)]
    pub max_bytes: u64,

    /// Deepest element nesting accepted in an HTML page; deeper pages become
    /// error records.
    #[arg(long, default_value_t = Config::default().max_depth)]
    pub max_depth: usize,

    /// Most HTML elements accepted in one page (estimated from its start
    /// tags before parsing); larger pages become error records.
    #[arg(long, default_value_t = Config::default().max_nodes)]
    pub max_nodes: usize,

    /// Reprocess only inputs new or changed since the last completed run
    /// into the output folder; carry over the records of the others.
    #[arg(long)]
    pub incremental: bool,

    /// Neutralise spreadsheet formulas in articles.csv: a cell starting with
    /// =, +, -, @, tab or CR gets a leading '.
    #[arg(long)]
    pub csv_safe: bool,

    /// Print nothing on stderr but errors (no progress bar, no summary line).
    #[arg(short, long)]
    pub quiet: bool,
}

impl Args {
    /// Validate and freeze into a [`Config`].
    ///
    /// # Errors
    /// A message for arguments that make no sense together.
    pub fn into_config(self) -> Result<Config, String> {
        if self.max_bytes == 0 {
            return Err("--max-bytes must be at least 1".into());
        }
        if self.max_nodes == 0 || self.max_depth == 0 {
            return Err("--max-nodes and --max-depth must be at least 1".into());
        }
        Ok(Config {
            inputs: self.inputs,
            output_dir: self.output,
            threads: self.threads,
            progress: !self.no_progress && !self.quiet,
            max_bytes: self.max_bytes,
            max_depth: self.max_depth,
            max_nodes: self.max_nodes,
            incremental: self.incremental,
            csv_safe: self.csv_safe,
        })
    }
}
