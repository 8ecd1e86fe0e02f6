//! Errors: [`Error`] is fatal to a run (bad arguments, unwritable output);
//! [`PageError`] belongs to one page and never stops the batch.

use std::path::PathBuf;

/// A problem that stops the whole run (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input named on the command line does not exist or cannot be read.
    #[error("input {path}: {source}")]
    Input {
        /// The input.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The output folder cannot be created or written.
    #[error("output {path}: {source}")]
    Output {
        /// The output folder or file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Writing a record failed (disk full, ...).
    #[error("writing {path}: {message}")]
    Write {
        /// The file being written.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Another run holds the lock on the output folder.
    #[error("output {path} is in use by another deboil run{holder}; wait for it or use another -o")]
    Locked {
        /// The output folder.
        path: PathBuf,
        /// Who holds the lock, as the lock file says (" (pid N)"), or "".
        holder: String,
    },
    /// The run was interrupted (Ctrl-C); previous outputs are untouched.
    #[error("interrupted; previous outputs in {path} left untouched")]
    Interrupted {
        /// The output folder.
        path: PathBuf,
    },
    /// The configuration is inconsistent.
    #[error("{0}")]
    Config(String),
}

/// Why one page produced no record. The `Display` form is the `reason`
/// written to `errors.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// The file could not be opened or read (the system's message).
    #[error("read failed: {0}")]
    Read(String),
    /// Corrupt or truncated gzip (the decoder's message).
    #[error("gzip: {0}")]
    Gzip(String),
    /// Nothing but whitespace.
    #[error("empty file")]
    Empty,
    /// Bytes that are no text (NULs, control characters, images).
    #[error("binary content, not a text or HTML page")]
    Binary,
    /// The page was read, but no article text was found in it.
    #[error("no article text found")]
    NoArticle,
    /// More bytes than the limit, as given or after decompression.
    #[error("page is larger than the limit of {limit} bytes")]
    TooLarge {
        /// [`PageOptions::max_bytes`](crate::PageOptions::max_bytes).
        limit: u64,
    },
    /// Container elements nested deeper than the limit.
    #[error("elements nested deeper than the limit of {limit}")]
    TooDeep {
        /// [`PageOptions::max_depth`](crate::PageOptions::max_depth).
        limit: usize,
    },
    /// More elements than the limit.
    #[error("more HTML elements than the limit of {limit}")]
    TooManyNodes {
        /// [`PageOptions::max_nodes`](crate::PageOptions::max_nodes).
        limit: usize,
    },
    /// One element with more attributes than the limit.
    #[error("an element with more attributes than the limit of {limit}")]
    TooManyAttributes {
        /// The most attributes accepted on one element (1,000).
        limit: usize,
    },
    /// Markup whose repairs would cost the tree builder too much.
    #[error("markup too costly to parse (over {per_byte} tree-builder steps per byte)")]
    TooCostly {
        /// The tree-builder steps allowed per byte of the page.
        per_byte: u64,
    },
    /// A folder, FIFO, socket or device named like a page (its kind).
    #[error("not a regular file ({0})")]
    NotAFile(&'static str),
    /// A WARC or JSON Lines record that holds no page (why).
    #[error("invalid record: {0}")]
    Record(String),
    /// deboil panicked on this page (the panic's message); the batch went on.
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
