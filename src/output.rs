//! Output sinks: `articles.jsonl`, `articles.csv` and `errors.jsonl`.
//!
//! Every file is written to a temporary file inside the output folder and
//! renamed into place by [`Outputs::finish`], so a run that dies leaves the
//! previous outputs intact and never a half-written file under a final name.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::document::{CsvRow, Document, ErrorRecord};
use crate::error::Error;

/// File names inside the output folder.
pub const ARTICLES_JSONL: &str = "articles.jsonl";
pub const ARTICLES_CSV: &str = "articles.csv";
pub const ERRORS_JSONL: &str = "errors.jsonl";

const BUF: usize = 1 << 20;

/// The three open outputs of a run.
pub struct Outputs {
    dir: PathBuf,
    jsonl: BufWriter<NamedTempFile>,
    csv: csv::Writer<BufWriter<NamedTempFile>>,
    errors: BufWriter<NamedTempFile>,
}

impl Outputs {
    /// Create the output folder if needed and open temporary files in it.
    ///
    /// # Errors
    /// The folder cannot be created or written.
    pub fn create(dir: &Path) -> Result<Outputs, Error> {
        let out_err = |source| Error::Output {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(out_err)?;
        let temp = || {
            tempfile::Builder::new()
                .prefix(".deboil-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .map_err(out_err)
        };
        let jsonl = BufWriter::with_capacity(BUF, temp()?);
        let csv = csv::WriterBuilder::new()
            .has_headers(true)
            .from_writer(BufWriter::with_capacity(BUF, temp()?));
        let errors = BufWriter::with_capacity(64 * 1024, temp()?);
        Ok(Outputs {
            dir: dir.to_path_buf(),
            jsonl,
            csv,
            errors,
        })
    }

    fn write_err(&self, name: &str, e: impl std::fmt::Display) -> Error {
        Error::Write {
            path: self.dir.join(name),
            message: e.to_string(),
        }
    }

    /// Append one record to `articles.jsonl` and `articles.csv`.
    ///
    /// # Errors
    /// Writing failed (disk full, ...).
    pub fn article(&mut self, doc: &Document) -> Result<(), Error> {
        serde_json::to_writer(&mut self.jsonl, doc)
            .map_err(|e| self.write_err(ARTICLES_JSONL, e))?;
        self.jsonl
            .write_all(b"\n")
            .map_err(|e| self.write_err(ARTICLES_JSONL, e))?;
        self.csv
            .serialize(CsvRow::from(doc))
            .map_err(|e| self.write_err(ARTICLES_CSV, e))
    }

    /// Append one record to `errors.jsonl`.
    ///
    /// # Errors
    /// Writing failed.
    pub fn error(&mut self, rec: &ErrorRecord) -> Result<(), Error> {
        serde_json::to_writer(&mut self.errors, rec)
            .map_err(|e| self.write_err(ERRORS_JSONL, e))?;
        self.errors
            .write_all(b"\n")
            .map_err(|e| self.write_err(ERRORS_JSONL, e))
    }

    /// Flush everything and rename the temporary files into place.
    ///
    /// # Errors
    /// Flushing or renaming failed; the previous outputs are then untouched
    /// (except for files already renamed).
    pub fn finish(mut self) -> Result<(), Error> {
        // A CSV with no records still gets its header row.
        if self.csv_is_empty() {
            self.csv
                .write_record(csv_header())
                .map_err(|e| self.write_err(ARTICLES_CSV, e))?;
        }
        let dir = self.dir.clone();
        let werr = |name: &str, e: &dyn std::fmt::Display| Error::Write {
            path: dir.join(name),
            message: e.to_string(),
        };
        let jsonl = self
            .jsonl
            .into_inner()
            .map_err(|e| werr(ARTICLES_JSONL, &e))?;
        let csv = self
            .csv
            .into_inner()
            .map_err(|e| werr(ARTICLES_CSV, &e))?
            .into_inner()
            .map_err(|e| werr(ARTICLES_CSV, &e))?;
        let errors = self
            .errors
            .into_inner()
            .map_err(|e| werr(ERRORS_JSONL, &e))?;
        for (file, name) in [
            (jsonl, ARTICLES_JSONL),
            (csv, ARTICLES_CSV),
            (errors, ERRORS_JSONL),
        ] {
            file.as_file().sync_all().map_err(|e| werr(name, &e))?;
            file.persist(dir.join(name)).map_err(|e| werr(name, &e))?;
        }
        Ok(())
    }

    fn csv_is_empty(&mut self) -> bool {
        // csv::Writer writes its header together with the first record.
        let _ = self.csv.flush();
        self.csv
            .get_ref()
            .get_ref()
            .as_file()
            .metadata()
            .map(|m| m.len() == 0)
            .unwrap_or(false)
    }
}

/// The CSV header row, derived from [`CsvRow`]'s field names.
pub fn csv_header() -> Vec<&'static str> {
    vec![
        "id",
        "source",
        "format",
        "encoding",
        "url",
        "title",
        "author",
        "date",
        "site_name",
        "language",
        "description",
        "categories",
        "tags",
        "image",
        "reading_time_minutes",
        "text",
        "word_count",
        "removed_navigation",
        "removed_subscribe",
        "removed_share",
        "removed_related",
        "removed_cookie",
        "removed_comments",
        "removed_footer",
        "removed_other",
    ]
}
