//! The record's schema, with types, as data: one table of fields from which
//! `deboil schema` prints a JSON Schema of a line of `articles.jsonl` and
//! Arrow schemas of that record and of the columns of `articles.csv` (an
//! Arrow IPC stream holding the schema and no rows, which pyarrow, polars
//! and the other Arrow readers open as they are). Readers that infer types
//! from the first rows (polars takes a column null in its first 100 rows
//! for a column of nulls) get the types from here instead.
//!
//! The tests check the table against what the writers write (the JSON keys
//! of a record, the CSV header, the Parquet columns), so it cannot drift.

use flatbuffers::{FlatBufferBuilder, TableFinishedWIPOffset, WIPOffset};
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::{Value, json};

/// The type of a field's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A UTF-8 string.
    Text,
    /// A 32-bit signed integer (never negative here).
    Int32,
    /// A 64-bit signed integer (never negative here).
    Int64,
    /// A list of strings (in `articles.csv`: one string, joined with `; `).
    TextList,
    /// `removed`: a count (32-bit integer) per boilerplate kind (in the
    /// table: one column per kind, `removed_KIND`).
    Counts,
}

/// One field of the record.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    /// Whether the value may be null (JSON `null`, an empty CSV cell).
    pub nullable: bool,
    pub about: &'static str,
}

/// The kinds of boilerplate `removed` counts, in order.
pub const REMOVED: [&str; 8] = [
    "navigation",
    "subscribe",
    "share",
    "related",
    "cookie",
    "comments",
    "footer",
    "other",
];

const fn field(name: &'static str, kind: Kind, nullable: bool, about: &'static str) -> Field {
    Field {
        name,
        kind,
        nullable,
        about,
    }
}

/// The fields of a line of `articles.jsonl`, in order.
pub const FIELDS: [Field; 22] = {
    use Kind::*;
    [
        field(
            "id",
            Text,
            false,
            "The page's id: its path relative to the input folder without extensions, FILE#OFFSET for a WARC record, a JSON line's id or FILE:LINE.",
        ),
        field(
            "source",
            Text,
            false,
            "The input path as given or found (the WARC or JSON Lines file; - for standard input).",
        ),
        field(
            "format",
            Text,
            false,
            "html or text (a text dump of a rendered page).",
        ),
        field(
            "encoding",
            Text,
            false,
            "The encoding the page was decoded from (UTF-8, windows-1252, Shift_JIS, ...).",
        ),
        field("url", Text, true, "The page's canonical link, else og:url."),
        field("title", Text, true, "The article's headline."),
        field(
            "author",
            Text,
            true,
            "The author or authors, several joined with '; '.",
        ),
        field("date", Text, true, "Publication date, ISO 8601 YYYY-MM-DD."),
        field("site_name", Text, true, "The site's name."),
        field(
            "language",
            Text,
            true,
            "Language code (en, de, ...): as declared, unless the text clearly says otherwise.",
        ),
        field(
            "description",
            Text,
            true,
            "The page's own summary (meta description, og:description, ...).",
        ),
        field(
            "categories",
            TextList,
            false,
            "Sections or categories (empty when none).",
        ),
        field(
            "tags",
            TextList,
            false,
            "Tags or keywords (empty when none).",
        ),
        field("image", Text, true, "The lead image, an absolute URL."),
        field(
            "reading_time_minutes",
            Int32,
            true,
            "A reading time the page states, in minutes.",
        ),
        field(
            "text",
            Text,
            false,
            "The article body: paragraphs separated by a blank line; headings, list items and table rows each on a line.",
        ),
        field(
            "word_count",
            Int64,
            false,
            "Words in text (a CJK character counts as one).",
        ),
        field(
            "removed",
            Counts,
            false,
            "How many blocks of each boilerplate kind were dropped.",
        ),
        field(
            "text_hash",
            Text,
            false,
            "Exact-duplicate key of the normalised text: xxh3-128, 32 hex digits.",
        ),
        field(
            "duplicate_of",
            Text,
            true,
            "The id of the first earlier page of the run this one duplicates exactly or nearly.",
        ),
        field(
            "source_url",
            Text,
            true,
            "The URL the page was fetched from (WARC-Target-URI, a JSON line's url).",
        ),
        field(
            "crawl_date",
            Text,
            true,
            "When the page was fetched (WARC-Date, as written there).",
        ),
    ]
};

/// The columns of `articles.csv` and `articles.parquet`: the fields, with
/// `removed` as one column per kind.
pub fn columns() -> Vec<(String, Kind, bool)> {
    let mut out = Vec::new();
    for f in FIELDS {
        if f.kind == Kind::Counts {
            for kind in REMOVED {
                out.push((format!("{}_{kind}", f.name), Kind::Int32, false));
            }
        } else {
            out.push((f.name.to_string(), f.kind, f.nullable));
        }
    }
    out
}

/// A map serialised in the order given.
struct Ordered(Vec<(&'static str, Value)>);

impl Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct JsonSchema {
    #[serde(rename = "$schema")]
    schema: &'static str,
    title: &'static str,
    description: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    required: Vec<&'static str>,
    #[serde(rename = "additionalProperties")]
    additional: bool,
    properties: Ordered,
}

/// The JSON Schema (draft 2020-12) of a line of `articles.jsonl`, pretty
/// printed, with a final newline.
pub fn json_schema() -> String {
    let typed = |ty: &str, nullable: bool| {
        if nullable {
            json!([ty, "null"])
        } else {
            json!(ty)
        }
    };
    let count = json!({"type": "integer", "minimum": 0});
    let properties = FIELDS
        .iter()
        .map(|f| {
            let mut v = match f.kind {
                Kind::Text => json!({"type": typed("string", f.nullable)}),
                Kind::Int32 | Kind::Int64 => {
                    json!({"type": typed("integer", f.nullable), "minimum": 0})
                }
                Kind::TextList => json!({"type": "array", "items": {"type": "string"}}),
                Kind::Counts => json!({
                    "type": "object",
                    "required": REMOVED,
                    "additionalProperties": false,
                    "properties": REMOVED.iter().map(|k| (k.to_string(), count.clone()))
                        .collect::<serde_json::Map<_, _>>(),
                }),
            };
            let extra = match f.name {
                "format" => Some(("enum", json!(["html", "text"]))),
                "date" => Some(("pattern", json!("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))),
                "text_hash" => Some(("pattern", json!("^[0-9a-f]{32}$"))),
                _ => None,
            };
            if let (Some((k, x)), Some(map)) = (extra, v.as_object_mut()) {
                map.insert(k.into(), x);
            }
            if let Some(map) = v.as_object_mut() {
                map.insert("description".into(), json!(f.about));
            }
            (f.name, v)
        })
        .collect();
    let schema = JsonSchema {
        schema: "https://json-schema.org/draft/2020-12/schema",
        title: "deboil article record",
        description: "One line of articles.jsonl (and of deboil --stdout, whose error lines \
                      have id, source and error instead). Every field is always present; \
                      a value the page does not state is null.",
        ty: "object",
        required: FIELDS.iter().map(|f| f.name).collect(),
        additional: false,
        properties: Ordered(properties),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// An Arrow field, for the IPC encoding.
struct ArrowField {
    name: String,
    ty: ArrowType,
    nullable: bool,
    children: Vec<ArrowField>,
}

enum ArrowType {
    Utf8,
    Int(i32),
    List,
    Struct,
}

fn arrow_field(name: &str, kind: Kind, nullable: bool, flat: bool) -> ArrowField {
    let leaf = |name: &str, ty| ArrowField {
        name: name.to_string(),
        ty,
        nullable,
        children: Vec::new(),
    };
    match kind {
        Kind::Text => leaf(name, ArrowType::Utf8),
        Kind::TextList if flat => leaf(name, ArrowType::Utf8),
        Kind::Int32 => leaf(name, ArrowType::Int(32)),
        Kind::Int64 => leaf(name, ArrowType::Int(64)),
        Kind::TextList => ArrowField {
            children: vec![ArrowField {
                nullable: false,
                ..leaf("element", ArrowType::Utf8)
            }],
            ..leaf(name, ArrowType::List)
        },
        Kind::Counts => ArrowField {
            children: REMOVED
                .iter()
                .map(|k| ArrowField {
                    nullable: false,
                    ..leaf(k, ArrowType::Int(32))
                })
                .collect(),
            ..leaf(name, ArrowType::Struct)
        },
    }
}

/// The Arrow schema of a line of `articles.jsonl` (`removed` a struct,
/// `categories` and `tags` lists of strings), or with `csv` of the columns
/// of `articles.csv` (`removed_KIND` columns, `categories` and `tags` as
/// joined strings): an Arrow IPC stream with the schema and no rows
/// (`pyarrow.ipc.open_stream(f).schema`, `polars.read_ipc_stream(f)`).
pub fn arrow_schema(csv: bool) -> Vec<u8> {
    let fields: Vec<ArrowField> = if csv {
        columns()
            .into_iter()
            .map(|(name, kind, nullable)| arrow_field(&name, kind, nullable, true))
            .collect()
    } else {
        FIELDS
            .iter()
            .map(|f| arrow_field(f.name, f.kind, f.nullable, false))
            .collect()
    };
    let mut fbb = FlatBufferBuilder::new();
    let offsets: Vec<_> = fields.iter().map(|f| encode_field(&mut fbb, f)).collect();
    let fields = fbb.create_vector(&offsets);
    // Schema { endianness: Little (the default), fields }
    let start = fbb.start_table();
    fbb.push_slot_always(6, fields);
    let schema = fbb.end_table(start);
    // Message { version: V5, header_type: Schema, header, bodyLength: 0 }
    let start = fbb.start_table();
    fbb.push_slot::<i16>(4, 4, 0);
    fbb.push_slot::<u8>(6, 1, 0);
    fbb.push_slot_always(8, schema);
    let message = fbb.end_table(start);
    fbb.finish_minimal(message);
    let data = fbb.finished_data();
    // The encapsulated message: continuation marker, the metadata's length
    // padded to 8 bytes, the metadata; then the end-of-stream marker.
    let padded = data.len().div_ceil(8) * 8;
    let mut out = Vec::with_capacity(padded + 16);
    out.extend_from_slice(&u32::MAX.to_le_bytes());
    out.extend_from_slice(&(padded as u32).to_le_bytes());
    out.extend_from_slice(data);
    out.resize(8 + padded, 0);
    out.extend_from_slice(&u32::MAX.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out
}

/// A `Field` table of Arrow's Schema.fbs: name (slot 0), nullable (1), the
/// `Type` union's tag (2) and table (3), children (5).
fn encode_field<'a>(
    fbb: &mut FlatBufferBuilder<'a>,
    f: &ArrowField,
) -> WIPOffset<TableFinishedWIPOffset> {
    let children: Vec<_> = f.children.iter().map(|c| encode_field(fbb, c)).collect();
    let children = fbb.create_vector(&children);
    let name = fbb.create_string(&f.name);
    // Union tags: Int 2, Utf8 5, List 12, Struct_ 13.
    let start = fbb.start_table();
    let tag: u8 = match f.ty {
        ArrowType::Int(bits) => {
            // Int { bitWidth, is_signed }
            fbb.push_slot::<i32>(4, bits, 0);
            fbb.push_slot::<bool>(6, true, false);
            2
        }
        ArrowType::Utf8 => 5,
        ArrowType::List => 12,
        ArrowType::Struct => 13,
    };
    let ty = fbb.end_table(start);
    let start = fbb.start_table();
    fbb.push_slot_always(4, name);
    fbb.push_slot::<bool>(6, f.nullable, false);
    fbb.push_slot::<u8>(8, tag, 0);
    fbb.push_slot_always(10, ty);
    fbb.push_slot_always(14, children);
    fbb.end_table(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> crate::Document {
        let options = crate::config::PageOptions {
            id: "p".into(),
            source: "p.html".into(),
            ..Default::default()
        };
        let page = "<html lang=en><head><title>T</title><meta name=keywords content='a, b'>\
                    </head><body><article><p>The council approved the new budget on Tuesday, \
                    after a long debate, and the mayor spoke.</p></article></body></html>";
        crate::extract::extract_page(page.as_bytes(), &options).unwrap()
    }

    /// The fields are the keys of a record as written, in order, and each
    /// value has the type the table says.
    #[test]
    fn the_fields_are_those_a_record_has() {
        let v = serde_json::to_value(record()).unwrap();
        let text = serde_json::to_string(&record()).unwrap();
        let keys: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        let mut at = 0;
        for key in &keys {
            let found = text[at..].find(&format!("\"{key}\":")).unwrap();
            at += found;
        }
        let map = v.as_object().unwrap();
        assert_eq!(map.len(), keys.len());
        for f in FIELDS {
            let x = &map[f.name];
            let ok = match f.kind {
                _ if x.is_null() => f.nullable,
                Kind::Text => x.is_string(),
                Kind::Int32 | Kind::Int64 => x.is_u64(),
                Kind::TextList => x
                    .as_array()
                    .is_some_and(|a| a.iter().all(|s| s.is_string())),
                Kind::Counts => {
                    let keys: Vec<&str> = x.as_object().unwrap().keys().map(|k| &k[..]).collect();
                    let mut want = REMOVED.to_vec();
                    want.sort_unstable();
                    keys == want
                }
            };
            assert!(ok, "{}: {x}", f.name);
        }
    }

    #[test]
    fn the_columns_are_those_of_the_csv() {
        let names: Vec<String> = columns().into_iter().map(|c| c.0).collect();
        assert_eq!(names, crate::output::csv_header());
    }

    #[test]
    fn the_json_schema_lists_every_field_in_order() {
        let text = json_schema();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["required"].as_array().unwrap().len(), FIELDS.len());
        assert_eq!(
            v["properties"]["duplicate_of"]["type"],
            json!(["string", "null"])
        );
        assert_eq!(v["properties"]["word_count"]["type"], "integer");
        let at = |k: &str| text.find(&format!("\"{k}\": {{")).unwrap();
        assert!(at("id") < at("text") && at("text") < at("crawl_date"));
    }

    /// The IPC stream starts with a framed message and ends with the
    /// end-of-stream marker; names are found in its metadata. (pyarrow
    /// and polars read it in CI: `tests/outputs/load.py`.)
    #[test]
    fn the_arrow_stream_is_framed() {
        for csv in [false, true] {
            let b = arrow_schema(csv);
            assert_eq!(&b[..4], &[0xff; 4]);
            let len = u32::from_le_bytes(b[4..8].try_into().unwrap()) as usize;
            assert_eq!(len % 8, 0);
            assert_eq!(b.len(), 8 + len + 8);
            assert_eq!(&b[b.len() - 8..], &[0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
            let has = |s: &str| b.windows(s.len()).any(|w| w == s.as_bytes());
            assert!(has("duplicate_of") && has("crawl_date"));
            assert_eq!(has("removed_navigation"), csv);
        }
    }
}
