//! Command-line arguments (clap derive) and their conversion into a frozen
//! [`Config`]. Validation happens here, once.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use deboil::{Compress, Config, PageOptions, Table};

/// Turn raw scraped page dumps (HTML or rendered text) into clean article
/// records: `articles.jsonl`, `articles.csv` and `errors.jsonl`.
#[derive(Debug, Parser)]
#[command(
    name = "deboil",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// Print the record's schema instead of cleaning (an input folder
    /// named like the command is read as `./schema`).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or folders to clean (folders are walked recursively, in sorted
    /// order); `-` reads JSON Lines pages from standard input. Default: raw.
    pub inputs: Vec<PathBuf>,

    /// Read more input paths from FILE, one per line (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    pub inputs_from: Option<PathBuf>,

    /// JSON Lines inputs: the field holding the page (default: `html`, then `text`).
    #[arg(long, value_name = "NAME")]
    pub content_field: Option<String>,

    /// JSON Lines inputs: the field holding the page's id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// Write records as JSON Lines to standard output (errors as records
    /// with an `error` field) instead of files; the summary goes to stderr.
    #[arg(long)]
    pub stdout: bool,

    /// Exit 0 even when some pages failed (they are still listed as error
    /// records): for engines that retry a task on any other exit code.
    #[arg(long)]
    pub exit_zero_on_page_errors: bool,

    /// Drop duplicate pages (exact or near) instead of marking `duplicate_of`.
    #[arg(long)]
    pub dedup: bool,

    /// Keep only pages in these languages (comma-separated codes: de,en).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub lang: Vec<String>,

    /// Drop pages whose text has fewer words than N.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_words: usize,

    /// Process only the K-th of N deterministic slices of the inputs, into
    /// DIR/shard-K-of-N/, with a completion marker; a completed shard is
    /// not redone.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,

    /// Compress articles.jsonl: gzip (articles.jsonl.gz) or zstd (articles.jsonl.zst).
    #[arg(long, value_name = "gzip|zstd")]
    pub compress: Option<String>,

    /// The table beside articles.jsonl: csv (articles.csv) or parquet
    /// (articles.parquet).
    #[arg(long, value_name = "csv|parquet", default_value = "csv")]
    pub format: String,

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
    #[arg(long, default_value_t = PageOptions::default().max_bytes)]
    pub max_bytes: u64,

    /// Deepest element nesting accepted in an HTML page; deeper pages become
    /// error records.
    #[arg(long, default_value_t = PageOptions::default().max_depth)]
    pub max_depth: usize,

    /// Most HTML elements accepted in one page (estimated from its start
    /// tags before parsing); larger pages become error records.
    #[arg(long, default_value_t = PageOptions::default().max_nodes)]
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

/// What `deboil` does besides cleaning.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the schema of a line of articles.jsonl: a JSON Schema, or with
    /// --arrow an Arrow schema (an Arrow IPC stream without rows).
    Schema {
        /// Write the Arrow schema (binary: redirect it to a file, such as
        /// article.arrows).
        #[arg(long)]
        arrow: bool,
        /// With --arrow: the schema of articles.csv's columns instead.
        #[arg(long, requires = "arrow")]
        csv: bool,
    },
}

impl Command {
    /// What the command prints on standard output.
    pub fn output(&self) -> Vec<u8> {
        match self {
            Command::Schema { arrow: true, csv } => deboil::arrow_schema(*csv),
            Command::Schema { arrow: false, .. } => deboil::json_schema().into_bytes(),
        }
    }
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
        let mut inputs = self.inputs;
        if let Some(list) = &self.inputs_from {
            let text = if list.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
            } else {
                std::fs::read_to_string(list)
            }
            .map_err(|e| format!("--inputs-from {}: {e}", list.display()))?;
            inputs.extend(
                text.lines()
                    .map(str::trim_end)
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from),
            );
        }
        if inputs.is_empty() && self.inputs_from.is_none() {
            inputs.push(PathBuf::from("raw"));
        }
        let stdin_inputs = inputs.iter().filter(|p| p.as_os_str() == "-").count();
        let stdin_list = self
            .inputs_from
            .as_ref()
            .is_some_and(|p| p.as_os_str() == "-");
        if stdin_inputs > 1 || (stdin_inputs == 1 && stdin_list) {
            return Err("standard input (-) can be read only once".into());
        }
        let shard = match &self.shard {
            None => None,
            Some(text) => Some(parse_shard(text)?),
        };
        let compress = match self.compress.as_deref() {
            None => Compress::None,
            Some("gzip" | "gz") => Compress::Gzip,
            Some("zstd" | "zst") => Compress::Zstd,
            Some(other) => return Err(format!("--compress {other}: use gzip or zstd")),
        };
        let table = match self.format.as_str() {
            "csv" => Table::Csv,
            "parquet" => Table::Parquet,
            other => return Err(format!("--format {other}: use csv or parquet")),
        };
        if table == Table::Parquet && !cfg!(feature = "parquet") {
            return Err(
                "--format parquet needs a deboil built with the `parquet` feature (on by default; this one was built with --no-default-features)"
                    .into(),
            );
        }
        let languages: Vec<String> = self
            .lang
            .iter()
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        if self.incremental {
            let clash = [
                (self.stdout, "--stdout"),
                (shard.is_some(), "--shard"),
                (self.dedup, "--dedup"),
                (!languages.is_empty(), "--lang"),
                (self.min_words > 0, "--min-words"),
                (compress != Compress::None, "--compress"),
                (table != Table::Csv, "--format parquet"),
                (stdin_inputs > 0, "- (standard input)"),
            ];
            if let Some((_, name)) = clash.iter().find(|(on, _)| *on) {
                return Err(format!(
                    "--incremental cannot be combined with {name}: it carries records over \
                     from articles.jsonl and articles.csv page file by page file"
                ));
            }
        }
        if self.stdout {
            let clash = [
                (
                    shard.is_some(),
                    "--shard (a shard writes files and a marker)",
                ),
                (
                    compress != Compress::None,
                    "--compress (compress the stream itself)",
                ),
                (table != Table::Csv, "--format parquet"),
            ];
            if let Some((_, name)) = clash.iter().find(|(on, _)| *on) {
                return Err(format!("--stdout cannot be combined with {name}"));
            }
        }
        if shard.is_some() && stdin_inputs > 0 {
            return Err("--shard slices files; it cannot read standard input (-)".into());
        }
        let output_dir = match shard {
            Some((k, n)) => self.output.join(deboil::shard_folder_name(k, n)),
            None => self.output,
        };
        Ok(Config {
            inputs,
            output_dir,
            threads: self.threads,
            progress: !self.no_progress && !self.quiet,
            page: PageOptions {
                max_bytes: self.max_bytes,
                max_depth: self.max_depth,
                max_nodes: self.max_nodes,
                ..PageOptions::default()
            },
            incremental: self.incremental,
            csv_safe: self.csv_safe,
            content_field: self.content_field,
            id_field: self.id_field,
            stdout: self.stdout,
            dedup: self.dedup,
            languages,
            min_words: self.min_words,
            shard,
            compress,
            table,
        })
    }
}

/// `K/N` with 1 <= K <= N.
fn parse_shard(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("--shard {text}: expected K/N with 1 <= K <= N (for example 3/16)");
    let (k, n) = text.split_once('/').ok_or_else(bad)?;
    let k: u32 = k.trim().parse().map_err(|_| bad())?;
    let n: u32 = n.trim().parse().map_err(|_| bad())?;
    if k == 0 || n == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}
