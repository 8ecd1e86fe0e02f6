//! Errors: [`Error`] is fatal to a run (bad arguments, unwritable output);
//! [`PageError`] belongs to one page and never stops the batch.

use std::path::PathBuf;

/// A problem that stops the whole run (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input named on the command line does not exist or cannot be read.
    #[error("input {path}: {source}")]
    Input {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The output folder cannot be created or written.
    #[error("output {path}: {source}")]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing a record failed (disk full, ...).
    #[error("writing {path}: {message}")]
    Write { path: PathBuf, message: String },
    /// Another run holds the lock on the output folder.
    #[error("output {path} is in use by another deboil run{holder}; wait for it or use another -o")]
    Locked { path: PathBuf, holder: String },
    /// The run was interrupted (Ctrl-C); previous outputs are untouched.
    #[error("interrupted; previous outputs in {path} left untouched")]
    Interrupted { path: PathBuf },
    /// The configuration is inconsistent.
    #[error("{0}")]
    Config(String),
}

/// Why one page produced no record. The `Display` form is the `reason`
/// written to `errors.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("read failed: {0}")]
    Read(String),
    #[error("gzip: {0}")]
    Gzip(String),
    #[error("empty file")]
    Empty,
    #[error("binary content, not a text or HTML page")]
    Binary,
    #[error("no article text found")]
    NoArticle,
    #[error("page is larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("elements nested deeper than the limit of {limit}")]
    TooDeep { limit: usize },
    #[error("more HTML elements than the limit of {limit}")]
    TooManyNodes { limit: usize },
    #[error("an element with more attributes than the limit of {limit}")]
    TooManyAttributes { limit: usize },
    #[error("markup too costly to parse (over {per_byte} tree-builder steps per byte)")]
    TooCostly { per_byte: u64 },
    #[error("not a regular file ({0})")]
    NotAFile(&'static str),
    #[error("invalid record: {0}")]
    Record(String),
    #[error("internal error (panic): {0}")]
    Panic(String),
}

impl PageError {
    /// The reason without its detail: the text before the first `:`, used
    /// to group errors in the run summary.
    pub fn kind_of(reason: &str) -> &str {
        reason.split(':').next().unwrap_or(reason)
    }
}
