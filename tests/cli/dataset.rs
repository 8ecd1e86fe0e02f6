//! Dataset formats and runs: WARC and JSON Lines inputs, standard input
//! and output, duplicates, language and length filters, shards. Every
//! input is written here by the test itself.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};

use super::{assert_success, bin, by_id, read_jsonl, run, run_fed};

const EN: [&str; 6] = [
    "The council approved the new budget on Tuesday after a debate that lasted well into the night.",
    "Residents had come to speak about the plans for the harbour and the old market hall.",
    "The mayor said the money would be spent on schools, roads and a new library for the town.",
    "Several members of the opposition asked for more time to read the proposal before the vote.",
    "A local business owner told the meeting that the changes would help shops in the centre.",
    "The final vote was taken shortly before midnight and the session closed soon afterwards.",
];
const DE: [&str; 5] = [
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.",
    "Viele Bürgerinnen und Bürger waren gekommen, um über die Pläne für den Hafen zu sprechen.",
    "Die Bürgermeisterin sagte, das Geld werde für Schulen, Straßen und eine Bibliothek ausgegeben.",
    "Mehrere Mitglieder der Opposition verlangten mehr Zeit, um den Vorschlag zu lesen.",
    "Die Abstimmung fand kurz vor Mitternacht statt, danach wurde die Sitzung geschlossen.",
];

/// An article page whose text is unique to `n`.
fn article(lang: &str, title: &str, n: usize) -> String {
    let pool: &[&str] = if lang == "de" { &DE } else { &EN };
    let mut body = String::new();
    for i in 0..pool.len() {
        let s = pool[(i + n) % pool.len()];
        body.push_str(&format!("<p>{s} ({title}, part {i}, number {n}.)</p>\n"));
    }
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><title>{title}</title></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>\n{body}</article></body></html>"
    )
}

/// A WARC record with the given type, target and payload.
fn warc_record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        payload.len()
    )
    .into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The records of a small crawl: warcinfo, request, an HTML page in UTF-8,
/// a 404, an image, an HTML page in ISO-8859-1 declared by HTTP only.
fn crawl_records(tag: usize) -> Vec<Vec<u8>> {
    let en = article("en", &format!("Budget {tag}"), tag);
    let de = article("de", &format!("Haushalt {tag}"), tag);
    let de_latin1: Vec<u8> = de.chars().map(|c| c as u32 as u8).collect();
    vec![
        warc_record("warcinfo", "", b"software: test\r\n"),
        warc_record("request", "http://a.example/1", b"GET /1 HTTP/1.1\r\n\r\n"),
        warc_record(
            "response",
            "http://a.example/1",
            &http("200 OK", "text/html; charset=utf-8", en.as_bytes()),
        ),
        warc_record(
            "response",
            "http://a.example/2",
            &http("404 Not Found", "text/html", b"<p>gone</p>"),
        ),
        warc_record(
            "response",
            "http://a.example/3",
            &http("200 OK", "image/png", b"\x89PNG\r\n"),
        ),
        warc_record(
            "response",
            "http://a.example/4",
            &http("200 OK", "text/html; charset=ISO-8859-1", &de_latin1),
        ),
    ]
}

/// Write a `.warc.gz` with one gzip member per record; returns the members'
/// offsets.
fn write_warc_gz(path: &Path, records: &[Vec<u8>]) -> Vec<usize> {
    let mut bytes = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(bytes.len());
        bytes.extend(gz(r));
    }
    fs::write(path, bytes).unwrap();
    offsets
}

/// A folder of `n` English article pages, `page00.html`, `page01.html`, ...
fn write_article_folder(dir: &Path, n: usize) {
    fs::create_dir(dir).unwrap();
    for i in 0..n {
        fs::write(
            dir.join(format!("page{i:02}.html")),
            article("en", &format!("Page {i}"), i),
        )
        .unwrap();
    }
}

fn summary(out: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

#[test]
fn warc_responses_become_pages_with_offsets_urls_dates_and_charsets() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let records = crawl_records(1);
    let offsets = write_warc_gz(&inputs.join("crawl.warc.gz"), &records);
    fs::write(inputs.join("plain.warc"), records.concat()).unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &[]);
    assert_success(&o);
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let plain_offsets: Vec<usize> = records
        .iter()
        .scan(0, |acc, r| {
            let at = *acc;
            *acc += r.len();
            Some(at)
        })
        .collect();
    assert_eq!(
        ids,
        [
            format!("crawl#{}", offsets[2]),
            format!("crawl#{}", offsets[5]),
            format!("plain#{}", plain_offsets[2]),
            format!("plain#{}", plain_offsets[5]),
        ]
    );
    let en = &recs[0];
    assert_eq!(en["source_url"], "http://a.example/1");
    assert_eq!(en["crawl_date"], "2024-05-01T10:00:00Z");
    assert_eq!(en["encoding"], "UTF-8");
    assert_eq!(en["title"], "Budget 1");
    assert!(en["source"].as_str().unwrap().ends_with("crawl.warc.gz"));
    let de = &recs[1];
    assert_eq!(de["encoding"], "windows-1252");
    assert!(
        de["text"].as_str().unwrap().contains("Bürgerinnen"),
        "{}",
        de["text"]
    );
    assert_eq!(de["language"], "de");
    // The same pages in both files: the second copies are exact duplicates
    // of the first.
    assert_eq!(recs[2]["duplicate_of"], ids[0]);
    assert_eq!(recs[3]["duplicate_of"], ids[1]);
    let s = summary(&out);
    assert_eq!(s["pages"], 4);
    assert_eq!(s["duplicates"], 2);
    assert_eq!(
        s["skipped"],
        json!({"HTTP status not 200": 2, "WARC record not a response": 4, "not HTML": 2})
    );
}

#[test]
fn a_corrupt_warc_gives_error_records_naming_file_and_record_and_the_rest_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let records = crawl_records(2);
    // Truncated inside the last member.
    let offsets = write_warc_gz(&inputs.join("broken.warc.gz"), &records);
    let bytes = fs::read(inputs.join("broken.warc.gz")).unwrap();
    fs::write(inputs.join("broken.warc.gz"), &bytes[..bytes.len() - 40]).unwrap();
    // A member that is not a WARC record, then a good one: the reader goes
    // on at the next member.
    let mut mixed = gz(b"this is not a warc record\r\n\r\n");
    let second = mixed.len();
    mixed.extend(gz(&records[2]));
    fs::write(inputs.join("mixed.warc.gz"), mixed).unwrap();
    write_warc_gz(&inputs.join("zz-good.warc.gz"), &crawl_records(3));
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &[]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["id"], format!("broken#{}", offsets[5]));
    assert!(
        errors[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("broken.warc.gz")
    );
    assert!(
        errors[0]["reason"].as_str().unwrap().starts_with("gzip"),
        "{errors:?}"
    );
    assert_eq!(errors[1]["id"], "mixed#0");
    assert!(
        errors[1]["reason"]
            .as_str()
            .unwrap()
            .contains("malformed WARC record"),
        "{errors:?}"
    );
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(ids[0], format!("broken#{}", offsets[2]));
    assert_eq!(ids[1], format!("mixed#{second}"));
    assert!(ids[2].starts_with("zz-good#") && ids[3].starts_with("zz-good#"));
}

#[test]
fn jsonl_pages_plain_gzipped_and_from_stdin_to_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let lines = [
        json!({"id": "scraper-7", "url": "http://j.example/7", "html": article("en", "Seven", 7)})
            .to_string(),
        "{not json".to_string(),
        String::new(),
        json!({"url": "http://j.example/8", "text": format!("Eight\n\n{}\n\n{}\n", DE[0], DE[1])})
            .to_string(),
        json!({"id": 9, "body": "no page field"}).to_string(),
    ];
    let text = lines.join("\n") + "\n";
    fs::write(inputs.join("pages.jsonl"), &text).unwrap();
    fs::write(inputs.join("zipped.jsonl.gz"), gz(text.as_bytes())).unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &["--dedup"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // The zipped copies are duplicates and --dedup drops them.
    assert_eq!(ids, ["scraper-7", "pages:4"]);
    assert_eq!(recs[0]["source_url"], "http://j.example/7");
    assert_eq!(recs[0]["format"], "html");
    assert_eq!(recs[1]["format"], "text");
    let errors = read_jsonl(&out.join("errors.jsonl"));
    let eids: Vec<&str> = errors.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(eids, ["pages:2", "9", "zipped:2", "9"]);
    assert!(
        errors[1]["reason"]
            .as_str()
            .unwrap()
            .contains("no field \"html\" or \"text\"")
    );
    assert_eq!(summary(&out)["filtered"], json!({"duplicate": 2}));

    // --content-field names another field.
    let o = run(
        &[&inputs.join("pages.jsonl")],
        &out,
        &["--content-field", "body"],
    );
    assert_eq!(o.status.code(), Some(1));
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 4, "{errors:?}");

    // Standard input to standard output: records and error records in one
    // stream, the report on stderr, no output folder.
    let o = run_fed(
        bin()
            .current_dir(tmp.path())
            .args(["-", "--stdout", "-j", "2"]),
        text.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    let stream: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = stream.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["scraper-7", "stdin:2", "stdin:4", "9"]);
    assert!(
        stream[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a JSON object")
    );
    assert!(stream[0].get("error").is_none());
    assert_eq!(by_id(&stream, "stdin:4")["source"], "-");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("4 pages in, 2 articles out, 2 errors"),
        "{stderr}"
    );
    assert!(stderr.contains("deboil: summary {"), "{stderr}");
    assert!(!tmp.path().join("cleaned").exists());

    // The exit code engines that retry on failure need.
    let o = run_fed(
        bin().args(["-", "--stdout", "-q", "--exit-zero-on-page-errors"]),
        text.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
}

/// A long text and a copy with one word changed whose SimHash is within
/// the near-duplicate distance (checked with the library).
fn near_pair() -> (String, String) {
    let words: Vec<String> = (0..60)
        .flat_map(|i| {
            EN[i % EN.len()]
                .split(' ')
                .map(move |w| format!("{w}{}", i / 6))
        })
        .collect();
    let a = words.join(" ");
    let sa = deboil::dedup::simhash(&a).unwrap();
    for i in 0..words.len() {
        let mut w = words.clone();
        w[i] = "zebra".into();
        let b = w.join(" ");
        if (deboil::dedup::simhash(&b).unwrap() ^ sa).count_ones() <= deboil::dedup::MAX_DISTANCE {
            return (a, b);
        }
    }
    panic!("no near pair");
}

/// An HTML page holding `text` in paragraphs of 20 words.
fn paragraphs_page(title: &str, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let body: String = words
        .chunks(20)
        .map(|c| format!("<p>{}.</p>\n", c.join(" ")))
        .collect();
    format!("<html lang=\"en\"><body><article><h1>{title}</h1>\n{body}</article></body></html>")
}

fn write_dedup_set(dir: &Path) {
    let (a, b) = near_pair();
    let mut lines = Vec::new();
    for i in 0..40 {
        let page = match i % 10 {
            3 => json!({"id": format!("p{i}"), "html": paragraphs_page(&format!("Title {i}"), &a)}),
            7 => json!({"id": format!("p{i}"), "html": paragraphs_page(&format!("Title {i}"), &b)}),
            _ => json!({"id": format!("p{i}"), "html": article("en", &format!("Page {i}"), i)}),
        };
        lines.push(page.to_string());
    }
    // The same unique page twice: an exact duplicate.
    lines.push(json!({"id": "again", "html": article("en", "Page 5", 5)}).to_string());
    fs::write(dir.join("set.jsonl"), lines.join("\n")).unwrap();
}

#[test]
fn duplicates_are_marked_or_dropped_the_same_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    write_dedup_set(&inputs);
    let mut outs = Vec::new();
    for j in ["1", "4"] {
        let out = tmp.path().join(format!("out{j}"));
        let o = run(&[&inputs], &out, &["-j", j]);
        assert_success(&o);
        outs.push(fs::read(out.join("articles.jsonl")).unwrap());
    }
    assert_eq!(outs[0], outs[1]);
    let recs = read_jsonl(&tmp.path().join("out1/articles.jsonl"));
    assert_eq!(recs.len(), 41);
    let dup = |id: &str| by_id(&recs, id)["duplicate_of"].clone();
    assert_eq!(dup("p3"), Value::Null);
    // p13, p23, p33: exact copies of p3's text; p7...: near copies.
    assert_eq!(dup("p13"), "p3");
    assert_eq!(dup("p7"), "p3");
    assert_eq!(dup("p37"), "p3");
    assert_eq!(dup("again"), "p5");
    assert_eq!(dup("p5"), Value::Null);
    assert_eq!(
        recs.iter().filter(|r| !r["duplicate_of"].is_null()).count(),
        8
    );

    let out = tmp.path().join("dropped");
    for j in ["1", "3"] {
        let o = run(&[&inputs], &out, &["--dedup", "-j", j]);
        assert_eq!(o.status.code(), Some(0));
        let recs = read_jsonl(&out.join("articles.jsonl"));
        assert_eq!(recs.len(), 33);
        assert!(recs.iter().all(|r| r["duplicate_of"].is_null()));
        assert_eq!(
            summary(&out)["filtered"],
            json!({"duplicate": 4, "near_duplicate": 4})
        );
    }
}

#[test]
fn language_and_length_filters_are_counted_by_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(inputs.join("en.html"), article("en", "English", 1)).unwrap();
    fs::write(inputs.join("de.html"), article("de", "Deutsch", 1)).unwrap();
    fs::write(
        inputs.join("stub.html"),
        "<html lang=\"de\"><body><article><p>Nur ein kurzer Satz hier.</p></article></body></html>",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &["--lang", "de", "--min-words", "20"]);
    assert_success(&o);
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["de"]);
    let s = summary(&out);
    assert_eq!(s["filtered"], json!({"language": 1, "min_words": 1}));
    assert_eq!(s["pages"], 3);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("2 filtered out"), "{stderr}");
    let o = run(&[&inputs], &out, &["--lang", "en,de"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(read_jsonl(&out.join("articles.jsonl")).len(), 3);
}

#[test]
fn shards_partition_the_inputs_and_a_completed_shard_is_not_redone() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_article_folder(&inputs, 12);
    write_warc_gz(&inputs.join("crawl.warc.gz"), &crawl_records(20));
    fs::write(
        inputs.join("pages.jsonl"),
        json!({"id": "j", "html": article("de", "J", 30)}).to_string(),
    )
    .unwrap();
    let full = tmp.path().join("full");
    assert_eq!(run(&[&inputs], &full, &[]).status.code(), Some(0));
    let mut all: Vec<String> = fs::read_to_string(full.join("articles.jsonl"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let out = tmp.path().join("sharded");
    let mut union = Vec::new();
    for k in 1..=3 {
        let o = run(&[&inputs], &out, &["--shard", &format!("{k}/3")]);
        assert_success(&o);
        let dir = out.join(format!("shard-{k:05}-of-00003"));
        assert!(dir.join("shard-complete.json").exists());
        union.extend(
            fs::read_to_string(dir.join("articles.jsonl"))
                .unwrap()
                .lines()
                .map(String::from),
        );
    }
    all.sort();
    union.sort();
    assert_eq!(union, all);

    // A rerun of a completed shard is a no-op.
    let dir = out.join("shard-00002-of-00003");
    let before = fs::metadata(dir.join("articles.jsonl"))
        .unwrap()
        .modified()
        .unwrap();
    let o = run(&[&inputs], &out, &["--shard", "2/3"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("complete already"));
    let after = fs::metadata(dir.join("articles.jsonl"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after);
    // A shard without its marker (it failed) starts over.
    fs::remove_file(dir.join("shard-complete.json")).unwrap();
    let o = run(&[&inputs], &out, &["--shard", "2/3"]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("complete already"));
    assert!(dir.join("shard-complete.json").exists());

    for bad in ["0/3", "4/3", "x", "1/0"] {
        let o = run(&[&inputs], &out, &["--shard", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn incompatible_combinations_are_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    write_warc_gz(&inputs.join("crawl.warc.gz"), &crawl_records(1));
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &["--incremental"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--incremental works on page files only"));
    for args in [
        &["--incremental", "--dedup"][..],
        &["--stdout", "--shard", "1/2"],
        &["--format", "xml"],
        &["--compress", "lzma"],
    ] {
        let o = run(&[&inputs], &out, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).starts_with("deboil: --"),
            "{args:?}"
        );
    }
}

#[test]
fn compressed_articles_read_back_equal() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    write_dedup_set(&inputs);
    let plain = tmp.path().join("plain");
    assert_eq!(run(&[&inputs], &plain, &[]).status.code(), Some(0));
    let expected = fs::read(plain.join("articles.jsonl")).unwrap();
    let g = tmp.path().join("g");
    assert_eq!(
        run(&[&inputs], &g, &["--compress", "gzip"]).status.code(),
        Some(0)
    );
    let mut got = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(fs::File::open(g.join("articles.jsonl.gz")).unwrap()),
        &mut got,
    )
    .unwrap();
    assert_eq!(got, expected);
    // Into the folder of the plain run: its articles.jsonl goes.
    let z = plain;
    assert_eq!(
        run(&[&inputs], &z, &["--compress", "zstd"]).status.code(),
        Some(0)
    );
    let got = zstd::decode_all(fs::File::open(z.join("articles.jsonl.zst")).unwrap()).unwrap();
    assert_eq!(got, expected);
    assert!(!z.join("articles.jsonl").exists());
    assert!(z.join("articles.csv").exists());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_table_holds_the_jsonl_records() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    write_dedup_set(&inputs);
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &["--format", "parquet"]);
    assert_success(&o);
    assert!(!out.join("articles.csv").exists());
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let reader =
        SerializedFileReader::new(fs::File::open(out.join("articles.parquet")).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let names: Vec<&str> = schema
        .root_schema()
        .get_fields()
        .iter()
        .map(|f| f.name())
        .collect();
    let fields: Vec<&str> = deboil::output::schema::FIELDS
        .iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, fields);
    let rows: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), recs.len());
    for (row, rec) in rows.iter().zip(&recs) {
        let get = |name: &str| {
            row.get_column_iter()
                .find(|(n, _)| n.as_str() == name)
                .map(|(_, f)| f.clone())
                .unwrap()
        };
        assert_eq!(get("id"), Field::Str(rec["id"].as_str().unwrap().into()));
        assert_eq!(
            get("text"),
            Field::Str(rec["text"].as_str().unwrap().into())
        );
        assert_eq!(
            get("word_count"),
            Field::Long(rec["word_count"].as_i64().unwrap())
        );
        match rec["duplicate_of"].as_str() {
            Some(d) => assert_eq!(get("duplicate_of"), Field::Str(d.into())),
            None => assert_eq!(get("duplicate_of"), Field::Null),
        }
        let Field::ListInternal(tags) = get("tags") else {
            panic!("tags is not a list")
        };
        assert_eq!(tags.len(), rec["tags"].as_array().unwrap().len());
        let Field::Group(removed) = get("removed") else {
            panic!("removed is not a group")
        };
        for (kind, count) in removed.get_column_iter() {
            assert_eq!(
                *count,
                Field::Int(rec["removed"][kind].as_i64().unwrap() as i32)
            );
        }
    }
}

#[test]
fn incremental_keeps_duplicate_marks_true_when_the_first_page_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(inputs.join("a.html"), article("en", "Same", 1)).unwrap();
    fs::write(inputs.join("b.html"), article("en", "Same", 1)).unwrap();
    fs::write(inputs.join("c.html"), article("en", "Other", 2)).unwrap();
    let out = tmp.path().join("out");
    assert_eq!(
        run(&[&inputs], &out, &["--incremental"]).status.code(),
        Some(0)
    );
    let recs = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(by_id(&recs, "b")["duplicate_of"], "a");
    // a changes: b, unchanged on disk, is no longer a duplicate.
    fs::write(inputs.join("a.html"), article("en", "Changed", 3)).unwrap();
    let o = run(&[&inputs], &out, &["--incremental"]);
    assert_eq!(o.status.code(), Some(0));
    let incremental = fs::read(out.join("articles.jsonl")).unwrap();
    let recs = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(by_id(&recs, "b")["duplicate_of"], Value::Null);
    assert_eq!(summary(&out)["carried_over"], 1);
    let full = tmp.path().join("full");
    assert_eq!(run(&[&inputs], &full, &[]).status.code(), Some(0));
    assert_eq!(incremental, fs::read(full.join("articles.jsonl")).unwrap());
}

#[test]
fn a_closed_standard_output_stops_the_run_with_code_2() {
    let tmp = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..3000)
        .map(|i| {
            json!({"id": format!("p{i}"), "html": article("en", &format!("Page {i}"), i)})
                .to_string()
        })
        .collect();
    let file = tmp.path().join("many.jsonl");
    fs::write(&file, lines.join("\n")).unwrap();
    let mut child = bin()
        .arg(&file)
        .args(["--stdout", "-j", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut out, &mut first).unwrap();
    assert!(first.starts_with("{\"id\":\"p0\""), "{first}");
    drop(out);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("standard output"), "{stderr}");
}

#[test]
fn a_warc_gzipped_as_a_whole_and_chunked_bodies_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let records = crawl_records(4);
    // One gzip member for the whole file: records after the first get
    // their offset inside the member.
    fs::write(inputs.join("whole.warc.gz"), gz(&records.concat())).unwrap();
    // A chunked body, as some crawlers store it.
    let page = article("en", "Chunked", 9);
    let (a, b) = page.split_at(page.len() / 2);
    let body = format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len());
    let payload = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n{body}"
    );
    fs::write(
        inputs.join("zchunked.warc"),
        warc_record("response", "http://c.example/", payload.as_bytes()),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &[]);
    assert_success(&o);
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let at = |i: usize| records[..i].iter().map(Vec::len).sum::<usize>();
    assert_eq!(
        ids,
        [
            format!("whole#0+{}", at(2)),
            format!("whole#0+{}", at(5)),
            "zchunked#0".to_string(),
        ]
    );
    let text = recs[2]["text"].as_str().unwrap();
    assert!(
        text.contains("Chunked, part 4") && !text.contains("\r\n0\r\n"),
        "{text}"
    );
}

#[test]
fn a_panic_in_a_reader_is_an_error_record_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let lines = [
        json!({"id": "first", "html": article("en", "First", 1)}).to_string(),
        json!({"id": "boom", "html": "DEBOIL-TEST-READER-PANIC"}).to_string(),
    ];
    fs::write(inputs.join("a.jsonl"), lines.join("\n")).unwrap();
    fs::write(inputs.join("b.html"), article("en", "After", 2)).unwrap();
    let out = tmp.path().join("out");
    let o = bin()
        .arg(&inputs)
        .arg("-o")
        .arg(&out)
        .env("DEBOIL_TEST_PANIC", "1")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let ids: Vec<String> = read_jsonl(&out.join("articles.jsonl"))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["first", "b"]);
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["id"], "a#reader");
    assert!(
        errors[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("internal error (panic)")
    );
}

/// A record whose Content-Length claims a petabyte in a short file, under
/// a `--max-bytes` that allows it: an error line for the record, not an
/// allocation the process cannot survive.
#[test]
fn a_content_length_larger_than_the_file_is_a_truncated_record() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let good = warc_record(
        "response",
        "http://example.com/a",
        &http("200 OK", "text/html", article("en", "Budget", 1).as_bytes()),
    );
    let mut bytes = good.clone();
    bytes.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1000000000000000\r\n\r\n\
          HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>short</p>",
    );
    fs::write(inputs.join("liar.warc"), &bytes).unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &["--max-bytes", "18446744073709551615"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["id"], format!("liar#{}", good.len()));
    assert!(
        errors[0]["reason"].as_str().unwrap().contains("truncated"),
        "{errors:?}"
    );
    assert_eq!(read_jsonl(&out.join("articles.jsonl")).len(), 1);
}

/// A malformed record in a plain `.warc` costs only itself: every later
/// record is still read, and every record has a line somewhere.
#[test]
fn a_malformed_record_in_a_plain_warc_does_not_lose_the_records_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let page = |n: usize| {
        warc_record(
            "response",
            &format!("http://example.com/{n}"),
            &http(
                "200 OK",
                "text/html",
                article("en", &format!("Budget {n}"), n).as_bytes(),
            ),
        )
    };
    let mut bytes = page(1);
    let bad_at = bytes.len();
    bytes.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nno colon here\r\n\r\n<p>x</p>\r\n\r\n",
    );
    let next_at = bytes.len();
    bytes.extend(page(2));
    bytes.extend(page(3));
    fs::write(inputs.join("crawl.warc"), &bytes).unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&inputs], &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["id"], format!("crawl#{bad_at}"));
    let recs = read_jsonl(&out.join("articles.jsonl"));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "crawl#0".to_string(),
            format!("crawl#{next_at}"),
            format!("crawl#{}", next_at + page(2).len())
        ]
    );
}

/// Two inputs with the same id (`a.html` in two folders): under
/// `--incremental`, when the first changes to the text of the second, the
/// second (carried over) is marked a duplicate of it, as a full run does.
#[test]
fn incremental_marks_a_duplicate_that_shares_its_id_with_the_first_page() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    fs::create_dir(&one).unwrap();
    fs::create_dir(&two).unwrap();
    fs::write(one.join("a.html"), article("en", "First", 1)).unwrap();
    fs::write(two.join("a.html"), article("en", "Second", 2)).unwrap();
    let out = tmp.path().join("out");
    let o = run(&[&one, &two], &out, &["--incremental"]);
    assert_eq!(o.status.code(), Some(0));
    let recs = read_jsonl(&out.join("articles.jsonl"));
    assert!(recs.iter().all(|r| r["duplicate_of"].is_null()), "{recs:?}");
    // The first becomes a copy of the second.
    fs::write(one.join("a.html"), article("en", "Second", 2)).unwrap();
    let o = run(&[&one, &two], &out, &["--incremental"]);
    assert_eq!(o.status.code(), Some(0));
    let incremental = fs::read(out.join("articles.jsonl")).unwrap();
    let recs = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["duplicate_of"], Value::Null);
    assert_eq!(recs[1]["duplicate_of"], "a", "{recs:?}");
    assert_eq!(summary(&out)["duplicates"], 1);
    let full = tmp.path().join("full");
    assert_eq!(run(&[&one, &two], &full, &[]).status.code(), Some(0));
    assert_eq!(incremental, fs::read(full.join("articles.jsonl")).unwrap());
}

/// A completed shard is redone, not kept, when the options that shape its
/// records or the program that wrote it differ.
#[test]
fn a_completed_shard_is_redone_under_other_options_or_another_build() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_article_folder(&inputs, 4);
    let out = tmp.path().join("out");
    let complete = |o: &std::process::Output| {
        assert_success(o);
        String::from_utf8_lossy(&o.stderr).contains("complete already")
    };
    assert!(!complete(&run(&[&inputs], &out, &["--shard", "1/1"])));
    assert!(complete(&run(&[&inputs], &out, &["--shard", "1/1"])));
    let dir = out.join("shard-00001-of-00001");
    // Other options: redone, with their records.
    assert!(!complete(&run(
        &[&inputs],
        &out,
        &["--shard", "1/1", "--min-words", "100000"]
    )));
    assert!(read_jsonl(&dir.join("articles.jsonl")).is_empty());
    assert!(!complete(&run(
        &[&inputs],
        &out,
        &["--shard", "1/1", "--max-bytes", "100000"]
    )));
    assert_eq!(read_jsonl(&dir.join("articles.jsonl")).len(), 4);
    // Another build of the same version: a copy of the binary that differs
    // by one trailing byte.
    let exe = tmp.path().join("deboil-other");
    let mut bytes = fs::read(env!("CARGO_BIN_EXE_deboil")).unwrap();
    bytes.push(0);
    fs::write(&exe, bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&exe, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let other = |extra: &[&str]| {
        // A fresh executable can be briefly "busy" while another test
        // thread forks with its write handle inherited: try again then.
        let mut tries = 0;
        loop {
            match std::process::Command::new(&exe)
                .arg(&inputs)
                .arg("-o")
                .arg(&out)
                .args(extra)
                .output()
            {
                Ok(o) => break o,
                Err(e) if tries < 20 => {
                    tries += 1;
                    eprintln!("retrying after {e}");
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(e) => panic!("{e}"),
            }
        }
    };
    assert!(!complete(&other(&[
        "--shard",
        "1/1",
        "--max-bytes",
        "100000"
    ])));
    assert!(complete(&other(&[
        "--shard",
        "1/1",
        "--max-bytes",
        "100000"
    ])));
}

/// Pages whose text has no letters or digits all normalise to the same
/// empty key: none is a duplicate of another, and `--dedup` keeps them.
#[test]
fn pages_without_words_are_not_duplicates_of_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    for (name, tail) in [("p1", "!!!"), ("p2", "???")] {
        fs::write(
            inputs.join(format!("{name}.html")),
            format!("<html><body><article><p>★ ☆ ★ — → ← {tail}</p></article></body></html>"),
        )
        .unwrap();
    }
    for extra in [&[][..], &["--dedup"]] {
        let out = tmp.path().join(format!("out{}", extra.len()));
        assert_eq!(run(&[&inputs], &out, extra).status.code(), Some(0));
        let recs = read_jsonl(&out.join("articles.jsonl"));
        assert_eq!(recs.len(), 2, "{extra:?}: {recs:?}");
        assert_eq!(recs[0]["text_hash"], recs[1]["text_hash"]);
        assert!(recs.iter().all(|r| r["duplicate_of"].is_null()), "{recs:?}");
        assert_eq!(summary(&out)["filtered"], json!({}));
    }
}
