//! `articles.parquet` (`--format parquet`; cargo feature `parquet`, on by
//! default): the record of `articles.jsonl`, field for field in the same
//! order, with `categories` and `tags` as lists of strings, `removed` as a
//! group of counts, and absent values as nulls; its types are those of
//! [`schema`](crate::output::schema) (pyarrow reads it as the Arrow schema
//! `deboil schema --arrow` prints). Written with the `parquet` crate's
//! column writers (no Arrow), zstd-compressed, in row groups of at most
//! [`ROW_GROUP_ROWS`] rows or [`ROW_GROUP_BYTES`] bytes of text, so memory
//! holds one row group.

use std::fs::File;
use std::io::BufWriter;
use std::sync::Arc;

use parquet::basic::{Compression, ZstdLevel};
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::model::document::Document;

/// Rows buffered before a row group is written.
pub const ROW_GROUP_ROWS: usize = 8192;
/// Bytes of text buffered before a row group is written.
pub const ROW_GROUP_BYTES: usize = 64 << 20;

type Text = fn(&Document) -> &str;
type OptText = fn(&Document) -> Option<&str>;
type List = fn(&Document) -> &[String];

/// How one column is read from a record.
enum Col {
    Text(Text),
    OptText(OptText),
    List(List),
    OptI32(fn(&Document) -> Option<i32>),
    /// One count of the `removed` group.
    Count(fn(&Document) -> i32),
    I64(fn(&Document) -> i64),
}

/// The leaf columns, in the order of the record; the counts of `removed`
/// under their kind's name.
fn columns() -> Vec<(&'static str, Col)> {
    use Col::*;
    vec![
        ("id", Text(|d| &d.id)),
        ("source", Text(|d| &d.source)),
        ("format", Text(|d| d.format)),
        ("encoding", Text(|d| d.encoding)),
        ("url", OptText(|d| d.meta.url.as_deref())),
        ("title", OptText(|d| d.meta.title.as_deref())),
        ("author", OptText(|d| d.meta.author.as_deref())),
        ("date", OptText(|d| d.meta.date.as_deref())),
        ("site_name", OptText(|d| d.meta.site_name.as_deref())),
        ("language", OptText(|d| d.meta.language.as_deref())),
        ("description", OptText(|d| d.meta.description.as_deref())),
        ("categories", List(|d| &d.meta.categories)),
        ("tags", List(|d| &d.meta.tags)),
        ("image", OptText(|d| d.meta.image.as_deref())),
        (
            "reading_time_minutes",
            OptI32(|d| d.meta.reading_time_minutes.map(|m| m as i32)),
        ),
        ("text", Text(|d| &d.text)),
        ("word_count", I64(|d| d.word_count as i64)),
        ("navigation", Count(|d| d.removed.navigation as i32)),
        ("subscribe", Count(|d| d.removed.subscribe as i32)),
        ("share", Count(|d| d.removed.share as i32)),
        ("related", Count(|d| d.removed.related as i32)),
        ("cookie", Count(|d| d.removed.cookie as i32)),
        ("comments", Count(|d| d.removed.comments as i32)),
        ("footer", Count(|d| d.removed.footer as i32)),
        ("other", Count(|d| d.removed.other as i32)),
        ("text_hash", Text(|d| &d.text_hash)),
        ("duplicate_of", OptText(|d| d.duplicate_of.as_deref())),
        ("source_url", OptText(|d| d.source_url.as_deref())),
        ("crawl_date", OptText(|d| d.crawl_date.as_deref())),
    ]
}

fn schema() -> String {
    let mut s = String::from("message article {\n");
    let mut in_group = false;
    for (name, col) in columns() {
        let count = matches!(col, Col::Count(_));
        if count && !in_group {
            s += "  required group removed {\n";
        } else if !count && in_group {
            s += "  }\n";
        }
        in_group = count;
        s += &match col {
            Col::Text(_) => format!("  required binary {name} (STRING);\n"),
            Col::OptText(_) => format!("  optional binary {name} (STRING);\n"),
            Col::List(_) => format!(
                "  required group {name} (LIST) {{\n    repeated group list {{\n      \
                 required binary element (STRING);\n    }}\n  }}\n"
            ),
            Col::OptI32(_) => format!("  optional int32 {name};\n"),
            Col::Count(_) => format!("    required int32 {name};\n"),
            Col::I64(_) => format!("  required int64 {name};\n"),
        };
    }
    s + "}\n"
}

/// An open `articles.parquet`.
pub struct ParquetTable {
    writer: SerializedFileWriter<BufWriter<File>>,
    rows: Vec<Document>,
    bytes: usize,
}

impl ParquetTable {
    /// Start writing into `file`.
    ///
    /// # Errors
    /// The schema or the file header cannot be written.
    pub fn new(file: File) -> Result<ParquetTable, ParquetError> {
        let schema = Arc::new(parse_message_type(&schema())?);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?))
            .build();
        let writer = SerializedFileWriter::new(
            BufWriter::with_capacity(1 << 20, file),
            schema,
            Arc::new(props),
        )?;
        Ok(ParquetTable {
            writer,
            rows: Vec::new(),
            bytes: 0,
        })
    }

    /// Add one record.
    ///
    /// # Errors
    /// Writing a full row group failed.
    pub fn push(&mut self, doc: &Document) -> Result<(), ParquetError> {
        self.bytes += doc.text.len();
        self.rows.push(doc.clone());
        if self.rows.len() >= ROW_GROUP_ROWS || self.bytes >= ROW_GROUP_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ParquetError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        self.bytes = 0;
        let mut group = self.writer.next_row_group()?;
        for (name, col) in columns() {
            let mut w = group
                .next_column()?
                .ok_or_else(|| ParquetError::General(format!("no column {name}")))?;
            match col {
                Col::Text(f) => {
                    let v: Vec<ByteArray> = rows.iter().map(|d| f(d).into()).collect();
                    w.typed::<ByteArrayType>().write_batch(&v, None, None)?;
                }
                Col::OptText(f) => {
                    let mut v: Vec<ByteArray> = Vec::new();
                    let mut def = Vec::with_capacity(rows.len());
                    for d in &rows {
                        match f(d) {
                            Some(s) => {
                                v.push(s.into());
                                def.push(1);
                            }
                            None => def.push(0),
                        }
                    }
                    w.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&def), None)?;
                }
                Col::List(f) => {
                    let (mut v, mut def, mut rep) =
                        (Vec::<ByteArray>::new(), Vec::new(), Vec::new());
                    for d in &rows {
                        let items = f(d);
                        if items.is_empty() {
                            def.push(0);
                            rep.push(0);
                        }
                        for (j, s) in items.iter().enumerate() {
                            v.push(s.as_str().into());
                            def.push(1);
                            rep.push(i16::from(j > 0));
                        }
                    }
                    w.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&def), Some(&rep))?;
                }
                Col::OptI32(f) => {
                    let mut v = Vec::new();
                    let mut def = Vec::with_capacity(rows.len());
                    for d in &rows {
                        match f(d) {
                            Some(x) => {
                                v.push(x);
                                def.push(1);
                            }
                            None => def.push(0),
                        }
                    }
                    w.typed::<Int32Type>().write_batch(&v, Some(&def), None)?;
                }
                Col::Count(f) => {
                    let v: Vec<i32> = rows.iter().map(f).collect();
                    w.typed::<Int32Type>().write_batch(&v, None, None)?;
                }
                Col::I64(f) => {
                    let v: Vec<i64> = rows.iter().map(f).collect();
                    w.typed::<Int64Type>().write_batch(&v, None, None)?;
                }
            }
            w.close()?;
        }
        group.close()?;
        Ok(())
    }

    /// Write the last row group and the footer; hand back the file.
    ///
    /// # Errors
    /// Writing failed.
    pub fn finish(mut self) -> Result<File, ParquetError> {
        self.flush()?;
        let buf = self.writer.into_inner()?;
        buf.into_inner()
            .map_err(|e| ParquetError::External(Box::new(e.into_error())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    /// The top-level field names, for checking them against the record's.
    fn field_names() -> Vec<&'static str> {
        let mut names = Vec::new();
        for (name, col) in columns() {
            let name = if matches!(col, Col::Count(_)) {
                "removed"
            } else {
                name
            };
            if names.last() != Some(&name) {
                names.push(name);
            }
        }
        names
    }

    #[test]
    fn fields_are_those_of_the_record() {
        let record: Vec<&str> = crate::output::schema::FIELDS
            .iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(field_names(), record);
        assert!(schema().contains("required group removed {\n    required int32 navigation;"));
    }

    #[test]
    fn what_is_written_reads_back() {
        let options = crate::config::PageOptions {
            format: Some(crate::input::Format::Html),
            id: "p".into(),
            source: "p.html".into(),
            ..Default::default()
        };
        let page = "<article><p>The council approved the new budget on Tuesday, after a long \
                    debate, and the mayor spoke.</p></article>";
        let mut doc = crate::extract::extract_page(page.as_bytes(), &options).unwrap();
        doc.meta.tags = vec!["a".into(), "b".into()];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut t = ParquetTable::new(File::create(&path).unwrap()).unwrap();
        t.push(&doc).unwrap();
        let mut other = doc.clone();
        other.id = "q".into();
        other.meta.tags.clear();
        other.meta.title = None;
        t.push(&other).unwrap();
        t.finish().unwrap();
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        assert!(rows[0].contains("id: \"p\""), "{}", rows[0]);
        assert!(rows[0].contains("tags: [\"a\", \"b\"]"), "{}", rows[0]);
        assert!(
            rows[1].contains("tags: []") && rows[1].contains("title: null"),
            "{}",
            rows[1]
        );
    }
}
