//! Output sinks: `articles.jsonl`, `articles.csv` and `errors.jsonl`, plus
//! `summary.json` and the incremental manifest.
//!
//! Every file of a run is written into a fresh version folder
//! (`DIR/.deboil-runs/run-*`) and shown only when the run completes, by one
//! atomic switch of the link `DIR/current` (see [`commit`]): a reader of
//! `DIR/articles.jsonl` and the other files sees the whole previous run or
//! the whole new one at every instant, never a mix and never a half-written
//! file; a run that dies (SIGKILL, power loss, Ctrl-C) leaves the previous
//! run shown.

pub mod commit;
pub mod lock;
pub mod manifest;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod record;
pub mod schema;

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::config::{Compress, Table};
use crate::error::Error;
use crate::model::document::Document;
use crate::output::commit::Stage;
use crate::output::record::{CsvRow, ErrorRecord};

/// File names inside the output folder.
pub const ARTICLES_JSONL: &str = "articles.jsonl";
pub const ARTICLES_CSV: &str = "articles.csv";
pub const ERRORS_JSONL: &str = "errors.jsonl";
pub const SUMMARY_JSON: &str = "summary.json";
/// The manifest of the last completed run (for `--incremental`).
pub const MANIFEST: &str = ".deboil-manifest.jsonl";
/// `--shard`'s completion marker.
pub const SHARD_COMPLETE: &str = "shard-complete.json";

const BUF: usize = 1 << 20;

/// The Parquet table's file name.
pub const ARTICLES_PARQUET: &str = "articles.parquet";

/// Every name a run may write in the output folder: a run shows its own
/// files under these names and none of an earlier run's.
pub const PUBLISHED: [&str; 9] = [
    ARTICLES_JSONL,
    "articles.jsonl.gz",
    "articles.jsonl.zst",
    ARTICLES_CSV,
    ARTICLES_PARQUET,
    ERRORS_JSONL,
    SUMMARY_JSON,
    SHARD_COMPLETE,
    MANIFEST,
];

/// The table beside `articles.jsonl`.
#[allow(clippy::large_enum_variant)]
enum TableOut {
    Csv(csv::Writer<BufWriter<File>>),
    #[cfg(feature = "parquet")]
    Parquet(crate::output::parquet::ParquetTable),
}

/// `articles.jsonl`, plain or compressed.
enum Jsonl {
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::Encoder<'static, BufWriter<File>>),
}

impl Write for Jsonl {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Jsonl::Plain(w) => w.write(buf),
            Jsonl::Gzip(w) => w.write(buf),
            Jsonl::Zstd(w) => w.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Jsonl::Plain(w) => w.write_all(buf),
            Jsonl::Gzip(w) => w.write_all(buf),
            Jsonl::Zstd(w) => w.write_all(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Jsonl::Plain(w) => w.flush(),
            Jsonl::Gzip(w) => w.flush(),
            Jsonl::Zstd(w) => w.flush(),
        }
    }
}

impl Jsonl {
    /// Finish the compressed stream and hand back the file.
    fn finish(self) -> std::io::Result<File> {
        let buf = match self {
            Jsonl::Plain(w) => w,
            Jsonl::Gzip(w) => w.finish()?,
            Jsonl::Zstd(w) => w.finish()?,
        };
        buf.into_inner().map_err(|e| e.into_error())
    }
}

/// The name of the articles file under a compression.
pub fn articles_jsonl_name(compress: Compress) -> &'static str {
    match compress {
        Compress::None => ARTICLES_JSONL,
        Compress::Gzip => "articles.jsonl.gz",
        Compress::Zstd => "articles.jsonl.zst",
    }
}

/// The three open outputs of a run.
pub struct Outputs {
    dir: PathBuf,
    stage: Stage,
    csv_safe: bool,
    jsonl_name: &'static str,
    jsonl: Jsonl,
    csv: TableOut,
    errors: BufWriter<File>,
}

impl Outputs {
    /// Create the output folder if needed, adopt or clean up what an
    /// earlier run left behind, and open the files of a fresh version.
    /// Call it with the folder's [`lock`] held.
    ///
    /// # Errors
    /// The folder cannot be created or written.
    #[cfg(any(test, feature = "internals"))]
    pub fn create(dir: &Path, csv_safe: bool) -> Result<Outputs, Error> {
        Outputs::create_with(dir, csv_safe, Compress::None, Table::Csv)
    }

    /// [`Outputs::create`], with `articles.jsonl` compressed as asked and
    /// the table in the format asked.
    ///
    /// # Errors
    /// The folder cannot be created or written; Parquet asked of a build
    /// without it.
    pub fn create_with(
        dir: &Path,
        csv_safe: bool,
        compress: Compress,
        table: Table,
    ) -> Result<Outputs, Error> {
        let out_err = |source| Error::Output {
            path: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(out_err)?;
        commit::prepare(dir, &PUBLISHED).map_err(out_err)?;
        let stage = Stage::new(dir).map_err(out_err)?;
        let open = |name: &str| File::create(stage.path().join(name)).map_err(out_err);
        let jsonl_name = articles_jsonl_name(compress);
        let file = BufWriter::with_capacity(BUF, open(jsonl_name)?);
        let jsonl = match compress {
            Compress::None => Jsonl::Plain(file),
            Compress::Gzip => Jsonl::Gzip(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            )),
            Compress::Zstd => Jsonl::Zstd(zstd::Encoder::new(file, 3).map_err(out_err)?),
        };
        let csv = match table {
            Table::Csv => {
                // The header is written here, not by serde on the first
                // record, so records carried over by --incremental can come
                // first.
                let mut csv = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(BufWriter::with_capacity(BUF, open(ARTICLES_CSV)?));
                csv.write_record(csv_header()).map_err(|e| Error::Write {
                    path: dir.join(ARTICLES_CSV),
                    message: e.to_string(),
                })?;
                TableOut::Csv(csv)
            }
            #[cfg(feature = "parquet")]
            Table::Parquet => TableOut::Parquet(
                crate::output::parquet::ParquetTable::new(open(ARTICLES_PARQUET)?).map_err(
                    |e| Error::Write {
                        path: dir.join(ARTICLES_PARQUET),
                        message: e.to_string(),
                    },
                )?,
            ),
            #[cfg(not(feature = "parquet"))]
            Table::Parquet => {
                return Err(Error::Config(
                    "--format parquet needs a build with the parquet feature".into(),
                ));
            }
        };
        let errors = BufWriter::with_capacity(64 * 1024, open(ERRORS_JSONL)?);
        Ok(Outputs {
            dir: dir.to_path_buf(),
            stage,
            csv_safe,
            jsonl_name,
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
            .map_err(|e| self.write_err(self.jsonl_name, e))?;
        self.jsonl
            .write_all(b"\n")
            .map_err(|e| self.write_err(self.jsonl_name, e))?;
        // Without the parquet feature the match has one arm.
        #[allow(clippy::infallible_destructuring_match)]
        let csv = match &mut self.csv {
            TableOut::Csv(csv) => csv,
            #[cfg(feature = "parquet")]
            TableOut::Parquet(t) => {
                let r = t.push(doc);
                return r.map_err(|e| self.write_err(ARTICLES_PARQUET, e));
            }
        };
        let row = CsvRow::from(doc);
        let written = if self.csv_safe {
            match csv_safe_record(&row) {
                Ok(record) => csv.write_record(&record),
                Err(e) => Err(e),
            }
        } else {
            csv.serialize(row)
        };
        written.map_err(|e| self.write_err(ARTICLES_CSV, e))
    }

    /// Append a record carried over from the previous run, as it was
    /// written then: its JSON line (without the newline) and its CSV row.
    ///
    /// # Errors
    /// Writing failed.
    pub fn carried_article(&mut self, json: &str, csv: &csv::StringRecord) -> Result<(), Error> {
        self.jsonl
            .write_all(json.as_bytes())
            .and_then(|()| self.jsonl.write_all(b"\n"))
            .map_err(|e| self.write_err(ARTICLES_JSONL, e))?;
        match &mut self.csv {
            TableOut::Csv(w) => w.write_record(csv),
            #[cfg(feature = "parquet")]
            TableOut::Parquet(_) => unreachable!("--incremental writes CSV"),
        }
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

    /// Append an error line carried over from the previous run.
    ///
    /// # Errors
    /// Writing failed.
    pub fn carried_error(&mut self, json: &str) -> Result<(), Error> {
        self.errors
            .write_all(json.as_bytes())
            .and_then(|()| self.errors.write_all(b"\n"))
            .map_err(|e| self.write_err(ERRORS_JSONL, e))
    }

    /// Flush everything, write the `extra` files (name, contents) beside
    /// the records, and show them all at once in place of the previous run.
    ///
    /// # Errors
    /// Flushing or linking failed; the previous run is then still the one
    /// shown.
    pub fn finish(self, extra: &[(&str, Vec<u8>)]) -> Result<(), Error> {
        let dir = self.dir.clone();
        let werr = |name: &str, e: &dyn std::fmt::Display| Error::Write {
            path: dir.join(name),
            message: e.to_string(),
        };
        let jsonl_name = self.jsonl_name;
        let jsonl = self.jsonl.finish().map_err(|e| werr(jsonl_name, &e))?;
        let (csv, table_name) = match self.csv {
            TableOut::Csv(w) => (
                w.into_inner()
                    .map_err(|e| werr(ARTICLES_CSV, &e))?
                    .into_inner()
                    .map_err(|e| werr(ARTICLES_CSV, &e))?,
                ARTICLES_CSV,
            ),
            #[cfg(feature = "parquet")]
            TableOut::Parquet(t) => (
                t.finish().map_err(|e| werr(ARTICLES_PARQUET, &e))?,
                ARTICLES_PARQUET,
            ),
        };
        let errors = self
            .errors
            .into_inner()
            .map_err(|e| werr(ERRORS_JSONL, &e))?;
        for (file, name) in [
            (jsonl, jsonl_name),
            (csv, table_name),
            (errors, ERRORS_JSONL),
        ] {
            file.sync_all().map_err(|e| werr(name, &e))?;
        }
        let mut names = vec![jsonl_name, table_name, ERRORS_JSONL];
        for (name, bytes) in extra {
            let mut f = File::create(self.stage.path().join(name)).map_err(|e| werr(name, &e))?;
            f.write_all(bytes)
                .and_then(|()| f.sync_all())
                .map_err(|e| werr(name, &e))?;
            names.push(name);
        }
        // The switch: the new files replace the previous run's whole, and
        // records a previous run wrote under another name (another
        // --compress or --format) are no longer shown.
        commit::commit(&dir, self.stage, &names, &PUBLISHED).map_err(|e| Error::Output {
            path: dir.clone(),
            source: e,
        })
    }
}

/// A CSV row with every cell that a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) prefixed with
/// `'`. Works on the serialised cells, so it covers every column.
fn csv_safe_record(row: &CsvRow) -> Result<csv::StringRecord, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    w.serialize(row)?;
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    let parsed = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..])
        .records()
        .next()
        .transpose()?
        .unwrap_or_default();
    Ok(parsed.iter().map(|cell| neutralise(cell)).collect())
}

/// `cell`, with a leading `'` if a spreadsheet would run it as a formula.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
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
        "text_hash",
        "duplicate_of",
        "source_url",
        "crawl_date",
    ]
}
